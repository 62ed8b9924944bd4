-- 0002_incidents (PostgreSQL): the twin of ../0002_incidents.sql (see there for the why of each table).

CREATE TABLE incidents (
    id         TEXT COLLATE "C"    PRIMARY KEY,
    record     TEXT COLLATE "C"    NOT NULL,
    size       INTEGER NOT NULL,
    date_start TEXT COLLATE "C",
    country    TEXT COLLATE "C",
    created_at TEXT COLLATE "C"    NOT NULL,
    updated_at TEXT COLLATE "C"    NOT NULL
);
CREATE INDEX incidents_country_date ON incidents (country, date_start NULLS FIRST, id);
CREATE INDEX incidents_date ON incidents (date_start NULLS FIRST, id);

CREATE TABLE incident_members (
    event_id    TEXT COLLATE "C"    PRIMARY KEY,
    incident_id TEXT COLLATE "C"    NOT NULL,
    document_id TEXT COLLATE "C",
    profile     TEXT COLLATE "C"    NOT NULL,
    source      TEXT COLLATE "C"    NOT NULL,
    decision    TEXT COLLATE "C",
    linked_by   TEXT COLLATE "C"    NOT NULL,
    pinned      INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    linked_at   TEXT COLLATE "C"    NOT NULL,
    seq         BIGINT  NOT NULL
);
CREATE INDEX incident_members_incident ON incident_members (incident_id, seq);
CREATE INDEX incident_members_document ON incident_members (document_id);
CREATE INDEX incident_members_seq ON incident_members (seq);

-- `rowid` is named as SQLite's implicit one: incidents filed under a key are read in filing order.
CREATE TABLE incident_blocks (
    rowid    BIGSERIAL,
    key      TEXT COLLATE "C" NOT NULL,
    event_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX incident_blocks_key ON incident_blocks (key);
CREATE INDEX incident_blocks_event ON incident_blocks (event_id);

CREATE TABLE incident_decisions (
    id         BIGSERIAL PRIMARY KEY,
    action     TEXT COLLATE "C"    NOT NULL CHECK (action IN ('split', 'merge')),
    analyst    TEXT COLLATE "C"    NOT NULL,
    reason     TEXT COLLATE "C"    NOT NULL,
    decided_at TEXT COLLATE "C"    NOT NULL,
    detail     TEXT COLLATE "C"    NOT NULL
);

CREATE TABLE incident_apart (
    event_a     TEXT COLLATE "C"    NOT NULL,
    event_b     TEXT COLLATE "C"    NOT NULL,
    decision_id BIGINT  NOT NULL REFERENCES incident_decisions (id),
    PRIMARY KEY (event_a, event_b)
);
CREATE INDEX incident_apart_b ON incident_apart (event_b);
