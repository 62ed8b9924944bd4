-- 0002_incidents: incidents (merged events), their member reports, and audited merge/split decisions.
-- Applied inside one transaction by conflictlens.store.schema; never edit a released
-- migration, add a new numbered file instead.

-- One row per incident. `record` is the merged record (conflictlens.resolve.compose), recomputed
-- from the members whenever they change; the other columns are a projection for listing.
CREATE TABLE incidents (
    id         TEXT    PRIMARY KEY,
    record     TEXT    NOT NULL CHECK (json_valid(record)),
    size       INTEGER NOT NULL,
    date_start TEXT,
    country    TEXT,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX incidents_country_date ON incidents (country, date_start, id);
CREATE INDEX incidents_date ON incidents (date_start, id);

-- Which incident each event belongs to. Linked by event id with no foreign key on purpose:
-- re-extraction deletes a document's events and inserts them again with the same ids, and an
-- ON DELETE CASCADE would lose the membership (and an analyst's pinned decision) on the way.
-- `profile` is what the resolver compares (conflictlens.resolve.profile), `source` where the
-- event came from, `decision` why it joined (scores and features); `pinned` = set by an analyst.
CREATE TABLE incident_members (
    event_id    TEXT    PRIMARY KEY,
    incident_id TEXT    NOT NULL,
    document_id TEXT,
    profile     TEXT    NOT NULL CHECK (json_valid(profile)),
    source      TEXT    NOT NULL CHECK (json_valid(source)),
    decision    TEXT    CHECK (decision IS NULL OR json_valid(decision)),
    linked_by   TEXT    NOT NULL,
    pinned      INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    linked_at   TEXT    NOT NULL,
    seq         INTEGER NOT NULL
);
CREATE INDEX incident_members_incident ON incident_members (incident_id, seq);
CREATE INDEX incident_members_document ON incident_members (document_id);
CREATE INDEX incident_members_seq ON incident_members (seq);

-- Blocking index: an event is filed under a few keys (type class, place, time bucket); a new
-- event probes the keys of its date window and area, so candidates come from an index lookup,
-- never from comparing all pairs.
CREATE TABLE incident_blocks (
    key      TEXT NOT NULL,
    event_id TEXT NOT NULL
);
CREATE INDEX incident_blocks_key ON incident_blocks (key);
CREATE INDEX incident_blocks_event ON incident_blocks (event_id);

-- The audit trail of analyst decisions: who, when, why, and what changed (JSON `detail`).
CREATE TABLE incident_decisions (
    id         INTEGER PRIMARY KEY,
    action     TEXT    NOT NULL CHECK (action IN ('split', 'merge')),
    analyst    TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    decided_at TEXT    NOT NULL,
    detail     TEXT    NOT NULL CHECK (json_valid(detail))
);

-- Events an analyst kept apart (by splitting): the resolver never puts them in one incident
-- again, whatever later ingests bring. Stored once per pair, smaller id first.
CREATE TABLE incident_apart (
    event_a     TEXT    NOT NULL,
    event_b     TEXT    NOT NULL,
    decision_id INTEGER NOT NULL REFERENCES incident_decisions (id),
    PRIMARY KEY (event_a, event_b)
);
CREATE INDEX incident_apart_b ON incident_apart (event_b);
