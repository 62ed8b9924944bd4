-- 0004_actor_relations: dated, sourced, graded relations between actors.
SELECT 1;
