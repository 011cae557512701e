import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines: the timers a state arms (deadlines and their reminders), the deadline state of each
 * instance, and the admins' working-calendar overrides.
 */
export class Deadlines1764201600000 implements MigrationInterface {
  name = 'Deadlines1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workflow_instances ADD COLUMN deadlines jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await q.query(`
      CREATE TABLE timers (
        id           uuid PRIMARY KEY,
        instance_id  uuid NOT NULL REFERENCES workflow_instances (id),
        state        text NOT NULL,
        deadline_key text NOT NULL,
        kind         text NOT NULL CHECK (kind IN ('deadline', 'reminder')),
        fire_at      timestamptz NOT NULL,
        status       text NOT NULL CHECK (status IN ('pending', 'fired', 'cancelled')),
        generation   integer NOT NULL DEFAULT 1,
        job_id       text NOT NULL,
        spec         jsonb NOT NULL,
        armed_seq    integer NOT NULL,
        fired_seq    integer,
        created_at   timestamptz NOT NULL,
        fired_at     timestamptz,
        cancelled_at timestamptz,
        CONSTRAINT timers_job_id UNIQUE (job_id)
      )`);
    await q.query(`CREATE INDEX timers_pending_due ON timers (fire_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX timers_instance ON timers (instance_id, status)`);
    await q.query(`
      CREATE TABLE calendar_overrides (
        date       date PRIMARY KEY,
        kind       text NOT NULL CHECK (kind IN ('day-off', 'working-day')),
        name       jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_overrides`);
    await q.query(`DROP TABLE timers`);
    await q.query(`ALTER TABLE workflow_instances DROP COLUMN deadlines`);
  }
}
