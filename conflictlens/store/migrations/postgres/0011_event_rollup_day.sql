-- 0011_event_rollup_day (PostgreSQL): the twin of SQLite's 0011 (read it for why): the roll-up by day,
-- for aggregates whose dates cut a period; one index covers every column the cut days read.
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
