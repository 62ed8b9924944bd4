-- 0009_change_counter: nothing to do on SQLite, which counts other connections' commits itself
-- (PRAGMA data_version, read by pipeline/incident_index.py). The PostgreSQL twin makes that count.
SELECT 1;
