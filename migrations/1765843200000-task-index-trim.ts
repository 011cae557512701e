import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The approvers migration indexed open tasks by their candidate roles alone. Since the search-access
 * migration every read of "the tasks a person may act on" goes through the access keys (role in a
 * unit, role anywhere, the person's name: `phoihop_task_access`), which find exactly their tasks;
 * by role alone an approver with two memberships read 44,412 of 200,000 open tasks for 4,663 of
 * theirs (docs/benchmarks.md, "Indexes a transition writes"). Nothing reads the roles index any
 * more, and every task opened, claimed or closed still wrote it.
 */
export class TaskIndexTrim1765843200000 implements MigrationInterface {
  name = 'TaskIndexTrim1765843200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_open_roles`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX tasks_open_roles ON tasks USING gin (candidate_roles) WHERE status = 'open'`);
  }
}
