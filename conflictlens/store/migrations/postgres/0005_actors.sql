-- 0005_actors (PostgreSQL): the twin of ../0005_actors.sql. The store writes candidate rows itself
-- (store/writes.py), so there is no insert trigger here. `rowid` is named as SQLite's implicit one,
-- which the store orders candidates by.

CREATE TABLE actor_candidates (
    rowid       BIGSERIAL,
    event_id    TEXT COLLATE "C" NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    document_id TEXT COLLATE "C" NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    start       INTEGER,
    "end"       INTEGER,
    label       TEXT COLLATE "C",
    date_start  TEXT COLLATE "C"
);
CREATE INDEX actor_candidates_event ON actor_candidates (event_id);
CREATE INDEX actor_candidates_name ON actor_candidates (name);

CREATE TABLE actor_edits (
    id         BIGSERIAL PRIMARY KEY,
    op         TEXT COLLATE "C" NOT NULL CHECK (op IN ('alias', 'acronym', 'merge', 'add', 'reject')),
    name       TEXT COLLATE "C" NOT NULL,
    value      TEXT COLLATE "C",
    actor_type TEXT COLLATE "C",
    parent     TEXT COLLATE "C",
    country    TEXT COLLATE "C",
    "by"       TEXT COLLATE "C",
    note       TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL
);
