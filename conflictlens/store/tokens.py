"""The web API's bearer tokens (stored hashed) and the append-only audit trail of its writes."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from conflictlens.store.failures import translated
from conflictlens.store.sqlite import Store

_TOKEN_FIELDS = ("name", "scope", "created_at", "revoked_at", "last_used_at")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def token_exists(store: Store, name: str) -> bool:
    with translated(store.path):
        return store.connection.execute("SELECT 1 FROM api_tokens WHERE name = ?", (name,)).fetchone() is not None


def add_token(store: Store, name: str, token_hash: str, scope: str) -> None:
    with store.transaction(), translated(store.path):
        store.connection.execute("INSERT INTO api_tokens (name, token_hash, scope, created_at) VALUES (?, ?, ?, ?)",
                                 (name, token_hash, scope, _now()))


def tokens(store: Store) -> list[dict[str, Any]]:
    """Every token (never its hash), oldest first."""
    with translated(store.path):
        rows = store.connection.execute(f"SELECT {', '.join(_TOKEN_FIELDS)} FROM api_tokens ORDER BY created_at, name")
        return [dict(zip(_TOKEN_FIELDS, row)) for row in rows]


def revoke_token(store: Store, name: str) -> bool:
    """Revoke a live token; False when there is no live token of that name."""
    with store.transaction(), translated(store.path):
        cursor = store.connection.execute("UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                                          (_now(), name))
        return cursor.rowcount > 0


def live_token(store: Store, token_hash: str) -> tuple[str, str] | None:
    """(name, scope) of the live token with this hash, None for an unknown or revoked one."""
    with translated(store.path):
        row = store.connection.execute("SELECT name, scope FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL",
                                       (token_hash,)).fetchone()
    return (row[0], row[1]) if row else None


def touch_token(store: Store, name: str) -> None:
    """Note when a token was last used (a read-only store skips it: reading must still work)."""
    if store.read_only:
        return
    with store.transaction(), translated(store.path):
        store.connection.execute("UPDATE api_tokens SET last_used_at = ? WHERE name = ?", (_now(), name))


def record_write(store: Store, token_name: str, action: str, subject: str | None, detail: dict[str, Any]) -> int:
    with store.transaction(), translated(store.path):
        cursor = store.connection.execute(
            "INSERT INTO api_writes (token_name, action, subject, detail, at) VALUES (?, ?, ?, ?, ?)",
            (token_name, action, subject, json.dumps(detail, ensure_ascii=False, sort_keys=True), _now()))
        return int(cursor.lastrowid)


def writes(store: Store, limit: int = 1000) -> list[dict[str, Any]]:
    """The audit trail of API writes, newest first."""
    with translated(store.path):
        rows = store.connection.execute("SELECT seq, token_name, action, subject, detail, at FROM api_writes "
                                        "ORDER BY seq DESC LIMIT ?", (limit,))
        return [{"seq": s, "token": t, "action": a, "subject": subj, "detail": json.loads(d), "at": at}
                for s, t, a, subj, d, at in rows]
