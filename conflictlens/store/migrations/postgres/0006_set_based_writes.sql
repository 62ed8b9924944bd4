-- 0006_set_based_writes (PostgreSQL): nothing to do. SQLite's 0006 drops two insert triggers that
-- this schema never had; the version is kept so both databases count their migrations alike.
SELECT 1;
