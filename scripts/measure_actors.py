"""Measure the actor registry against GTD (read in place from ../shared/data; nothing is copied).

Prints, for GTD rows with a known group (gname != "Unknown"), the share whose `summary` mentions the
coded group according to `find_actors(summary, country, date)`, and find_actors throughput on all
summaries. Exits cleanly when the restricted data is absent.

    python scripts/measure_actors.py [--show-misses]
"""

from __future__ import annotations

import csv
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from conflictlens.actors import ActorRegistry  # noqa: E402

GTD = REPO.parent / "shared" / "data" / "gtd" / "gtd_2021q1_afpak_dev.csv"
COUNTRIES = {"Afghanistan": "AF", "Pakistan": "PK"}


def _rows() -> list[dict[str, str]]:
    with GTD.open(encoding="utf-8", errors="replace", newline="") as fh:
        return list(csv.DictReader(fh))


def _date(row: dict[str, str]) -> str | None:
    try:
        y, m, d = int(row["iyear"]), int(row["imonth"]), int(row["iday"])
    except (KeyError, ValueError):
        return None
    return f"{y:04d}-{max(m, 1):02d}-{max(d, 1):02d}" if y else None


def _found(reg: ActorRegistry, row: dict[str, str], fields: tuple[str, ...]) -> set[str]:
    country, date = COUNTRIES.get(row["country_txt"]), _date(row)
    return {m.canonical for f in fields for m in reg.find_actors(row.get(f) or "", country, date)}


def measure_recall(reg: ActorRegistry, rows: list[dict[str, str]], fields: tuple[str, ...], show_misses: bool) -> None:
    per_group: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for row in rows:
        gname = row.get("gname", "")
        if not gname or gname == "Unknown":
            continue
        entry = reg.by_external_name("gtd", gname) or reg.get(gname)
        target = entry.name if entry else gname
        found = _found(reg, row, fields)
        per_group[gname] += 1
        if target in found:
            hits[gname] += 1
        elif show_misses:
            print(f"  miss {row['eventid']}: {gname} (found: {sorted(found)})")
    total, ok = sum(per_group.values()), sum(hits.values())
    print(f"[{'+'.join(fields)}] GTD rows with a known group: {total}; text names the coded group: "
          f"{ok} ({ok / max(total, 1):.1%})")
    for g, n in per_group.most_common():
        print(f"  {g:45s} {hits[g]:4d}/{n:<4d} {hits[g] / n:.0%}")


def measure_speed(label: str, reg: ActorRegistry, texts: list[str], rounds: int = 5) -> None:
    for t in texts:
        reg.find_actors(t, "AF")  # warm the token caches, as a long run would have them
    t0 = time.perf_counter()
    for _ in range(rounds):
        for t in texts:
            reg.find_actors(t, "AF")
    dt = time.perf_counter() - t0
    n = len(texts) * rounds
    chars = sum(map(len, texts)) * rounds
    print(f"find_actors throughput on {label}: {n / dt:,.0f} texts/s ({chars / dt / 1e6:.2f} M chars/s, "
          f"mean {chars / n:.0f} chars per text)")


def main(argv: list[str]) -> int:
    if not GTD.exists():
        print(f"GTD dev file not found at {GTD}; nothing to measure.")
        return 0
    t0 = time.perf_counter()
    reg = ActorRegistry.load()
    print(f"registry: {len(reg.all())} actors, {len(reg.patterns())} surface forms, loaded in "
          f"{time.perf_counter() - t0:.2f}s")
    rows = _rows()
    show = "--show-misses" in argv
    measure_recall(reg, rows, ("summary",), show)
    measure_recall(reg, rows, ("scite1", "scite2", "scite3"), show)
    summaries = [r["summary"] for r in rows]
    measure_speed("GTD summaries", reg, summaries)
    measure_speed("GTD summary sentences", reg, [s for t in summaries for s in re.split(r"(?<=[.;])\s+", t) if s])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
