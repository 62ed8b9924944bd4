"""Incidents in the store: members, blocking keys, merged records and analyst decisions.

Plain rows in, plain rows out: profiles, sources, decisions and merged records arrive as JSON-ready
values computed by the resolver (wired in `conflictlens.pipeline.resolution`); this module only
keeps them. Writes do not open transactions of their own: the caller wraps a unit of work in
`Store.transaction()`, so that a resolution step is all-or-nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Any

import orjson

from conflictlens.store.failures import translated
from conflictlens.store.postgres import data_version, open_stream
from conflictlens.store.sqlite import Store
from conflictlens.store.writes import UNRESOLVED_MARK
from conflictlens.store.incident_rows import RESOLVER, DecisionRow, MemberRow, NewMember

__all__ = ["RESOLVER", "DecisionRow", "IncidentStore", "MemberRow", "NewMember", "now"]

_MEMBER_COLUMNS = ("event_id", "incident_id", "document_id", "profile", "source", "decision", "linked_by",
                   "pinned", "linked_at", "seq")
_SELECT_MEMBERS = f"SELECT {', '.join(_MEMBER_COLUMNS)} FROM incident_members"
_MAX_VARIABLES = 500  # per IN (...) list; SQLite allows more, but big lists make slow plans
_STREAM_BATCH = 500  # incidents read at a time when listing: memory stays flat


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class IncidentStore:
    """The incident tables of one open `Store`."""

    # The tables members, their keys and merged records are written to (a bulk re-resolve writes new ones).
    _members_table, _blocks_table, _incidents_table = "incident_members", "incident_blocks", "incidents"

    def __init__(self, store: Store) -> None:
        self._store = store
        self._conn: sqlite3.Connection = store.connection
        self._path = store.path

    def transaction(self):
        return self._store.transaction()

    # -- reads ---------------------------------------------------------------------------------

    def membership(self, event_id: str) -> MemberRow | None:
        rows = self._members(f"{_SELECT_MEMBERS} WHERE event_id = ?", (event_id,))
        return rows[0] if rows else None

    def members(self, incident_id: str) -> list[MemberRow]:
        return self._members(f"{_SELECT_MEMBERS} WHERE incident_id = ? ORDER BY seq", (incident_id,))

    def memberships(self, event_ids: Sequence[str]) -> dict[str, MemberRow]:
        """The membership of each of `event_ids` that has one (one query per 500 ids)."""
        out: dict[str, MemberRow] = {}
        for chunk in _chunks(list(dict.fromkeys(event_ids))):
            marks = ", ".join("?" for _ in chunk)
            out.update((m.event_id, m) for m in self._members(f"{_SELECT_MEMBERS} WHERE event_id IN ({marks})", chunk))
        return out

    def sample_profiles(self, incident_id: str, limit: int) -> list[Any]:
        """The profiles of at most `limit` members, in member order: the first half and the latest half
        (what the resolver compares a new event with). Only the profiles are parsed."""
        head = limit // 2
        sql = "SELECT seq, profile FROM incident_members WHERE incident_id = ? ORDER BY seq {} LIMIT ?"
        with translated(self._path):
            first = self._conn.execute(sql.format("ASC"), (incident_id, head)).fetchall()
            last = self._conn.execute(sql.format("DESC"), (incident_id, limit - head)).fetchall()
        seen = {seq for seq, _ in first}
        return [_loads(p) for _, p in first + [r for r in reversed(last) if r[0] not in seen]]

    def member_sources(self, incident_ids: Sequence[str]) -> dict[str, list[tuple[str, dict[str, Any], bool]]]:
        """(event id, source, pinned) of every member in order, for each of `incident_ids` that has members:
        what recomputing the merged records needs (one query per 500 incidents)."""
        out: dict[str, list[tuple[str, dict[str, Any], bool]]] = {}
        for chunk in _chunks(list(dict.fromkeys(incident_ids))):
            marks = ", ".join("?" for _ in chunk)
            sql = (f"SELECT incident_id, event_id, source, pinned FROM incident_members "
                   f"WHERE incident_id IN ({marks}) ORDER BY incident_id, seq")
            with translated(self._path):
                for incident_id, event_id, source, pinned in self._conn.execute(sql, chunk):
                    out.setdefault(incident_id, []).append((event_id, _loads(source), bool(pinned)))
        return out

    def apart_pairs(self, event_ids: Sequence[str]) -> dict[str, set[str]]:
        """For each of `event_ids`, the events an analyst kept apart from it (absent when none)."""
        out: dict[str, set[str]] = {}
        for chunk in _chunks(list(dict.fromkeys(event_ids))):
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT event_a, event_b FROM incident_apart WHERE event_a IN ({marks}) OR event_b IN ({marks})"
            with translated(self._path):
                for a, b in self._conn.execute(sql, chunk * 2):
                    out.setdefault(a, set()).add(b)
                    out.setdefault(b, set()).add(a)
        return out

    def next_seq(self) -> int:
        """The sequence number the next member will get (members are numbered in the order they joined)."""
        with translated(self._path):
            return self._conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM incident_members").fetchone()[0]

    def members_of_document(self, document_id: str) -> list[MemberRow]:
        return self.members_of_documents([document_id]).get(document_id, [])

    def members_of_documents(self, document_ids: Sequence[str]) -> dict[str, list[MemberRow]]:
        """The members of each of `document_ids` that has any, in member order (one query per 500 documents)."""
        out: dict[str, list[MemberRow]] = {}
        for chunk in _chunks(list(dict.fromkeys(document_ids))):
            sql = f"{_SELECT_MEMBERS} WHERE document_id IN ({', '.join('?' * len(chunk))}) ORDER BY seq"
            for member in self._members(sql, chunk):
                out.setdefault(member.document_id, []).append(member)
        return out

    def incidents_by_keys(self, keys: Sequence[str]) -> list[str]:
        """Incidents with a member filed under any of `keys` (the blocking lookup)."""
        found: dict[str, None] = {}
        for chunk in _chunks(list(dict.fromkeys(keys))):
            marks = ", ".join("?" for _ in chunk)
            sql = (f"SELECT DISTINCT m.incident_id FROM incident_blocks AS b JOIN incident_members AS m "
                   f"ON m.event_id = b.event_id WHERE b.key IN ({marks})")
            with translated(self._path):
                found.update((row[0], None) for row in self._conn.execute(sql, chunk))
        return list(found)

    def any_blocks(self) -> bool:
        """Whether any member is filed under a blocking key (false in a store with no incidents yet)."""
        with translated(self._path):
            return self._conn.execute("SELECT 1 FROM incident_blocks LIMIT 1").fetchone() is not None

    def incidents_under_keys(self, keys: Sequence[str]) -> dict[str, list[str]]:
        """For each of `keys` that has any, the incidents of the members filed under it, one per filed
        member, in filing order: incidents_by_keys for many events at once, kept apart by key."""
        found: dict[str, list[str]] = {}
        for chunk in _chunks(list(dict.fromkeys(keys))):
            marks = ", ".join("?" for _ in chunk)
            sql = (f"SELECT b.key, m.incident_id FROM incident_blocks AS b JOIN incident_members AS m "
                   f"ON m.event_id = b.event_id WHERE b.key IN ({marks}) ORDER BY b.key, b.rowid")
            with translated(self._path):
                for key, incident_id in self._conn.execute(sql, chunk):
                    found.setdefault(key, []).append(incident_id)
        return found

    def data_version(self) -> int:
        """A count of commits by other connections: a change means what was read may be stale."""
        with translated(self._path):
            return data_version(self._conn)  # SQLite's PRAGMA; PostgreSQL: the store's change counter

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        with translated(self._path):
            row = self._conn.execute("SELECT record FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        return _loads(row[0]) if row else None

    def incident_exists(self, incident_id: str) -> bool:
        with translated(self._path):
            return self._conn.execute("SELECT 1 FROM incidents WHERE id = ?", (incident_id,)).fetchone() is not None \
                or self._conn.execute("SELECT 1 FROM incident_members WHERE incident_id = ? LIMIT 1",
                                      (incident_id,)).fetchone() is not None

    def existing_incidents(self, incident_ids: Sequence[str]) -> set[str]:
        """Which of `incident_ids` exist (as a merged record or through a member): incident_exists, batched."""
        found: set[str] = set()
        for chunk in _chunks(list(dict.fromkeys(incident_ids))):
            marks = ", ".join("?" for _ in chunk)
            sql = (f"SELECT id FROM incidents WHERE id IN ({marks}) "
                   f"UNION SELECT incident_id FROM incident_members WHERE incident_id IN ({marks})")
            with translated(self._path):
                found.update(row[0] for row in self._conn.execute(sql, chunk * 2))
        return found

    def iter_incidents(self, country: str | None = None, since: str | None = None, until: str | None = None,
                       min_size: int = 1, limit: int | None = None) -> Iterator[dict[str, Any]]:
        clauses, params = ["size >= ?"], [min_size]
        for clause, value in (("country = ?", country), ("date_start >= ?", since), ("date_start <= ?", until)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        sql = f"SELECT record FROM incidents WHERE {' AND '.join(clauses)} ORDER BY date_start, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with translated(self._path):
            cursor = open_stream(self._conn, sql, params)  # server-side on PostgreSQL
        try:
            while True:
                with translated(self._path):
                    rows = cursor.fetchmany(_STREAM_BATCH)
                if not rows:
                    return
                for (record,) in rows:
                    yield _loads(record)
        finally:
            cursor.close()

    def unresolved_events(self, limit: int, after: tuple[int, str] = (0, "")) -> list[tuple[str, str, tuple[int, str]]]:
        """(event id, record, position) of stored events in no incident yet, oldest documents first.

        Pass the last row's position as `after` to read on from it: each call then starts where the
        previous one stopped, instead of scanning again past every event resolved since.
        """
        return [row[:3] for row in self.unresolved_with_documents(limit, after)]

    def unresolved_with_documents(self, limit: int, after: tuple[int, str] = (0, "")
                                  ) -> list[tuple[str, str, tuple[int, str], dict[str, Any]]]:
        """unresolved_events, each with its document's outlet, published and title (document_meta's),
        read in the same pass: the documents are joined in order anyway."""
        sql = ("SELECT e.id, e.record, d.doc_no, d.outlet, d.published, d.title FROM events AS e "
               "JOIN documents AS d ON d.id = e.document_id WHERE (d.doc_no, e.id) > (?, ?) "
               "AND NOT EXISTS (SELECT 1 FROM incident_members AS m WHERE m.event_id = e.id) "
               "ORDER BY d.doc_no, e.id LIMIT ?")
        with translated(self._path):
            return [(event_id, record, (doc_no, event_id), {"outlet": outlet, "published": published, "title": title})
                    for event_id, record, doc_no, outlet, published, title in self._conn.execute(sql, (*after, limit))]

    def unresolved_marked(self) -> bool:
        """Whether events may be in no incident: some were written and no resolution has seen them all."""
        with translated(self._path):
            return self._conn.execute("SELECT 1 FROM meta WHERE key = ?", (UNRESOLVED_MARK,)).fetchone() is not None

    def document_meta(self, document_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """outlet, published and title of each document (what a source label needs)."""
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(dict.fromkeys(document_ids))):
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT id, outlet, published, title FROM documents WHERE id IN ({marks})"
            with translated(self._path):
                for doc_id, outlet, published, title in self._conn.execute(sql, chunk):
                    out[doc_id] = {"outlet": outlet, "published": published, "title": title}
        return out

    def event_records(self, event_ids: Sequence[str]) -> dict[str, str]:
        """The stored JSON record of each event that still exists."""
        out: dict[str, str] = {}
        for chunk in _chunks(list(event_ids)):
            marks = ", ".join("?" for _ in chunk)
            with translated(self._path):
                out.update(self._conn.execute(f"SELECT id, record FROM events WHERE id IN ({marks})", chunk))
        return out

    def decisions(self, event_id: str | None = None, incident_id: str | None = None) -> list[DecisionRow]:
        """The audit trail, oldest first; only decisions naming the event or incident when given."""
        with translated(self._path):
            rows = self._conn.execute(
                "SELECT id, action, analyst, reason, decided_at, detail FROM incident_decisions ORDER BY id").fetchall()
        out = [DecisionRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]
        needles = [n for n in (event_id, incident_id) if n]
        if needles:
            out = [d for d in out if any(n in json.dumps(d.detail) for n in needles)]
        return out

    def counts(self) -> dict[str, int]:
        with translated(self._path):
            one = self._conn.execute
            return {"incidents": one("SELECT count(*) FROM incidents").fetchone()[0],
                    "members": one("SELECT count(*) FROM incident_members").fetchone()[0],
                    "merged": one("SELECT count(*) FROM incidents WHERE size > 1").fetchone()[0],
                    "decisions": one("SELECT count(*) FROM incident_decisions").fetchone()[0]}

    def _members(self, sql: str, params: Sequence[Any]) -> list[MemberRow]:
        with translated(self._path):
            rows = self._conn.execute(sql, params).fetchall()
        return [MemberRow(r[0], r[1], r[2], _loads(r[3]), _loads(r[4]),
                          _loads(r[5]) if r[5] else None, r[6], bool(r[7]), r[8], r[9]) for r in rows]

    # -- writes (inside the caller's transaction) -------------------------------------------

    def add_member(self, event_id: str, incident_id: str, document_id: str | None, profile: list[Any],
                   source: dict[str, Any], decision: dict[str, Any] | None, keys: Sequence[str],
                   linked_by: str = RESOLVER, pinned: bool = False, seq: int | None = None) -> None:
        """File an event under an incident. `seq` (from next_seq, counted on by a batch) saves a query."""
        seq = seq if seq is not None else self.next_seq()
        self.add_members([NewMember(event_id, incident_id, document_id, profile, source, decision, keys, seq,
                                    linked_by, pinned)])

    def add_members(self, members: Sequence[NewMember]) -> None:
        """File many events under their incidents: two statements, whatever their number."""
        if not members:
            return
        stamp = now()
        with translated(self._path):
            self._conn.executemany(
                f"INSERT INTO {self._members_table} ({', '.join(_MEMBER_COLUMNS)}) VALUES ({', '.join('?' * 10)})",
                [(m.event_id, m.incident_id, m.document_id, _json(m.profile), _json(m.source),
                  _json(m.decision) if m.decision is not None else None, m.linked_by, int(m.pinned), stamp, m.seq)
                 for m in members])
            self._conn.executemany(f"INSERT INTO {self._blocks_table} (key, event_id) VALUES (?, ?)",
                                   [(k, m.event_id) for m in members for k in dict.fromkeys(m.keys)])

    def update_member(self, event_id: str, profile: list[Any], source: dict[str, Any], keys: Sequence[str]) -> None:
        """A re-extracted member keeps its incident (it is pinned) but its profile and keys follow it."""
        with translated(self._path):
            self._conn.execute("UPDATE incident_members SET profile = ?, source = ? WHERE event_id = ?",
                               (_json(profile), _json(source), event_id))
            self._conn.execute("DELETE FROM incident_blocks WHERE event_id = ?", (event_id,))
            self._conn.executemany("INSERT INTO incident_blocks (key, event_id) VALUES (?, ?)",
                                   [(k, event_id) for k in dict.fromkeys(keys)])

    def remove_member(self, event_id: str) -> None:
        with translated(self._path):
            self._conn.execute("DELETE FROM incident_blocks WHERE event_id = ?", (event_id,))
            self._conn.execute("DELETE FROM incident_members WHERE event_id = ?", (event_id,))

    def move_members(self, event_ids: Sequence[str], incident_id: str, linked_by: str, pinned: bool,
                     decision: dict[str, Any] | None) -> None:
        with translated(self._path):
            self._conn.executemany(
                "UPDATE incident_members SET incident_id = ?, linked_by = ?, pinned = ?, decision = ?, "
                "linked_at = ? WHERE event_id = ?",
                [(incident_id, linked_by, int(pinned), _json(decision) if decision else None, now(), e)
                 for e in event_ids])

    def pin(self, event_ids: Sequence[str], analyst: str) -> None:
        with translated(self._path):
            self._conn.executemany("UPDATE incident_members SET pinned = 1, linked_by = ? WHERE event_id = ?",
                                   [(analyst, e) for e in event_ids])

    def save_incident(self, incident_id: str, record: dict[str, Any], size: int, date_start: str | None,
                      country: str | None) -> None:
        self.save_incidents([(incident_id, record, size, date_start, country)])

    def save_incidents(self, rows: Sequence[tuple[str, dict[str, Any], int, str | None, str | None]]) -> None:
        """Save merged records: (incident id, record, size, date_start, country) each, in one statement."""
        stamp = now()
        with translated(self._path):
            self._conn.executemany(
                f"INSERT INTO {self._incidents_table} (id, record, size, date_start, country, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET record = excluded.record, "
                "size = excluded.size, date_start = excluded.date_start, country = excluded.country, "
                "updated_at = excluded.updated_at",
                [(incident_id, _json(record), size, date_start, country, stamp, stamp)
                 for incident_id, record, size, date_start, country in rows])

    def delete_incident(self, incident_id: str) -> None:
        with translated(self._path):
            self._conn.execute(f"DELETE FROM {self._incidents_table} WHERE id = ?", (incident_id,))

    def clear_unresolved_mark(self) -> None:
        """Only for a resolution that has seen every stored event, inside the transaction that did."""
        with translated(self._path):
            self._conn.execute("DELETE FROM meta WHERE key = ?", (UNRESOLVED_MARK,))

    def record_decision(self, action: str, analyst: str, reason: str, detail: dict[str, Any]) -> int:
        with translated(self._path):
            cursor = self._conn.execute(
                "INSERT INTO incident_decisions (action, analyst, reason, decided_at, detail) VALUES (?, ?, ?, ?, ?)",
                (action, analyst, reason, now(), _json(detail)))
        return int(cursor.lastrowid)

    def keep_apart(self, pairs: Iterable[tuple[str, str]], decision_id: int) -> None:
        rows = [(min(a, b), max(a, b), decision_id) for a, b in pairs if a != b]
        with translated(self._path):
            self._conn.executemany(
                "INSERT OR IGNORE INTO incident_apart (event_a, event_b, decision_id) VALUES (?, ?, ?)", rows)

    def forget_apart(self, event_ids: Sequence[str]) -> None:
        """An analyst merging events overrides an earlier split between them."""
        ids = list(event_ids)
        for chunk in _chunks(ids):
            marks = ", ".join("?" for _ in chunk)
            with translated(self._path):
                self._conn.execute(
                    f"DELETE FROM incident_apart WHERE event_a IN ({marks}) AND event_b IN "
                    f"(SELECT value FROM json_each(?))", (*chunk, _json(ids)))


def _json(value: Any) -> str:
    # orjson: several times faster, and resolution writes a profile, a source and a decision per
    # event. Every number here comes from a stored event, which the store has checked is finite.
    try:
        return orjson.dumps(value).decode()
    except (orjson.JSONEncodeError, TypeError):  # keys that are not text: the standard reading
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _loads(text: str) -> Any:
    return orjson.loads(text)


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), _MAX_VARIABLES):
        yield items[i:i + _MAX_VARIABLES]
