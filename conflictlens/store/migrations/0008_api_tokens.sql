-- 0008_api_tokens: bearer tokens of the web API (`conflictlens tokens`) and the audit trail of its writes.
--
-- A token is stored as the SHA-256 of its secret, never the secret (printed once, when created).
-- A revoked token keeps its row (revoked_at), so the audit trail still names who wrote. The audit
-- trail is append-only: triggers refuse UPDATE and DELETE, as for attribution overrides.
CREATE TABLE IF NOT EXISTS api_tokens (
    name        TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    scope       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT,
    last_used_at TEXT
);

CREATE TABLE IF NOT EXISTS api_writes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    token_name TEXT NOT NULL,
    action     TEXT NOT NULL,
    subject    TEXT,
    detail     TEXT NOT NULL,
    at         TEXT NOT NULL
);

CREATE TRIGGER IF NOT EXISTS api_writes_no_update BEFORE UPDATE ON api_writes
BEGIN SELECT RAISE(ABORT, 'the API audit trail is append-only'); END;

CREATE TRIGGER IF NOT EXISTS api_writes_no_delete BEFORE DELETE ON api_writes
BEGIN SELECT RAISE(ABORT, 'the API audit trail is append-only'); END;
