"""Latency of the web API over a store of generated events, beside a bare SQLite count in the same run.

Usage: python benchmarks/api_latency.py [--rows 1000000] [--requests 20] [--keep DIR]

Generates ACLED-layout rows (invented values, no real rows: benchmarks/import_export.py), imports
them without incident resolution, then times through FastAPI's TestClient (in-process, no network):
  baseline        a bare `SELECT count(*) FROM events` on the same file;
  events page     GET /api/events?limit=100 (the first page);
  events filtered GET /api/events?limit=100&country=AF&since=...;
  aggregates      GET /api/aggregates?by=admin1 (every event, read on the store's roll-up);
  aggregates cut  GET /api/aggregates?by=week&country=AF&since=...&until=... with dates that cut a
                  period (the cut days counted on the events);
  aggregates admin1  GET /api/aggregates?by=actor&admin1=kabul (admin1 in another case);
  events page 50  GET /api/events?limit=100&cursor=... (the 50th page, by the keyset cursor).
Prints p50 and p95 in milliseconds. Goal: p95 under 100 ms for the first page and the aggregates.
"""

from __future__ import annotations

import argparse
import functools
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from fastapi.testclient import TestClient  # noqa: E402

from conflictlens.pipeline.session import EXISTING, Session  # noqa: E402
from conflictlens.web import create_app  # noqa: E402
from import_export import generate  # noqa: E402

GOAL_MS = 100.0


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def timed(label: str, requests: int, work) -> float:
    work()  # warm: the first request builds the registry and loads modules
    samples = []
    for _ in range(requests):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    p50, p95 = percentiles(samples)
    print(f"{label:<18} p50 {p50:9.1f} ms   p95 {p95:9.1f} ms")
    return p95


def build(folder: Path, rows: int) -> Path:
    """The store of `rows` generated events in `folder`; one kept from an earlier run (--keep) is reused."""
    csv_path, db = folder / f"acled-{rows}.csv", folder / f"api-{rows}.db"
    done = folder / f"api-{rows}.done"  # written last, so a store whose import was cut short is rebuilt
    if db.exists() and done.exists():
        print(f"reusing {db} ({rows:,} events, built by an earlier run)")
        return db
    db.unlink(missing_ok=True)
    generate(csv_path, rows)
    start = time.perf_counter()
    with Session(db) as session:
        session.import_dataset("acled", csv_path, resolve=False)
    print(f"imported {rows:,} rows in {time.perf_counter() - start:.0f} s", flush=True)
    done.touch()
    return db


def get(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text


def page_cursor(client: TestClient, pages: int) -> str:
    """The cursor of the page after `pages` pages of 100."""
    cursor = ""
    for _ in range(pages):
        cursor = client.get(f"/api/events?limit=100&cursor={cursor}").json()["next_cursor"]
    return cursor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        db = build(folder, args.rows)
        client = TestClient(create_app(functools.partial(Session, str(db), store=EXISTING)))
        with sqlite3.connect(db) as conn:
            timed("baseline count(*)", args.requests, lambda: conn.execute("SELECT count(*) FROM events").fetchone())
        worst = max(timed("events page", args.requests, lambda: get(client, "/api/events?limit=100")),
                    timed("aggregates", max(3, args.requests // 5),
                          lambda: get(client, "/api/aggregates?by=admin1")),
                    timed("aggregates cut", max(3, args.requests // 5), lambda: get(
                        client, "/api/aggregates?by=week&country=AF&since=2021-06-03&until=2022-02-17")),
                    timed("aggregates admin1", max(3, args.requests // 5),
                          lambda: get(client, "/api/aggregates?by=actor&admin1=kabul")))
        timed("events filtered", args.requests,
              lambda: get(client, "/api/events?limit=100&country=AF&since=2021-06-01"))
        cursor = page_cursor(client, 49)
        timed("events page 50", args.requests, lambda: get(client, f"/api/events?limit=100&cursor={cursor}"))
    print(f"goal p95 < {GOAL_MS:.0f} ms: {'met' if worst < GOAL_MS else 'not met'} (worst p95 {worst:.0f} ms)")


if __name__ == "__main__":
    main()
