-- 0006_set_based_writes: the store indexes new documents and keeps candidate actors itself.
--
-- A row trigger costs SQLite tens of microseconds per inserted row even when its WHEN clause is
-- false, which made the two insert triggers below most of the cost of a bulk import. The store's
-- write path (conflictlens.store.writes) now does the same work once per batch, in the same
-- transaction: one INSERT ... SELECT into the full-text index for the documents just added, and
-- the candidate rows computed from each event's record. Update and delete triggers stay: they
-- fire rarely (re-extraction, deletion).
DROP TRIGGER documents_fts_ai;
DROP TRIGGER events_actor_candidates_ai;
