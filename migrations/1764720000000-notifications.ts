import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: one row per recipient and cause (a task opened for the user's roles, a task
 * delegated to them, a reminder, an escalation, a definition's `notify` message). `source_key` names
 * the cause (`outbox:<outbox id>:<effect index>`, `task-event:<task event id>`); unique per user, so
 * a redelivered job or a repeated write is a no-op.
 */
export class Notifications1764720000000 implements MigrationInterface {
  name = 'Notifications1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind           text NOT NULL CHECK (kind IN ('task-assigned', 'task-delegated', 'reminder', 'escalation', 'message')),
        title          jsonb NOT NULL,
        body           jsonb,
        instance_id    uuid NOT NULL REFERENCES workflow_instances (id),
        task_id        uuid REFERENCES tasks (id),
        definition_key text NOT NULL,
        source_key     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        read_at        timestamptz,
        CONSTRAINT notifications_once UNIQUE (user_id, source_key)
      )`);
    // A user's list, newest first (keyset on created_at, id), and their unread list and count.
    await q.query(`CREATE INDEX notifications_user_newest ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_user_unread ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
  }
}
