"""The attribution ledger's tables: analyst overrides (audited), source grades, confidential sources.

Overrides are keyed by event id with no foreign key, so they outlive re-extraction, which deletes a
document's events and inserts them again under the same deterministic ids. The override table is
append-only (triggers refuse UPDATE and DELETE): the current override is an event's latest decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable

from conflictlens.errors import ConflictLensError
from conflictlens.store.failures import translated
from conflictlens.store.rollup import moving_override
from conflictlens.store.sqlite import Store

SET, CLEAR = "set", "clear"
_LATEST = (
    "SELECT o.event_id, o.action, o.actor, o.phrase, o.analyst, o.why, o.at, o.seq FROM attribution_overrides AS o "
    "JOIN (SELECT event_id, max(seq) AS seq FROM attribution_overrides GROUP BY event_id) AS latest "
    "ON latest.seq = o.seq"
)


@dataclass(frozen=True)
class OverrideRow:
    event_id: str
    action: str  # "set" or "clear"
    actor: str | None
    phrase: str | None
    analyst: str
    why: str
    at: str  # ISO timestamp, UTC
    seq: int


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _required(value: str | None, remedy: str, subject: str) -> str:
    """Audited decisions say who made them and why: refuse them blank."""
    text = (value or "").strip()
    if not text:
        raise ConflictLensError("CL-E721", f"this decision is audited: {remedy}", subject)
    return text


# -- overrides --------------------------------------------------------------------------------


def record_override(store: Store, event_id: str, actor: str, analyst: str, why: str,
                    phrase: str | None = None) -> OverrideRow:
    """Append an analyst's answer for `event_id` to the audit trail; it becomes the current one."""
    actor = _required(actor, "name the actor with --set ACTOR", event_id)
    return _append(store, event_id, SET, actor, phrase, analyst, why)


def clear_override(store: Store, event_id: str, analyst: str, why: str) -> OverrideRow:
    """Return `event_id` to the rule's answer; the decision to do so is audited like any other."""
    current = current_override(store, event_id)
    if current is None:
        raise ConflictLensError("CL-E726", "this event has no analyst override to clear", event_id)
    return _append(store, event_id, CLEAR, None, None, analyst, why)


def _append(store: Store, event_id: str, action: str, actor: str | None, phrase: str | None,
            analyst: str, why: str) -> OverrideRow:
    row = (event_id, action, actor, phrase, _required(analyst, "say who decides with --by NAME", event_id),
           _required(why, "say why with --why TEXT", event_id), _now())
    with translated(store.path), store.transaction(), moving_override(store.connection, event_id):
        cursor = store.connection.execute(
            "INSERT INTO attribution_overrides (event_id, action, actor, phrase, analyst, why, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", row)
    return OverrideRow(*row, seq=cursor.lastrowid)


def current_override(store: Store, event_id: str) -> OverrideRow | None:
    """The event's override in force, or None (never set, or cleared last)."""
    with translated(store.path):
        row = store.connection.execute(_LATEST + " WHERE o.event_id = ?", (event_id,)).fetchone()
    return OverrideRow(*row) if row and row[1] == SET else None


def current_overrides(store: Store) -> dict[str, OverrideRow]:
    """Every override in force, by event id (few: one per event an analyst decided)."""
    with translated(store.path):
        rows = store.connection.execute(_LATEST).fetchall()
    return {r[0]: OverrideRow(*r) for r in rows if r[1] == SET}


def override_history(store: Store, event_id: str) -> list[OverrideRow]:
    """Every decision on `event_id`, oldest first: the audit trail."""
    with translated(store.path):
        rows = store.connection.execute(
            "SELECT event_id, action, actor, phrase, analyst, why, at, seq FROM attribution_overrides "
            "WHERE event_id = ? ORDER BY seq", (event_id,)).fetchall()
    return [OverrideRow(*r) for r in rows]


# -- source grades ----------------------------------------------------------------------------


