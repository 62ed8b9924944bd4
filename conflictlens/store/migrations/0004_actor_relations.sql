-- 0004_actor_relations: dated, sourced, graded relations between actors.
-- One row per statement (a sentence of a report) or inference (an event record): the network is
-- built from these rows, never stored. `record` (ActorRelation.to_dict as JSON) is the source of
-- truth; the other columns are a projection of it for filtering.
-- Ids are deterministic, so re-ingesting a report changes nothing; re-extracting it replaces its
-- relations (the pipeline deletes them by document_id and inserts the new ones). A relation derived
-- from an event goes with it when the event is deleted.

CREATE TABLE actor_relations (
    id          TEXT    PRIMARY KEY,
    document_id TEXT    REFERENCES documents (id) ON DELETE CASCADE,
    event_id    TEXT    REFERENCES events (id) ON DELETE CASCADE,
    origin      TEXT    NOT NULL CHECK (origin IN ('text', 'event')),
    kind        TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    stance      TEXT    NOT NULL CHECK (stance IN ('asserted', 'alleged', 'denied')),
    dimension   TEXT,
    support     TEXT,
    date_start  TEXT,
    date_end    TEXT,
    said_on     TEXT,
    reliability TEXT,
    credibility INTEGER,
    record      TEXT    NOT NULL CHECK (json_valid(record))
);
CREATE INDEX actor_relations_document ON actor_relations (document_id);
CREATE INDEX actor_relations_event ON actor_relations (event_id);
CREATE INDEX actor_relations_source ON actor_relations (source, date_start);
CREATE INDEX actor_relations_target ON actor_relations (target, date_start);
CREATE INDEX actor_relations_date ON actor_relations (date_start);
