"""Measure the geo stage on the GTD dev file (read in place; restricted data, never copied).

For each row: find_places + best_location on `summary`, then the share of rows whose country,
province (provstate) and city (place or district vs `city`) agree, plus load time and throughput.
Exits cleanly (status 0) when the GTD file is absent.
"""

from __future__ import annotations

import csv
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GTD = ROOT.parent / "shared" / "data" / "gtd" / "gtd_2021q1_afpak_dev.csv"
COUNTRY = {"Afghanistan": "AF", "Pakistan": "PK"}
_SUFFIX = re.compile(r"\s+(district|city|town|village|province|area)$")


def _norm(name: str | None) -> str:
    from conflictlens.geo.normalize import name_key

    return _SUFFIX.sub("", name_key(name or ""))


def _same(gaz, ours: str | None, coded: str, kind: str | None, country: str | None) -> bool:
    """Equal after normalisation, or both spellings name the same gazetteer entry."""
    if not ours or not coded:
        return False
    if _norm(ours) == _norm(coded):
        return True
    a = {e.id for e in gaz.lookup(ours, kind=kind, country=country)}
    b = {e.id for e in gaz.lookup(_SUFFIX.sub("", coded.lower()), kind=kind, country=country)}
    return bool(a & b)


def main() -> int:
    if not GTD.is_file():
        print(f"GTD dev file not found at {GTD}; nothing to measure.")
        return 0
    t0 = time.perf_counter()
    from conflictlens.geo import Gazetteer

    gaz = Gazetteer.load()
    load_s = time.perf_counter() - t0
    with open(GTD, encoding="utf-8", errors="replace", newline="") as fh:
        rows = list(csv.DictReader(fh))
    hits = {"country": 0, "admin1": 0, "city": 0}
    city_rows = 0
    for r in rows:
        loc, _ = gaz.best_location(gaz.find_places(r["summary"]))
        cc = COUNTRY.get(r["country_txt"])
        hits["country"] += loc.country == cc
        hits["admin1"] += _same(gaz, loc.admin1, r["provstate"], "admin1", cc)
        if r["city"] and r["city"] != "Unknown":
            city_rows += 1
            hits["city"] += (_same(gaz, loc.place, r["city"], None, cc)
                             or _same(gaz, loc.admin2, r["city"], None, cc))
    n = len(rows)
    print(f"rows {n}; load {load_s:.3f} s")
    print(f"country {hits['country'] / n:.3f}  admin1 {hits['admin1'] / n:.3f}  "
          f"city {hits['city'] / max(city_rows, 1):.3f} (of {city_rows} rows with a known city)")
    _throughput(gaz, rows)
    return 0


def _throughput(gaz, rows: list[dict[str, str]]) -> None:
    sentences = [s for r in rows for s in re.split(r"(?<=[.!?])\s+", r["summary"]) if s]
    reps = max(1, 100_000 // max(len(sentences), 1))
    t0 = time.perf_counter()
    for _ in range(reps):
        for s in sentences:
            gaz.find_places(s)
    dt = time.perf_counter() - t0
    print(f"find_places: {reps * len(sentences) / dt:,.0f} sentences/s")


if __name__ == "__main__":
    raise SystemExit(main())
