import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who a task gives access to, indexed (docs/approvers.md#searching, docs/benchmarks.md#search):
 * `phoihop_task_access(candidate_roles, candidate_units, assignee, completed_by)` lists a task's
 * keys, `u:<username>` for its assignee and the one who completed it and `c:<role>|<unit>` for each
 * candidate membership (`c:<role>|*` when it names no unit), and two GIN indexes hold them: over
 * every task (whoever has, had or could take a task of a case may see the case) and over the open
 * ones (the inbox). A user's keys (`u:` with their name, `c:` with each membership's role and unit
 * and with `*`) overlap a task's exactly when the task is theirs by those rules, so the tasks that
 * make a case visible to a clerk, or fill an approver's inbox, are found from the index instead of
 * being checked one by one. The queries still check the rules themselves on what it returns.
 *
 * Only `tasks` gets indexes here: a transition that opens no task writes nothing more.
 */
export class SearchAccess1765324800000 implements MigrationInterface {
  name = 'SearchAccess1765324800000';

  async up(q: QueryRunner): Promise<void> {
    // Kept in step with accessKeys() in libs/persistence (repositories/search.ts).
    await q.query(`
      CREATE FUNCTION phoihop_task_access(roles text[], units text[], assignee text, completed_by text) RETURNS text[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array_remove(ARRAY['u:' || assignee, 'u:' || completed_by], NULL)
               || ARRAY(SELECT 'c:' || r || '|' || u FROM unnest(roles) AS r, unnest(CASE WHEN cardinality(units) = 0 THEN ARRAY['*'] ELSE units END) AS u)
      $$`);
    await q.query(`CREATE INDEX tasks_access ON tasks USING gin (phoihop_task_access(candidate_roles, candidate_units, assignee, completed_by))`);
    await q.query(`CREATE INDEX tasks_open_access ON tasks USING gin (phoihop_task_access(candidate_roles, candidate_units, assignee, completed_by)) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_open_access`);
    await q.query(`DROP INDEX tasks_access`);
    await q.query(`DROP FUNCTION phoihop_task_access(text[], text[], text, text)`);
  }
}
