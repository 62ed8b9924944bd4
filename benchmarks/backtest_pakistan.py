"""Escalation backtest and forecast evaluation on UCDP GED Pakistan, through the CLI (docs/analysis.md).

    python benchmarks/backtest_pakistan.py [--data ../shared/data/ucdp/ucdp_ged_pakistan.csv] [--db PATH]

Imports the file into a fresh store (`conflictlens import ucdp`), then runs
`escalation --backtest` (admin1 and admin2) and `forecast --evaluate` on the tune origins (forecasts
of 1990-02 to 2012-12) and the held-out origins (forecasts of 2013-01 to 2021-12), and prints the
tables of docs/analysis.md, held-out first.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "ucdp" / "ucdp_ged_pakistan.csv"
ORIGINS = {"held-out": ("2012-12", "2021-11"), "tune": ("1990-01", "2012-11")}


def cli(db: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "conflictlens.cli", "--db", str(db), "-q", *args],
                          cwd=REPO, capture_output=True, text=True, check=True)
    return done.stdout


def escalation_table(db: Path, unit: str) -> list[str]:
    result = json.loads(cli(db, "escalation", "--backtest", "--unit", unit, "--format", "json"))
    lines = [f"Unit {unit}; model settings chosen on tune years: `{json.dumps(result['settings'])}`", "",
             "| years | method | areas | alerts | right | false alarms | precision | recall | high-violence months |",
             "|---|---|---|---|---|---|---|---|---|"]
    for part, label in (("held_out", "2013-2021 (held out)"), ("tune", "1989-2012 (tune)")):
        for method in ("surge_rule", "model"):
            for areas in ("all", "low_count"):
                s = result[part][method][areas]
                lines.append(f"| {label} | {method} | {areas} | {s['alerts']} | {s['right']} | {s['false_alarms']} | "
                             f"{s['precision']} | {s['recall']} | {s['high_violence_months']} |")
    return lines + [""]


def forecast_table(db: Path, unit: str) -> list[str]:
    lines = [f"Unit {unit}", "", "| origins | target | model | CRPS | IGN | MIS90 | coverage90 |", "|---|---|---|---|---|---|---|"]
    skills = []
    for label, (first, last) in ORIGINS.items():
        result = json.loads(cli(db, "forecast", "--evaluate", "--unit", unit, "--origins-from", first,
                                "--origins-until", last, "--format", "json"))
        for target, block in (("events", result), ("fatalities", result["fatalities"])):
            for name, s in block["scores"].items():
                lines.append(f"| {label} ({result['origins']}) | {target} | {name} | {s['crps']} | {s['ign']} | "
                             f"{s['mis90']} | {s['coverage90']} |")
            skill = block["skill_vs_conflictology"]
            skills.append(f"- {label}, {target}: skill vs conflictology {skill['value']} "
                          f"(90% interval {skill['ci90'][0]} to {skill['ci90'][1]}); served: {block['served']}")
    return lines + [""] + skills + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--db", type=Path, default=None, help="A store to build (default: a temporary one).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "ucdp_pakistan.db"
        if not db.exists():
            cli(db, "import", "ucdp", str(args.data))
        out = ["## Escalation backtest", ""]
        for unit in ("admin1", "admin2"):
            out += escalation_table(db, unit)
        out += ["## Forecast evaluation", ""]
        for unit in ("admin1", "admin2"):
            out += forecast_table(db, unit)
        print("\n".join(out))


if __name__ == "__main__":
    main()
