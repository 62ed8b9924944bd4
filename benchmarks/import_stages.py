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
`--levers` then prices two ways of handing SQLite whole batches (on a copy of the store, its deferrable
indexes dropped as during an import), each checked to give the same rows in the same order:
  the roll-up counted per batch by INSERT ... SELECT ... GROUP BY over the batch's stored events, against
  `rollup.count_inserted` (the events read back are not timed for it);
  the clash relations made by SQL from staged (event, source, target, stance, by) tuples joined to the
  stored events (id by a registered SHA-256 function, record by json_object), against executemany of the
  rows the worker builds; this reproduces the records of UCDP- and ACLED-layout clashes only.
`--trial` changes the writer's connection for the run only, to price what SQLite does besides writing rows:
  foreign_keys_off (no parent look-ups: NOT safe in the product, cascades stop), ignore_checks (no CHECK
  constraints: since session 19 the import itself runs so, `unchecked_own_rows`), cache_mib=N (page cache). Session 18 of
  docs/scale.md reads these figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import shutil
import sqlite3
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
from conflictlens.model.periods import period_of  # noqa: E402
from conflictlens.store import Store, prepare, relations, rollup, writes  # noqa: E402
from conflictlens.store.deferred_indexes import DEFERRABLE  # noqa: E402
from conflictlens.store.relations import relation_row  # noqa: E402
from conflictlens.store.rows import EVENT_COLUMNS, EventRows  # noqa: E402

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
            with store.indexes.deferred_while(file_bytes), store.indexes.unchecked_own_rows():
                for commit in chunks(rows, interop.COMMIT_ROWS):
                    with store.transaction():
                        for batch in chunks(commit, interop.IMPORT_BATCH):
                            interop._write(store, batch, report)
            seconds["write: all (commits and index builds included)"] += time.process_time() - started
    if report.inserted != len(rows):
        raise SystemExit(f"only {report.inserted} of {len(rows)} rows were stored: {report.errors[:3]}")


# ------------------------------------------------------------------ levers (batches handed to SQLite)

def _part(column: str) -> str:
    """rollup_key's spelling of one value, in SQL (for text values without NUL characters)."""
    return f"(CASE WHEN {column} IS NULL THEN 'n' ELSE 's' || length({column}) || ':' || {column} END)"


def _rollup_sql(table: str) -> str:
    rest = rollup.COLUMNS[1:]
    first = {"event_rollup": "period_of(date_start)", "event_rollup_day": "date_start"}.get(table)
    key = " || ".join(([_part("period")] if first else []) + [_part(c) for c in rest])
    columns = ", ".join(rollup.TABLES[table])
    batch = (f"SELECT rowid AS r, {first + ' AS period, ' if first else ''}{', '.join(rest)}, "
             "coalesce(fatalities_best, 0) AS f FROM events WHERE rowid > ? AND rowid <= ? LIMIT -1")
    return (f"INSERT INTO {table} (key, {columns}, events, fatalities) SELECT {key}, {columns}, count(*), sum(f) "
            f"FROM ({batch}) WHERE true GROUP BY {columns} ORDER BY min(r) ON CONFLICT (key) DO UPDATE SET "
            f"events = {table}.events + excluded.events, fatalities = {table}.fatalities + excluded.fatalities")


def _timed_rollups(conn: sqlite3.Connection, last: int, by_sql: bool) -> float:
    for table in rollup.TABLES:
        conn.execute(f"DELETE FROM {table}")
    statements, spent = [_rollup_sql(table) for table in rollup.TABLES], 0.0
    conn.execute("BEGIN")
    for low in range(0, last, 2000):
        if by_sql:
            started = time.process_time()
            for sql in statements:
                conn.execute(sql, (low, low + 2000))
        else:
            stored = conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE rowid > ? AND rowid <= ?",
                                  (low, low + 2000)).fetchall()
            flat = [EventRows(row, [], [], set(), []) for row in stored]
            started = time.process_time()
            rollup.count_inserted(conn, flat)
        spent += time.process_time() - started
    conn.execute("COMMIT")
    return spent


