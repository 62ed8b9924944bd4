"""Import and export on PostgreSQL beside the same commands on SQLite, in one run (docs/scale.md).

Usage: python benchmarks/postgres_import.py [--rows 2000] [--server postgresql://postgres@127.0.0.1/test]

Times the CLI commands users type on generated ACLED-layout rows (benchmarks/import_export.py's
generator: invented values): `import --no-resolve`, `import` with incident resolution and `export
--format acled`, into a new SQLite file and into a new schema of the PostgreSQL server (dropped after).
Each line prints rows/s and PostgreSQL's speed as a ratio to SQLite's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from typer.testing import CliRunner  # noqa: E402

from conflictlens.cli import app  # noqa: E402
from import_export import generate  # noqa: E402


def timed(db: str, *args: str) -> float:
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["--db", db, "--quiet", *args])
    if result.exit_code != 0:
        raise SystemExit(f"{' '.join(args)} failed on {db}: {result.output}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--server", default="postgresql://postgres@127.0.0.1/test")
    args = parser.parse_args()
    import psycopg

    schemas = [f"cl_bench_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    with psycopg.connect(args.server, autocommit=True) as conn:
        for name in schemas:
            conn.execute(f"CREATE SCHEMA {name}")
    try:
        with tempfile.TemporaryDirectory(prefix="cl-pg-bench-") as folder:
            csv_path = Path(folder) / "acled.csv"
            generate(csv_path, args.rows)
            generate(Path(folder) / "warm.csv", 10)  # load the registry and code once, outside the timings
            timed(str(Path(folder) / "warm.db"), "import", "acled", str(Path(folder) / "warm.csv"))
            urls = [f"{args.server}?options=-csearch_path%3D{name}" for name in schemas]
            stores = {"sqlite": [str(Path(folder) / "a.db"), str(Path(folder) / "b.db")], "postgresql": urls}
            steps = (("import --no-resolve", 0, ("import", "acled", str(csv_path), "--no-resolve")),
                     ("import + resolution", 1, ("import", "acled", str(csv_path))),
                     ("export acled", 1, ("export", "--format", "acled", "-o", str(Path(folder) / "out.csv"))))
            for label, which, command in steps:
                seconds = {backend: timed(dbs[which], *command) for backend, dbs in stores.items()}
                rates = {backend: args.rows / s for backend, s in seconds.items()}
                print(f"{label:<22} sqlite {rates['sqlite']:9,.0f} rows/s   postgresql {rates['postgresql']:9,.0f} "
                      f"rows/s   ({rates['postgresql'] / rates['sqlite']:.2f} x sqlite)", flush=True)
    finally:
        with psycopg.connect(args.server, autocommit=True) as conn:
            for name in schemas:
                conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


if __name__ == "__main__":
    main()
