"""Re-resolving a whole store at once: every event into new incident tables, swapped in at the end.

`resolve_pending` tries this first. It applies when the store's incident tables are empty and it
holds at least BULK_MIN_EVENTS events (a store filled with `import --no-resolve`, or by a version
before resolution): the events are resolved in the same order, by the same batches, with the same
decisions, but filed into new tables without their secondary indexes (store/incident_bulk.py),
committed every BULK_COMMIT_EVENTS events, and swapped in for the old ones in one transaction.

Crash safety: until the swap commits, the old tables are untouched and the events still marked
unresolved; a kill leaves new tables behind, which the next resolution drops before it starts. If
another program files incidents in the old tables between two of this run's transactions (the new
tables would miss them), or replaces the new tables (a second run), the run gives up on them and the
ordinary resolution takes over. Another program's commit or WAL checkpoint that touches neither does
not stop it (`BulkIncidentStore.check_unchanged`).
"""

from __future__ import annotations

from conflictlens.errors import ConflictLensError
from conflictlens.pipeline.dataset_rows import quiet_collector
from conflictlens.pipeline.incident_index import IncidentIndex
from conflictlens.pipeline.resolution import (
    RESOLVE_GC_THRESHOLD, ResolutionContext, ResolutionReport, clear_mark_if_done, resolve_pending_batches,
)
from conflictlens.store import Store
from conflictlens.store.dialect import SQLITE
from conflictlens.store.incident_bulk import (
    BulkIncidentStore, BulkInterrupted, can_bulk, disk_full, drop_leftovers,
)

BULK_MIN_EVENTS = 10_000  # below this, filing events in place costs as little as the swap
# Committed every so many events (the new tables' pages are written once, in order, so a commit is
# cheap), or so many seconds: another writer waits at most that long for the store.
BULK_COMMIT_EVENTS, BULK_COMMIT_SECONDS = 250_000, 60.0


def resolve_in_bulk(store: Store, ctx: ResolutionContext) -> ResolutionReport | None:
    """Resolve every stored event into new incident tables and swap them in; None when this does not
    apply (see the module's doc) or another program wrote meanwhile: then resolve in place."""
    if store.read_only or store.dialect is not SQLITE:
        return None
    try:
        with store.transaction():
            drop_leftovers(store)  # a killed bulk run's, if any
            if not can_bulk(store, BULK_MIN_EVENTS):
                return None
            bulk = BulkIncidentStore.create(store)
        return _fill_and_swap(store, ctx, bulk)
    except BulkInterrupted:
        with store.transaction():
            drop_leftovers(store)  # what another program wrote is not in them: resolve in place
        return None
    except ConflictLensError as error:
        if not disk_full(error):
            raise
        _drop_if_possible(store)
        raise ConflictLensError("CL-E241", "the disk filled while new incident tables were written; the old ones "
                                "are unchanged and the events still wait: free about twice the store's size "
                                "and run `conflictlens incidents resolve` again", store.path) from error


def _fill_and_swap(store: Store, ctx: ResolutionContext, bulk: BulkIncidentStore) -> ResolutionReport:
    report, index = ResolutionReport(), IncidentIndex()
    position: tuple[int, str] | None = (0, "")
    with quiet_collector(RESOLVE_GC_THRESHOLD), bulk.bulk_settings():
        while position is not None:
            with store.transaction():
                bulk.check_unchanged()
                position, _ = resolve_pending_batches(store, ctx, report, index, position, None, bulk,
                                                      (BULK_COMMIT_EVENTS, BULK_COMMIT_SECONDS))
        with store.transaction():
            bulk.swap_in()  # checks, under the write lock, that no other connection wrote meanwhile
            if bulk.others_may_have_written:
                clear_mark_if_done(store.incidents)  # events stored meanwhile may be in no incident: look
            else:
                store.incidents.clear_unresolved_mark()  # every stored event was read and filed
    return report


def _drop_if_possible(store: Store) -> None:
    """Give back the new tables' pages to the store, if the full disk lets the transaction commit."""
    try:
        with store.transaction():
            drop_leftovers(store)
    except ConflictLensError:
        pass  # the next resolution drops them
