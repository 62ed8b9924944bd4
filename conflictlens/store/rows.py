"""Pure conversions between records and table rows (no database access)."""

from __future__ import annotations

import json
import math
from typing import Any, NamedTuple

import orjson

from conflictlens.errors import ConflictLensError
from conflictlens.model.ids import content_hash
from conflictlens.model.records import Document, Event

DOCUMENT_COLUMNS = (
    "id", "text", "url", "outlet", "title", "published", "source_path", "external_id",
    "content_hash", "extractor_version", "extracted_at",
)
EVENT_COLUMNS = (
    "id", "document_id", "event_type", "sub_event_type", "attack_type", "target_type",
    "weapon_type", "date_start", "date_end", "date_precision", "country", "admin1", "admin2",
    "place", "lat", "lon", "geo_precision", "perpetrator", "claimed", "fatalities_best",
    "injured_best", "confidence", "record",
)
EVIDENCE_COLUMNS = ("event_id", "field", "document_id", "start", '"end"', "text")
ATTRIBUTION_COLUMNS = ("event_id", "actor", "stance", '"by"', "channel")
CANDIDATE_COLUMNS = ("event_id", "document_id", "name", "start", '"end"', "label", "date_start")
# Columns read back to rebuild a Document, in the order of its constructor.
DOCUMENT_FIELDS = ("id", "text", "published", "url", "outlet", "title", "source_path", "external_id")


class EventRows(NamedTuple):
    """One event flattened into its rows in events, evidence, attributions and actor_candidates.

    A named tuple of plain values, so that a worker process can hand it over cheaply.
    """

    event: tuple[Any, ...]
    evidence: list[tuple[Any, ...]]
    attributions: list[tuple[Any, ...]]
    actors: set[str]
    candidates: list[tuple[Any, ...]]


class PreparedDocument(NamedTuple):
    """A document and its events as rows, ready for Store.save_prepared; `version` keys re-saves.

    Empty `fields` and `events` mark a document its preparer found stored with this version
    already (see `unchanged`): the store skips it, and refuses it if that is no longer so.
    """

    id: str
    version: str
    fields: tuple[Any, ...]  # DOCUMENT_COLUMNS up to content_hash: no version, no timestamps
    events: list[EventRows]


def document_fields(doc: Document) -> tuple[Any, ...]:
    return (doc.id, doc.text, doc.url, doc.outlet, doc.title, doc.published, doc.source_path, doc.external_id,
            content_hash(doc.text))


def document_row(doc: Document, extractor_version: str, now: str) -> tuple[Any, ...]:
    return (*document_fields(doc), extractor_version, now)


def prepare(doc: Document, events: list[Event], version: str) -> PreparedDocument:
    """Flatten a document and its events (pure: a worker process may do it)."""
    return PreparedDocument(doc.id, version, document_fields(doc), [event_rows(e, doc.id) for e in events])


def unchanged(doc_id: str, version: str) -> PreparedDocument:
    """A document stored with `version` already: nothing to flatten."""
    return PreparedDocument(doc_id, version, (), [])


def prepared_document(prepared: PreparedDocument) -> Document:
    """The Document a prepared one was made from (its text, source and dates; confidentiality is not kept)."""
    doc_id, text, url, outlet, title, published, source_path, external_id, _ = prepared.fields
    return Document(doc_id, text, published, url, outlet, title, source_path, external_id)


def event_rows(event: Event, doc_id: str) -> EventRows:
    """Flatten `event` into its rows; the JSON record holds what Event.to_dict gives, less its empty values."""
    if event.document_id != doc_id:
        raise ConflictLensError(
            "CL-E400",
            f"event belongs to document {event.document_id!r}, not {doc_id!r}; "
            "save each event together with its own document",
            subject=event.id,
        )
    date, loc = event.date, event.location
    row = (
        event.id, event.document_id, event.event_type, event.sub_event_type,
        event.attack_type, event.target_type, event.weapon_type,
        date.start, date.end, date.precision,
        # Upper-cased so the country filter (which upper-cases its argument) matches either form.
        loc.country.upper() if loc.country else None,
        loc.admin1, loc.admin2, loc.place, loc.lat, loc.lon, loc.precision,
        event.perpetrator, int(bool(event.claimed)),
        event.fatalities.best, event.injured.best, float(event.confidence or 0.0),
        record_json(event),
    )
    evidence = [
        (event.id, name, ev.document_id, ev.start, ev.end, ev.text)
        for name, items in event.evidence.items()
        for ev in items
    ]
    attributions = [(event.id, a.actor, a.stance, a.by, a.channel) for a in event.attribution]
    actors = {a.actor for a in event.attribution if a.actor}
    if event.perpetrator:
        actors.add(event.perpetrator)
    return EventRows(row, evidence, attributions, actors, _candidates(event))


