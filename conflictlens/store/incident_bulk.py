"""The incident tables written in one piece: a bulk re-resolve fills new tables, then swaps them in.

Re-resolving a whole store batch by batch into the incident tables wrote each member under five
indexes in hash order (members by event, incident and document; keys by event; incidents by id):
past a few hundred thousand events every commit rewrote pages all over indexes larger than the
page cache (47 GB through the WAL for 1M events). When the incident tables are empty (a store
filled with `import --no-resolve`), `BulkIncidentStore` writes the members, their keys and the
merged records into new tables (`incident_members_next`, ...) that carry only their primary keys
(and the keys' index once the resolver first asks the store about keys: `_KEY_INDEX`), answers the
resolver's other reads from memory, and at the end drops the old tables, renames the new ones and
builds their indexes in ONE transaction. A kill at any point leaves the old tables as they were, and the events still marked
unresolved; the next resolution drops the leftover new tables (`drop_leftovers`) and starts again.

SQLite only: on PostgreSQL the resolver writes the tables as it always has.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from contextlib import contextmanager
from typing import Any, Iterator

from conflictlens.errors import ConflictLensError
from conflictlens.store.failures import translated
from conflictlens.store.incidents import IncidentStore, NewMember, _chunks, _loads
from conflictlens.store.pragmas import pragmas_set
from conflictlens.store.sqlite import Store

TABLES = ("incidents", "incident_members", "incident_blocks")
NEXT = "_next"
# The new keys' index, for the resolver's questions about keys of old times its index dropped: made
# when it first asks (a run whose index holds every key, as on a machine with 8 GB for 1M events,
# never does), not kept up row by row, in hash order, through the whole run.
_KEY_INDEX = "incident_blocks_next_key"
_BULK_CACHE_KIB = 512 * 1024  # the two primary keys' indexes (in hash order) stay in memory until commit
# The connection's settings for the run, restored after it (`bulk_settings`): the page cache above;
# reads through a memory map (every event record, and each table again as the swap indexes it: no
# copy into the page cache); the swap's sorts in memory; and freed pages not overwritten with zeros
# (this build of SQLite does so by default), which only the run's own pages are (the new tables'
# key index it drops, merged records it rewrites): nothing a user deleted. And the tables' CHECKs
# (`json_valid` of each profile, source, decision and merged record) not run on the rows the run
# writes: every one of those values is `IncidentStore._json`'s, which writes valid JSON or fails,
# and SQLite parsed about 3 KB of it again per event (6 of the 13 us an event's two inserts cost).
_BULK_PRAGMAS = (("cache_size", f"-{_BULK_CACHE_KIB}"), ("mmap_size", str(1 << 30)), ("temp_store", "2"),
                 ("secure_delete", "0"), ("ignore_check_constraints", "1"))
_SQLITE_FULL = 13
# The meta row naming the run whose new tables these are: another run that dropped and made them again
# (a second `incidents resolve` at the same time) is told apart from this one.
RUN_MARK = "bulk_resolution_run"
_CREATE = re.compile(r'^\s*CREATE\s+TABLE\s+"?(\w+)"?', re.IGNORECASE)


class BulkInterrupted(Exception):
    """Another connection wrote to the store between two of the bulk run's transactions."""


def leftovers(store: Store) -> list[str]:
    """New incident tables a killed bulk run left behind."""
    names = ", ".join(f"'{table}{NEXT}'" for table in TABLES)
    with translated(store.path):
        return [r[0] for r in store.connection.execute(
            f"SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ({names}) ORDER BY name")]


def drop_leftovers(store: Store) -> None:
    """Drop what a killed bulk run left (inside the caller's transaction): the old tables are complete."""
    with translated(store.path):
        for table in leftovers(store):
            store.connection.execute(f"DROP TABLE {table}")
        store.connection.execute("DELETE FROM meta WHERE key = ?", (RUN_MARK,))


