-- 0011_event_rollup_day (PostgreSQL): the twin of SQLite's 0011 (read it for why): the roll-up by day,
-- for aggregates whose dates cut a period; one index covers every column the cut days read; and 0010's
-- indexes made covering.
CREATE TABLE IF NOT EXISTS event_rollup_day (
    key            TEXT PRIMARY KEY,
    period         TEXT COLLATE "C",
    country        TEXT,
    admin1         TEXT,
    admin2         TEXT,
    event_type     TEXT,
    sub_event_type TEXT,
    attack_type    TEXT,
    perpetrator    TEXT,
    events         INTEGER NOT NULL,
    fatalities     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS event_rollup_day_covering ON event_rollup_day (period)
    INCLUDE (country, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator, events, fatalities);

-- 0010's indexes on a filter column and the period, covering every column (SQLite's 0011 says why).
DROP INDEX IF EXISTS event_rollup_country;
DROP INDEX IF EXISTS event_rollup_perpetrator;
DROP INDEX IF EXISTS event_rollup_type;
DROP INDEX IF EXISTS event_rollup_admin1;
CREATE INDEX IF NOT EXISTS event_rollup_country ON event_rollup (country, period)
    INCLUDE (admin1, admin2, event_type, sub_event_type, attack_type, perpetrator, events, fatalities);
CREATE INDEX IF NOT EXISTS event_rollup_perpetrator ON event_rollup (perpetrator, period)
    INCLUDE (country, admin1, admin2, event_type, sub_event_type, attack_type, events, fatalities);
CREATE INDEX IF NOT EXISTS event_rollup_type ON event_rollup (event_type, period)
    INCLUDE (country, admin1, admin2, sub_event_type, attack_type, perpetrator, events, fatalities);
CREATE INDEX IF NOT EXISTS event_rollup_admin1 ON event_rollup (admin1, period)
    INCLUDE (country, admin2, event_type, sub_event_type, attack_type, perpetrator, events, fatalities);
CREATE INDEX IF NOT EXISTS event_rollup_covering ON event_rollup (period)
    INCLUDE (country, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator, events, fatalities);

DELETE FROM event_rollup_day;  -- counted afresh, should the migration run again
INSERT INTO event_rollup_day (key, period, country, admin1, admin2, event_type, sub_event_type, attack_type,
                              perpetrator, events, fatalities)
SELECT coalesce('s' || length(period) || ':' || period, 'n') || coalesce('s' || length(country) || ':' || country, 'n')
       || coalesce('s' || length(admin1) || ':' || admin1, 'n') || coalesce('s' || length(admin2) || ':' || admin2, 'n')
       || coalesce('s' || length(event_type) || ':' || event_type, 'n')
       || coalesce('s' || length(sub_event_type) || ':' || sub_event_type, 'n')
       || coalesce('s' || length(attack_type) || ':' || attack_type, 'n')
       || coalesce('s' || length(perpetrator) || ':' || perpetrator, 'n'),
       period, country, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator, count(*),
       coalesce(sum(fatalities_best), 0)
FROM (SELECT e.date_start AS period, e.country, e.admin1, e.admin2, e.event_type, e.sub_event_type, e.attack_type,
             coalesce(o.actor, e.perpetrator) AS perpetrator, e.fatalities_best
      FROM events AS e LEFT JOIN (
          SELECT a.event_id, a.actor FROM attribution_overrides AS a
          JOIN (SELECT event_id, max(seq) AS seq FROM attribution_overrides GROUP BY event_id) AS latest
          ON latest.seq = a.seq) AS o ON o.event_id = e.id) AS shown
GROUP BY period, country, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator;