def set_source_grade(store: Store, source: str, reliability: str, set_by: str, why: str) -> None:
    """Set (or replace) a user's reliability grade for one source, named as normalised by the caller."""
    values = (source, reliability, _required(set_by, "say who grades with --by NAME", source),
              _required(why, "say why with --why TEXT", source))
    with translated(store.path), store.transaction():
        store.connection.execute(
            "INSERT INTO source_grades (source, reliability, set_by, why, set_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (source) DO UPDATE SET reliability = excluded.reliability, set_by = excluded.set_by, "
            "why = excluded.why, set_at = excluded.set_at", (*values, _now()))


def source_grades(store: Store) -> list[tuple[str, str, str, str, str]]:
    """(source, reliability, set_by, why, set_at) of every user grade, by source name."""
    with translated(store.path):
        return [tuple(r) for r in store.connection.execute(
            "SELECT source, reliability, set_by, why, set_at FROM source_grades ORDER BY source")]


# -- confidential sources -----------------------------------------------------------------------


def mark_documents_confidential(store: Store, document_ids: Iterable[str], marked_by: str,
                                why: str | None = None) -> None:
    rows = [(d, marked_by, why, _now()) for d in document_ids]
    with translated(store.path), store.transaction():
        store.connection.executemany(
            "INSERT OR IGNORE INTO confidential_documents (document_id, marked_by, why, marked_at) "
            "VALUES (?, ?, ?, ?)", rows)


def mark_person_confidential(store: Store, name: str, marked_by: str, why: str | None = None) -> None:
    with translated(store.path), store.transaction():
        store.connection.execute(
            "INSERT OR IGNORE INTO confidential_persons (name, marked_by, why, marked_at) VALUES (?, ?, ?, ?)",
            (name, marked_by, why, _now()))


def confidential_documents(store: Store) -> frozenset[str]:
    with translated(store.path):
        return frozenset(r[0] for r in store.connection.execute("SELECT document_id FROM confidential_documents"))


def confidential_persons(store: Store) -> tuple[str, ...]:
    with translated(store.path):
        return tuple(r[0] for r in store.connection.execute("SELECT name FROM confidential_persons ORDER BY name"))


def confidential_entries(store: Store) -> list[tuple[str, str, str, str | None, str]]:
    """(kind, name or document id, marked_by, why, marked_at) of every mark, for the newsroom's own eyes."""
    # BINARY: names sort by code point, as document ids do (PostgreSQL cannot order a case-blind column
    # and a case-sensitive one together without being told).
    sql = ("SELECT 'document', document_id, marked_by, why, marked_at FROM confidential_documents "
           "UNION ALL SELECT 'person', name COLLATE BINARY, marked_by, why, marked_at FROM confidential_persons "
           "ORDER BY 1, 2")
    with translated(store.path):
        return [tuple(r) for r in store.connection.execute(sql)]


def redaction_secret(store: Store) -> str:
    """The per-database key of confidential pseudonyms (created with the tables)."""
    with translated(store.path):
        row = store.connection.execute("SELECT value FROM ledger_secrets WHERE key = 'redaction_secret'").fetchone()
    if row is None:
        raise ConflictLensError("CL-E300", "the database lacks its redaction secret; restore it from a backup",
                                store.path)
    return row[0]


def event_ids_of_documents(store: Store, document_ids: Iterable[str]) -> list[str]:
    """Ids of the stored events of these documents."""
    ids = sorted(set(document_ids))
    out: list[str] = []
    with translated(store.path):
        for start in range(0, len(ids), 500):  # SQLite caps bound parameters
            chunk = ids[start: start + 500]
            marks = ", ".join("?" for _ in chunk)
            out += [r[0] for r in store.connection.execute(
                f"SELECT id FROM events WHERE document_id IN ({marks}) ORDER BY id", chunk)]
    return out


def document_exists(store: Store, document_id: str) -> bool:
    with translated(store.path):
        return store.connection.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is not None
