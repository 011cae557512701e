import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks: admins' subscriptions (URL, topics, signing secret), one delivery per subscription and
 * event (unique source key, so a fan-out run again inserts nothing), and one row per attempt (the
 * delivery log). The `webhook-disabled` notification kind tells admins that a subscription was
 * switched off after a run of failed deliveries.
 */
export class Webhooks1764979200000 implements MigrationInterface {
  name = 'Webhooks1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url                  text NOT NULL,
        topics               text[] NOT NULL CHECK (cardinality(topics) > 0),
        description          text,
        enabled              boolean NOT NULL DEFAULT true,
        -- Kept as given: signing needs the key itself (HMAC), so it cannot be stored as a hash.
        secret               text NOT NULL,
        consecutive_failures integer NOT NULL DEFAULT 0,
        disabled_reason      text,
        disabled_at          timestamptz,
        created_by           text NOT NULL,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        outbox_id       bigint,
        source_key      text NOT NULL,
        topic           text NOT NULL,
        payload         jsonb NOT NULL,
        instance_id     uuid,
        definition_key  text,
        status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        generation      integer NOT NULL DEFAULT 0,
        attempts        integer NOT NULL DEFAULT 0,
        last_status_code integer,
        last_error      text,
        last_attempt_at timestamptz,
        delivered_at    timestamptz,
        -- Milliseconds, as the log's cursor carries them: keyset pages never skip or repeat a row.
        created_at      timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CONSTRAINT webhook_deliveries_once UNIQUE (subscription_id, source_key)
      )`);
    // A subscription's log, newest first (keyset), and the pending deliveries of an outbox row or of the sweep.
    await q.query(`CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (outbox_id) WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE webhook_attempts (
        id            bigserial PRIMARY KEY,
        delivery_id   uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        attempt       integer NOT NULL,
        at            timestamptz NOT NULL,
        ok            boolean NOT NULL,
        response_code integer,
        latency_ms    integer NOT NULL,
        error         text
      )`);
    await q.query(`CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt)`);
    await setKinds(q, (kinds) => [...kinds.filter((k) => k !== 'webhook-disabled'), 'webhook-disabled']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind = 'webhook-disabled'`);
    await setKinds(q, (kinds) => kinds.filter((k) => k !== 'webhook-disabled'));
    await q.query(`DROP TABLE webhook_attempts`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_subscriptions`);
  }
}

/**
 * Rewrites the CHECK on notifications.kind from the kinds it lists today, so that other migrations
 * adding kinds of their own (e-mail) keep theirs whatever the order.
 */
async function setKinds(q: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
  const rows: Array<{ name: string; def: string }> = await q.query(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'notifications'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'`,
  );
  if (rows.length !== 1) throw new Error(`expected one CHECK on notifications.kind, found ${rows.length}`);
  const kinds = [...rows[0].def.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const next = change(kinds);
  await q.query(`ALTER TABLE notifications DROP CONSTRAINT "${rows[0].name}"`);
  await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${next.map((k) => `'${k.replace(/'/g, "''")}'`).join(', ')}))`);
}
