"""Measure casualty parsing against GTD (restricted; read in place, never copied).

Prints the exact-match share of killed (fatalities + assailants killed vs nkill), injured (vs nwound)
and assailants killed (vs nkillter). Exits cleanly when the file is absent.
Usage: python scripts/measure_casualties.py [path.csv] [--show-misses N]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conflictlens.extract.casualties.parse import parse_casualties  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/gtd/gtd_2021q1_afpak_dev.csv"


def _gold(value: str) -> int | None:
    return int(float(value)) if value.strip() else None


def _score(rows: list[dict[str, str]], show: int) -> dict[str, tuple[int, int]]:
    tallies = {"nkill": [0, 0], "nwound": [0, 0], "nkillter": [0, 0]}
    for row in rows:
        fig = parse_casualties(row["summary"])
        guess = {
            "nkill": (fig.fatalities.best or 0) + (fig.perpetrators_killed.best or 0),
            "nwound": fig.injured.best or 0,
            "nkillter": fig.perpetrators_killed.best or 0,
        }
        for key, tally in tallies.items():
            gold = _gold(row.get(key, ""))
            if gold is None:
                continue
            tally[1] += 1
            tally[0] += guess[key] == gold
            if guess[key] != gold and show > 0:
                show -= 1
                print(f"MISS {key} gold={gold} got={guess[key]} | {row['eventid']}", file=sys.stderr)
    return {k: (v[0], v[1]) for k, v in tallies.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args()
    path = Path(args.path)
    if not path.is_file():
        print(f"GTD file not found at {path}; nothing to measure.")
        return 0
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    started = time.perf_counter()
    scores = _score(rows, args.show_misses)
    elapsed = time.perf_counter() - started
    for key, (hit, total) in scores.items():
        share = hit / total if total else 0.0
        print(f"{key:9s} exact-match {share:.3f} ({hit}/{total})")
    print(f"{len(rows) / elapsed:.0f} summaries/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
