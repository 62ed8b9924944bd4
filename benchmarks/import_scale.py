"""`conflictlens import` at scale: the command users type, on a store, beside a bare csv.reader pass.

Usage: python benchmarks/import_scale.py [--rows 100000] [--datasets ucdp acled] [--resolve-sizes]
                                         [--keep DIR]

Real-layout rows: the real UCDP GED Pakistan file (../shared/data/ucdp, CC BY 4.0, read in place) is
copied over and over, each copy moved 33 years later (the file's own span) and given new ids, so
the rows have the real file's shapes and density (places, dates, precisions, actors, tolls, one
incident in ~1.1 rows) at any size. The ACLED-layout file maps the same rows to ACLED's columns.
The files go to a temporary folder (or --keep DIR) and are never committed.

Times, each as a separate `conflictlens --db DB import DATASET FILE` process (start-up included):
  baseline        a bare csv.reader pass over the same file, in this process;
  --no-resolve    the import into a new store;
  resolve         the default import, every row merged into its incident;
  real UCDP       the real file itself, both ways;
  re-resolve      `conflictlens incidents resolve` over a store the --no-resolve import filled
                  (every stored event resolved again), at each --resolve-sizes size, and the
                  time ratio between sizes (goal: <= 1.2 x the size ratio; 1M events < 3 min).
Each line prints wall seconds, rows/s, the CPU seconds of the command and the ratio of its CPU time
to the baseline's per row (the machine may be shared: CPU time varies less than wall time).
Goals: resolve >= 5,000 rows/s, --no-resolve >= 10,000 rows/s on 100k rows.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UCDP = ROOT.parent / "shared" / "data" / "ucdp" / "ucdp_ged_pakistan.csv"
SPAN_YEARS = 33  # 1989-2021: each copy of the file starts after the one before ends
GOALS = {"resolve": 5_000, "no-resolve": 10_000}
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")
_VIOLENCE = {"1": ("Battles", "Armed clash"), "2": ("Battles", "Armed clash"),
             "3": ("Violence against civilians", "Attack")}


def _later(iso: str, years: int) -> str:
    """`iso` moved `years` later (29 February becomes the 28th in a common year)."""
    if not iso:
        return iso
    day = date.fromisoformat(iso[:10])
    try:
        return day.replace(year=day.year + years).isoformat()
    except ValueError:
        return day.replace(year=day.year + years, day=28).isoformat()


def _real_rows() -> tuple[list[str], list[dict[str, str]]]:
    with UCDP.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [row for row in reader if not row["id"].startswith("#") and row["id"]]
    return list(reader.fieldnames or ()), rows


def ucdp_copy(row: dict[str, str], copy: int) -> dict[str, str]:
    years = copy * SPAN_YEARS
    out = dict(row, id=str(int(row["id"]) + copy * 10_000_000), date_start=_later(row["date_start"], years),
               date_end=_later(row["date_end"], years))
    out["year"] = out["date_start"][:4]
    return out


def acled_row(row: dict[str, str], number: int) -> dict[str, str]:
    event_type, sub = _VIOLENCE.get(row["type_of_violence"], ("Battles", "Armed clash"))
    prec = int(row["date_prec"] or 1)
    where = int(row["where_prec"] or 1)
    return {"event_id_cnty": f"PAK{number}", "event_date": row["date_start"], "year": row["date_start"][:4],
            "time_precision": "1" if prec == 1 else "2" if prec <= 3 else "3", "disorder_type": "Political violence",
            "event_type": event_type, "sub_event_type": sub, "actor1": row["side_a"], "actor2": row["side_b"],
            "iso": "586", "region": "Southern Asia", "country": "Pakistan",
            "admin1": row["adm_1"].replace(" province", ""), "admin2": row["adm_2"].replace(" district", ""),
            "location": row["where_coordinates"], "latitude": row["latitude"], "longitude": row["longitude"],
            "geo_precision": "1" if where <= 2 else "2" if where == 3 else "3", "source": row["source_office"],
            "source_scale": "National", "notes": row["source_headline"], "fatalities": row["best"],
            "timestamp": str(1_600_000_000 + number)}


def generate(dataset: str, rows: int, path: Path) -> None:
    """`rows` real-layout rows of `dataset` (ucdp or acled) made from the real UCDP file's rows."""
    columns, real = _real_rows()
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, columns if dataset == "ucdp" else ACLED_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for n in range(rows):
            row = ucdp_copy(real[n % len(real)], n // len(real))
            writer.writerow(row if dataset == "ucdp" else acled_row(row, n + 1))


def bare_pass(path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of a bare csv.reader pass over `path`."""
    wall, cpu = time.perf_counter(), time.process_time()
    with path.open(encoding="utf-8", newline="") as handle:
        for _ in csv.reader(handle):
            pass
    return time.perf_counter() - wall, time.process_time() - cpu


def command(db: Path, *args: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one `conflictlens --db DB ARGS` process, running this checkout's code."""
    wall, cpu, _written = run_cli(db, *args)
    return wall, cpu


def run_cli(db: Path, *args: str, code: Path = ROOT, env: dict[str, str] | None = None,
            ok: tuple[int, ...] = (0, 1)) -> tuple[float, float, int]:
    """(wall, CPU seconds, bytes written to disk) of one `conflictlens --db DB ARGS` process running the
    checkout at `code`, with `env` added to the environment; a return code not in `ok` stops the run
    (1: some rows left out, named on stderr). The bytes are the kernel's count of the child's writes
    (`ru_oublock`, in 512-byte blocks: /proc/PID/io's write_bytes). Another checkout runs from its own
    folder: `python -c` reads the current folder's package before PYTHONPATH's."""
    env = dict(os.environ, PYTHONPATH=str(code), **(env or {}))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", "from conflictlens.cli import main; main()", "--db", str(db), *args],
                          env=env, cwd=None if code == ROOT else code, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in ok:
        raise SystemExit(f"conflictlens {' '.join(args)} failed ({code}):\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, (after.ru_oublock - before.ru_oublock) * 512


def fresh(db: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db


def show(label: str, rows: int, wall: float, cpu: float, base_cpu: float, goal: int | None = None) -> None:
    verdict = f"  goal {goal:,}: {'met' if rows / wall >= goal else 'not met'}" if goal else ""
    print(f"{label:<34} {wall:8.1f} s {rows / wall:10,.0f} rows/s  CPU {cpu:7.1f} s "
          f"({cpu / base_cpu:6.1f} x csv.reader){verdict}", flush=True)


def imports(dataset: str, path: Path, rows: int, folder: Path, label: str = "") -> None:
    base_wall, base_cpu = bare_pass(path)
    print(f"{label or dataset} {rows:,} rows: csv.reader {base_wall:.2f} s wall, {base_cpu:.2f} s CPU "
          f"({rows / base_wall:,.0f} rows/s)", flush=True)
    for mode in ("no-resolve", "resolve"):
        db = fresh(folder / f"{label or dataset}-{mode}.db".replace(" ", "_"))
        wall, cpu = command(db, "import", dataset, str(path), f"--{mode}")
        show(f"  import --{mode}", rows, wall, cpu, base_cpu, GOALS[mode] if rows >= 100_000 else None)


def re_resolve(sizes: list[int], folder: Path) -> None:
    """Import --no-resolve, then time `incidents resolve` over every stored event, at each size."""
    seconds = []
    for size in sizes:
        path = folder / f"ucdp-{size}.csv"
        generate("ucdp", size, path)
        db = fresh(folder / f"reresolve-{size}.db")
        command(db, "import", "ucdp", str(path), "--no-resolve")
        wall, cpu = command(db, "incidents", "resolve")
        seconds.append(wall)
        print(f"re-resolve {size:>9,} stored events {wall:8.1f} s {size / wall:10,.0f} events/s  CPU {cpu:7.1f} s",
              flush=True)
    for (small, a), (large, b) in zip(zip(sizes, seconds), zip(sizes[1:], seconds[1:])):
        print(f"{large / small:.0f}x the events took {b / a:.1f}x the time (goal <= {1.2 * large / small:.0f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--datasets", nargs="*", default=["ucdp", "acled"], choices=["ucdp", "acled"])
    parser.add_argument("--no-real", action="store_true", help="Leave out the real UCDP file's own import.")
    parser.add_argument("--resolve-sizes", type=int, nargs="*", default=[],
                        help="also time re-resolving this many stored events (e.g. 100000 1000000)")
    parser.add_argument("--keep", type=Path, default=None, help="Folder to keep the files and stores in.")
    args = parser.parse_args()
    if not UCDP.exists():
        raise SystemExit(f"{UCDP} is absent: this benchmark makes its rows from the real UCDP file")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cl-import-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    for dataset in args.datasets:
        path = folder / f"{dataset}-{args.rows}.csv"
        generate(dataset, args.rows, path)
        imports(dataset, path, args.rows, folder)
    if not args.no_real:
        _, real = _real_rows()
        imports("ucdp", UCDP, len(real), folder, "real UCDP Pakistan")
    if args.resolve_sizes:
        re_resolve(args.resolve_sizes, folder)


if __name__ == "__main__":
    main()