# Event fields by shape: scalars, small objects of optional scalars, and the rest (lists, dicts).
_PARTS = frozenset(("date", "location", "fatalities", "injured", "perpetrators_killed"))
_COLLECTIONS = frozenset(("attribution", "targets", "evidence", "extra"))
_DEFAULTS = {"summary": "", "claimed": False}  # besides None, the values from_dict fills in by itself


def record_json(event: Event) -> str:
    """The stored record: Event.to_dict without its empty values (Event.from_dict restores them).

    Built from the fields (a dataclass's __dict__ holds exactly its fields, in order) and written by
    orjson, because this was most of the Python cost of a bulk import; the test suite checks it
    reads back equal to the event. Imported rows leave most fields empty, and writing the nulls
    out made the record about a fifth larger.
    """
    record: dict[str, Any] = {}
    for name, value in event.__dict__.items():
        if name in _PARTS:
            value = {k: v for k, v in value.__dict__.items() if v is not None}
            if not value:
                continue
        elif value is None or (not value and name in _COLLECTIONS) or (name in _DEFAULTS and value == _DEFAULTS[name]):
            continue
        elif name == "attribution":
            value = [_lean_attribution(a) for a in value]
        record[name] = value
    try:
        written = orjson.dumps(record)
    except (orjson.JSONEncodeError, TypeError):
        # Keys that are not text, integers beyond 64 bits: refused, or the standard encoder's reading.
        _check_finite(event, record)
        full = event.to_dict()
        return _to_json({k: full[k] if k in _COLLECTIONS else v for k, v in record.items()}, event.id)
    # orjson writes NaN and infinities as null, and the record leaves None out wherever from_dict
    # restores it: a record without a null holds neither, and most need no walk through their values.
    if b"null" in written:
        _check_finite(event, record)
    return written.decode()


def _lean_attribution(attribution: Any) -> dict[str, Any]:
    """An Attribution as to_dict gives it, less the None values its defaults restore (`actor` has none)."""
    return {k: v for k, v in attribution.__dict__.items() if v is not None or k == "actor"}


_INT_LIMITS = (-(1 << 63), (1 << 64) - 1)  # what orjson writes and reads back exactly
_PLAIN = frozenset((str, bool, type(None)))


def _check_finite(event: Event, record: dict[str, Any]) -> None:
    """Refuse what JSON cannot hold or read back exactly: NaN and infinities (orjson would quietly
    write null) and whole numbers beyond 64 bits. Walks every value of the record."""
    pending: list[Any] = [record]
    while pending:
        value = pending.pop()
        kind = type(value)
        if kind in _PLAIN:
            continue
        if kind is float and not math.isfinite(value):
            raise ConflictLensError("CL-E400", "event holds a NaN or infinite number; replace it with null",
                                    subject=event.id)
        if kind is int and not _INT_LIMITS[0] <= value <= _INT_LIMITS[1]:
            raise ConflictLensError("CL-E400", "event holds a whole number beyond 64 bits; store it as text",
                                    subject=event.id)
        if kind is dict:
            pending.extend(value.values())
        elif kind is list or kind is tuple:
            pending.extend(value)
        elif hasattr(value, "__dataclass_fields__"):
            pending.extend(value.__dict__.values())


def _candidates(event: Event) -> list[tuple[Any, ...]]:
    """Rows for actor_candidates: the extractor's unknown organisations listed in extra.actor_candidates.

    Malformed entries (not an object, or a name that is not text) are skipped, not fatal.
    """
    listed = event.extra.get("actor_candidates")
    if not isinstance(listed, list):
        return []
    return [
        (event.id, event.document_id, c["name"], _int_or_none(c.get("start")), _int_or_none(c.get("end")),
         c.get("label") if isinstance(c.get("label"), str) else None, event.date.start)
        for c in listed if isinstance(c, dict) and isinstance(c.get("name"), str)
    ]


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _to_json(data: Any, event_id: str) -> str:
    try:
        # allow_nan=False: NaN is not JSON; readers of the record (and json_valid) would choke.
        return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except ValueError:
        raise ConflictLensError(
            "CL-E400", "event holds a NaN or infinite number; replace it with null", subject=event_id
        ) from None


def event_from_record(record: str) -> Event:
    return Event.from_dict(orjson.loads(record))


def document_from_row(row: tuple[Any, ...]) -> Document:
    return Document(*row)


def insert_sql(table: str, columns: tuple[str, ...], verb: str = "INSERT") -> str:
    marks = ", ".join("?" for _ in columns)
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({marks})"
