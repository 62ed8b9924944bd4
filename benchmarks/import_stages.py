"""Where `conflictlens import --no-resolve` spends its CPU, stage by stage, on the real-layout rows of import_scale.py.

Usage: python benchmarks/import_stages.py [--rows 100000] [--dataset ucdp|acled] [--file CSV]
                                          [--trial foreign_keys_off|ignore_checks|cache_mib=N ...] [--keep DIR]

The two halves of an import, each measured alone in this process (CPU seconds, `time.process_time`):
  parse side      what the parse worker does: reading and mapping rows to Events (`import_rows`), flattening
                  them into table rows (`store.prepare`), their clash relations, and pickling the rows
                  there and back (the worker's queue);
  writer side     what the importing process does with those rows: `interop._write` in batches of
                  IMPORT_BATCH, one transaction per COMMIT_ROWS, inside the deferred-index window, as
                  `import_dataset` runs it, split by table (each plain insert, and the roll-up's counting).
`--trial` changes the writer's connection for the run only, to price what SQLite does besides writing rows:
  foreign_keys_off (no parent look-ups: NOT safe in the product, cascades stop), ignore_checks (no CHECK
  constraints, among them json_valid over every record), cache_mib=N (page cache). Session 18 of
  docs/scale.md reads these figures.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from conflictlens.extract.relations.events import derived_relations, party_name_test  # noqa: E402
from conflictlens.ingest.datasets import import_rows  # noqa: E402
from conflictlens.pipeline import interop  # noqa: E402
from conflictlens.pipeline.dataset_rows import PreparedRow, chunks, dataset_actor_lookup, quiet_collector  # noqa: E402
from conflictlens.pipeline.session import registry_of  # noqa: E402
from conflictlens.store import Store, prepare, relations, writes  # noqa: E402
from conflictlens.store.relations import relation_row  # noqa: E402

TRIALS = {"foreign_keys_off": "PRAGMA foreign_keys = OFF", "ignore_checks": "PRAGMA ignore_check_constraints = ON"}


def parsed(dataset: str, path: Path, seconds: Counter) -> list[PreparedRow]:
    """The rows as the parse worker sends them (no Event objects), each stage's CPU added to `seconds`."""
    registry = registry_of((), ())
    started = time.process_time()
    imported = list(import_rows(dataset, path, dataset_actor_lookup(registry)))
    seconds["parse: read and map rows to Events"] += time.process_time() - started
    started = time.process_time()
    documents = [prepare(i.document, [i.event], i.version) for i in imported]
    seconds["parse: flatten into table rows"] += time.process_time() - started
    is_party = party_name_test(registry)
    started = time.process_time()
    clashes = [[relation_row(r) for r in derived_relations(None, [i.event], [], [], is_party)] for i in imported]
    seconds["parse: clash relations"] += time.process_time() - started
    rows = [PreparedRow(d, c) for d, c in zip(documents, clashes)]
    started = time.process_time()
    rows = [row for chunk in chunks(rows, 1000) for row in pickle.loads(pickle.dumps(chunk))]
    seconds["parse: pickled there and back"] += time.process_time() - started
    return rows


@contextmanager
def timed_writes(seconds: Counter) -> Iterator[None]:
    """Time each table's plain inserts and the roll-up's counting (measurement only: the functions are put back)."""
    insert, count = writes.insert_rows, writes.count_inserted

    def timed_insert(conn, table, columns, rows):  # noqa: ANN001 - insert_rows' own signature
        started = time.process_time()
        try:
            return insert(conn, table, columns, rows)
        finally:
            seconds[f"write: insert {table}"] += time.process_time() - started

    def timed_count(conn, flat):  # noqa: ANN001
        started = time.process_time()
        try:
            return count(conn, flat)
        finally:
            seconds["write: roll-up counts"] += time.process_time() - started

    patched: list[tuple[object, str, Callable]] = [(writes, "insert_rows", timed_insert), (relations, "insert_rows", timed_insert),
                                                   (writes, "count_inserted", timed_count)]
    originals = [(module, name, getattr(module, name)) for module, name, _ in patched]
    for module, name, replacement in patched:
        setattr(module, name, replacement)
    try:
        yield
    finally:
        for module, name, original in originals:
            setattr(module, name, original)


def write(rows: list[PreparedRow], db: Path, file_bytes: int, trials: list[str], seconds: Counter) -> None:
    """`rows` into a new store at `db` as `import_dataset` writes them, `trials` set on its connection."""
    with Store.open(db) as store:
        for trial in trials:
            store.connection.execute(_trial_sql(trial))
        report = interop.ImportReport()
        with quiet_collector(), timed_writes(seconds):
            started = time.process_time()
            with store.indexes.deferred_while(file_bytes):
                for commit in chunks(rows, interop.COMMIT_ROWS):
                    with store.transaction():
                        for batch in chunks(commit, interop.IMPORT_BATCH):
                            interop._write(store, batch, report)
            seconds["write: all (commits and index builds included)"] += time.process_time() - started
    if report.inserted != len(rows):
        raise SystemExit(f"only {report.inserted} of {len(rows)} rows were stored: {report.errors[:3]}")


def _trial_sql(trial: str) -> str:
    if trial.startswith("cache_mib="):
        return f"PRAGMA cache_size = -{int(trial.split('=', 1)[1]) * 1024}"
    if trial not in TRIALS:
        raise SystemExit(f"unknown --trial {trial!r}: one of {', '.join(TRIALS)}, cache_mib=N")
    return TRIALS[trial]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--dataset", default="ucdp", choices=["ucdp", "acled"])
    parser.add_argument("--file", type=Path, default=None, help="a file of the dataset's layout (else generated)")
    parser.add_argument("--trial", nargs="*", default=[], help="foreign_keys_off, ignore_checks, cache_mib=N")
    parser.add_argument("--keep", type=Path, default=None, help="Folder for the generated file and the store.")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cl-import-stages-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = args.file
    if path is None:
        import import_scale  # the real-layout rows (needs ../shared/data/ucdp)

        path = folder / f"{args.dataset}-{args.rows}.csv"
        import_scale.generate(args.dataset, args.rows, path)
    seconds: Counter = Counter()
    with quiet_collector():
        rows = parsed(args.dataset, path, seconds)
    db = folder / "stages.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    write(rows, db, path.stat().st_size, args.trial, seconds)
    print(f"{len(rows):,} rows of {path.name}, trials: {', '.join(args.trial) or 'none'} (CPU s)")
    for stage, spent in seconds.items():
        print(f"  {stage:<48} {spent:7.2f}")


if __name__ == "__main__":
    main()
