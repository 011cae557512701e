import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parent and child instances: a child knows its parent, the group that started it and its key
 * there (unique per parent, so a child is never started twice); history rows may carry the links
 * between them (`links`, covered by the row's hash when present).
 */
export class Children1764547200000 implements MigrationInterface {
  name = 'Children1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workflow_instances ADD COLUMN parent_id uuid REFERENCES workflow_instances (id), ADD COLUMN parent_group text, ADD COLUMN parent_key text`);
    await q.query(`CREATE UNIQUE INDEX workflow_instances_parent_key ON workflow_instances (parent_id, parent_key) WHERE parent_id IS NOT NULL`);
    await q.query(`ALTER TABLE workflow_history ADD COLUMN links jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workflow_history DROP COLUMN links`);
    await q.query(`DROP INDEX workflow_instances_parent_key`);
    await q.query(`ALTER TABLE workflow_instances DROP COLUMN parent_id, DROP COLUMN parent_group, DROP COLUMN parent_key`);
  }
}
