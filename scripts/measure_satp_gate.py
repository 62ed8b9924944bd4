"""Measure the event-or-not gate on SATP India incident descriptions (read in place from ../shared/data;
nothing is copied), through the path of `conflictlens extract --input`.

SATP codes every row as an incident, but its arrests, surrenders and seizures of weapons are no
political violence (ACLED: Strategic developments). Two groups of rows of the requested part
(`split_part(incident_number)`, default "tune", so held-out texts are never opened while developing):
- quiet: coded arrest, surrender or seizure only (no assault, bombing, infrastructure or abduction) and
  no one killed or hurt; a political-violence event from one is a false alarm;
- deadly: coded armed assault, bombing, infrastructure or abduction, with at least one death; the
  share that gives a political-violence event is what the gate must keep.
The first --limit rows of each group, in file order.

    python scripts/measure_satp_gate.py [--part tune] [--limit 300] [--show]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from conflictlens.evaluation import split_part  # noqa: E402
from conflictlens.evaluation.extract_path import is_political_violence  # noqa: E402
from conflictlens.pipeline.extraction import build_extractor, extracted_events  # noqa: E402

SATP = REPO.parent / "shared" / "data" / "satp" / "satp_india_coded.csv"
VIOLENT_CODES = ("armed_assault", "bombing", "infrastructure", "abduction")
QUIET_CODES = ("arrest", "surrender", "seizure")


def _number(value: str | None) -> float:
    try:
        return float(value or 0)
    except ValueError:
        return 0.0


def _groups(part: str, limit: int) -> tuple[list[dict], list[dict]]:
    quiet: list[dict] = []
    deadly: list[dict] = []
    with SATP.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            if part != "all" and split_part(row["incident_number"]) != part:
                continue
            violent = any(_number(row[k]) for k in VIOLENT_CODES)
            hurt = _number(row["total_fatalities"]) + _number(row["total_injuries"])
            if not violent and hurt == 0 and any(_number(row[k]) for k in QUIET_CODES) and len(quiet) < limit:
                quiet.append(row)
            elif violent and _number(row["total_fatalities"]) > 0 and len(deadly) < limit:
                deadly.append(row)
    return quiet, deadly


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="tune", choices=("tune", "held-out", "all"))
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--show", action="store_true", help="print the ids and types of quiet rows that alarm")
    args = parser.parse_args()
    if not SATP.is_file():
        sys.exit(f"{SATP} is not present: nothing to measure")
    quiet, deadly = _groups(args.part, args.limit)
    rows = quiet + deadly
    items = ((row["incident_number"], row["incident_summary"] or "") for row in rows)
    violent = [any(is_political_violence(e) for e in events)
               for _id, events in extracted_events(items, build_extractor(), str(SATP))]
    alarms = violent[: len(quiet)]
    found = violent[len(quiet):]
    print(f"SATP {args.part} part: false alarms {sum(alarms)} of {len(quiet)} quiet reports "
          f"({sum(alarms) / max(len(quiet), 1):.3f}); deadly attacks found {sum(found)} of {len(deadly)} "
          f"({sum(found) / max(len(deadly), 1):.3f})")
    if args.show:
        for row, alarm in zip(quiet, alarms):
            if alarm:
                print("  alarm:", row["incident_number"])


if __name__ == "__main__":
    main()
