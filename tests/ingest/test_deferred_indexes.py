"""A large import into a small SQLite store builds its read-only indexes once, after the rows; kills and
errors never leave a store without them for good (conflictlens/store/deferred_indexes.py)."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dataset_rows import ACLED_ROWS, write_csv

from conflictlens.pipeline.interop import import_dataset
from conflictlens.store import Store
from conflictlens.store import deferred_indexes

ROOT = Path(__file__).resolve().parents[2]  # this checkout's package, not another one installed
INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"


def every_file_is_large(monkeypatch) -> None:
    """Thresholds at which a file of a few invented rows counts as a large import."""
    monkeypatch.setattr(deferred_indexes, "MIN_ROWS", 1)
    monkeypatch.setattr(deferred_indexes, "BYTES_PER_ROW_AT_MOST", 100)


@pytest.fixture(name="every_file_is_large")
def _every_file_is_large(monkeypatch) -> None:
    every_file_is_large(monkeypatch)


def _rows(count: int) -> list[dict[str, str]]:
    return [dict(ACLED_ROWS[i % 2], event_id_cnty=f"AFG{i}") for i in range(count)]


def _statements(store: Store) -> list[str]:
    seen: list[str] = []
    store.connection.set_trace_callback(seen.append)
    return seen


def _fresh_indexes(tmp_path) -> list[tuple[str, str]]:
    with Store.open(tmp_path / "fresh.sqlite") as fresh:
        return fresh.connection.execute(INDEXES).fetchall()


def _mark(store: Store) -> str | None:
    return store.meta(deferred_indexes.DEFERRED_MARK)


def test_a_large_import_into_an_empty_store_builds_the_read_indexes_after_the_rows(tmp_path, monkeypatch):
    path = write_csv(tmp_path / "a.csv", "acled", _rows(12))
    with Store.open(tmp_path / "plain.sqlite") as plain:  # the thresholds as shipped: a small file
        import_dataset("acled", path, plain, parallel=False)
        expected = [e.to_dict() for e in plain.iter_events()]
    every_file_is_large(monkeypatch)
    with Store.open(tmp_path / "db.sqlite") as store:
        seen = _statements(store)
        report = import_dataset("acled", path, store, parallel=False, batch_size=4, commit_rows=4)
        store.connection.set_trace_callback(None)
        assert report.inserted == 12 and _mark(store) is None
        assert store.connection.execute(INDEXES).fetchall() == _fresh_indexes(tmp_path)
        assert [e.to_dict() for e in store.iter_events()] == expected
    dropped = [s for s in seen if s.startswith("DROP INDEX")]
    assert len(dropped) == len(deferred_indexes.DEFERRABLE)
    assert seen.index(dropped[-1]) < min(i for i, s in enumerate(seen) if s.startswith("INSERT INTO events"))
    assert seen.count("COMMIT") == 5  # the drop, three commits of four rows, the build


def test_a_store_holding_more_rows_than_the_file_keeps_its_indexes(tmp_path, every_file_is_large):
    with Store.open(tmp_path / "db.sqlite") as store:
        import_dataset("acled", write_csv(tmp_path / "big.csv", "acled", _rows(30)), store, parallel=False)
        seen = _statements(store)
        import_dataset("acled", write_csv(tmp_path / "small.csv", "acled", _rows(2)), store, parallel=False)
    assert not [s for s in seen if "INDEX" in s]


def test_a_small_file_keeps_the_indexes(tmp_path):
    with Store.open(tmp_path / "db.sqlite") as store:
        seen = _statements(store)
        import_dataset("acled", write_csv(tmp_path / "a.csv", "acled", _rows(12)), store, parallel=False)
    assert not [s for s in seen if "INDEX" in s]


def test_an_error_mid_import_keeps_the_commits_and_builds_the_indexes(tmp_path, every_file_is_large):
    def stop_at_row_seven(item) -> None:
        stop_at_row_seven.seen += 1
        if stop_at_row_seven.seen == 7:
            raise KeyboardInterrupt  # the user stops the import
    stop_at_row_seven.seen = 0
    with Store.open(tmp_path / "db.sqlite") as store:
        with pytest.raises(KeyboardInterrupt):
            import_dataset("acled", write_csv(tmp_path / "a.csv", "acled", _rows(10)), store, parallel=False,
                           batch_size=2, commit_rows=4, on_row=stop_at_row_seven)
        assert store.counts()["events"] == 4 and _mark(store) is None
        assert store.connection.execute(INDEXES).fetchall() == _fresh_indexes(tmp_path)


KILLED_MID_IMPORT = """
import os, sys
from conflictlens.pipeline.interop import import_dataset
from conflictlens.store import Store, deferred_indexes
deferred_indexes.MIN_ROWS, deferred_indexes.BYTES_PER_ROW_AT_MOST = 1, 100
path, db = sys.argv[1], sys.argv[2]
store = Store.open(db)
with store.indexes.deferred_while(os.path.getsize(path)):
    import_dataset("acled", path, store, parallel=False)
    os._exit(9)  # as a kill: no clean-up runs
