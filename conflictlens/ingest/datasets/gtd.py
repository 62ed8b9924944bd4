"""GTD rows (all 135 columns, CSV or XLSX) -> events.

The date comes from iyear/imonth/iday, where 0 means unknown: the date then spans the month or the
year, with that precision. `specificity` maps onto the geo ladder; a `city` GTD writes as
"<name> district" (its way of naming the district when the town is unknown) is the district.
Each of gname, gname2 and gname3 becomes an attribution whose stance is "claimed" when GTD codes a
claim, "suspected" when GTD marks the attribution uncertain (guncertainN), else "attributed", with
the claim mode as its channel. nkill/nwound/nkillter are exact counts. nkill includes the
assailants and nkillter is their share; a record's `fatalities` counts victims, so it takes nkill
less nkillter (the export adds them back). nwound stays whole: the record has no field for wounded assailants.
"""

from __future__ import annotations

from conflictlens.ingest.datasets.common import ImportContext, Imported, exact
from conflictlens.ingest.datasets.reference import Layout, conventions, countries, to_ours
from conflictlens.ingest.datasets.values import (
    BadValue, code, coordinate, count, extra_columns, integer, iso_date, partial_date, row_digest, row_ids,
    text_or_none,
)
from conflictlens.model.records import Attribution, DateInfo, Event, Location

DATASET = "GTD"
DATASET_TABLE = "gtd"  # model/data/datasets/gtd.json
UNKNOWN_GROUP = "Unknown"  # GTD's gname for "no group known": never a perpetrator, registry or not
# (group, claimed flag, uncertainty flag, claim mode) for the three groups GTD can name.
_GROUP_COLUMNS = (
    ("gname", "claimed", "guncertain1", "claimmode_txt"),
    ("gname2", "claim2", "guncertain2", "claimmode2_txt"),
    ("gname3", "claim3", "guncertain3", "claimmode3_txt"),
)


def gtd_id(row: dict[str, str]) -> str:
    """The row's own id ("" when missing); a spreadsheet may have written it as a float."""
    return row.get("eventid", "").strip().removesuffix(".0")


def gtd_event(row: dict[str, str], layout: Layout, ctx: ImportContext) -> Imported:
    dataset_id = gtd_id(row)
    if not dataset_id:
        raise BadValue("eventid", "", "the GTD event id")
    date = _date(row)
    country = countries().from_name(row.get("country_txt", ""))
    doc_id, event_id = row_ids(DATASET, dataset_id)
    attributions = _attributions(row, ctx, country, date.start, doc_id)
    target = ctx.actor(row.get("corp1", ""), country, date.start)
    summary = row.get("summary", "").strip()
    event = Event(
        id=event_id, document_id=doc_id,
        attack_type=text_or_none(row, "attacktype1_txt"), target_type=text_or_none(row, "targtype1_txt"),
        weapon_type=text_or_none(row, "weaptype1_txt"),
        date=date, location=_location(row, country),
        perpetrator=_group(row, "gname", ctx, country, date.start),
        attribution=attributions,
        claimed=row.get("claimed", "").strip() == "1",
        fatalities=exact(_victims_killed(row)), injured=exact(count(row, "nwound")),
        perpetrators_killed=exact(count(row, "nkillter")),
        targets=[t for t in (row.get(f"target{i}", "").strip() for i in (1, 2, 3)) if t],
        summary=summary, confidence=1.0,
        dataset=DATASET, dataset_id=dataset_id,
        target_actor=target.canonical if target and target.in_registry and not target.unidentified else None,
        extra=extra_columns(row, ctx.extra_columns),
    )
    event.event_type, event.sub_event_type = _acled_typing(row, event.attack_type, event.target_type)
    return Imported(ctx.document(doc_id, dataset_id, summary), event, ctx.version(row_digest(row)))


def _victims_killed(row: dict[str, str]) -> int | None:
    """nkill less the assailants' share (nkillter), when GTD gives a share that fits in it."""
    killed, assailants = count(row, "nkill"), count(row, "nkillter")
    if killed is None or assailants is None or assailants > killed:
        return killed
    return killed - assailants


def _date(row: dict[str, str]) -> DateInfo:
    parts = (integer(row, "iyear"), integer(row, "imonth"), integer(row, "iday"))
    start, end, precision = partial_date(*parts, "iyear/imonth/iday")
    if row.get("extended", "").strip() == "1":
        resolved = iso_date(row, "resolution")
        end = resolved if resolved and resolved >= start else end
    return DateInfo(start, end, precision)


def _group(row: dict[str, str], column: str, ctx: ImportContext, country: str | None, date: str | None
           ) -> str | None:
    name = row.get(column, "")
    return None if name.strip() == UNKNOWN_GROUP else ctx.perpetrator(name, country, date)


def _attributions(row: dict[str, str], ctx: ImportContext, country: str | None, date: str | None,
                  doc_id: str) -> list[Attribution]:
    stances = to_ours(DATASET_TABLE)["claim_stance"]
    out = []
    for group, claimed, uncertain, mode in _GROUP_COLUMNS:
        actor = _group(row, group, ctx, country, date)
        if actor is None:
            continue
        if row.get(claimed, "").strip() == "1":
            stance = stances["claimed"]
        elif row.get(uncertain, "").strip().removesuffix(".0") == "1":
            stance = stances["uncertain"]
        else:
            stance = stances["default"]
        out.append(ctx.attribution(actor, stance, doc_id, text_or_none(row, mode)))
    return out


def _location(row: dict[str, str], country: str | None) -> Location:
    specificity = to_ours(DATASET_TABLE)["specificity"]
    district, place = _district_or_place(text_or_none(row, "city"))
    return Location(
        country=country,
        admin1=text_or_none(row, "provstate"),
        admin2=district,
        place=place,
        lat=coordinate(row, "latitude", 90.0),
        lon=coordinate(row, "longitude", 180.0),
        precision=code(row, "specificity", specificity),
    )


def _district_or_place(city: str | None) -> tuple[str | None, str | None]:
    """(district, place) of GTD's `city`: "Tank district" names the district, anything else the place."""
    suffix = conventions(DATASET_TABLE)["district_in_city"]
    if city and city.lower().endswith(suffix) and city[: -len(suffix)].strip():
        return city[: -len(suffix)].strip(), None
    return None, city


def _acled_typing(row: dict[str, str], attack: str | None, target: str | None) -> tuple[str | None, str | None]:
    """ACLED event and sub-event type of a GTD attack (model/data/datasets/gtd.json), for filters and ACLED export."""
    table = to_ours(DATASET_TABLE)["attack_type"]
    armed = to_ours(DATASET_TABLE)["armed_targets"]
    if attack == "Bombing/Explosion" and row.get("suicide", "").strip() == "1":
        pair = table["suicide"]
    elif attack == "Armed Assault" and target in armed["types"]:
        pair = armed["typing"]
    else:
        pair = table.get(attack or "", (None, None))
    return pair[0], pair[1]
