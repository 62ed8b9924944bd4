-- 0005_actors: candidate actors found by NER, and the user's audited edits to the actor registry.

-- Organisations named in a report that the registry does not know. The extractor lists them on each
-- event (record -> extra.actor_candidates); this trigger keeps one row per mention, so that they are
-- stored with the event, in the same transaction, and replaced with it on re-extraction.
CREATE TABLE actor_candidates (
    event_id    TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    name        TEXT NOT NULL,
    start       INTEGER,
    "end"       INTEGER,
    label       TEXT,
    date_start  TEXT
);
CREATE INDEX actor_candidates_event ON actor_candidates (event_id);
CREATE INDEX actor_candidates_name ON actor_candidates (name);

-- The WHEN test is a plain substring scan, so events without candidates (all imported rows,
-- most reports) never pay for parsing their JSON record here.
CREATE TRIGGER events_actor_candidates_ai AFTER INSERT ON events
WHEN instr(new.record, '"actor_candidates"') > 0 BEGIN
    INSERT INTO actor_candidates (event_id, document_id, name, start, "end", label, date_start)
    SELECT new.id, new.document_id, json_extract(c.value, '$.name'), json_extract(c.value, '$.start'),
           json_extract(c.value, '$.end'), json_extract(c.value, '$.label'), new.date_start
    FROM json_each(new.record, '$.extra.actor_candidates') AS c
    WHERE c.type = 'object' AND json_type(c.value, '$.name') = 'text';
END;

-- Edits to the registry (alias, acronym, merge, add, reject), replayed in id order on every load of
-- the registry: they outlive re-extraction and registry upgrades. Never updated, only appended.
CREATE TABLE actor_edits (
    id         INTEGER PRIMARY KEY,
    op         TEXT NOT NULL CHECK (op IN ('alias', 'acronym', 'merge', 'add', 'reject')),
    name       TEXT NOT NULL,
    value      TEXT,
    actor_type TEXT,
    parent     TEXT,
    country    TEXT,
    "by"       TEXT,
    note       TEXT,
    created_at TEXT NOT NULL
);