"""


def test_a_kill_after_the_drop_leaves_the_rows_and_the_next_open_builds_the_indexes(tmp_path):
    path, db = write_csv(tmp_path / "a.csv", "acled", _rows(6)), tmp_path / "db.sqlite"
    killed = subprocess.run([sys.executable, "-c", KILLED_MID_IMPORT, str(path), str(db)], cwd=ROOT)
    assert killed.returncode == 9
    left = sqlite3.connect(db)
    assert left.execute("SELECT count(*) FROM meta WHERE key = ?", (deferred_indexes.DEFERRED_MARK,)).fetchone() == (1,)
    assert len(left.execute(INDEXES).fetchall()) < len(_fresh_indexes(tmp_path))
    left.close()
    with Store.open(db) as reopened:
        assert reopened.counts()["events"] == 6 and _mark(reopened) is None
        assert reopened.connection.execute(INDEXES).fetchall() == _fresh_indexes(tmp_path)


def test_postgresql_never_drops_indexes(postgres_url, every_file_is_large):
    with Store.open(postgres_url) as store:
        assert not store.indexes.worth_deferring(10 ** 9)


def _defer_as(db: Path, owner: dict) -> int:
    """Drop the deferrable indexes of a fresh store as an import of `owner` would; the indexes left."""
    with Store.open(db) as store:
        assert deferred_indexes._drop(store)
        mark = json.loads(_mark(store))
        store.connection.execute("UPDATE meta SET value = ? WHERE key = ?",
                                 (json.dumps({**mark, "owner": owner}), deferred_indexes.DEFERRED_MARK))
        return len(store.connection.execute(INDEXES).fetchall())


def test_opening_a_store_leaves_a_live_imports_indexes_alone(tmp_path):
    db = tmp_path / "db.sqlite"
    left = _defer_as(db, {"pid": os.getpid(), "host": socket.gethostname()})  # this process: alive
    with Store.open(db) as meanwhile:  # a query while the import runs: no wait for its write lock
        assert _mark(meanwhile) is not None
        assert len(meanwhile.connection.execute(INDEXES).fetchall()) == left < len(_fresh_indexes(tmp_path))


def test_opening_a_store_builds_the_indexes_of_an_import_that_is_gone(tmp_path):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    for name, owner in (("gone.sqlite", {"pid": int(ended.stdout), "host": socket.gethostname()}),
                        ("elsewhere.sqlite", {"pid": os.getpid(), "host": socket.gethostname() + "-other"})):
        _defer_as(tmp_path / name, owner)
        with Store.open(tmp_path / name) as reopened:
            assert _mark(reopened) is None
            assert reopened.connection.execute(INDEXES).fetchall() == _fresh_indexes(tmp_path)


def test_an_import_writes_its_rows_without_running_the_checks_and_restores_them(tmp_path):
    path = write_csv(tmp_path / "a.csv", "acled", _rows(3))
    with Store.open(tmp_path / "s.sqlite") as store:
        statements = _statements(store)
        import_dataset("acled", path, store, parallel=False)
        assert statements.index("PRAGMA ignore_check_constraints = 1") < min(
            i for i, s in enumerate(statements) if s.startswith("INSERT INTO events"))
        assert statements[-1] == "PRAGMA ignore_check_constraints = 0"
        assert store.connection.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 0
        assert store.connection.execute("SELECT count(*) FROM events WHERE json_valid(record)").fetchone()[0] == 3
        with pytest.raises(sqlite3.IntegrityError):  # the store's own CHECKs hold again for everyone else
            store.connection.execute("UPDATE events SET record = 'not json'")


def test_checks_are_restored_after_a_failed_import(tmp_path):
    with Store.open(tmp_path / "s.sqlite") as store:
        with pytest.raises(RuntimeError), deferred_indexes.unchecked_own_rows(store):
            assert store.connection.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 1
            raise RuntimeError("the import failed")
        assert store.connection.execute("PRAGMA ignore_check_constraints").fetchone()[0] == 0
