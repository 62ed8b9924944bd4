"""A bulk re-resolve (new incident tables swapped in at the end) stores what resolving in place stores,
and a kill, another writer or a full disk at any point leaves the old tables as they were."""

from __future__ import annotations

import sqlite3

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.pipeline import bulk_resolution, incident_index, resolution
from conflictlens.pipeline.resolution import resolve_pending
from conflictlens.store import Store
from conflictlens.store.incident_bulk import RUN_MARK, BulkIncidentStore, leftovers
from conflictlens.store.incidents import IncidentStore
from test_incident_index import _again, _reports

REPORTS = _reports(120) + _again(_reports(120)[40:50])  # late copies of early reports reach back to old times


class Killed(BaseException):
    """Stands in for SIGKILL: nothing catches it and nothing after it runs."""


def stored(path) -> None:
    """The invented reports stored without resolution (as `import --no-resolve` leaves them)."""
    with Store.open(path) as store:
        store.save_many(REPORTS, "v1")


def dump(path) -> dict[str, list[tuple]]:
    """Every incident table's rows in rowid order, timestamps left out, and the indexes on them."""
    with sqlite3.connect(path) as conn:
        out = {table: conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall() for table, columns in (
            ("incidents", "id, record, size, date_start, country"), ("incident_blocks", "key, event_id"),
            ("incident_members", "event_id, incident_id, document_id, profile, source, decision, linked_by, "
                                 "pinned, seq"))}
        out["indexes"] = conn.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND "
                                      "tbl_name IN ('incidents', 'incident_members', 'incident_blocks') "
                                      "ORDER BY name").fetchall()
        out["marked"] = conn.execute("SELECT * FROM meta WHERE key = 'events_unresolved'").fetchall()
    return out


@pytest.fixture
def small_bounds(monkeypatch):
    """Many batches and commits; the resolver's index drops old times and samples, so it reads them back."""
    monkeypatch.setattr(resolution, "PENDING_BATCH", 7)
    monkeypatch.setattr(incident_index, "MAX_KEYS", 12)
    monkeypatch.setattr(incident_index, "MAX_INCIDENTS", 4)
    monkeypatch.setattr(bulk_resolution, "BULK_COMMIT_EVENTS", 20)


def resolved(path, bulk: bool, monkeypatch) -> dict[str, list[tuple]]:
    monkeypatch.setattr(bulk_resolution, "BULK_MIN_EVENTS", 1 if bulk else 10 ** 9)
    with Store.open(path) as store:
        report = resolve_pending(store)
        assert report.placed == len(REPORTS) and report.joined > 0
        assert not leftovers(store)
        assert not store.connection.execute("SELECT 1 FROM meta WHERE key = ?", (RUN_MARK,)).fetchall()
    return dump(path)


def test_bulk_stores_what_resolving_in_place_stores(tmp_path, small_bounds, monkeypatch):
    stored(tmp_path / "in_place.db")
    stored(tmp_path / "bulk.db")
    swaps = []
    original = BulkIncidentStore.swap_in
    monkeypatch.setattr(BulkIncidentStore, "swap_in", lambda self: swaps.append(1) or original(self))
    in_place = resolved(tmp_path / "in_place.db", False, monkeypatch)
    assert not swaps
    assert resolved(tmp_path / "bulk.db", True, monkeypatch) == in_place
    assert swaps and in_place["incident_members"] and not in_place["marked"]


