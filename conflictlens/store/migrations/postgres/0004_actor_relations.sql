-- 0004_actor_relations (PostgreSQL): the twin of ../0004_actor_relations.sql.

CREATE TABLE actor_relations (
    id          TEXT COLLATE "C"    PRIMARY KEY,
    document_id TEXT COLLATE "C"    REFERENCES documents (id) ON DELETE CASCADE,
    event_id    TEXT COLLATE "C"    REFERENCES events (id) ON DELETE CASCADE,
    origin      TEXT COLLATE "C"    NOT NULL CHECK (origin IN ('text', 'event')),
    kind        TEXT COLLATE "C"    NOT NULL,
    source      TEXT COLLATE "C"    NOT NULL,
    target      TEXT COLLATE "C"    NOT NULL,
    stance      TEXT COLLATE "C"    NOT NULL CHECK (stance IN ('asserted', 'alleged', 'denied')),
    dimension   TEXT COLLATE "C",
    support     TEXT COLLATE "C",
    date_start  TEXT COLLATE "C",
    date_end    TEXT COLLATE "C",
    said_on     TEXT COLLATE "C",
    reliability TEXT COLLATE "C",
    credibility INTEGER,
    record      TEXT COLLATE "C"    NOT NULL
);
CREATE INDEX actor_relations_document ON actor_relations (document_id);
CREATE INDEX actor_relations_event ON actor_relations (event_id);
CREATE INDEX actor_relations_source ON actor_relations (source, date_start);
CREATE INDEX actor_relations_target ON actor_relations (target, date_start);
CREATE INDEX actor_relations_date ON actor_relations (date_start);
