"""Labelled sets for measuring resolution: dataset rows read in place, and gold incident labels.

ACLED rows are read by the importer (`conflictlens.ingest.datasets`, wired by
`evaluation/resolution.py`) and labelled here (`labelled_rows`). The GTD and UCDP readers below
still map rows their own way (UCDP's non-state side as perpetrator, the side that lost people as
target, GTD's "X district" as a district, no ACLED typing for UCDP): through the importer the
GTD-UCDP set scores pair recall 0.28 instead of 0.94, so the importer's mapping, not this set,
is what should change before these readers go. Restricted rows are read where they
lie and never copied; the label files hold only row ids and how each link was decided.
Label files are TSV with a header: `item<TAB>incident<TAB>note` (ACLED, reports) or
`gtd<TAB>ucdp<TAB>how` (GTD-UCDP links). `#` starts a comment line.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Casualties, DateInfo, Event, Evidence, Location
from conflictlens.model.vocab import dataset_table
from conflictlens.resolve.profile import Source, source_of
from conflictlens.resolve.settings import Settings

# (dataset "acled"|"gtd"|"ucdp", name as the dataset writes it, ISO country) -> canonical actor or None
ActorLookup = Callable[[str, str, "str | None"], "str | None"]
_COUNTRIES = {"pakistan": "PK", "afghanistan": "AF", "india": "IN"}
_UCDP_SUFFIXES = (" province", " district", " agency", " town", " village", " area", " city")


@dataclass
class LabelledSet:
    name: str
    events: list[tuple[Event, Source]] = field(default_factory=list)  # in the order they are resolved
    gold: dict[str, str] = field(default_factory=dict)  # event id -> gold incident label
    notes: list[str] = field(default_factory=list)


def read_labels(path: str | Path) -> list[dict[str, str]]:
    """Rows of a TSV label file (comments and blank lines skipped); a coded error if it is unusable."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            lines = [ln for ln in handle if ln.strip() and not ln.lstrip().startswith("#")]
    except (OSError, UnicodeDecodeError) as exc:
        raise ConflictLensError("CL-E604", f"cannot read the label file ({exc}); check the path",
                                str(path)) from None
    rows = list(csv.DictReader(lines, delimiter="\t"))
    if not rows or None in rows[0] or any(v is None for v in rows[0].values()):
        raise ConflictLensError("CL-E604", "label file needs a tab-separated header and rows", str(path))
    return rows