@pytest.mark.parametrize("where", ["filling", "swap"])
def test_a_kill_leaves_the_old_tables_and_the_next_run_drops_what_it_left(tmp_path, small_bounds, monkeypatch,
                                                                       where):
    stored(tmp_path / "reference.db")
    reference = resolved(tmp_path / "reference.db", False, monkeypatch)
    stored(tmp_path / "killed.db")
    before = dump(tmp_path / "killed.db")
    checks = []

    def kill_on_third_check(self):
        checks.append(1)
        if len(checks) == 3:
            raise Killed

    target = "check_unchanged" if where == "filling" else "swap_in"
    monkeypatch.setattr(BulkIncidentStore, target, kill_on_third_check if where == "filling" else
                        lambda self: (_ for _ in ()).throw(Killed()))
    monkeypatch.setattr(bulk_resolution, "BULK_MIN_EVENTS", 1)
    with Store.open(tmp_path / "killed.db") as store, pytest.raises(Killed):
        resolve_pending(store)
    assert dump(tmp_path / "killed.db") == before  # empty tables, their indexes, the mark: as they were
    with Store.open(tmp_path / "killed.db") as store:
        assert leftovers(store) == ["incident_blocks_next", "incident_members_next", "incidents_next"]
    monkeypatch.undo()
    small_bounds_again(monkeypatch)
    assert resolved(tmp_path / "killed.db", True, monkeypatch) == reference


def small_bounds_again(monkeypatch) -> None:
    monkeypatch.setattr(resolution, "PENDING_BATCH", 7)
    monkeypatch.setattr(incident_index, "MAX_KEYS", 12)
    monkeypatch.setattr(incident_index, "MAX_INCIDENTS", 4)
    monkeypatch.setattr(bulk_resolution, "BULK_COMMIT_EVENTS", 20)


def between_transactions(monkeypatch, path, action) -> list[bool]:
    """Run `action` before each of the run's transactions on the store at `path` (when no transaction of
    its own is open, as another program would); returns, per check, whether data_version had changed."""
    original, check = Store.transaction, BulkIncidentStore.check_unchanged
    changed: list[bool] = []

    def transaction(self):
        if self._depth == 0 and self.path == str(path):
            action()
        return original(self)

    def recorded_check(self):
        changed.append(IncidentStore.data_version(self) != self._version)  # SQLite's own, not the run's
        check(self)

    monkeypatch.setattr(Store, "transaction", transaction)
    monkeypatch.setattr(BulkIncidentStore, "check_unchanged", recorded_check)
    return changed


def test_another_connections_wal_checkpoint_changes_data_version_and_the_run_stays_in_bulk(
        tmp_path, small_bounds, monkeypatch):
    # What made the first 1M run fall back to resolving in place (docs/scale.md): another connection that
    # checkpoints the WAL and restarts it (TRUNCATE: `sqlite3`, a backup tool) writes no row, but changes
    # PRAGMA data_version, which the run took for another writer.
    stored(tmp_path / "reference.db")
    reference = resolved(tmp_path / "reference.db", False, monkeypatch)
    stored(tmp_path / "shared.db")
    other = sqlite3.connect(tmp_path / "shared.db", isolation_level=None)
    changed = between_transactions(monkeypatch, tmp_path / "shared.db",
                                   lambda: other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall())
    swaps, reread = [], []
    original, begin = BulkIncidentStore.swap_in, incident_index.IncidentIndex.begin
    monkeypatch.setattr(BulkIncidentStore, "swap_in", lambda self: swaps.append(1) or original(self))
    monkeypatch.setattr(incident_index.IncidentIndex, "begin", lambda self, incidents: reread.append(
        incidents.data_version() != self._version) or begin(self, incidents))
    assert resolved(tmp_path / "shared.db", True, monkeypatch) == reference
    other.close()
    assert any(changed) and swaps  # data_version changed, and the run still swapped its tables in
    assert sum(reread) == 1  # the resolver's index began once (its first batch), never emptied for it again


def test_a_second_run_that_replaced_the_new_tables_makes_it_resolve_in_place(tmp_path, small_bounds, monkeypatch):
    stored(tmp_path / "reference.db")
    reference = resolved(tmp_path / "reference.db", False, monkeypatch)
    stored(tmp_path / "shared.db")
    started = []

    def second_run_starts_and_dies():  # as a second `incidents resolve` would, killed after its first commit
        started.append(1)
        if len(started) == 3:  # (its own transaction comes here too, as the fourth)
            with Store.open(tmp_path / "shared.db") as second, second.transaction():
                bulk_resolution.drop_leftovers(second)
                BulkIncidentStore.create(second)

    between_transactions(monkeypatch, tmp_path / "shared.db", second_run_starts_and_dies)
    swaps = []
    monkeypatch.setattr(BulkIncidentStore, "swap_in", lambda self: swaps.append(1))
    assert resolved(tmp_path / "shared.db", True, monkeypatch) == reference
    assert not swaps  # it saw the tables were not its own any more, dropped them and resolved in place


