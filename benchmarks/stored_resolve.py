"""`conflictlens incidents resolve` on stores of 100k and 1M events: `resolve_scale.py --stores` (see there).

Times the command users type, each as its own process on its own copy of the store, beside a bare
pass over the same stored records in the same run, and optionally another checkout's code: one after
the other, or with `together` both at once (two processes in the same minutes see the same load; on
a shared machine the CPU an event costs swings by a third with it, so runs minutes apart differ).
"""

from __future__ import annotations

import os
import shutil
import subprocess
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


def stored_runs(sizes: list[int], keep: Path | None, against: Path | None, keep_copies: bool = False,
                together: bool = False) -> None:
    folder = keep or Path(tempfile.mkdtemp(prefix="cl-resolve-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"stores in {folder}", flush=True)
    results: dict[str, list[tuple[int, float, float]]] = {"this": [], "against": []}
    for size in sizes:
        store = _store(folder, size)
        base_wall, base_cpu = bare_pass(store)
        print(f"{size:>9,} events: bare read of every stored record {base_wall:.1f} s wall, {base_cpu:.1f} s CPU",
              flush=True)
        codes = {label: Path(code) for label, code in (("this", ROOT), ("against", against)) if code is not None}
        if together:
            runs = resolve_together(store, {label: folder / f"work-{label}-{size}.db" for label in codes}, codes,
                                    keep_copies)
        else:
            runs = {label: (*resolve(store, folder / f"work-{label}-{size}.db", code, keep_copies), None)
                    for label, code in codes.items()}
        for label, (wall, cpu, written, rss) in runs.items():
            results[label].append((size, wall, cpu))
            peak = f", peak RSS {rss / 2**20:.2f} GB" if rss else ""
            print(f"  {label:<8} incidents resolve {wall:8.1f} s wall {cpu:8.1f} s CPU ({cpu / base_cpu:5.1f} x bare "
                  f"read) {size / cpu:8,.0f} events per CPU s, {written / 1e9:.2f} GB written{peak}", flush=True)
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


def resolve_together(store: Path, works: dict[str, Path], codes: dict[str, Path],
                     keep: bool = False) -> dict[str, tuple[float, float, int, int]]:
    """`conflictlens --db COPY incidents resolve` by each checkout in `codes`, all at once, each on its own
    copy (`works`): label -> (wall, CPU, bytes written, peak RSS in KB), each from its own process's
    rusage (`os.wait4`)."""
    for work in works.values():
        import_scale.fresh(work)
        shutil.copyfile(store, work)
    started, running, out = time.perf_counter(), {}, {}
    for label, code in codes.items():
        env = dict(os.environ, PYTHONPATH=str(code), PYTHONHASHSEED="0")
        running[subprocess.Popen([sys.executable, "-c", "from conflictlens.cli import main; main()", "--db",
                                  str(works[label]), "incidents", "resolve"], env=env, cwd=code,
                                 stdout=subprocess.DEVNULL).pid] = label
    while running:
        pid, status, usage = os.wait4(-1, 0)
        label = running.pop(pid)
        if os.waitstatus_to_exitcode(status):
            raise SystemExit(f"incidents resolve failed ({codes[label]}): status {status}")
        out[label] = (time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_oublock * 512,
                      usage.ru_maxrss)
    if not keep:
        for work in works.values():
            import_scale.fresh(work)
    return out
