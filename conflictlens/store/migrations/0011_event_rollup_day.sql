-- 0011_event_rollup_day: the roll-up of 0010 by day, for aggregates whose dates cut a period, and
-- 0010's indexes made covering.
--
-- A date range that starts or ends inside a period (a week cut by since/until) was counted on the
-- events for those days: a row lookup per event, scattered over the whole table (400 ms at 200,000
-- events under load). These rows hold the same counts per stored date_start (`period` here is the day
-- as stored, also when it is no plain date), kept exact by the same write path (conflictlens.store.rollup),
-- and one index covers every column, so the cut days read that index alone.
CREATE TABLE IF NOT EXISTS event_rollup_day (
    key            TEXT PRIMARY KEY,
    period         TEXT,
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
CREATE INDEX IF NOT EXISTS event_rollup_day_covering ON event_rollup_day (
    period, country, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator, events, fatalities);

-- The periods between the cut days: 0010's indexes on a filter column and the period sent every row
-- they found to the table for its counts, a lookup each, with a page cache that starts cold in each
-- request's connection (41 ms for a country over 36 weeks at 1M events; 1.0 ms read on the index
-- alone). Each now covers every column; one more does for spans without those filters.
DROP INDEX IF EXISTS event_rollup_country;
DROP INDEX IF EXISTS event_rollup_perpetrator;
DROP INDEX IF EXISTS event_rollup_type;
DROP INDEX IF EXISTS event_rollup_admin1;
CREATE INDEX IF NOT EXISTS event_rollup_country ON event_rollup (
    country, period, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator, events, fatalities);
CREATE INDEX IF NOT EXISTS event_rollup_perpetrator ON event_rollup (
    perpetrator, period, country, admin1, admin2, event_type, sub_event_type, attack_type, events, fatalities);
CREATE INDEX IF NOT EXISTS event_rollup_type ON event_rollup (
    event_type, period, country, admin1, admin2, sub_event_type, attack_type, perpetrator, events, fatalities);
CREATE INDEX IF NOT EXISTS event_rollup_admin1 ON event_rollup (
    admin1, period, country, admin2, event_type, sub_event_type, attack_type, perpetrator, events, fatalities);
CREATE INDEX IF NOT EXISTS event_rollup_covering ON event_rollup (
    period, country, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator, events, fatalities);

-- A store written before: its events counted now, with the overrides in force (as 0010).
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
