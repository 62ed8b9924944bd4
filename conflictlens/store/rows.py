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
# Columns read back to rebuild a Document, in the order of its constructor.
DOCUMENT_FIELDS = ("id", "text", "published", "url", "outlet", "title", "source_path", "external_id")


@dataclass(frozen=True)
class EventRows:
    """One event flattened into its rows in events, evidence and attributions."""

    event: tuple[Any, ...]
    evidence: list[tuple[Any, ...]]
    attributions: list[tuple[Any, ...]]
    actors: set[str]


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
    record = _to_json(data, event.id)
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
    return EventRows(row, evidence, attributions, actors)


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