def _relation_id(kind: str, source: str, target: str, document_id: str, event_id: str) -> str:
    key = "\x1f".join((kind, source, target, "", document_id, event_id, ""))
    return "rel_" + hashlib.sha256(key.encode()).hexdigest()[:16]


# The record keeps what the row's columns do not (store/relations.py, session 19); json_patch leaves out a
# null precision, as the store's record does.
_RELATION_RECORD = (
    "json_patch(json_object('by', s.by, 'confidence', 1.0, 'cue', 'event.clash', 'date_basis', 'event'), "
    "json_object('precision', e.date_precision))")
_RELATIONS_BY_SQL = (
    f"INSERT INTO actor_relations ({', '.join(relations.COLUMNS)}) SELECT relation_id('clash', s.source, s.target, "
    "e.document_id, e.id), e.document_id, e.id, 'event', 'clash', s.source, s.target, s.stance, 'operational', NULL, "
    f"e.date_start, e.date_end, NULL, NULL, NULL, {_RELATION_RECORD} FROM temp.staged AS s JOIN events AS e "
    "ON e.id = s.event_id ORDER BY s.seq")


def _timed_relations(conn: sqlite3.Connection, rows: list[tuple], by_sql: bool) -> float:
    conn.execute("DELETE FROM actor_relations")
    staged = [(n, r[2], r[5], r[6], r[7], json.loads(r[-1])["by"]) for n, r in enumerate(rows)]
    insert = f"INSERT INTO actor_relations ({', '.join(relations.COLUMNS)}) VALUES ({', '.join('?' * len(relations.COLUMNS))})"
    started = time.process_time()
    conn.execute("BEGIN")
    for low in range(0, len(rows), 2000):
        if by_sql:
            conn.executemany("INSERT INTO temp.staged VALUES (?, ?, ?, ?, ?, ?)", staged[low:low + 2000])
            conn.execute(_RELATIONS_BY_SQL)
            conn.execute("DELETE FROM temp.staged")
        else:
            conn.executemany(insert, rows[low:low + 2000])
    conn.execute("COMMIT")
    return time.process_time() - started


def levers(db: Path, seconds: Counter) -> None:
    """Price the two batch levers on a copy of the store at `db`; refuse a result that differs from the store's."""
    copy = db.with_name("levers.db")
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -65536")  # the store's own
    conn.create_function("period_of", 1, period_of, deterministic=True)
    conn.create_function("relation_id", 5, _relation_id, deterministic=True)
    conn.execute("CREATE TEMP TABLE staged (seq INTEGER PRIMARY KEY, event_id, source, target, stance, by)")
    for name in DEFERRABLE:
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    tables = (*rollup.TABLES, "actor_relations")
    stored = {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    last = conn.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0
    columns = ", ".join(relations.COLUMNS)
    rows = conn.execute(f"SELECT {columns} FROM actor_relations ORDER BY rowid").fetchall()
    _timed_rollups(conn, last, False)  # a first pass, untimed: it reads the store into the caches
    _timed_relations(conn, rows, False)
    for by_sql, how in ((False, "as now"), (True, "by SQL")):
        seconds[f"lever: roll-up {how}"] += _timed_rollups(conn, last, by_sql)
        seconds[f"lever: relations {how}"] += _timed_relations(conn, rows, by_sql)
        for table in tables:
            if conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() != stored[table]:
                raise SystemExit(f"{table} {how} differs from the store's: the lever's SQL does not fit these rows")
    started = time.process_time()
    pickle.loads(pickle.dumps(rows))
    seconds["lever: relation rows pickled there and back, as now"] += time.process_time() - started
    staged = [(n, r[2], r[5], r[6], r[7], json.loads(r[-1])["by"]) for n, r in enumerate(rows)]
    started = time.process_time()
    pickle.loads(pickle.dumps(staged))
    seconds["lever: staged relation tuples pickled there and back"] += time.process_time() - started
    conn.close()


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
    parser.add_argument("--levers", action="store_true", help="also price the two batch levers (above)")
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
    if args.levers:
        levers(db, seconds)
    print(f"{len(rows):,} rows of {path.name}, trials: {', '.join(args.trial) or 'none'} (CPU s)")
    for stage, spent in seconds.items():
        print(f"  {stage:<56} {spent:7.2f}")


if __name__ == "__main__":
    main()