def can_bulk(store: Store, min_events: int) -> bool:
    """Whether a bulk re-resolve applies (on a writable SQLite store): no incident tables filled, and at
    least `min_events` events stored (below that, writing the tables in place costs as little)."""
    one = store.connection.execute
    with translated(store.path):
        if any(one(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in TABLES):
            return False
        return one("SELECT count(*) FROM (SELECT 1 FROM events LIMIT ?)", (min_events,)).fetchone()[0] >= min_events


def disk_full(error: ConflictLensError) -> bool:
    """Whether the store's error is SQLite's SQLITE_FULL (the disk, or the file's size limit)."""
    code = getattr(error.__cause__, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF == _SQLITE_FULL


class BulkIncidentStore(IncidentStore):
    """The incident tables as the resolver sees them during a bulk re-resolve: the old (empty) ones
    for what is unresolved, the new ones for what it writes, and in memory what it would read back
    from the new ones through the indexes they do not have yet."""

    _members_table, _blocks_table, _incidents_table = "incident_members_next", "incident_blocks_next", "incidents_next"

    def __init__(self, store: Store, run: str) -> None:
        super().__init__(store)
        self._run = run
        self._seq = 1
        self._incident_of: dict[str, str] = {}  # event id -> incident id
        self._rows: dict[str, list[int]] = {}  # incident id -> its members' rowids, in member order
        self._last_row = 0
        # (event id, source, pinned) of the members filed since the last member_sources, by rowid: the
        # batch recomposes their incidents next, and most have no other member (no JSON to read back).
        self._just_filed: dict[int, tuple[str, dict[str, Any], bool]] = {}
        self._version = super().data_version()
        # Whether another connection committed (or restarted the WAL) since the run began: if not, no
        # event was stored meanwhile, so every stored event is one the run filed (`others_may_have_written`).
        self._others_wrote = False
        self._keys_indexed = False  # `_index_keys`

    @classmethod
    def create(cls, store: Store) -> BulkIncidentStore:
        """Create the new tables (inside the caller's transaction), as the old ones are declared."""
        conn = store.connection
        with translated(store.path):
            for table in TABLES:
                sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                   (table,)).fetchone()[0]
                conn.execute(_CREATE.sub(f"CREATE TABLE {table}{NEXT}", sql, count=1))
            run = uuid.uuid4().hex
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (RUN_MARK, run))
        return cls(store, run)

    def check_unchanged(self) -> None:
        """Call at the start of each transaction: another connection's commit (an import with resolution,
        a second bulk run) may have written incidents the new tables do not hold, or replaced them.

        `data_version` changes with any other connection's commit, and also when another connection
        checkpoints the WAL in a way that restarts it (TRUNCATE or RESTART, e.g. `sqlite3` or a backup
        tool): neither need touch the incident tables. So a change is only a reason to look: the run
        gives up only when the old tables hold something or the new ones are no longer as it left them.
        """
        version = super().data_version()
        if version == self._version:
            return
        self._others_wrote = True
        if not self._still_ours():
            raise BulkInterrupted()
        self._version = version

    @property
    def others_may_have_written(self) -> bool:
        """Whether another connection may have stored events since the run began (as of the last
        `check_unchanged`): then the swap must look for events still in no incident before it clears
        the unresolved mark; otherwise the run has read every stored event and filed each."""
        return self._others_wrote

    def data_version(self) -> int:
        """No commit by another connection that matters to the resolver's index (pipeline/incident_index.py):
        `check_unchanged` gives up on any that wrote what it reads, so the index keeps what it holds."""
        return 0

    def _still_ours(self) -> bool:
        one = self._conn.execute
        with translated(self._path):
            mark = one("SELECT value FROM meta WHERE key = ?", (RUN_MARK,)).fetchone()
            if mark is None or mark[0] != self._run:
                return False
            if any(one(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in TABLES):
                return False
            return one(f"SELECT coalesce(max(rowid), 0) FROM {self._members_table}").fetchone()[0] == self._last_row

    @contextmanager
    def bulk_settings(self) -> Iterator[None]:
        """The connection set for the run (`_BULK_PRAGMAS`), as it was afterwards."""
        with pragmas_set(self._conn, _BULK_PRAGMAS, lambda: translated(self._path)):
            yield

    def swap_in(self) -> None:
        """Replace the old tables by the new ones and build their indexes (inside the caller's transaction)."""
        self.check_unchanged()
        conn, names = self._conn, ", ".join(f"'{table}'" for table in TABLES)
        with translated(self._path):
            indexes = [r[0] for r in conn.execute(
                f"SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({names}) AND sql IS NOT NULL "
                f"ORDER BY rowid")]
            for table in TABLES:
                conn.execute(f"DROP TABLE {table}")
                conn.execute(f"ALTER TABLE {table}{NEXT} RENAME TO {table}")
            conn.execute(f"DROP INDEX IF EXISTS {_KEY_INDEX}")
            for sql in indexes:
                conn.execute(sql)
            conn.execute("DELETE FROM meta WHERE key = ?", (RUN_MARK,))

    # -- what the resolver reads back: from memory, or the new tables by rowid -----------------

    def next_seq(self) -> int:
        return self._seq

    def any_blocks(self) -> bool:
        return bool(self._incident_of)

    def incident_exists(self, incident_id: str) -> bool:
        return incident_id in self._rows  # the old tables are empty (can_bulk), and no one else writes

    def existing_incidents(self, incident_ids: Sequence[str]) -> set[str]:
        return {incident for incident in incident_ids if incident in self._rows}

    def incidents_by_keys(self, keys: Sequence[str]) -> list[str]:
        under = self.incidents_under_keys(keys)
        return list(dict.fromkeys(incident for key in sorted(under) for incident in under[key]))

    def incidents_under_keys(self, keys: Sequence[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        self._index_keys()
        for chunk in _chunks(list(dict.fromkeys(keys))):
            marks = ", ".join("?" for _ in chunk)
            sql = (f"SELECT key, event_id FROM {self._blocks_table} WHERE key IN ({marks}) "
                   f"ORDER BY key, rowid")
            with translated(self._path):
                for key, event_id in self._conn.execute(sql, chunk):
                    found.setdefault(key, []).append(self._incident_of[event_id])
        return found

    def _index_keys(self) -> None:
        """Index the new keys (`_KEY_INDEX`), once: inside the caller's transaction, which files the rows
        written since under it as they come."""
        if not self._keys_indexed:
            with translated(self._path):
                self._conn.execute(f"CREATE INDEX IF NOT EXISTS {_KEY_INDEX} ON {self._blocks_table} (key)")
            self._keys_indexed = True

    def sample_profiles(self, incident_id: str, limit: int) -> list[Any]:
        rows, head = self._rows.get(incident_id, []), limit // 2
        wanted = sorted({*rows[:head], *(rows[-(limit - head):] if limit > head else ())})
        return [_loads(profile) for _, profile in self._by_rowid("rowid, profile", wanted)]

    def member_sources(self, incident_ids: Sequence[str]) -> dict[str, list[tuple[str, dict[str, Any], bool]]]:
        out: dict[str, list[tuple[str, dict[str, Any], bool]]] = {}
        filed, self._just_filed = self._just_filed, {}
        for incident_id in sorted(set(incident_ids)):  # as the store reads them: by incident, then member order
            rows = self._rows.get(incident_id, [])
            if rows and all(row in filed for row in rows):
                out[incident_id] = [filed[row] for row in rows]
                continue
            for _, event_id, source, pinned in self._by_rowid("rowid, event_id, source, pinned", rows):
                out.setdefault(incident_id, []).append((event_id, _loads(source), bool(pinned)))
        return out

    def _by_rowid(self, columns: str, rowids: list[int]) -> list[tuple[Any, ...]]:
        out: list[tuple[Any, ...]] = []
        for chunk in _chunks(rowids):
            marks = ", ".join("?" for _ in chunk)
            with translated(self._path):
                out += self._conn.execute(f"SELECT {columns} FROM {self._members_table} WHERE rowid IN ({marks}) "
                                          f"ORDER BY rowid", chunk).fetchall()
        return out

    # -- writes: appended to the new tables, followed in memory ------------------------------

    def add_members(self, members: Sequence[NewMember]) -> None:
        super().add_members(members)
        for member in members:  # appended to a table nothing is deleted from: rowids count up from 1
            self._last_row += 1
            self._just_filed[self._last_row] = (member.event_id, member.source, member.pinned)
            self._incident_of[member.event_id] = member.incident_id
            self._rows.setdefault(member.incident_id, []).append(self._last_row)
            self._seq = max(self._seq, member.seq + 1)

    def update_member(self, *args: Any, **kwargs: Any) -> None:
        raise _not_in_bulk("update_member")

    def remove_member(self, event_id: str) -> None:
        raise _not_in_bulk("remove_member")


def _not_in_bulk(what: str) -> ConflictLensError:
    # Every event a bulk run reads is in no incident, so it has no membership to change: reaching
    # this is a bug, and the run stops before anything replaces the old tables.
    return ConflictLensError("CL-E240", f"a bulk re-resolve cannot {what}; run `conflictlens incidents resolve` "
                             "again (the old incident tables are unchanged) and report this")
