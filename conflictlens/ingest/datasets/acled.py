"""ACLED rows (2023+ layout with disorder_type/civilian_targeting/tags, and the older layout) -> events.

actor1 is the perpetrator and actor2 the attacked actor, both linked to the registry; the single
`fatalities` figure becomes low = best = high; time_precision and geo_precision map onto the ladder.
ACLED's event_date is kept as both start and end whatever its precision: ACLED codes one
representative date, and the precision says how far to trust it.
"""

from __future__ import annotations

from conflictlens.ingest.datasets.common import ImportContext, Imported, exact
from conflictlens.ingest.datasets.reference import Layout, countries, to_ours
from conflictlens.ingest.datasets.values import (
    BadValue, code, coordinate, count, extra_columns, iso_date, row_digest, row_ids, text_or_none,
)
from conflictlens.model.records import DateInfo, Event, Location

DATASET = "ACLED"
DATASET_TABLE = "acled"  # model/data/datasets/acled.json


def acled_id(row: dict[str, str]) -> str:
    """The row's own id ("" when missing)."""
    return row.get("event_id_cnty", "").strip()


def acled_event(row: dict[str, str], layout: Layout, ctx: ImportContext) -> Imported:
    dataset_id = acled_id(row)
    if not dataset_id:
        raise BadValue("event_id_cnty", "", "the ACLED event id (e.g. AFG1234)")
    day = iso_date(row, "event_date")
    if day is None:
        raise BadValue("event_date", "", "the event date")
    precision = to_ours(DATASET_TABLE)["time_precision"]
    country = _country(row)
    doc_id, event_id = row_ids(DATASET, dataset_id)
    perpetrator = ctx.perpetrator(row.get("actor1", ""), country, day)
    target = ctx.perpetrator(row.get("actor2", ""), country, day)
    notes = row.get("notes", "").strip()
    event = Event(
        id=event_id, document_id=doc_id,
        event_type=text_or_none(row, "event_type"), sub_event_type=text_or_none(row, "sub_event_type"),
        date=DateInfo(day, day, code(row, "time_precision", precision)),
        location=_location(row, country),
        perpetrator=perpetrator,
        attribution=[ctx.attribution(perpetrator, "attributed", doc_id)] if perpetrator else [],
        fatalities=exact(count(row, "fatalities")),
        summary=notes, confidence=1.0,
        dataset=DATASET, dataset_id=dataset_id, target_actor=target,
        extra=extra_columns(row, ctx.extra_columns),
    )
    return Imported(ctx.document(doc_id, dataset_id, notes), event, ctx.version(row_digest(row)))


def _country(row: dict[str, str]) -> str | None:
    """ISO alpha-2 from ACLED's numeric `iso` (ISO 3166-1 numeric), else from the country name."""
    table = countries()
    numeric = row.get("iso", "").strip().removesuffix(".0").lstrip("0")
    found = table.by_numeric.get(numeric) if numeric else None
    if found is None and row.get("iso3"):
        found = table.by_alpha3.get(row["iso3"].strip().upper())
    return found or table.from_name(row.get("country", ""))


def _location(row: dict[str, str], country: str | None) -> Location:
    geo = to_ours(DATASET_TABLE)["geo_precision"]
    return Location(
        country=country,
        admin1=text_or_none(row, "admin1"),
        admin2=text_or_none(row, "admin2"),
        place=text_or_none(row, "location"),
        lat=coordinate(row, "latitude", 90.0),
        lon=coordinate(row, "longitude", 180.0),
        precision=code(row, "geo_precision", geo),
    )
