import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live stream (`GET /api/v1/me/stream`, docs/notifications.md):
 *
 * - `stream_tickets`: short-lived, single-use tickets that open a stream (EventSource cannot send
 *   an Authorization header). Only the SHA-256 of a ticket is stored; any api process can redeem it.
 * - Triggers that `pg_notify('phoihop_user', …)` when a notification is written and when a task
 *   opens, is claimed, delegated or closed. NOTIFY is delivered at commit and only then, so a
 *   listener never hears of a row that was rolled back, whichever process wrote it.
 */
export class LiveStream1764806400000 implements MigrationInterface {
  name = 'LiveStream1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stream_tickets (
        hash       text PRIMARY KEY,
        user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX stream_tickets_expiry ON stream_tickets (expires_at)`);
    // A payload over PostgreSQL's 8000-byte limit would fail the insert: a long title is left out
    // (the client reads it from the list).
    await q.query(`
      CREATE FUNCTION phoihop_live_notification() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE payload text;
      BEGIN
        payload := json_build_object('type', 'notification', 'userId', NEW.user_id, 'id', NEW.id, 'kind', NEW.kind, 'title', NEW.title,
                                     'instanceId', NEW.instance_id, 'taskId', NEW.task_id, 'createdAt', NEW.created_at)::text;
        IF octet_length(payload) > 7000 THEN
          payload := json_build_object('type', 'notification', 'userId', NEW.user_id, 'id', NEW.id, 'kind', NEW.kind, 'title', NULL,
                                       'instanceId', NEW.instance_id, 'taskId', NEW.task_id, 'createdAt', NEW.created_at)::text;
        END IF;
        PERFORM pg_notify('phoihop_user', payload);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER notifications_live AFTER INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION phoihop_live_notification()`);
    // Who may see the change in their inbox: the task's candidates (roles in units, matched by each
    // api process against its connected users) and its assignee before and after.
    await q.query(`
      CREATE FUNCTION phoihop_live_inbox() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE payload text;
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.assignee IS NOT DISTINCT FROM OLD.assignee THEN
          RETURN NULL;
        END IF;
        payload := json_build_object('type', 'inbox', 'roles', NEW.candidate_roles, 'units', NEW.candidate_units,
                                     'users', array_remove(ARRAY[NEW.assignee, CASE WHEN TG_OP = 'UPDATE' THEN OLD.assignee END], NULL))::text;
        IF octet_length(payload) > 7000 THEN
          payload := json_build_object('type', 'inbox', 'all', true)::text;
        END IF;
        PERFORM pg_notify('phoihop_user', payload);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER tasks_live AFTER INSERT OR UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION phoihop_live_inbox()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tasks_live ON tasks`);
    await q.query(`DROP FUNCTION phoihop_live_inbox()`);
    await q.query(`DROP TRIGGER notifications_live ON notifications`);
    await q.query(`DROP FUNCTION phoihop_live_notification()`);
    await q.query(`DROP TABLE stream_tickets`);
  }
}
