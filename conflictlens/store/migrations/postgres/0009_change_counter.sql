-- 0009_change_counter (PostgreSQL): what SQLite's PRAGMA data_version tells, a count of writes.
-- Every write transaction takes the store's write lock and then the next value (store/postgres.py), so a
-- connection that finds the value after its own last one knows another program wrote in between and
-- drops what it keeps in memory (pipeline/incident_index.py); otherwise the import's incident index
-- lives across its batches. A rolled-back write counts too: at worst a needless re-read. IF NOT EXISTS:
-- a store whose recorded migrations were rolled back by hand (tests do) runs it again.
CREATE SEQUENCE IF NOT EXISTS store_changes;
