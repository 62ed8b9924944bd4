"""Import and export on PostgreSQL beside the same commands on SQLite and a bare csv.reader pass, in one run
(docs/scale.md).

Usage: python benchmarks/postgres_import.py [--rows 20000] [--resolve-rows 2000] [--repeat 1]
                                            [--server postgresql://postgres@127.0.0.1/test]

Times the CLI commands users type on generated ACLED-layout rows (benchmarks/import_export.py's
generator: invented values), each into a new SQLite file or a new schema of the PostgreSQL server
(dropped after):
- `import --no-resolve` on PostgreSQL through COPY (the store's path), through one INSERT per row
  (the path before COPY: executemany, run here by swapping the store's COPY for it) and on SQLite;
  `--repeat` runs each again, alternating, since the machine's load drifts;
- `import` with incident resolution and `export --format acled` on `--resolve-rows` rows (resolution
  on PostgreSQL is round-trip bound: a smaller file keeps the run short).
Each line prints the command's rows/s (wall clock, CLI start-up included) and its ratio to a bare
csv.reader pass over the same file, and "writes": the rows/s of the time the import spent in the
store's writes (pipeline.interop._write: documents, events, the full-text index, relations), the part
COPY changes (the rest is parsing, in a worker process when there is a spare core).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from typer.testing import CliRunner  # noqa: E402

from conflictlens.cli import app  # noqa: E402
from conflictlens.pipeline import interop  # noqa: E402
from conflictlens.store import rows as R  # noqa: E402
from conflictlens.store.postgres import PgConnection  # noqa: E402
from import_export import generate  # noqa: E402


class WriteClock:
    """Seconds the import spent in the store's writes (wraps pipeline.interop._write for the run)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    @contextmanager
    def running(self):
        original = interop._write

        def timed_write(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        interop._write = timed_write
        try:
            yield self
        finally:
            interop._write = original


@contextmanager
def inserts_instead_of_copy():
    """The path before COPY: the store's bulk rows as executemany (one INSERT per row, pipelined)."""
    original = PgConnection.copy_rows
    PgConnection.copy_rows = lambda self, table, columns, rows: self.executemany(
        R.insert_sql(table, tuple(columns)), list(rows))
    try:
        yield
    finally:
        PgConnection.copy_rows = original


def timed(db: str, *args: str) -> tuple[float, float]:
    """(wall seconds of the command, seconds of it in the store's writes)."""
    with WriteClock().running() as clock:
        start = time.perf_counter()
        result = CliRunner().invoke(app, ["--db", db, "--quiet", *args])
        seconds = time.perf_counter() - start
    if result.exit_code != 0:
        raise SystemExit(f"{' '.join(args)} failed on {db}: {result.output}")
    return seconds, clock.seconds


def bare_reader(path: Path) -> float:
    start = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for _ in csv.reader(handle):
            pass
    return time.perf_counter() - start


def report(label: str, rows: int, seconds: tuple[float, float], reader_rate: float) -> None:
    wall, writes = seconds
    rate = rows / wall
    written = f"{rows / writes:9,.0f} rows/s" if writes else "        -"
    print(f"{label:<40} {rate:8,.0f} rows/s ({rate / reader_rate:.4f} x csv.reader)   writes {written}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--resolve-rows", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--server", default="postgresql://postgres@127.0.0.1/test")
    args = parser.parse_args()
    import psycopg

    schemas: list[str] = []

    def new_schema() -> str:
        name = f"cl_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.server, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        schemas.append(name)
        return f"{args.server}?options=-csearch_path%3D{name}"

    try:
        with tempfile.TemporaryDirectory(prefix="cl-pg-bench-") as folder:
            run(Path(folder), args, new_schema)
    finally:
        with psycopg.connect(args.server, autocommit=True) as conn:
            for name in schemas:
                conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


def run(folder: Path, args: argparse.Namespace, new_schema) -> None:
    big, small = folder / "acled.csv", folder / "acled_small.csv"
    generate(big, args.rows)
    generate(small, args.resolve_rows)
    generate(folder / "warm.csv", 10)  # load the registry and code once, outside the timings
    timed(str(folder / "warm.db"), "import", "acled", str(folder / "warm.csv"))
    reader = args.rows / min(bare_reader(big) for _ in range(3))
    print(f"{args.rows:,} generated ACLED rows; bare csv.reader {reader:,.0f} rows/s", flush=True)
    for turn in range(args.repeat):
        command = ("import", "acled", str(big), "--no-resolve")
        report("import --no-resolve, PostgreSQL COPY", args.rows, timed(new_schema(), *command), reader)
        with inserts_instead_of_copy():
            report("import --no-resolve, PostgreSQL INSERTs", args.rows, timed(new_schema(), *command), reader)
        report("import --no-resolve, SQLite", args.rows, timed(str(folder / f"nr{turn}.db"), *command), reader)
    small_reader = args.resolve_rows / min(bare_reader(small) for _ in range(3))
    print(f"{args.resolve_rows:,} generated ACLED rows; bare csv.reader {small_reader:,.0f} rows/s", flush=True)
    stores = {"PostgreSQL": new_schema(), "SQLite": str(folder / "resolved.db")}
    for name, db in stores.items():
        report(f"import + resolution, {name}", args.resolve_rows, timed(db, "import", "acled", str(small)),
               small_reader)
    for name, db in stores.items():
        report(f"export acled, {name}", args.resolve_rows,
               timed(db, "export", "--format", "acled", "-o", str(folder / "out.csv")), small_reader)


if __name__ == "__main__":
    main()
