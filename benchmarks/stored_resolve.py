"""`conflictlens incidents resolve` on stores of 100k and 1M events: `resolve_scale.py --stores` (see there).

Times the command users type, each as its own process on its own copy of the store, beside a bare
pass over the same stored records in the same run, and optionally another checkout's code.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import sqlite3
from contextlib import closing

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
import import_scale  # noqa: E402  (the real-layout rows and the import command)

ROOT = Path(__file__).resolve().parents[1]
GOAL_SECONDS_1M = 180.0
GOAL_RATIO = 1.2  # 10x the events in at most 12x the time


def stored_runs(sizes: list[int], keep: Path | None, against: Path | None, keep_copies: bool = False) -> None:
    folder = keep or Path(tempfile.mkdtemp(prefix="cl-resolve-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"stores in {folder}", flush=True)
    results: dict[str, list[tuple[int, float, float]]] = {"this": [], "against": []}
    for size in sizes:
        store = _store(folder, size)
        base_wall, base_cpu = bare_pass(store)
        print(f"{size:>9,} events: bare read of every stored record {base_wall:.1f} s wall, {base_cpu:.1f} s CPU",
              flush=True)
        for label, code in (("this", ROOT), ("against", against)):
            if code is None:
                continue
            wall, cpu, written = resolve(store, folder / f"work-{label}-{size}.db", Path(code), keep_copies)
            results[label].append((size, wall, cpu))
            print(f"  {label:<8} incidents resolve {wall:8.1f} s wall {cpu:8.1f} s CPU ({cpu / base_cpu:5.1f} x bare "
                  f"read) {size / cpu:8,.0f} events per CPU s, {written / 1e9:.2f} GB written", flush=True)
    for label, rows in results.items():
        for (small, wall_a, cpu_a), (large, wall_b, cpu_b) in zip(rows, rows[1:]):
            goal = GOAL_RATIO * large / small
            print(f"{label}: {large / small:.0f}x the events took {wall_b / wall_a:.1f}x the wall time, "
                  f"{cpu_b / cpu_a:.1f}x the CPU time (goal <= {goal:.0f}x: "
                  f"{'met' if cpu_b / cpu_a <= goal else 'not met'} in CPU time)")
        for size, wall, cpu in rows:
            if size == 1_000_000:
                verdict = "met" if cpu < GOAL_SECONDS_1M else "not met"
                print(f"{label}: 1,000,000 events in {wall:.0f} s wall, {cpu:.0f} s CPU (goal < "
                      f"{GOAL_SECONDS_1M:.0f} s: {verdict} in CPU time; wall is CPU on an idle machine)")


def _store(folder: Path, size: int) -> Path:
    """The store of `size` real-layout UCDP rows imported without resolution (made once, then reused)."""
    store = folder / f"stored-{size}.db"
    if not store.exists():
        rows = folder / f"ucdp-{size}.csv"
        import_scale.generate("ucdp", size, rows)
        built = folder / f"building-{size}.db"
        import_scale.command(import_scale.fresh(built), "import", "ucdp", str(rows), "--no-resolve")
        built.rename(store)
    return store


def bare_pass(store: Path) -> tuple[float, float]:
    """(wall, CPU) seconds to read and parse every stored event record, in this process."""
    wall, cpu = time.perf_counter(), time.process_time()
    with closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True)) as conn:
        for (record,) in conn.execute("SELECT record FROM events"):
            orjson.loads(record)
    return time.perf_counter() - wall, time.process_time() - cpu


def resolve(store: Path, work: Path, code: Path, keep: bool = False) -> tuple[float, float, int]:
    """(wall, CPU, bytes written) of `conflictlens --db COPY incidents resolve` run by `code`'s checkout
    (`keep`: the resolved copy stays, e.g. to compare two checkouts' stores)."""
    import_scale.fresh(work)
    shutil.copyfile(store, work)
    wall, cpu, written = import_scale.run_cli(work, "incidents", "resolve", code=code, env={"PYTHONHASHSEED": "0"},
                                              ok=(0,))
    if not keep:
        import_scale.fresh(work)
    return wall, cpu, written
