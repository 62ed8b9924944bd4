"""ACLED, GTD and UCDP GED layouts, column for column as the datasets publish them; plus flat CSV and NDJSON.

A column is rebuilt from the event's fields (date, place, types, actors, casualties). A row that
was imported from the same dataset gives back its own values for every other column (codes,
spellings, sources) from Event.extra, so import -> export -> import keeps every mapped field, and
existing scripts read the output as they read the dataset.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from conflictlens.export.context import PublicView
from conflictlens.export.reference import columns, conventions, field_columns, from_ours
from conflictlens.model.records import Casualties, Event
from conflictlens.model.vocab import vocabularies

FLAT_COLUMNS = (
    "id", "dataset", "dataset_id", "date_start", "date_end", "date_precision", "event_type", "sub_event_type",
    "attack_type", "target_type", "weapon_type", "country", "admin1", "admin2", "place", "lat", "lon",
    "geo_precision", "perpetrator", "target_actor", "claimed", "fatalities_low", "fatalities_best",
    "fatalities_high", "injured_low", "injured_best", "injured_high", "perpetrators_killed_best", "targets",
    "summary", "confidence", "document_id",
)


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)  # floats print their shortest exact form: 34.3482 stays 34.3482


def write_rows(rows: Iterable[dict[str, Any]], header: tuple[str, ...], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def _with_own_columns(row: dict[str, str], event: Event, dataset: str, layout: str) -> dict[str, str]:
    """A row imported from this dataset gives back its own value (or emptiness) in every non-field column."""
    if event.dataset != dataset:
        return row
    fields = field_columns(layout)
    own = {c: text(event.extra.get(c)) for c in columns(layout) if c not in fields}
    return {**row, **own}


# ------------------------------------------------------------------ ACLED

def acled_row(event: Event, view: PublicView) -> dict[str, str]:
    codes, loc, date = from_ours("acled"), event.location, event.date
    country = view.context.country(loc.country) if loc.country else None
    name = view.context.external_name
    row = {
        # A confidential row has lost its dataset id (model.redaction): its pseudonymous event id stands in.
        "event_id_cnty": event.dataset_id if event.dataset == "ACLED" and event.dataset_id else event.id,
        "event_date": text(date.start), "year": (date.start or "")[:4],
        "time_precision": codes["time_precision"].get(date.precision or "", ""),
        "disorder_type": _disorder_type(event),
        "event_type": text(event.event_type), "sub_event_type": text(event.sub_event_type),
        "actor1": name("acled", event.perpetrator) if event.perpetrator else "",
        "actor2": name("acled", event.target_actor) if event.target_actor else "",
        "iso": country[0] if country else "", "country": country[1] if country else "",
        "admin1": text(loc.admin1), "admin2": text(loc.admin2), "location": text(loc.place),
        "latitude": text(loc.lat), "longitude": text(loc.lon),
        "geo_precision": codes["geo_precision"].get(loc.precision or "", ""),
        "source": _outlet(event, view), "notes": event.summary, "fatalities": text(_all_killed(event).best),
    }
    return _with_own_columns(row, event, "ACLED", "acled")


def _disorder_type(event: Event) -> str:
    table = from_ours("acled")["disorder_type"]
    return (table["by_sub_event_type"].get(event.sub_event_type or "")
            or table["by_event_type"].get(event.event_type or "", ""))


def _outlet(event: Event, view: PublicView) -> str:
    if event.dataset:
        return ""
    doc = view.document(event.document_id)
    return text(doc.outlet) if doc else ""


# ------------------------------------------------------------------ GTD

def gtd_row(event: Event, view: PublicView) -> dict[str, str]:
    codes, loc = from_ours("gtd"), event.location
    country = view.context.country(loc.country) if loc.country else None
    vocab = vocabularies()
    row = {
        "eventid": event.dataset_id if _own_gtd_id(event) else _gtd_eventid(event),
        **_gtd_date(event),
        "country_txt": country[1] if country else "",
        "provstate": text(loc.admin1), "city": _gtd_city(event),
        "latitude": text(loc.lat), "longitude": text(loc.lon),
        "specificity": codes["specificity"].get(loc.precision or "", ""),
        "summary": event.summary,
        "attacktype1": _code(vocab.attack_types, event.attack_type), "attacktype1_txt": text(event.attack_type),
        "targtype1": _code(vocab.target_types, event.target_type), "targtype1_txt": text(event.target_type),
        "weaptype1": _code(vocab.weapon_types, event.weapon_type), "weaptype1_txt": text(event.weapon_type),
        "claimed": text(event.claimed),
        "nkill": _gtd_count(_all_killed(event)), "nwound": _gtd_count(event.injured),
        "nkillter": _gtd_count(event.perpetrators_killed),
        **{f"target{i}": t for i, t in enumerate(event.targets[:3], start=1)},
        **_gtd_groups(event, view),
    }
    return _with_own_columns(row, event, "GTD", "gtd")


def _gtd_city(event: Event) -> str:
    """The place; with none, the district as GTD writes it in `city` ("Tank district")."""
    loc = event.location
    if loc.place or not loc.admin2:
        return text(loc.place)
    return loc.admin2 + conventions("gtd")["district_in_city"]


def _gtd_date(event: Event) -> dict[str, str]:
    start, precision = event.date.start or "", event.date.precision
    year, month, day = (start.split("-") + ["", "", ""])[:3]
    month = "0" if precision == "year" else month.lstrip("0")
    day = "0" if precision in ("year", "month") else day.lstrip("0")
    extended = precision == "day" and bool(event.date.end) and event.date.end != start
    return {"iyear": year, "imonth": month, "iday": day, "extended": "1" if extended else "0"}


_MADE_DIGITS = 7  # YYYYMMDD + 7 = 15 digits: never a real GTD id (12), and within what Excel keeps exactly


def _own_gtd_id(event: Event) -> bool:
    return event.dataset == "GTD" and bool(event.dataset_id)


def _gtd_eventid(event: Event) -> str:
    """YYYYMMDD + 7 digits of the event id's hash, for an event not from GTD (write_gtd keeps them distinct).

    GTD's own ids are YYYYMMDD + a 4-digit number: 12 digits. Ours are 15, so they never meet a real
    GTD id in one file, and a spreadsheet keeps all 15 digits (it rounds from the 16th). Four digits
    collided once a day had a hundred or so events.
    """
    day = (event.date.start or "0000-00-00").replace("-", "")
    return _made_id(day, int(hashlib.sha256(event.id.encode()).hexdigest()[:12], 16))


def _made_id(day: str, number: int) -> str:
    return f"{day}{number % 10 ** _MADE_DIGITS:0{_MADE_DIGITS}d}"


def _free_id(made: str, used: set[str]) -> str:
    """`made`, or the next number that day not yet used in this file."""
    while made in used:
        made = _made_id(made[:8], int(made[8:]) + 1)
    used.add(made)
    return made


def _code(vocabulary: tuple[str, ...], value: str | None) -> str:
    return str(vocabulary.index(value) + 1) if value in vocabulary else ""


def _all_killed(event: Event) -> Casualties:
    """Victims and assailants killed: what GTD's nkill and ACLED's fatalities count (the record keeps
    the assailants apart, in perpetrators_killed)."""
    victims, assailants = event.fatalities.best, event.perpetrators_killed.best
    if victims is None or not assailants:
        return event.fatalities
    return Casualties.exact(victims + assailants)


def _gtd_count(casualties: Casualties) -> str:
    return "" if casualties.best is None else f"{float(casualties.best)}"


def _gtd_groups(event: Event, view: PublicView) -> dict[str, str]:
    """gname from the perpetrator (its statement gives guncertain1 and the claim mode); gname2/3 from others."""
    def name(actor: str) -> str:
        return view.context.external_name("gtd", actor)

    out = {"gname": name(event.perpetrator) if event.perpetrator else from_ours("gtd")["unknown_group"]}
    main = next((a for a in event.attribution if a.actor and a.actor == event.perpetrator), None)
    if main is not None:
        out["guncertain1"], out["claimmode_txt"] = text(main.stance == "suspected"), text(main.channel)
    others = [a for a in event.attribution if a.actor and a.actor != event.perpetrator and a.stance != "denied"]
    for n, statement in zip(("2", "3"), others):
        out[f"gname{n}"] = name(statement.actor or "")
        out[f"claim{n}"] = text(statement.stance == "claimed")
        out[f"guncertain{n}"] = text(statement.stance == "suspected")
        out[f"claimmode{n}_txt"] = text(statement.channel)
    return out


# ------------------------------------------------------------------ flat CSV and NDJSON

def flat_row(event: Event) -> dict[str, Any]:
    loc, date = event.location, event.date
    return {
        "id": event.id, "dataset": event.dataset, "dataset_id": event.dataset_id,
        "date_start": date.start, "date_end": date.end, "date_precision": date.precision,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "attack_type": event.attack_type, "target_type": event.target_type, "weapon_type": event.weapon_type,
        "country": loc.country, "admin1": loc.admin1, "admin2": loc.admin2, "place": loc.place,
        "lat": loc.lat, "lon": loc.lon, "geo_precision": loc.precision,
        "perpetrator": event.perpetrator, "target_actor": event.target_actor, "claimed": event.claimed,
        "fatalities_low": event.fatalities.low, "fatalities_best": event.fatalities.best,
        "fatalities_high": event.fatalities.high, "injured_low": event.injured.low,
        "injured_best": event.injured.best, "injured_high": event.injured.high,
        "perpetrators_killed_best": event.perpetrators_killed.best, "targets": "; ".join(event.targets),
        "summary": event.summary, "confidence": event.confidence, "document_id": event.document_id,
    }


def write_acled(events: Iterable[Event], out: IO[str], view: PublicView) -> int:
    return write_rows((acled_row(e, view) for e in events), columns("acled"), out)


def ucdp_row(event: Event, view: PublicView) -> dict[str, str]:
    """A UCDP GED row: the columns an event's fields give (UCDP's own codes come back for imported rows)."""
    loc, date, killed = event.location, event.date, _all_killed(event)
    country = view.context.country(loc.country) if loc.country else None
    name = view.context.external_name
    row = {
        "id": event.dataset_id if event.dataset == "UCDP" and event.dataset_id else event.id,
        "year": (date.start or "")[:4], "date_start": text(date.start), "date_end": text(date.end or date.start),
        "side_a": name("ucdp", event.perpetrator) if event.perpetrator else "",
        "side_b": name("ucdp", event.target_actor) if event.target_actor else "",
        "source_headline": event.summary,
        "where_coordinates": text(loc.place), "where_description": text(loc.place),
        "adm_1": text(loc.admin1), "adm_2": text(loc.admin2), "latitude": text(loc.lat), "longitude": text(loc.lon),
        "country": country[1] if country else "", "best": text(killed.best), "low": text(killed.low),
        "high": text(killed.high),
    }
    return _with_own_columns(row, event, "UCDP", "ucdp")


def write_ucdp(events: Iterable[Event], out: IO[str], view: PublicView) -> int:
    return write_rows((ucdp_row(e, view) for e in events), columns("ucdp"), out)


def write_gtd(events: Iterable[Event], out: IO[str], view: PublicView) -> int:
    return write_rows(_gtd_rows(events, view), columns("gtd"), out)


def _gtd_rows(events: Iterable[Event], view: PublicView) -> Iterator[dict[str, Any]]:
    """GTD rows whose made-up ids are unique in the file: on the rare collision of two events of one day,
    the later one in the file takes the next free number (so that one depends on the export's order)."""
    used: set[str] = set()
    for event in events:
        row = gtd_row(event, view)
        if not _own_gtd_id(event):
            row["eventid"] = _free_id(row["eventid"], used)
        yield row


def write_csv(events: Iterable[Event], out: IO[str], view: PublicView) -> int:
    return write_rows((flat_row(e) for e in events), FLAT_COLUMNS, out)


def write_ndjson(events: Iterable[Event], out: IO[str], view: PublicView) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n
