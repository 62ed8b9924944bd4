-- 0010_event_rollup: events and fatalities counted ahead, for the aggregates of the web API.
--
-- One row per combination of what aggregates group and filter by: the period (the days an ISO week
-- and a month share, named by its first day: conflictlens.model.periods; a date_start that is not a
-- plain YYYY-MM-DD date is its own period), country, admin1, admin2, the three type columns, and the
-- perpetrator as the outbound gate shows it (the analyst's answer where one is in force). `key`
-- joins those values, each written as 's' || length || ':' || value, or 'n' for none, so that NULLs
-- have a key too. The store's write path keeps the rows exact in the same transaction as every write
-- that changes them (conflictlens.store.rollup): events inserted and deleted, overrides appended.
-- Confidentiality changes nothing here: a confidential event counts as it is listed, and names are
-- masked when the rows are read.
CREATE TABLE IF NOT EXISTS event_rollup (
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
-- The same counts over all periods, for aggregates that no date bounds.
CREATE TABLE IF NOT EXISTS event_rollup_totals (
    key            TEXT PRIMARY KEY,
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
-- Counts by period read this index alone (no row lookups: six times faster on a long timeline).
CREATE INDEX IF NOT EXISTS event_rollup_period ON event_rollup (period, events, fatalities);
CREATE INDEX IF NOT EXISTS event_rollup_country ON event_rollup (country, period);
CREATE INDEX IF NOT EXISTS event_rollup_perpetrator ON event_rollup (perpetrator, period);
CREATE INDEX IF NOT EXISTS event_rollup_type ON event_rollup (event_type, period);
CREATE INDEX IF NOT EXISTS event_rollup_admin1 ON event_rollup (admin1);

-- A store written before: its events counted now, with the overrides in force. A plain day is one that
-- reads back the same after date arithmetic ('2021-02-30' does not: it becomes '2021-03-02'), as Python's.
DELETE FROM event_rollup;  -- counted afresh, should the migration run again
INSERT INTO event_rollup (key, period, country, admin1, admin2, event_type, sub_event_type, attack_type,
                          perpetrator, events, fatalities)
SELECT coalesce('s' || length(period) || ':' || period, 'n') || coalesce('s' || length(country) || ':' || country, 'n')
       || coalesce('s' || length(admin1) || ':' || admin1, 'n') || coalesce('s' || length(admin2) || ':' || admin2, 'n')
       || coalesce('s' || length(event_type) || ':' || event_type, 'n')
       || coalesce('s' || length(sub_event_type) || ':' || sub_event_type, 'n')
       || coalesce('s' || length(attack_type) || ':' || attack_type, 'n')
       || coalesce('s' || length(perpetrator) || ':' || perpetrator, 'n'),
       period, country, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator, count(*),
       coalesce(sum(fatalities_best), 0)
FROM (SELECT CASE WHEN date(e.date_start, '+0 days') IS e.date_start AND e.date_start NOT LIKE '0000%'
                  THEN max(date(e.date_start, '-6 days', 'weekday 1'), substr(e.date_start, 1, 8) || '01')
                  ELSE e.date_start END AS period,
             e.country, e.admin1, e.admin2, e.event_type, e.sub_event_type, e.attack_type,
             coalesce(o.actor, e.perpetrator) AS perpetrator, e.fatalities_best
      FROM events AS e LEFT JOIN (
          SELECT a.event_id, a.actor FROM attribution_overrides AS a
          JOIN (SELECT event_id, max(seq) AS seq FROM attribution_overrides GROUP BY event_id) AS latest
          ON latest.seq = a.seq) AS o ON o.event_id = e.id) AS shown
GROUP BY period, country, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator;

DELETE FROM event_rollup_totals;
INSERT INTO event_rollup_totals (key, country, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator,
                                 events, fatalities)
SELECT coalesce('s' || length(country) || ':' || country, 'n')
       || coalesce('s' || length(admin1) || ':' || admin1, 'n') || coalesce('s' || length(admin2) || ':' || admin2, 'n')
       || coalesce('s' || length(event_type) || ':' || event_type, 'n')
       || coalesce('s' || length(sub_event_type) || ':' || sub_event_type, 'n')
       || coalesce('s' || length(attack_type) || ':' || attack_type, 'n')
       || coalesce('s' || length(perpetrator) || ':' || perpetrator, 'n'),
       country, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator, sum(events), sum(fatalities)
FROM event_rollup
GROUP BY country, admin1, admin2, event_type, sub_event_type, attack_type, perpetrator;