def test_another_writer_filing_incidents_makes_it_resolve_in_place(tmp_path, small_bounds, monkeypatch):
    stored(tmp_path / "shared.db")
    filed = []

    def an_import_with_resolution_files_an_event():  # after the run's tables are made and its first commit
        filed.append(1)
        if len(filed) == 3:
            with Store.open(tmp_path / "shared.db") as other, other.transaction():
                other.incidents.add_member("evt_elsewhere", "inc_elsewhere", None, [], {}, None, ["k"], seq=1)

    between_transactions(monkeypatch, tmp_path / "shared.db", an_import_with_resolution_files_an_event)
    monkeypatch.setattr(BulkIncidentStore, "swap_in", lambda self: pytest.fail("swapped over another's rows"))
    monkeypatch.setattr(bulk_resolution, "BULK_MIN_EVENTS", 1)
    with Store.open(tmp_path / "shared.db") as store:
        resolve_pending(store)
        assert not leftovers(store)
        members = store.connection.execute("SELECT count(*) FROM incident_members").fetchone()[0]
    assert len(filed) > 3 and members == len(REPORTS) + 1  # the other writer's member kept, every event filed beside it


def test_a_full_disk_is_coded_and_leaves_the_old_tables(tmp_path, small_bounds, monkeypatch):
    stored(tmp_path / "full.db")
    before = dump(tmp_path / "full.db")
    monkeypatch.setattr(bulk_resolution, "BULK_MIN_EVENTS", 1)
    with Store.open(tmp_path / "full.db") as store:
        store.connection.execute("PRAGMA max_page_count = %d" % (
            store.connection.execute("PRAGMA page_count").fetchone()[0] + 30))  # room for the new tables, not their rows
        with pytest.raises(ConflictLensError) as caught:
            resolve_pending(store)
    assert caught.value.code == "CL-E241" and "incidents resolve" in caught.value.message
    assert dump(tmp_path / "full.db") == before


def test_an_event_already_filed_is_a_coded_error_in_bulk(tmp_path):
    with Store.open(tmp_path / "db.sqlite") as store:
        with store.transaction():
            bulk = BulkIncidentStore.create(store)
            for change in (lambda: bulk.remove_member("evt_a"), lambda: bulk.update_member("evt_a", [], {}, [])):
                with pytest.raises(ConflictLensError) as caught:
                    change()
                assert caught.value.code == "CL-E240"


def test_a_store_with_incidents_or_few_events_is_resolved_in_place(tmp_path, monkeypatch):
    stored(tmp_path / "few.db")
    monkeypatch.setattr(bulk_resolution, "BULK_MIN_EVENTS", len(REPORTS) + 1)
    with Store.open(tmp_path / "few.db") as store:
        assert bulk_resolution.resolve_in_bulk(store, resolution.build_context()) is None
        monkeypatch.setattr(bulk_resolution, "BULK_MIN_EVENTS", 1)
        resolve_pending(store, limit=10)  # some events in incidents now
        assert bulk_resolution.resolve_in_bulk(store, resolution.build_context()) is None
        assert not leftovers(store)


def test_with_no_other_writer_the_swap_clears_the_mark_without_reading_every_event_again(
        tmp_path, small_bounds, monkeypatch):
    stored(tmp_path / "reference.db")
    reference = resolved(tmp_path / "reference.db", False, monkeypatch)
    stored(tmp_path / "bulk.db")
    looked = []
    monkeypatch.setattr(bulk_resolution, "clear_mark_if_done", lambda incidents: looked.append(1))
    assert resolved(tmp_path / "bulk.db", True, monkeypatch) == reference  # the mark cleared all the same
    assert not looked


