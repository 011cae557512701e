import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Approvers: people, org units, role memberships, API tokens, sign-in throttling, and the tasks they act on. */
export class Approvers1764288000000 implements MigrationInterface {
  name = 'Approvers1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_units (
        key        text PRIMARY KEY,
        name       jsonb NOT NULL,
        parent_key text REFERENCES org_units (key),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username      text NOT NULL UNIQUE,
        display_name  text NOT NULL,
        password_hash text,
        active        boolean NOT NULL DEFAULT true,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE user_roles (
        user_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role     text NOT NULL,
        unit_key text NOT NULL REFERENCES org_units (key),
        PRIMARY KEY (user_id, role, unit_key)
      )`);
    await q.query(`
      CREATE TABLE api_tokens (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name         text NOT NULL,
        token_hash   text NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz,
        last_used_at timestamptz,
        revoked_at   timestamptz
      )`);
    await q.query(`CREATE TABLE login_failures (username text NOT NULL, ip text, at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX login_failures_recent ON login_failures (username, at)`);
    await q.query(`
      CREATE TABLE tasks (
        id              uuid PRIMARY KEY,
        instance_id     uuid NOT NULL REFERENCES workflow_instances (id),
        definition_key  text NOT NULL,
        state           text NOT NULL,
        title           jsonb NOT NULL,
        candidate_roles text[] NOT NULL,
        candidate_units text[] NOT NULL,
        outcomes        text[] NOT NULL,
        assignee        text,
        status          text NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
        priority        smallint NOT NULL,
        due_at          timestamptz,
        created_seq     integer NOT NULL,
        closed_seq      integer,
        created_at      timestamptz NOT NULL,
        claimed_at      timestamptz,
        closed_at       timestamptz,
        completed_by    text,
        outcome         text
      )`);
    await q.query(`CREATE INDEX tasks_open_due ON tasks (due_at, id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_open_assignee ON tasks (assignee, due_at, id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_open_roles ON tasks USING gin (candidate_roles) WHERE status = 'open'`);
    await q.query(`CREATE INDEX tasks_instance ON tasks (instance_id, status)`);
    await q.query(`
      CREATE TABLE task_events (
        id      bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks (id),
        type    text NOT NULL CHECK (type IN ('claimed', 'unclaimed', 'delegated', 'commented', 'acted')),
        actor   text NOT NULL,
        at      timestamptz NOT NULL DEFAULT now(),
        data    jsonb
      )`);
    await q.query(`CREATE INDEX task_events_task ON task_events (task_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['task_events', 'tasks', 'login_failures', 'api_tokens', 'user_roles', 'users', 'org_units']) await q.query(`DROP TABLE ${t}`);
  }
}
