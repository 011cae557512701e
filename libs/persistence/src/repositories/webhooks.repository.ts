import { Injectable } from '@nestjs/common';
import type { Tx } from '../database.js';
import { queryRows } from '../prepared.js';
import type { Page } from '../records.js';
import { encodeCursor } from './instances.repository.js';

export interface WebhookSubscriptionRecord {
  id: string;
  url: string;
  topics: string[];
  description: string | null;
  enabled: boolean;
  consecutiveFailures: number;
  disabledReason: string | null;
  disabledAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A subscription with its signing key: only the sender reads it. */
export interface WebhookSigningRecord extends WebhookSubscriptionRecord {
  secret: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookAttemptRecord {
  attempt: number;
  at: Date;
  ok: boolean;
  responseCode: number | null;
  latencyMs: number;
  error: string | null;
}

export interface WebhookDeliveryRecord {
  id: string;
  subscriptionId: string;
  outboxId: string | null;
  sourceKey: string;
  topic: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  instanceId: string | null;
  definitionKey: string | null;
  status: WebhookDeliveryStatus;
  generation: number;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface NewWebhookDelivery {
  subscriptionId: string;
  outboxId: string;
  sourceKey: string;
  topic: string;
  payload: WebhookDeliveryRecord['payload'];
  instanceId: string | null;
  definitionKey: string | null;
}

/** A send job's name for a delivery: the delivery and its generation (a manual redelivery starts the next). */
export interface PendingDelivery {
  id: string;
  generation: number;
}

const SUBSCRIPTION_COLUMNS = `id, url, topics, description, enabled, consecutive_failures, disabled_reason, disabled_at, created_by, created_at, updated_at`;
const DELIVERY_COLUMNS = `id, subscription_id, outbox_id, source_key, topic, payload, instance_id, definition_key, status, generation, attempts, last_status_code, last_error, last_attempt_at, delivered_at, created_at`;

function toSubscription(r: Record<string, any>): WebhookSubscriptionRecord {
  return {
    id: r.id,
    url: r.url,
    topics: r.topics,
    description: r.description,
    enabled: r.enabled,
    consecutiveFailures: r.consecutive_failures,
    disabledReason: r.disabled_reason,
    disabledAt: r.disabled_at,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toDelivery(r: Record<string, any>): WebhookDeliveryRecord {
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    outboxId: r.outbox_id === null ? null : String(r.outbox_id),
    sourceKey: r.source_key,
    topic: r.topic,
    payload: r.payload,
    instanceId: r.instance_id,
    definitionKey: r.definition_key,
    status: r.status,
    generation: r.generation,
    attempts: r.attempts,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    lastAttemptAt: r.last_attempt_at,
    deliveredAt: r.delivered_at,
    createdAt: r.created_at,
  };
}

/** Webhook subscriptions, their deliveries and each delivery's attempts (the log). */
@Injectable()
export class WebhooksRepository {
  async create(manager: Tx, s: { url: string; topics: string[]; description: string | null; enabled: boolean; secret: string; createdBy: string; at: Date }): Promise<WebhookSubscriptionRecord> {
    const rows = await queryRows(
      manager,
      `INSERT INTO webhook_subscriptions (url, topics, description, enabled, secret, created_by, created_at, updated_at)
       VALUES ($1, $2::text[], $3, $4, $5, $6, $7, $7) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [s.url, s.topics, s.description, s.enabled, s.secret, s.createdBy, s.at],
    );
    return toSubscription(rows[0]);
  }

  async list(manager: Tx): Promise<WebhookSubscriptionRecord[]> {
    const rows = await manager.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions ORDER BY created_at, id`);
    return rows.map(toSubscription);
  }

  async findById(manager: Tx, id: string): Promise<WebhookSubscriptionRecord | undefined> {
    const rows = await manager.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE id = $1`, [id]);
    return rows.length ? toSubscription(rows[0]) : undefined;
  }

  /**
   * Changes what is given. Enabling again clears the failure count and the reason it was turned
   * off: the admin says the receiver is back.
   */
  async update(manager: Tx, id: string, c: { url?: string; topics?: string[]; description?: string | null; enabled?: boolean }, at: Date): Promise<WebhookSubscriptionRecord | undefined> {
    const rows = await queryRows(
      manager,
      `UPDATE webhook_subscriptions SET
         url = coalesce($2, url),
         topics = coalesce($3::text[], topics),
         description = CASE WHEN $4::boolean THEN $5 ELSE description END,
         enabled = coalesce($6, enabled),
         consecutive_failures = CASE WHEN $6 IS TRUE AND NOT enabled THEN 0 ELSE consecutive_failures END,
         disabled_reason = CASE WHEN $6 IS TRUE THEN NULL WHEN $6 IS FALSE AND enabled THEN 'by an admin' ELSE disabled_reason END,
         disabled_at = CASE WHEN $6 IS TRUE THEN NULL WHEN $6 IS FALSE AND enabled THEN $7 ELSE disabled_at END,
         updated_at = $7
       WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [id, c.url ?? null, c.topics ?? null, c.description !== undefined, c.description ?? null, c.enabled ?? null, at],
    );
    return rows.length ? toSubscription(rows[0]) : undefined;
  }

  async rotateSecret(manager: Tx, id: string, secret: string, at: Date): Promise<WebhookSubscriptionRecord | undefined> {
    const rows = await queryRows(manager, `UPDATE webhook_subscriptions SET secret = $2, updated_at = $3 WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`, [id, secret, at]);
    return rows.length ? toSubscription(rows[0]) : undefined;
  }

  /** Deletes the subscription with its deliveries and their log. */
  async delete(manager: Tx, id: string): Promise<boolean> {
    const rows = await queryRows(manager, `DELETE FROM webhook_subscriptions WHERE id = $1 RETURNING id`, [id]);
    return rows.length === 1;
  }

  /** Whether any subscription is enabled: the relay queues no fan-out while none is. */
  async anyEnabled(manager: Tx): Promise<boolean> {
    const rows = await manager.query(`SELECT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE enabled) AS any`);
    return rows[0].any === true;
  }

  async enabledSubscriptions(manager: Tx): Promise<WebhookSubscriptionRecord[]> {
    const rows = await manager.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE enabled ORDER BY created_at, id`);
    return rows.map(toSubscription);
  }

  /**
   * Inserts the deliveries that are not there yet (one per subscription and source) and returns
   * every pending delivery of the outbox row, new or left by an earlier run: a run that died
   * between this insert and queueing the sends loses nothing when it runs again.
   */
  async insertDeliveries(manager: Tx, outboxId: string, rows: readonly NewWebhookDelivery[]): Promise<PendingDelivery[]> {
    if (rows.length) {
      await queryRows(
        manager,
        `INSERT INTO webhook_deliveries (subscription_id, outbox_id, source_key, topic, payload, instance_id, definition_key)
         SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::jsonb[], $6::uuid[], $7::text[])
         ON CONFLICT (subscription_id, source_key) DO NOTHING`,
        [
          rows.map((r) => r.subscriptionId),
          rows.map((r) => r.outboxId),
          rows.map((r) => r.sourceKey),
          rows.map((r) => r.topic),
          rows.map((r) => JSON.stringify(r.payload)),
          rows.map((r) => r.instanceId),
          rows.map((r) => r.definitionKey),
        ],
      );
    }
    const pending = await manager.query(`SELECT id, generation FROM webhook_deliveries WHERE outbox_id = $1 AND status = 'pending' ORDER BY created_at, id`, [outboxId]);
    return pending.map((r: Record<string, any>) => ({ id: r.id, generation: r.generation }));
  }

  /** Pending deliveries untouched since `before`: the sweep queues their send again (a no-op when the job is there). */
  async stalePending(manager: Tx, before: Date, limit: number): Promise<PendingDelivery[]> {
    const rows = await manager.query(
      `SELECT id, generation FROM webhook_deliveries WHERE status = 'pending' AND coalesce(last_attempt_at, created_at) < $1 ORDER BY created_at LIMIT $2`,
      [before, limit],
    );
    return rows.map((r: Record<string, any>) => ({ id: r.id, generation: r.generation }));
  }

  /** A delivery with its subscription's signing record (undefined when either is gone). */
  async forSending(manager: Tx, deliveryId: string): Promise<{ delivery: WebhookDeliveryRecord; subscription: WebhookSigningRecord } | undefined> {
    const rows = await manager.query(
      `SELECT d.id, d.subscription_id, d.outbox_id, d.source_key, d.topic, d.payload, d.instance_id, d.definition_key, d.status, d.generation, d.attempts,
              d.last_status_code, d.last_error, d.last_attempt_at, d.delivered_at, d.created_at,
              s.url, s.topics, s.description, s.enabled, s.secret, s.consecutive_failures, s.disabled_reason, s.disabled_at, s.created_by,
              s.created_at AS s_created_at, s.updated_at AS s_updated_at
         FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.id = $1`,
      [deliveryId],
    );
    if (!rows.length) return undefined;
    const r = rows[0];
    return {
      delivery: toDelivery(r),
      subscription: { ...toSubscription({ ...r, id: r.subscription_id, created_at: r.s_created_at, updated_at: r.s_updated_at }), secret: r.secret },
    };
  }

  /**
   * Records one attempt on the delivery of this generation, and the delivery's new status:
   * `delivered` on success, `failed` when `final`, still `pending` otherwise. Undefined when the
   * delivery moved on meanwhile (another generation, or no longer pending).
   */
  async recordAttempt(
    manager: Tx,
    d: { id: string; generation: number },
    a: { at: Date; ok: boolean; responseCode: number | null; latencyMs: number; error: string | null; final: boolean },
  ): Promise<{ attempt: number; status: WebhookDeliveryStatus } | undefined> {
    const rows = await queryRows(
      manager,
      `WITH d AS (
         UPDATE webhook_deliveries SET
           attempts = attempts + 1,
           last_status_code = $4, last_error = $6, last_attempt_at = $2,
           status = CASE WHEN $3 THEN 'delivered' WHEN $7 THEN 'failed' ELSE 'pending' END,
           delivered_at = CASE WHEN $3 THEN $2 ELSE delivered_at END
         WHERE id = $1 AND generation = $8 AND status = 'pending'
         RETURNING id, attempts, status)
       INSERT INTO webhook_attempts (delivery_id, attempt, at, ok, response_code, latency_ms, error)
       SELECT d.id, d.attempts, $2, $3, $4, $5, $6 FROM d
       RETURNING attempt, (SELECT status FROM d) AS status`,
      [d.id, a.at, a.ok, a.responseCode, a.latencyMs, a.error, a.final, d.generation],
    );
    return rows.length ? { attempt: rows[0].attempt, status: rows[0].status } : undefined;
  }

  /** A delivery given up without an attempt (its subscription was disabled meanwhile). */
  async abandon(manager: Tx, d: { id: string; generation: number }, reason: string, at: Date): Promise<void> {
    await queryRows(manager, `UPDATE webhook_deliveries SET status = 'failed', last_error = $3, last_attempt_at = $4 WHERE id = $1 AND generation = $2 AND status = 'pending'`, [d.id, d.generation, reason, at]);
  }

  /** A delivery went through: the run of failures is over. */
  async resetFailures(manager: Tx, subscriptionId: string): Promise<void> {
    await manager.query(`UPDATE webhook_subscriptions SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures <> 0`, [subscriptionId]);
  }

  /**
   * A delivery used all its attempts: one more in the run of failures, and the subscription is
   * disabled when the run reaches `threshold`. `disabledNow` is true for the one call that turned it off.
   */
  async countExhausted(manager: Tx, subscriptionId: string, threshold: number, reason: string, at: Date): Promise<{ failures: number; disabledNow: boolean } | undefined> {
    const rows = await queryRows(
      manager,
      `WITH before AS (SELECT id, enabled FROM webhook_subscriptions WHERE id = $1 FOR UPDATE)
       UPDATE webhook_subscriptions s SET
         consecutive_failures = s.consecutive_failures + 1,
         enabled = s.enabled AND s.consecutive_failures + 1 < $2,
         disabled_reason = CASE WHEN s.enabled AND s.consecutive_failures + 1 >= $2 THEN $3 ELSE s.disabled_reason END,
         disabled_at = CASE WHEN s.enabled AND s.consecutive_failures + 1 >= $2 THEN $4 ELSE s.disabled_at END
       FROM before WHERE s.id = before.id
       RETURNING s.consecutive_failures, before.enabled AND NOT s.enabled AS disabled_now`,
      [subscriptionId, threshold, reason, at],
    );
    return rows.length ? { failures: rows[0].consecutive_failures, disabledNow: rows[0].disabled_now } : undefined;
  }

  /** Starts a new generation of a delivery of this subscription (manual redelivery). */
  async restart(manager: Tx, subscriptionId: string, deliveryId: string): Promise<PendingDelivery | undefined> {
    const rows = await queryRows(
      manager,
      `UPDATE webhook_deliveries SET status = 'pending', generation = generation + 1, delivered_at = NULL
        WHERE id = $1 AND subscription_id = $2 RETURNING id, generation`,
      [deliveryId, subscriptionId],
    );
    return rows.length ? { id: rows[0].id, generation: rows[0].generation } : undefined;
  }

  /** A page of the subscription's deliveries, newest first, with each one's attempts. */
  async deliveries(
    manager: Tx,
    subscriptionId: string,
    f: { status?: WebhookDeliveryStatus; limit: number; cursor?: { createdAt: string; id: string } },
  ): Promise<Page<WebhookDeliveryRecord & { log: WebhookAttemptRecord[] }>> {
    const values: unknown[] = [subscriptionId, f.limit + 1];
    const where = ['subscription_id = $1'];
    if (f.status) {
      values.push(f.status);
      where.push(`status = $${values.length}`);
    }
    if (f.cursor) {
      values.push(f.cursor.createdAt, f.cursor.id);
      where.push(`(created_at, id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
    }
    const rows = await manager.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $2`, values);
    const items = rows.slice(0, f.limit).map(toDelivery);
    const logs = items.length
      ? await manager.query(`SELECT delivery_id, attempt, at, ok, response_code, latency_ms, error FROM webhook_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY delivery_id, attempt, id`, [
          items.map((d: WebhookDeliveryRecord) => d.id),
        ])
      : [];
    const byDelivery = new Map<string, WebhookAttemptRecord[]>();
    for (const l of logs) {
      const list = byDelivery.get(l.delivery_id) ?? [];
      list.push({ attempt: l.attempt, at: l.at, ok: l.ok, responseCode: l.response_code, latencyMs: l.latency_ms, error: l.error });
      byDelivery.set(l.delivery_id, list);
    }
    const last = items[items.length - 1];
    return {
      items: items.map((d: WebhookDeliveryRecord) => ({ ...d, log: byDelivery.get(d.id) ?? [] })),
      nextCursor: rows.length > f.limit ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }
}