def test_events_another_program_stores_during_the_run_keep_the_mark_until_they_are_resolved(
        tmp_path, small_bounds, monkeypatch):
    stored(tmp_path / "shared.db")
    later = iter(_reports(40, start=500))

    def an_import_without_resolution_stores_a_report():  # before each of the run's transactions, the swap's too
        with Store.open(tmp_path / "shared.db") as other:
            other.save_many([next(later)], "v1")

    between_transactions(monkeypatch, tmp_path / "shared.db", an_import_without_resolution_stores_a_report)
    looked, original = [], bulk_resolution.clear_mark_if_done
    monkeypatch.setattr(bulk_resolution, "clear_mark_if_done", lambda incidents: looked.append(1) or original(incidents))
    monkeypatch.setattr(bulk_resolution, "BULK_MIN_EVENTS", 1)
    with Store.open(tmp_path / "shared.db") as store:
        resolve_pending(store)
        assert looked and not leftovers(store)
        assert store.incidents.unresolved_marked()  # the report stored just before the swap waits, marked
        monkeypatch.undo()
        assert resolve_pending(store).placed == 1  # the next resolution files it and clears the mark
        assert not store.incidents.unresolved_marked() and not store.incidents.unresolved_events(1)


def test_the_connection_is_set_for_the_run_and_as_it_was_after(tmp_path, monkeypatch):
    stored(tmp_path / "db.sqlite")
    names = ("cache_size", "mmap_size", "temp_store", "secure_delete", "ignore_check_constraints")
    during, check = [], BulkIncidentStore.check_unchanged
    monkeypatch.setattr(BulkIncidentStore, "check_unchanged", lambda self: during.append(
        [self._conn.execute(f"PRAGMA {n}").fetchone()[0] for n in names]) or check(self))
    monkeypatch.setattr(bulk_resolution, "BULK_MIN_EVENTS", 1)
    with Store.open(tmp_path / "db.sqlite") as store:
        before = [store.connection.execute(f"PRAGMA {n}").fetchone()[0] for n in names]
        resolve_pending(store)
        assert [store.connection.execute(f"PRAGMA {n}").fetchone()[0] for n in names] == before
    assert during and all(values == [-512 * 1024, 1 << 30, 2, 0, 1] for values in during)
    assert before != during[0]


@pytest.mark.parametrize("max_keys", [None, 12])
def test_the_new_keys_are_indexed_once_the_resolver_first_asks_the_store_about_keys(tmp_path, monkeypatch, max_keys):
    monkeypatch.setattr(resolution, "PENDING_BATCH", 7)
    monkeypatch.setattr(bulk_resolution, "BULK_COMMIT_EVENTS", 20)  # many transactions
    monkeypatch.setattr(incident_index, "MAX_KEYS", max_keys)  # 12: the index drops keys and asks the store
    stored(tmp_path / "reference.db")
    reference = resolved(tmp_path / "reference.db", False, monkeypatch)
    stored(tmp_path / "bulk.db")
    indexed, asked, check, under = [], [], BulkIncidentStore.check_unchanged, BulkIncidentStore.incidents_under_keys
    monkeypatch.setattr(BulkIncidentStore, "check_unchanged", lambda self: indexed.append(self._conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'incident_blocks_next_key'").fetchone()[0]) or check(self))
    monkeypatch.setattr(BulkIncidentStore, "incidents_under_keys", lambda self, keys: asked.append(1) or under(self, keys))
    assert resolved(tmp_path / "bulk.db", True, monkeypatch) == reference
    assert len(indexed) > 3
    if max_keys is None:  # an index that holds every key never asks: no key index is kept up meanwhile
        assert not asked and not any(indexed)
    else:  # made when first asked, then kept up (in the same transaction and the later ones)
        assert asked and indexed[0] == 0 and indexed[-1] == 1 and indexed == sorted(indexed)
