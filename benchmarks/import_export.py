"""Import and export throughput over generated ACLED-layout rows, beside a bare csv.reader pass.

Usage: python benchmarks/import_export.py [--rows 100000] [--keep DIR]

Generates a 2023+ ACLED-layout CSV (invented values, no real rows), then times, in the same run:
  baseline  a bare csv.reader pass over the file (the floor any importer sits on);
  parse     the ACLED importer turning rows into events, actors linked to the registry;
  import    the same plus storing them (documents, events, full-text index, clashes) in a new
            database, as `conflictlens import --no-resolve` does: once parsing in this process,
            once with a worker process parsing while this one writes (the default for big files);
  reimport  the same file again (every row unchanged: nothing is written);
  import + incident resolution   the default import, each row merged into its incident (the
            generated rows are far denser than real data, about ten events per place and day, so
            each row meets many candidate incidents: real files resolve about three times faster);
  export    the stored events out as ACLED CSV, NDJSON and GeoJSON.
Each line prints rows/s and the ratio to the baseline. Goal: import >= 20,000 rows/s.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from conflictlens.ingest.datasets import import_rows, layout_of  # noqa: E402
from conflictlens.pipeline import interop  # noqa: E402
from conflictlens.pipeline.dataset_rows import dataset_actor_lookup  # noqa: E402
from conflictlens.pipeline.session import registry_of  # noqa: E402
from conflictlens.store import Store  # noqa: E402

GOAL = 20_000
ACTORS = ("Taliban", "Islamic State Khorasan Province", "Military Forces of Afghanistan (2004-2021)",
          "Unidentified Armed Group (Afghanistan)", "Tehrik-i-Taliban Pakistan", "Civilians (Afghanistan)", "")
TYPES = (("Battles", "Armed clash"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Violence against civilians", "Attack"), ("Explosions/Remote violence", "Air/drone strike"))
PLACES = (("Kabul", "Kabul", "Kabul", 34.5167, 69.1833), ("Nangarhar", "Jalalabad", "Jalalabad", 34.4265, 70.4515),
          ("Helmand", "Lashkar Gah", "Lashkar Gah", 31.5938, 64.3716), ("Kunduz", "Kunduz", "Kunduz", 36.728, 68.868))


def generate(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    columns = layout_of("acled").columns
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for i in range(rows):
            event_type, sub = rng.choice(TYPES)
            admin1, admin2, place, lat, lon = rng.choice(PLACES)
            day = f"20{rng.randint(17, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            values = {
                "event_id_cnty": f"AFG{i + 1}", "event_date": day, "year": day[:4],
                "time_precision": str(rng.choice((1, 1, 1, 2, 3))), "disorder_type": "Political violence",
                "event_type": event_type, "sub_event_type": sub, "actor1": rng.choice(ACTORS),
                "inter1": "Rebel group", "actor2": rng.choice(ACTORS), "interaction": "Rebel group-Civilians",
                "civilian_targeting": rng.choice(("", "Civilian targeting")), "iso": "4",
                "region": "Caucasus and Central Asia", "country": "Afghanistan", "admin1": admin1,
                "admin2": admin2, "location": place, "latitude": f"{lat + rng.uniform(-0.05, 0.05):.4f}",
                "longitude": f"{lon + rng.uniform(-0.05, 0.05):.4f}", "geo_precision": str(rng.choice((1, 2, 3))),
                "source": "Pajhwok Afghan News", "source_scale": "National",
                "notes": f"On {day}, an invented event number {i} for the benchmark; {rng.randint(0, 9)} killed.",
                "fatalities": str(rng.randint(0, 9)), "tags": "", "timestamp": str(1600000000 + i),
            }
            writer.writerow([values.get(c, "") for c in columns])


def timed(label: str, rows: int, baseline: float | None, work) -> float:
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    rate = rows / seconds
    ratio = f"  ({rate / baseline:.3f} x csv.reader)" if baseline else ""
    print(f"{label:<22} {seconds:8.2f} s  {rate:12,.0f} rows/s{ratio}", flush=True)
    return rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="Folder to keep the CSV and database in.")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cl-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    source, db = folder / "acled_generated.csv", folder / "bench.db"
    for name in ("bench.db", "serial.db", "resolved.db"):
        for suffix in ("", "-wal", "-shm"):
            (folder / f"{name}{suffix}").unlink(missing_ok=True)
    generate(source, args.rows)
    lookup = dataset_actor_lookup(registry_of((), ()))
    print(f"{args.rows:,} generated ACLED rows in {source}")

    def bare() -> None:
        with source.open(encoding="utf-8", newline="") as handle:
            for _ in csv.reader(handle):
                pass

    base = timed("baseline csv.reader", args.rows, None, bare)
    timed("parse (rows->events)", args.rows, base, lambda: sum(1 for _ in import_rows("acled", source, lookup)))
    with Store.open(db.with_name("serial.db")) as store:
        serial = timed("import, one process", args.rows, base,
                       lambda: interop.import_dataset("acled", source, store, resolve=False, parallel=False))
    with Store.open(db) as store:
        rate = timed("import, parse worker", args.rows, base,
                     lambda: interop.import_dataset("acled", source, store, resolve=False, parallel=True))
        timed("reimport (unchanged)", args.rows, base,
              lambda: interop.import_dataset("acled", source, store, resolve=False))
    with Store.open(db.with_name("resolved.db")) as store:
        timed("import + incident resolution", args.rows, base,
              lambda: interop.import_dataset("acled", source, store, resolve=True))
        for fmt in ("acled", "ndjson", "geojson"):
            timed(f"export {fmt}", args.rows, base, lambda: interop.export_events(fmt, store, io.StringIO()))
    best = max(serial, rate)
    print(f"import goal {GOAL:,} rows/s: {'met' if best >= GOAL else 'not met'} ({best:,.0f} rows/s)")


if __name__ == "__main__":
    main()
