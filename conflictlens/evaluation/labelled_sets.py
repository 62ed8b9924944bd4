"""Labelled sets for measuring resolution: label files, gold incidents and hand-coded report events.

Dataset rows are read by the importer (`conflictlens.ingest.datasets`, wired in
`evaluation/resolution.py`), exactly as `conflictlens import` reads them, and labelled here.
Restricted rows are read where they lie and never copied; the label files hold only row ids and
how each link was decided. Label files are TSV with a header: `item<TAB>incident<TAB>note` (ACLED,
reports) or `gtd<TAB>ucdp<TAB>how` (GTD-UCDP links). `#` starts a comment line.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from conflictlens.errors import ConflictLensError
from conflictlens.model.records import Casualties, DateInfo, Event, Evidence, Location
from conflictlens.resolve.profile import Source


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


def labelled_rows(name: str, items: Iterable[tuple[Event, Source]], labels: dict[str, str],
                  path: str | Path) -> LabelledSet:
    """The items whose dataset row the label file names (row id -> incident), in the order given."""
    out = LabelledSet(name)
    for event, source in items:
        if event.dataset_id in labels:
            out.events.append((event, source))
            out.gold[event.id] = labels[event.dataset_id]
    _check_all_found({e.dataset_id for e, _ in out.events}, labels, path)
    return out


def linked_rows(name: str, items: Iterable[tuple[Event, Source]], links: dict[str, str],
                path: str | Path) -> LabelledSet:
    """All the items, each its own incident except linked rows ("GTD:<id>" -> "UCDP:<id>"), which are one."""
    out = LabelledSet(name, events=list(items))
    label_of = {**{a: a for a in links}, **{b: a for a, b in links.items()}}
    for event, _ in out.events:
        row = row_key(event)
        out.gold[event.id] = label_of.get(row, row)
    _check_all_found({row_key(e) for e, _ in out.events}, label_of, path)
    return out


def row_key(event: Event) -> str:
    """"GTD:202101020003": a dataset row as label files name it."""
    return f"{event.dataset}:{event.dataset_id}"


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


def _check_all_found(found: set[str], labels: Iterable[str], path: str | Path) -> None:
    missing = sorted(set(labels) - found)
    if missing:
        raise ConflictLensError("CL-E604", f"labelled rows not found in the data: {', '.join(missing[:5])}", str(path))