def _rows(path: str | Path) -> Iterator[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as handle:
            yield from csv.DictReader(handle)
    except OSError as exc:
        raise ConflictLensError("CL-E604", f"cannot read the dataset file ({exc.strerror}); check the path",
                                str(path)) from None
    except csv.Error as exc:
        raise ConflictLensError("CL-E604", f"the dataset file is not valid CSV ({exc})", str(path)) from None


def labelled_rows(name: str, items: Iterable[tuple[Event, Source]], labels: dict[str, str],
                  path: str | Path) -> LabelledSet:
    """The items whose dataset row the label file names (row id -> incident), in the order given."""
    out = LabelledSet(name)
    for event, source in items:
        if event.dataset_id in labels:
            out.events.append((event, source))
            out.gold[event.id] = labels[event.dataset_id]
    _check_all_found(out, labels, path)
    return out


def gtd_ucdp_set(gtd_path: str | Path, ucdp_path: str | Path, links_path: str | Path, actors: ActorLookup,
                 s: Settings, first: str = "2021-01-01", last: str = "2021-03-31") -> LabelledSet:
    """GTD Pakistan rows and UCDP GED Pakistan rows of one period; linked pairs are one incident."""
    links = read_labels(links_path)
    partner = {f"GTD:{r['gtd']}": f"UCDP:{r['ucdp']}" for r in links}
    out = LabelledSet(f"GTD vs UCDP GED, Pakistan {first[:7]} to {last[:7]}")
    for row in _rows(gtd_path):
        if _COUNTRIES.get(row.get("country_txt", "").strip().lower()) == "PK":
            event = gtd_event(row, actors)
            if event.date.start and first <= event.date.start <= last:
                out.events.append((event, source_of(event, s)))
    for row in _rows(ucdp_path):
        if row.get("id", "").strip().isdigit() and first <= row.get("date_start", "")[:10] <= last \
                and row.get("country", "").strip().lower() == "pakistan":
            event = ucdp_event(row, actors)
            out.events.append((event, source_of(event, s)))
    ids = {e.id for e, _ in out.events}
    for gtd_id, ucdp_id in partner.items():
        if gtd_id not in ids or ucdp_id not in ids:
            raise ConflictLensError("CL-E604", f"linked rows {gtd_id} / {ucdp_id} are not in the period read",
                                    str(links_path))
    label_of = {**{g: g for g in partner}, **{u: g for g, u in partner.items()}}
    out.gold = {e.id: label_of.get(e.id, e.id) for e, _ in out.events}
    return out


def coded_report_event(row: dict, document_id: str, lead: str) -> Event:
    """The event a perfect extractor would read in one of our reports (reports_coded.jsonl row)."""
    def casualties(value: object) -> Casualties:
        if isinstance(value, list) and len(value) == 2:
            return Casualties(int(value[0]), None, int(value[1]))
        return Casualties.exact(int(value)) if isinstance(value, int) else Casualties()

    try:
        return Event(
            id=f"coded:{row['item']}", document_id=document_id,
            sub_event_type=row.get("sub"), attack_type=row.get("attack"), target_type=row.get("target"),
            date=DateInfo(row["date"], row["date"], "day"),
            location=Location(row.get("country"), row.get("admin1"), row.get("admin2"), row.get("place"),
                              precision=row.get("precision")),
            perpetrator=row.get("perp"), fatalities=casualties(row.get("killed")),
            injured=casualties(row.get("injured")), targets=list(row.get("targets") or []),
            evidence={"summary": [Evidence(document_id, 0, len(lead), lead)]},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConflictLensError("CL-E604", f"coded report row is incomplete ({exc!r})", str(row.get("item"))) from None


def _check_all_found(found: LabelledSet, labels: dict[str, str], path: str | Path) -> None:
    missing = sorted(set(labels) - {e.dataset_id for e, _ in found.events})
    if missing:
        raise ConflictLensError("CL-E604", f"labelled rows not found in the data: {', '.join(missing[:5])}", str(path))


def gtd_event(row: dict[str, str], actors: ActorLookup) -> Event:
    rid = row["eventid"].strip().removesuffix(".0")
    country = _COUNTRIES.get(row.get("country_txt", "").strip().lower())
    city = _text(row.get("city"))
    admin2 = None
    if city and city.lower().endswith(" district"):
        admin2, city = city[: -len(" district")], None
    return Event(
        id=f"GTD:{rid}", document_id=f"GTD:{rid}",
        attack_type=_text(row.get("attacktype1_txt")), target_type=_text(row.get("targtype1_txt")),
        weapon_type=_text(row.get("weaptype1_txt")),
        date=_gtd_date(row),
        location=Location(country, _text(row.get("provstate")), admin2, city, _float(row.get("latitude")),
                          _float(row.get("longitude")), _precision("gtd", "specificity", row.get("specificity"))),
        perpetrator=actors("gtd", row.get("gname", ""), country),
        claimed=row.get("claimed", "").strip() == "1",
        fatalities=_exact(row.get("nkill")), injured=_exact(row.get("nwound")),
        targets=[t for t in (_text(row.get("target1")),) if t],
        summary=row.get("summary", "").strip(), dataset="GTD", dataset_id=rid,
    )


def ucdp_event(row: dict[str, str], actors: ActorLookup) -> Event:
    rid = row["id"].strip()
    country = _COUNTRIES.get(row.get("country", "").strip().lower())
    side_a, side_b = row.get("side_a", "").strip(), row.get("side_b", "").strip()
    # UCDP does not say who attacked: the non-state side is the one datasets of attacks name.
    perpetrator = side_b if side_a.startswith("Government of") else side_a
    target = _who_died(row, side_a, side_b)
    precision = _precision("ucdp", "where_prec", row.get("where_prec"))
    place = _strip(row.get("where_coordinates")) if precision == "place" else None
    return Event(
        id=f"UCDP:{rid}", document_id=f"UCDP:{rid}",
        date=DateInfo(row.get("date_start", "")[:10] or None, row.get("date_end", "")[:10] or None,
                      _precision("ucdp", "date_prec", row.get("date_prec"), "day")),
        location=Location(country, _strip(row.get("adm_1")), _strip(row.get("adm_2")), place,
                          _float(row.get("latitude")), _float(row.get("longitude")), precision),
        perpetrator=actors("ucdp", perpetrator, country) if not perpetrator.startswith("Government of") else None,
        target_actor=actors("ucdp", target, country) if target else None,
        fatalities=Casualties(_int(row.get("low")), _int(row.get("best")), _int(row.get("high"))),
        summary=f"{row.get('source_headline', '')} {row.get('where_description', '')}".strip(),
        dataset="UCDP", dataset_id=rid,
    )


def _who_died(row: dict[str, str], side_a: str, side_b: str) -> str | None:
    """The side whose people died, when only one side lost people (UCDP counts deaths per side)."""
    lost = [side for side, column in ((side_a, "deaths_a"), (side_b, "deaths_b"), ("Civilians", "deaths_civilians"))
            if (_int(row.get(column)) or 0) > 0]
    return lost[0] if len(lost) == 1 else None


def _gtd_date(row: dict[str, str]) -> DateInfo:
    year, month, day = (_int(row.get(k)) or 0 for k in ("iyear", "imonth", "iday"))
    if not year:
        return DateInfo()
    if not month:
        return DateInfo(f"{year:04d}-01-01", f"{year:04d}-12-31", "year")
    if not day:
        last = 31 if month == 12 else (datetime(year, month + 1, 1) - datetime(year, month, 1)).days
        return DateInfo(f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}", "month")
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return DateInfo(iso, iso, "day")


def _precision(dataset: str, column: str, value: str | None, default: str | None = None) -> str | None:
    """A dataset's precision code on our ladder, from the dataset's file the importers read too."""
    return dataset_table(dataset)["to_ours"][column].get((value or "").strip().removesuffix(".0"), default)


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return None if value in ("", "Unknown") else value


def _strip(value: str | None) -> str | None:
    text = _text(value)
    if text is None:
        return None
    for suffix in _UCDP_SUFFIXES:
        if text.lower().endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip() or None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    number = _float(value)
    return int(number) if number is not None and number >= 0 else None


def _exact(value: str | None) -> Casualties:
    n = _int(value)
    return Casualties() if n is None else Casualties.exact(n)
