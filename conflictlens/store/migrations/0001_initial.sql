-- 0001_initial: documents, full-text index, events and their projections.
-- Applied inside one transaction by conflictlens.store.schema; never edit a released
-- migration, add a new numbered file instead.

-- documents.id is the public key (Document.id). doc_no aliases the rowid so that it survives
-- VACUUM: the FTS5 index below refers to documents by this integer, and an implicit rowid
-- (what a TEXT PRIMARY KEY table would have) may be renumbered by VACUUM.
CREATE TABLE documents (
    doc_no            INTEGER PRIMARY KEY,
    id                TEXT    NOT NULL UNIQUE,
    text              TEXT    NOT NULL,
    url               TEXT,
    outlet            TEXT,
    title             TEXT,
    published         TEXT,
    source_path       TEXT,
    external_id       TEXT,
    content_hash      TEXT    NOT NULL,
    ingested_at       TEXT    NOT NULL,
    extractor_version TEXT    NOT NULL,
    extracted_at      TEXT    NOT NULL
);
CREATE INDEX documents_content_hash ON documents (content_hash);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text,
    content = 'documents', content_rowid = 'doc_no',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.doc_no, new.title, new.text);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.doc_no, old.title, old.text);
END;
-- Only re-index when an indexed value really changes: re-extraction rewrites the row with the
-- same text, and re-indexing every document on each extractor upgrade would be wasted work.
CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents
WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.doc_no, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.doc_no, new.title, new.text);
END;

-- One row per event. `record` (Event.to_dict as JSON) is the source of truth; the other
-- columns are a projection of it for filtering.
CREATE TABLE events (
    id              TEXT    PRIMARY KEY,
    document_id     TEXT    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    event_type      TEXT,
    sub_event_type  TEXT,
    attack_type     TEXT,
    target_type     TEXT,
    weapon_type     TEXT,
    date_start      TEXT,
    date_end        TEXT,
    date_precision  TEXT,
    country         TEXT,
    admin1          TEXT,
    admin2          TEXT,
    place           TEXT,
    lat             REAL,
    lon             REAL,
    geo_precision   TEXT,
    perpetrator     TEXT,
    claimed         INTEGER NOT NULL DEFAULT 0 CHECK (claimed IN (0, 1)),
    fatalities_best INTEGER,
    injured_best    INTEGER,
    confidence      REAL    NOT NULL DEFAULT 0,
    record          TEXT    NOT NULL CHECK (json_valid(record))
);
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_country_date ON events (country, date_start, id);
CREATE INDEX events_perpetrator ON events (perpetrator, date_start, id);
CREATE INDEX events_date ON events (date_start, id);
CREATE INDEX events_type ON events (event_type, date_start, id);

CREATE TABLE evidence (
    event_id    TEXT    NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    field       TEXT    NOT NULL,
    document_id TEXT    NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT    NOT NULL
);
CREATE INDEX evidence_event ON evidence (event_id);

CREATE TABLE actors (
    name       TEXT PRIMARY KEY,
    actor_type TEXT,
    parent     TEXT
);

CREATE TABLE attributions (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    actor    TEXT,
    stance   TEXT NOT NULL,
    "by"     TEXT,
    channel  TEXT
);
CREATE INDEX attributions_event ON attributions (event_id);
CREATE INDEX attributions_actor ON attributions (actor);

-- Key/value facts about the store as a whole (e.g. the last extractor version written).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
