import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engine core: definitions, instances, their history, the outbox and idempotency keys.
 * History is append-only: a trigger refuses UPDATE and DELETE so that no code path (and no
 * careless operator without superuser rights) can rewrite what happened.
 */
export class EngineCore1764115200000 implements MigrationInterface {
  name = 'EngineCore1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workflow_definitions (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key          text NOT NULL,
        version      integer NOT NULL CHECK (version > 0),
        status       text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
        title        jsonb NOT NULL,
        source       jsonb NOT NULL,
        checksum     text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CONSTRAINT workflow_definitions_key_version UNIQUE (key, version)
      )`);
    await q.query(`
      CREATE TABLE workflow_instances (
        id                 uuid PRIMARY KEY,
        definition_id      uuid NOT NULL REFERENCES workflow_definitions (id),
        definition_key     text NOT NULL,
        definition_version integer NOT NULL,
        business_key       text,
        status             text NOT NULL CHECK (status IN ('active', 'done')),
        state_value        jsonb NOT NULL,
        state_paths        text[] NOT NULL,
        context            jsonb NOT NULL,
        snapshot           jsonb NOT NULL,
        revision           integer NOT NULL,
        last_hash          text NOT NULL,
        next_due_at        timestamptz,
        started_by         text NOT NULL,
        created_at         timestamptz NOT NULL,
        updated_at         timestamptz NOT NULL,
        completed_at       timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX workflow_instances_business_key ON workflow_instances (definition_key, business_key) WHERE business_key IS NOT NULL`);
    await q.query(`CREATE INDEX workflow_instances_list ON workflow_instances (definition_key, status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX workflow_instances_created ON workflow_instances (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX workflow_instances_state_paths ON workflow_instances USING gin (state_paths)`);
    await q.query(`CREATE INDEX workflow_instances_next_due ON workflow_instances (next_due_at) WHERE next_due_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE workflow_history (
        instance_id     uuid NOT NULL REFERENCES workflow_instances (id),
        seq             integer NOT NULL,
        event_type      text NOT NULL,
        payload         jsonb,
        actor_id        text NOT NULL,
        actor           jsonb NOT NULL,
        from_state      jsonb,
        to_state        jsonb NOT NULL,
        at              timestamptz NOT NULL,
        request_id      text,
        idempotency_key text,
        comment         text,
        prev_hash       text NOT NULL,
        hash            text NOT NULL,
        PRIMARY KEY (instance_id, seq)
      )`);
    await q.query(`CREATE INDEX workflow_history_at ON workflow_history (at)`);
    await q.query(`
      CREATE FUNCTION phoihop_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER workflow_history_append_only BEFORE UPDATE OR DELETE ON workflow_history
      FOR EACH ROW EXECUTE FUNCTION phoihop_refuse_change()`);
    await q.query(`CREATE TRIGGER workflow_history_no_truncate BEFORE TRUNCATE ON workflow_history
      FOR EACH STATEMENT EXECUTE FUNCTION phoihop_refuse_change()`);
    await q.query(`
      CREATE TABLE outbox (
        id           bigserial PRIMARY KEY,
        topic        text NOT NULL,
        instance_id  uuid,
        payload      jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        scope        text NOT NULL,
        key          text NOT NULL,
        request_hash text NOT NULL,
        status_code  integer NOT NULL,
        response     text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE workflow_history`);
    await q.query(`DROP FUNCTION phoihop_refuse_change()`);
    await q.query(`DROP TABLE workflow_instances`);
    await q.query(`DROP TABLE workflow_definitions`);
  }
}
