"""UCDP GED rows (the CSV, and the HDX export with its HXL tag row) -> events.

side_a is taken as the perpetrator and side_b as the attacked side (in one-sided violence side_b is
"Civilians"; in state-based and non-state conflict the two sides fought, UCDP does not say who
started, and side_a is the government by convention). low/best/high deaths map directly; date_prec
and where_prec map onto the ladders; where_coordinates is the place only when where_prec is a
place's (otherwise it names the district, province or a wider area); type_of_violence gives an ACLED
event type and no sub-event type, since UCDP does not code how people were killed
(model/data/datasets/ucdp.json).
"""

from __future__ import annotations

from conflictlens.ingest.datasets.common import ImportContext, Imported
from conflictlens.ingest.datasets.reference import Layout, countries, to_ours
from conflictlens.ingest.datasets.values import (
    BadValue, code, coordinate, count, extra_columns, iso_date, row_digest, row_ids, text_or_none,
)
from conflictlens.model.records import Casualties, DateInfo, Event, Location

DATASET = "UCDP"
DATASET_TABLE = "ucdp"  # model/data/datasets/ucdp.json


def ucdp_id(row: dict[str, str]) -> str:
    """The row's own id ("" when missing); a spreadsheet may have written it as a float."""
    return row.get("id", "").strip().removesuffix(".0")


def ucdp_event(row: dict[str, str], layout: Layout, ctx: ImportContext) -> Imported:
    dataset_id = ucdp_id(row)
    if not dataset_id:
        raise BadValue("id", "", "the UCDP GED event id")
    start, end = iso_date(row, "date_start"), iso_date(row, "date_end")
    if start is None:
        raise BadValue("date_start", "", "the event's first day")
    country = _country(row)
    doc_id, event_id = row_ids(DATASET, dataset_id)
    perpetrator = ctx.perpetrator(row.get("side_a", ""), country, start)
    headline = row.get("source_headline", "").strip()
    dates = to_ours(DATASET_TABLE)["date_prec"]
    event_type = to_ours(DATASET_TABLE)["type_of_violence"].get(row.get("type_of_violence", "").strip())
    event = Event(
        id=event_id, document_id=doc_id,
        event_type=event_type,
        date=DateInfo(start, end or start, code(row, "date_prec", dates)),
        location=_location(row, country),
        perpetrator=perpetrator,
        attribution=[ctx.attribution(perpetrator, "attributed", doc_id)] if perpetrator else [],
        fatalities=Casualties(count(row, "low"), count(row, "best"), count(row, "high")),
        summary=headline, confidence=1.0,
        dataset=DATASET, dataset_id=dataset_id,
        target_actor=ctx.perpetrator(row.get("side_b", ""), country, start),
        extra=extra_columns(row, ctx.extra_columns),
    )
    return Imported(ctx.document(doc_id, dataset_id, headline, _published(row)), event,
                    ctx.version(row_digest(row)))


def _published(row: dict[str, str]) -> str | None:
    """The first source's date ("2004-01-01;2004-01-02" lists one per source); none rather than a bad one."""
    try:
        return iso_date(row, "source_date")
    except BadValue:
        return None


def _country(row: dict[str, str]) -> str | None:
    table = countries()
    found = table.by_alpha3.get(row.get("iso3", "").strip().upper())
    return found or table.from_name(row.get("country", ""))


def _location(row: dict[str, str], country: str | None) -> Location:
    precision = code(row, "where_prec", to_ours(DATASET_TABLE)["where_prec"])
    return Location(
        country=country,
        admin1=text_or_none(row, "adm_1"),
        admin2=text_or_none(row, "adm_2"),
        # At a coarser where_prec, where_coordinates names the district or province ("Swat district"):
        # read as a place, it would stand for a town.
        place=text_or_none(row, "where_coordinates") if precision == "place" else None,
        lat=coordinate(row, "latitude", 90.0),
        lon=coordinate(row, "longitude", 180.0),
        precision=precision,
    )
