-- 0003_attribution_ledger (PostgreSQL): the twin of ../0003_attribution_ledger.sql.
-- SQLite's COLLATE NOCASE keys are a nondeterministic ICU collation here: 'Reuters' and 'reuters'
-- are one key, for the primary key and ON CONFLICT alike.

CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

CREATE TABLE attribution_overrides (
    seq      BIGSERIAL PRIMARY KEY,
    event_id TEXT COLLATE "C" NOT NULL,
    action   TEXT COLLATE "C" NOT NULL CHECK (action IN ('set', 'clear')),
    actor    TEXT COLLATE "C",
    phrase   TEXT COLLATE "C",
    analyst  TEXT COLLATE "C" NOT NULL CHECK (length(trim(analyst)) > 0),
    why      TEXT COLLATE "C" NOT NULL CHECK (length(trim(why)) > 0),
    at       TEXT COLLATE "C" NOT NULL,
    CHECK ((action = 'set') = (actor IS NOT NULL))
);
CREATE INDEX attribution_overrides_event ON attribution_overrides (event_id, seq);

-- An audit trail that can be edited is no audit trail.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
END $$;
CREATE TRIGGER attribution_overrides_no_change BEFORE UPDATE OR DELETE ON attribution_overrides
FOR EACH ROW EXECUTE FUNCTION refuse_audit_change('attribution overrides are an audit trail: add a new decision instead');

CREATE TABLE source_grades (
    source      TEXT COLLATE nocase PRIMARY KEY,
    reliability TEXT COLLATE "C" NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    set_by      TEXT COLLATE "C" NOT NULL,
    why         TEXT COLLATE "C" NOT NULL,
    set_at      TEXT COLLATE "C" NOT NULL
);

CREATE TABLE confidential_documents (
    document_id TEXT COLLATE "C" PRIMARY KEY,
    marked_by   TEXT COLLATE "C" NOT NULL,
    why         TEXT COLLATE "C",
    marked_at   TEXT COLLATE "C" NOT NULL
);

CREATE TABLE confidential_persons (
    name      TEXT COLLATE nocase PRIMARY KEY,
    marked_by TEXT COLLATE "C" NOT NULL,
    why       TEXT COLLATE "C",
    marked_at TEXT COLLATE "C" NOT NULL
);

-- gen_random_uuid() draws on PostgreSQL's strong random source: two make 244 random bits.
CREATE TABLE ledger_secrets (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);
INSERT INTO ledger_secrets (key, value)
VALUES ('redaction_secret', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
