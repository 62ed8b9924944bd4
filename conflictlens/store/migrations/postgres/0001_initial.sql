-- 0001_initial (PostgreSQL): documents, full-text index, events and their projections.
-- The PostgreSQL twin of ../0001_initial.sql: same tables, columns and indexes; never edit a released
-- migration, add a new numbered file to both folders instead. JSON records stay TEXT, as in SQLite:
-- the store reads and writes them whole (orjson), never inside the database.

CREATE TABLE documents (
    doc_no            BIGSERIAL PRIMARY KEY,
    id                TEXT COLLATE "C"    NOT NULL UNIQUE,
    text              TEXT COLLATE "C"    NOT NULL,
    url               TEXT COLLATE "C",
    outlet            TEXT COLLATE "C",
    title             TEXT COLLATE "C",
    published         TEXT COLLATE "C",
    source_path       TEXT COLLATE "C",
    external_id       TEXT COLLATE "C",
    content_hash      TEXT COLLATE "C"    NOT NULL,
    ingested_at       TEXT COLLATE "C"    NOT NULL,
    extractor_version TEXT COLLATE "C"    NOT NULL,
    extracted_at      TEXT COLLATE "C"    NOT NULL
);
CREATE INDEX documents_content_hash ON documents (content_hash);

-- Every text column sorts and compares by code point (COLLATE "C"), as SQLite's BINARY does: ids,
-- dates and names come back in the same order from both databases whatever the server's locale.

-- The full-text index: PostgreSQL's own (tsvector, GIN) in place of FTS5. It keeps SQLite's shape, so
-- the store's one statement that fills it (store/writes.py: INSERT INTO documents_fts (rowid, title,
-- text) SELECT ...) serves both: a BEFORE INSERT trigger turns the written title and text into
-- `terms` and keeps neither (the text lives once, in documents).
CREATE TABLE documents_fts (
    rowid BIGINT   PRIMARY KEY REFERENCES documents (doc_no) ON DELETE CASCADE,
    title TEXT COLLATE "C",
    text  TEXT COLLATE "C",
    terms TSVECTOR NOT NULL
);
CREATE INDEX documents_fts_terms ON documents_fts USING GIN (terms);

-- Words are stemmed (Porter's English stemmer, as FTS5's porter tokenizer) and none is dropped as a
-- stop word: FTS5 drops none either, so "the" finds documents on both.
CREATE TEXT SEARCH DICTIONARY english_stem_all (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION conflictlens (COPY = english);
ALTER TEXT SEARCH CONFIGURATION conflictlens
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH english_stem_all;

CREATE FUNCTION documents_fts_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.terms := setweight(to_tsvector('conflictlens', coalesce(NEW.title, '')), 'A')
                 || to_tsvector('conflictlens', coalesce(NEW.text, ''));
    NEW.title := NULL;
    NEW.text := NULL;
    RETURN NEW;
END $$;
CREATE TRIGGER documents_fts_terms BEFORE INSERT ON documents_fts
FOR EACH ROW EXECUTE FUNCTION documents_fts_terms();

-- Re-index only when an indexed value really changes (as SQLite's documents_fts_au).
CREATE FUNCTION documents_fts_reindex() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM documents_fts WHERE rowid = NEW.doc_no;
    INSERT INTO documents_fts (rowid, title, text) VALUES (NEW.doc_no, NEW.title, NEW.text);
    RETURN NULL;
END $$;
CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents
FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text)
EXECUTE FUNCTION documents_fts_reindex();

CREATE TABLE events (
    id              TEXT COLLATE "C"    PRIMARY KEY,
    document_id     TEXT COLLATE "C"    NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    event_type      TEXT COLLATE "C",
    sub_event_type  TEXT COLLATE "C",
    attack_type     TEXT COLLATE "C",
    target_type     TEXT COLLATE "C",
    weapon_type     TEXT COLLATE "C",
    date_start      TEXT COLLATE "C",
    date_end        TEXT COLLATE "C",
    date_precision  TEXT COLLATE "C",
    country         TEXT COLLATE "C",
    admin1          TEXT COLLATE "C",
    admin2          TEXT COLLATE "C",
    place           TEXT COLLATE "C",
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    geo_precision   TEXT COLLATE "C",
    perpetrator     TEXT COLLATE "C",
    claimed         INTEGER NOT NULL DEFAULT 0 CHECK (claimed IN (0, 1)),
    fatalities_best INTEGER,
    injured_best    INTEGER,
    confidence      DOUBLE PRECISION NOT NULL DEFAULT 0,
    record          TEXT COLLATE "C"    NOT NULL
);
CREATE INDEX events_document ON events (document_id);
-- NULLS FIRST: an ascending order puts events without a date first, as SQLite does (the dialect's
-- rewrite says ORDER BY date_start NULLS FIRST), and these indexes serve that order.
CREATE INDEX events_country_date ON events (country, date_start NULLS FIRST, id);
CREATE INDEX events_perpetrator ON events (perpetrator, date_start NULLS FIRST, id);
CREATE INDEX events_date ON events (date_start NULLS FIRST, id);
CREATE INDEX events_type ON events (event_type, date_start NULLS FIRST, id);

CREATE TABLE evidence (
    event_id    TEXT COLLATE "C"    NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    field       TEXT COLLATE "C"    NOT NULL,
    document_id TEXT COLLATE "C"    NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT COLLATE "C"    NOT NULL
);
CREATE INDEX evidence_event ON evidence (event_id);

CREATE TABLE actors (
    name       TEXT COLLATE "C" PRIMARY KEY,
    actor_type TEXT COLLATE "C",
    parent     TEXT COLLATE "C"
);

CREATE TABLE attributions (
    event_id TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    actor    TEXT COLLATE "C",
    stance   TEXT COLLATE "C" NOT NULL,
    "by"     TEXT COLLATE "C",
    channel  TEXT COLLATE "C"
);
CREATE INDEX attributions_event ON attributions (event_id);
CREATE INDEX attributions_actor ON attributions (actor);

CREATE TABLE meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);
