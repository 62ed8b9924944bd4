"""The embedded SQLite store: documents, events and their evidence, with full-text search.

Transactions are explicit (the connection runs with isolation_level=None): every write goes
through `_transaction`, which is a BEGIN IMMEDIATE at the outermost level and a SAVEPOINT when
nested inside `bulk()`, so a failure anywhere undoes exactly the unit that failed.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime, timezone
from types import TracebackType
from typing import Any

from conflictlens.errors import ConflictLensError
from conflictlens.model.area import Area
from conflictlens.model.records import Document, Event
from conflictlens.store import postgres
from conflictlens.store import rows as R
from conflictlens.store.dialect import SQLITE, Dialect, postgresql
from conflictlens.store.failures import translated
from conflictlens.store.files import check_is_sqlite_file, connect_read_only, writable
from conflictlens.store.area import prepared
from conflictlens.store.query import event_filter, fts_match, positive_limit
from conflictlens.store.repositories import Repositories
from conflictlens.store.rollup import COLUMNS, counts_sql, uncount_documents
from conflictlens.store.schema import migrate
from conflictlens.store.writes import insert_documents, insert_events

MEMORY = ":memory:"
_BUSY_TIMEOUT_S = 10.0
_STREAM_BATCH = 500
_CACHE_KIB = 64 * 1024

INSERTED, UPDATED, UNCHANGED = "inserted", "updated", "unchanged"
# A row prepared as unchanged (no rows: see rows.unchanged) whose stored version has changed since
# it was looked up: an earlier duplicate of it in the same file, or another program. Not written.
STALE = "stale"

_UPDATE_DOCUMENT = (
    "UPDATE documents SET text = ?, url = ?, outlet = ?, title = ?, published = ?, "
    "source_path = ?, external_id = ?, content_hash = ?, extractor_version = ?, extracted_at = ? "
    "WHERE id = ?"
)
_UPSERT_META = (
    "INSERT INTO meta (key, value) VALUES (?, ?) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)
_UPSERT_ACTOR = (
    "INSERT INTO actors (name, actor_type, parent) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE "
    "SET actor_type = coalesce(excluded.actor_type, actors.actor_type), "
    "parent = coalesce(excluded.parent, actors.parent)"
)


@dataclass(frozen=True)
class SaveResult:
    """What saving one document did: status is "inserted", "updated" or "unchanged"."""

    document_id: str
    status: str
    events: int  # events written; 0 when unchanged


class Store(Repositories):
    """An open conflictlens database. Create with `Store.open(path)`; close or use `with`.
    Its repositories are attributes (`store.incidents`, `store.ledger`, ...: store/repositories.py)."""

    def __init__(self, conn: sqlite3.Connection, path: str, read_only: bool = False, dialect: Dialect = SQLITE) -> None:
        self._conn = conn
        self._path = path
        self.dialect = dialect  # SQLite, or PostgreSQL (store/postgres.py answers as a sqlite3 connection)
        self._depth = 0  # transaction nesting: 0 = none, 1 = BEGIN, >1 = savepoints
        self.read_only = read_only  # opened read-only: the file or its folder is not writable

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], create: bool = True) -> Store:
        """Open or create the database at `path` (or ":memory:") and apply pending migrations.

        A store whose file or folder is not writable (an archive on a read-only drive) is opened
        read-only: every read works, and a write is refused with CL-E206. `create=False`: a
        PostgreSQL database (schema) without a store is CL-E214, left as it is (the caller checks
        that a SQLite file exists).
        """
        target = os.fspath(path)
        if postgres.is_url(target):
            return cls._open_postgres(target, create)
        if target != MEMORY:
            check_is_sqlite_file(target)
        read_only = target != MEMORY and not writable(target)
        with translated(target):
            conn = connect_read_only(target, _BUSY_TIMEOUT_S) if read_only else sqlite3.connect(
                target, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
        try:
            with translated(target):
                conn.execute("PRAGMA foreign_keys = ON")
                if not read_only:  # both settings are the writer's; a read-only open may not change them
                    # WAL: readers never block the writer, and a crash mid-write leaves the
                    # committed data intact. A no-op (returns "memory") for in-memory databases.
                    conn.execute("PRAGMA journal_mode = WAL")
                    # In WAL mode NORMAL still never corrupts the database; a power cut may lose the last
                    # commits, which an idempotent re-ingest restores. FULL fsyncs every commit, and
                    # made bulk imports several times slower.
                    conn.execute("PRAGMA synchronous = NORMAL")
                # SQLite's default page cache (2 MB) is smaller than one import batch's index pages;
                # a bigger one (it grows only as used) keeps bulk writes off the disk until commit.
                conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
                migrate(conn, target)
            store = cls(conn, target, read_only)
            store.indexes.rebuild_orphaned()  # an import killed after dropping them (store/deferred_indexes.py)
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def _open_postgres(cls, url: str, create: bool) -> Store:
        """A store in the PostgreSQL database at `url` (docs/scale.md), schema migrated."""
        conn = postgres.connect(url)
        try:
            postgres.migrate(conn, create)
        except BaseException:
            conn.close()
            raise
        return cls(conn, url, dialect=postgresql())  # type: ignore[arg-type]

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def path(self) -> str:
        return self._path

    def meta(self, key: str) -> str | None:
        """A store-wide fact, e.g. meta("extractor_version"): the last version written."""
        with translated(self._path):
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # -- for the store's own area modules (incidents, ledger, relations) ----------------------

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for modules of this package that keep their own tables."""
        return self._conn

    def transaction(self):
        """All-or-nothing unit of work (a savepoint when nested), for this package's area modules."""
        return self._transaction()

    # -- transactions ----------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """All-or-nothing unit of work; nests as a savepoint inside an outer transaction."""
        savepoint = f"sp{self._depth}" if self._depth else None
        begin = f"SAVEPOINT {savepoint}" if savepoint else "BEGIN IMMEDIATE"
        commit = f"RELEASE {savepoint}" if savepoint else "COMMIT"
        self._depth += 1
        try:
            with translated(self._path):
                self._conn.execute(begin)
                try:
                    yield
                    self._conn.execute(commit)
                except BaseException:
                    self._undo(savepoint)
                    raise
        finally:
            self._depth -= 1

    def _undo(self, savepoint: str | None) -> None:
        # SQLite may already have rolled back on its own (e.g. disk full); then there is
        # nothing left to undo and a ROLLBACK would itself fail and hide the real error.
        if not self._conn.in_transaction:
            return
        if savepoint:
            self._conn.execute(f"ROLLBACK TO {savepoint}")
            self._conn.execute(f"RELEASE {savepoint}")
        else:
            self._conn.execute("ROLLBACK")

    @contextmanager
    def bulk(self) -> Iterator[Store]:
        """One transaction around many saves: much faster, and all-or-nothing if an error escapes.

        Each save inside stays atomic on its own (a savepoint), so a caller that catches a
        failed save can carry on with the others.
        """
        with self._transaction():
            yield self

    # -- writes ----------------------------------------------------------------------------

    def save_document_with_events(
        self, doc: Document, events: list[Event], extractor_version: str
    ) -> SaveResult:
        """Write `doc` and its events atomically; idempotent per (document id, extractor version)."""
        if not extractor_version:
            raise ConflictLensError(
                "CL-E400", "extractor version is empty; pass the version of the extractor used",
                subject="extractor_version",
            )
        with self._transaction():
            row = self._conn.execute(
                "SELECT extractor_version FROM documents WHERE id = ?", (doc.id,)
            ).fetchone()
            if row is not None and row[0] == extractor_version:
                return SaveResult(doc.id, UNCHANGED, 0)
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            doc_row = R.document_row(doc, extractor_version, now)
            if row is None:
                insert_documents(self._conn, [(*doc_row, now)])
            else:
                self._conn.execute(_UPDATE_DOCUMENT, (*doc_row[1:], doc.id))
                # Evidence and attributions follow by ON DELETE CASCADE; the roll-up is told first.
                uncount_documents(self._conn, [doc.id])
                self._conn.execute("DELETE FROM events WHERE document_id = ?", (doc.id,))
            insert_events(self._conn, [R.event_rows(e, doc.id) for e in events])
            self._conn.execute(_UPSERT_META, ("extractor_version", extractor_version))
        return SaveResult(doc.id, INSERTED if row is None else UPDATED, len(events))

    def save_many(
        self, pairs: Iterable[tuple[Document, list[Event]]], extractor_version: str
    ) -> list[SaveResult]:
        """Save many (document, events) pairs in one transaction: all are written or none."""
        with self.bulk():
            return [self.save_document_with_events(d, e, extractor_version) for d, e in pairs]

    def save_versioned(
        self, items: Iterable[tuple[Document, list[Event], str]], meta_key: str | None = None
    ) -> list[SaveResult]:
        """Save (document, events, version) triples in one transaction, a few statements per batch.

        For large imports: a document whose stored version equals its version is left alone, as in
        save_document_with_events, but the lookups and writes are batched rather than per row.
        `meta_key`, when given, records the last version under that key.
        """
        items = list(items)
        with self._transaction():  # the versions read are those the save then sees
            stored = self.stored_versions([d.id for d, _, _ in items])  # unchanged rows are not flattened
            return self.save_prepared([R.unchanged(d.id, v) if stored.get(d.id) == v else R.prepare(d, e, v)
                                       for d, e, v in items], meta_key)

    def save_prepared(self, items: Iterable[R.PreparedDocument], meta_key: str | None = None) -> list[SaveResult]:
        """save_versioned for documents already flattened (by `rows.prepare`, perhaps in another process).

        A document prepared as unchanged that no longer is comes back STALE and is not written.
        """
        items = list(items)
        last = {p.id: p for p in items}  # a row repeated within the batch: the last wins
        with self._transaction():
            stored = self.stored_versions(list(last))
            changed = [p for p in last.values() if stored.get(p.id) != p.version]
            fresh = [p for p in changed if p.fields]
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            insert_documents(self._conn, [(*p.fields, p.version, now, now) for p in fresh if p.id not in stored])
            old = [p for p in fresh if p.id in stored]
            self._conn.executemany(_UPDATE_DOCUMENT, [(*p.fields[1:], p.version, now, p.id) for p in old])
            uncount_documents(self._conn, [p.id for p in old])
            self._conn.executemany("DELETE FROM events WHERE document_id = ?", [(p.id,) for p in old])
            insert_events(self._conn, [rows for p in fresh for rows in p.events])
            if meta_key and fresh:
                self._conn.execute(_UPSERT_META, (meta_key, fresh[-1].version))
        stale = {p.id for p in changed if not p.fields}
        status = {p.id: (STALE if p.id in stale else UNCHANGED if stored.get(p.id) == p.version
                         else UPDATED if p.id in stored else INSERTED) for p in last.values()}
        # An earlier copy of a document repeated in the batch was never written: it counts as unchanged.
        return [SaveResult(p.id, status[p.id], len(p.events) if status[p.id] in (INSERTED, UPDATED) else 0)
                if last[p.id] is p else SaveResult(p.id, UNCHANGED, 0) for p in items]

    def stored_versions(self, doc_ids: list[str]) -> dict[str, str]:
        """The version each of `doc_ids` is stored with (absent when not stored)."""
        found: dict[str, str] = {}
        if self.dialect is not SQLITE:  # one array: PostgreSQL plans 500 bound IN values slower than it looks them up
            with translated(self._path):
                return dict(self._conn.execute("SELECT id, extractor_version FROM documents WHERE id = ANY(?)",
                                               (list(doc_ids),)).fetchall())
        for i in range(0, len(doc_ids), 500):  # SQLite caps the number of bound parameters
            chunk = doc_ids[i:i + 500]
            sql = f"SELECT id, extractor_version FROM documents WHERE id IN ({', '.join('?' * len(chunk))})"
            with translated(self._path):
                found.update(self._conn.execute(sql, chunk).fetchall())
        return found

    def save_actors(self, actors: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Upsert registry actors as (name, actor_type, parent); None keeps the stored value."""
        with self._transaction():
            self._conn.executemany(_UPSERT_ACTOR, list(actors))

    # -- reads -----------------------------------------------------------------------------

    def get_document(self, doc_id: str) -> Document | None:
        sql = f"SELECT {', '.join(R.DOCUMENT_FIELDS)} FROM documents WHERE id = ?"
        with translated(self._path):
            row = self._conn.execute(sql, (doc_id,)).fetchone()
        return R.document_from_row(row) if row else None

    def get_event(self, event_id: str) -> Event | None:
        with translated(self._path):
            row = self._conn.execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        return R.event_from_record(row[0]) if row else None

    def iter_events(
        self, country: str | None = None, since: str | date | None = None, until: str | date | None = None,
        event_type: str | None = None, perpetrator: str | Sequence[str] | None = None, limit: int | None = None,
        including: Sequence[str] = (), sub_event_type: str | None = None, attack_type: str | None = None,
        after: tuple[str | None, str] | None = None, areas: Sequence[Area] = (),
    ) -> Iterator[Event]:
        """Stream matching events ordered by date_start then id (filters are validated now).

        `perpetrator`: one stored name or several. `including`: ids that pass the perpetrator filter
        whatever their stored perpetrator. `after`: a (date_start, id) to start after. `areas`: events in each.
        """
        with translated(self._path):
            postgis = prepared(self._conn) if areas else None
        sql, params = event_filter(country, since, until, event_type, perpetrator, limit, including,
                                   sub_event_type, attack_type, after, areas, postgis)
        return self._stream(sql, params)

    def rollup_counts(self, column: str, span: Any, **filters: Any) -> list[tuple[Any, int, int]]:
        """(value of `column`, events, summed best fatality figure) per value, from the aggregate roll-up (by
        period, or `by_day`) or the events themselves (`from_events`): rollup.counts_sql says which filters."""
        sql, params = counts_sql(column, span, **filters)
        with translated(self._path):
            return [(value, int(n), int(f)) for value, n, f in self._conn.execute(sql, params)]

    def rollup_values(self, column: str) -> list[str | None]:
        """The values `column` of the roll-up (rollup.COLUMNS) holds: every stored event's, but far fewer rows."""
        if column not in COLUMNS:
            raise ValueError(f"no roll-up column {column!r}")
        with translated(self._path):
            table = "event_rollup" if column == "period" else "event_rollup_totals"
            return [row[0] for row in self._conn.execute(f"SELECT DISTINCT {column} FROM {table}")]

    def _stream(self, sql: str, params: list[Any]) -> Iterator[Event]:
        with translated(self._path):
            cursor = postgres.open_stream(self._conn, sql, params)  # server-side on PostgreSQL
        try:
            while True:
                with translated(self._path):
                    batch = cursor.fetchmany(_STREAM_BATCH)
                if not batch:
                    return
                for (record,) in batch:
                    yield R.event_from_record(record)
        finally:
            # An abandoned stream may be finalised after the store was closed.
            with suppress(sqlite3.ProgrammingError):
                cursor.close()

    def search_documents(self, query: str, limit: int = 20) -> list[tuple[str, str | None, str]]:
        """(document id, title, snippet) of documents matching every word of `query`, best first.

        Snippets mark matches with [brackets]. FTS syntax in `query` is treated as plain text.
        """
        match = fts_match(query)
        checked_limit = positive_limit(limit)
        if match is None or checked_limit == 0:
            return []
        with translated(self._path):
            return [tuple(r) for r in self._conn.execute(self.dialect.search_sql, (match, checked_limit))]

    def search_folds_accents(self) -> bool:
        """Whether search folds accents ("Herat" finds "Hérat"): on SQLite always, on PostgreSQL with unaccent."""
        if self.dialect is SQLITE:
            return True
        with translated(self._path):
            return postgres.accents_folded(self._conn)  # type: ignore[arg-type]

    def counts(self) -> dict[str, Any]:
        """Totals: documents, events, events by event_type and by country (None -> "unknown")."""
        with translated(self._path):
            one = self._conn.execute
            return {
                "documents": one("SELECT count(*) FROM documents").fetchone()[0],
                "events": one("SELECT count(*) FROM events").fetchone()[0],
                "by_event_type": self._grouped("event_type"),
                "by_country": self._grouped("country"),
            }

    def _grouped(self, column: str) -> dict[str, int]:
        sql = f"SELECT coalesce({column}, 'unknown'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
        return {key: n for key, n in self._conn.execute(sql)}

