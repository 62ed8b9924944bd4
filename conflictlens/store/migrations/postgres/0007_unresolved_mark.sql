-- 0007_unresolved_mark (PostgreSQL): the twin of ../0007_unresolved_mark.sql (a no-op on a new store).
INSERT INTO meta (key, value)
SELECT 'events_unresolved', '1'
WHERE EXISTS (SELECT 1 FROM events AS e
              WHERE NOT EXISTS (SELECT 1 FROM incident_members AS m WHERE m.event_id = e.id))
ON CONFLICT DO NOTHING;
