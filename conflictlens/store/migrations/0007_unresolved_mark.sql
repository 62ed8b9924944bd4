-- 0007_unresolved_mark: the store remembers, durably, that some events may be in no incident.
--
-- Every write of events sets meta 'events_unresolved' (conflictlens.store.writes) in the write's
-- own transaction; a resolution that has seen every event clears it, and the commands that read
-- or write incidents resolve what is left first while it is set. Databases written before this
-- could hold events in no incident without any mark (a run killed between its batch commit and
-- the batch's resolution, or `import --no-resolve`): mark those once, here.
INSERT OR IGNORE INTO meta (key, value)
SELECT 'events_unresolved', '1'
WHERE EXISTS (SELECT 1 FROM events AS e
              WHERE NOT EXISTS (SELECT 1 FROM incident_members AS m WHERE m.event_id = e.id));
