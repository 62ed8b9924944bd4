-- 0002_incidents: incidents (merged events), their member reports, and audited merge/split decisions.
SELECT 1;
