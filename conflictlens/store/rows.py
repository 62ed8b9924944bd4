"""Pure conversions between records and table rows (no database access)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

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


@dataclass(frozen=True)
class EventRows:
    """One event flattened into its rows in events, evidence and attributions."""

    event: tuple[Any, ...]
    evidence: list[tuple[Any, ...]]
    attributions: list[tuple[Any, ...]]
    actors: set[str]
    candidates: list[tuple[Any, ...]]


def document_row(doc: Document, extractor_version: str, now: str) -> tuple[Any, ...]:
    return (
        doc.id, doc.text, doc.url, doc.outlet, doc.title, doc.published, doc.source_path,
        doc.external_id, content_hash(doc.text), extractor_version, now,
    )


def event_rows(event: Event, doc_id: str) -> EventRows:
    """Flatten `event`; the JSON record is built from Event.to_dict, the public contract."""
    if event.document_id != doc_id:
        raise ConflictLensError(
            "CL-E400",
            f"event belongs to document {event.document_id!r}, not {doc_id!r}; "
            "save each event together with its own document",
            subject=event.id,
        )
    data = event.to_dict()
    record = _to_json(_lean(data), event.id)
    date, loc = data["date"], data["location"]
    row = (
        data["id"], data["document_id"], data["event_type"], data["sub_event_type"],
        data["attack_type"], data["target_type"], data["weapon_type"],
        date["start"], date["end"], date["precision"],
        # Upper-cased so the country filter (which upper-cases its argument) matches either form.
        loc["country"].upper() if loc["country"] else None,
        loc["admin1"], loc["admin2"], loc["place"], loc["lat"], loc["lon"], loc["precision"],
        data["perpetrator"], int(bool(data["claimed"])),
        data["fatalities"]["best"], data["injured"]["best"], float(data["confidence"] or 0.0),
        record,
    )
    evidence = [
        (data["id"], name, ev["document_id"], ev["start"], ev["end"], ev["text"])
        for name, items in data["evidence"].items()
        for ev in items
    ]
    attributions = [
        (data["id"], a["actor"], a["stance"], a["by"], a["channel"]) for a in data["attribution"]
    ]
    actors = {a["actor"] for a in data["attribution"] if a["actor"]}
    if data["perpetrator"]:
        actors.add(data["perpetrator"])
    return EventRows(row, evidence, attributions, actors, _candidates(data))


# Parts of the record that are small objects of optional scalars (DateInfo, Location, Casualties).
_SCALAR_PARTS = frozenset(("date", "location", "fatalities", "injured", "perpetrators_killed"))
_EMPTY = (None, "", [], {})


def _lean(data: dict[str, Any]) -> dict[str, Any]:
    """The record without its empty values: Event.from_dict restores them as defaults.

    Imported rows leave most fields empty, and writing the nulls out made the JSON record (and
    the pages SQLite writes) about half again as large.
    """
    lean = {}
    for key, value in data.items():
        if key in _SCALAR_PARTS:
            value = {k: v for k, v in value.items() if v is not None}
        if value not in _EMPTY:
            lean[key] = value
    return lean


def _candidates(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Rows for actor_candidates: the extractor's unknown organisations listed in extra.actor_candidates.

    Malformed entries (not an object, or a name that is not text) are skipped, not fatal.
    """
    listed = data["extra"].get("actor_candidates")
    if not isinstance(listed, list):
        return []
    date_start = data["date"]["start"]
    return [
        (data["id"], data["document_id"], c["name"], _int_or_none(c.get("start")), _int_or_none(c.get("end")),
         c.get("label") if isinstance(c.get("label"), str) else None, date_start)
        for c in listed if isinstance(c, dict) and isinstance(c.get("name"), str)
    ]


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _to_json(data: dict[str, Any], event_id: str) -> str:
    try:
        # allow_nan=False: NaN is not JSON; readers of the record (and json_valid) would choke.
        return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except ValueError:
        raise ConflictLensError(
            "CL-E400", "event holds a NaN or infinite number; replace it with null", subject=event_id
        ) from None


def event_from_record(record: str) -> Event:
    return Event.from_dict(json.loads(record))


def document_from_row(row: tuple[Any, ...]) -> Document:
    return Document(*row)


def insert_sql(table: str, columns: tuple[str, ...], verb: str = "INSERT") -> str:
    marks = ", ".join("?" for _ in columns)
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({marks})"
