-- 0008_api_tokens (PostgreSQL): the twin of ../0008_api_tokens.sql.
CREATE TABLE IF NOT EXISTS api_tokens (
    name         TEXT COLLATE "C" PRIMARY KEY,
    token_hash   TEXT COLLATE "C" NOT NULL UNIQUE,
    scope        TEXT COLLATE "C" NOT NULL,
    created_at   TEXT COLLATE "C" NOT NULL,
    revoked_at   TEXT COLLATE "C",
    last_used_at TEXT COLLATE "C"
);

CREATE TABLE IF NOT EXISTS api_writes (
    seq        BIGSERIAL PRIMARY KEY,
    token_name TEXT COLLATE "C" NOT NULL,
    action     TEXT COLLATE "C" NOT NULL,
    subject    TEXT COLLATE "C",
    detail     TEXT COLLATE "C" NOT NULL,
    at         TEXT COLLATE "C" NOT NULL
);

CREATE OR REPLACE TRIGGER api_writes_no_change BEFORE UPDATE OR DELETE ON api_writes
FOR EACH ROW EXECUTE FUNCTION refuse_audit_change('the API audit trail is append-only');
