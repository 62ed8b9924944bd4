-- 0003_attribution_ledger: analyst overrides of the best attribution (an append-only audit trail),
-- user source grades, confidential documents and persons, and the secret that keys the pseudonyms
-- shown for confidential ids.
-- None of these tables refers to events or documents by foreign key: re-extraction deletes a
-- document's events and inserts them again with the same deterministic ids, and an override or a
-- confidentiality mark must outlive that (a document may even be marked before it is ingested).

-- Every decision is a row; the current override of an event is its latest row ('clear' ends it).
CREATE TABLE attribution_overrides (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL,
    action   TEXT NOT NULL CHECK (action IN ('set', 'clear')),
    actor    TEXT,
    phrase   TEXT,
    analyst  TEXT NOT NULL CHECK (length(trim(analyst)) > 0),
    why      TEXT NOT NULL CHECK (length(trim(why)) > 0),
    at       TEXT NOT NULL,
    CHECK ((action = 'set') = (actor IS NOT NULL))
);
CREATE INDEX attribution_overrides_event ON attribution_overrides (event_id, seq);
-- An audit trail that can be edited is no audit trail.
CREATE TRIGGER attribution_overrides_no_update BEFORE UPDATE ON attribution_overrides BEGIN
    SELECT RAISE(ABORT, 'attribution overrides are an audit trail: add a new decision instead');
END;
CREATE TRIGGER attribution_overrides_no_delete BEFORE DELETE ON attribution_overrides BEGIN
    SELECT RAISE(ABORT, 'attribution overrides are an audit trail: add a new decision instead');
END;

-- User source reliability grades (NATO/Admiralty A-F), by source name, over the bundled defaults.
CREATE TABLE source_grades (
    source      TEXT PRIMARY KEY COLLATE NOCASE,
    reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    set_by      TEXT NOT NULL,
    why         TEXT NOT NULL,
    set_at      TEXT NOT NULL
);

CREATE TABLE confidential_documents (
    document_id TEXT PRIMARY KEY,
    marked_by   TEXT NOT NULL,
    why         TEXT,
    marked_at   TEXT NOT NULL
);

CREATE TABLE confidential_persons (
    name      TEXT PRIMARY KEY COLLATE NOCASE,
    marked_by TEXT NOT NULL,
    why       TEXT,
    marked_at TEXT NOT NULL
);

-- Secrets that never leave the database. randomblob() draws on SQLite's CSPRNG.
CREATE TABLE ledger_secrets (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO ledger_secrets (key, value) VALUES ('redaction_secret', lower(hex(randomblob(32))));
