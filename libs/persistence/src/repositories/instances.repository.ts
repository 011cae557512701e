import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared.js';
import type { HistoryRecord, IdempotencyRecord, InstanceRecord, OutboxMessage, Page, StoredResponse } from '../records.js';

const COLUMNS = `id, definition_id, definition_key, definition_version, business_key, status, state_value, state_paths,
  context, snapshot, revision, last_hash, next_due_at, started_by, created_at, updated_at, completed_at`;

function toRecord(row: Record<string, any>): InstanceRecord {
  return {
    id: row.id,
    definitionId: row.definition_id,
    definitionKey: row.definition_key,
    definitionVersion: row.definition_version,
    businessKey: row.business_key,
    status: row.status,
    stateValue: row.state_value,
    statePaths: row.state_paths,
    context: row.context,
    snapshot: row.snapshot,
    revision: row.revision,
    lastHash: row.last_hash,
    nextDueAt: row.next_due_at,
    startedBy: row.started_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}

/** What one transition writes, all in one statement so that it commits or vanishes whole. */
export interface TransitionWrite {
  instanceId: string;
  expectedRevision: number;
  status: 'active' | 'done';
  stateValue: unknown;
  statePaths: string[];
  context: Record<string, unknown>;
  snapshot: unknown;
  at: Date;
  nextDueAt: Date | null;
  history: Omit<HistoryRecord, 'instanceId' | 'at'>;
  outbox: OutboxMessage[];
  idempotency?: IdempotencyRecord;
}

export interface NewInstance {
  id: string;
  definitionId: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  status: 'active' | 'done';
  stateValue: unknown;
  statePaths: string[];
  context: Record<string, unknown>;
  snapshot: unknown;
  startedBy: string;
  at: Date;
  history: Omit<HistoryRecord, 'instanceId' | 'at'>;
  outbox: OutboxMessage[];
  idempotency?: IdempotencyRecord;
}

export interface InstanceFilter {
  definitionKey?: string;
  status?: 'active' | 'done';
  state?: string;
  businessKey?: string;
  limit: number;
  cursor?: { createdAt: string; id: string };
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * The history row, outbox rows and idempotency record as CTE parts hanging off `src` (the written
 * instance row): the caller's statement writes them only when the instance write itself happened.
 * Parameters from $12 on.
 */
const DEPENDENT_WRITES = `
  hist AS (
    INSERT INTO workflow_history (instance_id, seq, event_type, payload, actor_id, actor, from_state, to_state, at,
                                  request_id, idempotency_key, comment, prev_hash, hash)
    SELECT src.id, $12::int, $13::text, $14::jsonb, $15::text, $16::jsonb, $17::jsonb, $18::jsonb, $10::timestamptz,
           $19::text, $20::text, $21::text, $22::text, $23::text FROM src
  ),
  obx AS (
    INSERT INTO outbox (topic, instance_id, payload)
    SELECT m->>'topic', src.id, m->'payload' FROM src, jsonb_array_elements($24::jsonb) AS m
  ),
  idem AS (
    INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response)
    SELECT $25::text, $26::text, $27::text, $28::int, $29::text FROM src WHERE $25::text IS NOT NULL
  )`;

function dependentParams(w: { history: TransitionWrite['history']; outbox: OutboxMessage[]; idempotency?: IdempotencyRecord }) {
  const h = w.history;
  const i = w.idempotency;
  return [
    h.seq,
    h.eventType,
    json(h.payload),
    h.actorId,
    json(h.actor),
    json(h.fromState),
    json(h.toState),
    h.requestId,
    h.idempotencyKey,
    h.comment,
    h.prevHash,
    h.hash,
    JSON.stringify(w.outbox),
    i?.scope ?? null,
    i?.key ?? null,
    i?.requestHash ?? null,
    i?.statusCode ?? null,
    i ? JSON.stringify(i.response) : null,
  ];
}

@Injectable()
export class InstancesRepository {
  async findById(manager: EntityManager, id: string): Promise<InstanceRecord | undefined> {
    const rows = await queryPrepared(manager, 'phoihop_instance_by_id', `SELECT ${COLUMNS} FROM workflow_instances WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /**
   * Locks the instance row for the rest of the transaction, then reads the response stored for an
   * idempotency key. The key is read in its own statement, after the lock is granted: under READ
   * COMMITTED a statement that waited on a lock re-reads only the locked row, so a join would miss
   * the key that the request holding the lock has just committed.
   */
  async lockForEvent(
    manager: EntityManager,
    id: string,
    idempotency?: { scope: string; key: string },
  ): Promise<{ instance: InstanceRecord; stored?: StoredResponse } | undefined> {
    const rows = await queryPrepared(manager, 'phoihop_lock_instance', `SELECT ${COLUMNS} FROM workflow_instances WHERE id = $1 FOR UPDATE`, [id]);
    if (!rows[0]) return undefined;
    const stored = idempotency ? await this.findIdempotent(manager, idempotency.scope, idempotency.key) : undefined;
    return { instance: toRecord(rows[0]), stored };
  }

  /**
   * Writes the new state, its history row, outbox rows and idempotency record in one statement, only
   * if the instance is still at `expectedRevision`. One statement is atomic on its own, so outside a
   * transaction this is a complete, crash-safe transition in a single round trip; false means another
   * writer got there first and nothing was written.
   */
  async applyTransition(manager: EntityManager, w: TransitionWrite): Promise<boolean> {
    const rows = await queryPrepared(
      manager,
      'phoihop_apply_transition',
      `WITH src AS (
         UPDATE workflow_instances
            SET status = $3, state_value = $4::jsonb, state_paths = $5, context = $6::jsonb, snapshot = $7::jsonb,
                revision = $8, last_hash = $9, updated_at = $10, next_due_at = $11::timestamptz,
                completed_at = CASE WHEN $3 = 'done' THEN $10 ELSE completed_at END
          WHERE id = $1 AND revision = $2
          RETURNING id
       ), ${DEPENDENT_WRITES}
       SELECT count(*)::int AS written FROM src`,
      [
        w.instanceId,
        w.expectedRevision,
        w.status,
        json(w.stateValue),
        w.statePaths,
        json(w.context),
        json(w.snapshot),
        w.history.seq,
        w.history.hash,
        w.at,
        w.nextDueAt,
        ...dependentParams(w),
      ],
    );
    return rows[0].written === 1;
  }

  /** Inserts a started instance with its first history row; throws the driver's unique violation on a duplicate business key. */
  async insertStarted(manager: EntityManager, n: NewInstance): Promise<void> {
    await queryPrepared(
      manager,
      'phoihop_insert_started',
      `WITH src AS (
         INSERT INTO workflow_instances (id, definition_id, definition_key, definition_version, business_key, status, state_value,
                                         state_paths, context, snapshot, revision, last_hash, started_by, created_at, updated_at, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $11::jsonb, 1, $23, $30, $10, $10,
                 CASE WHEN $6 = 'done' THEN $10::timestamptz END)
         RETURNING id
       ), ${DEPENDENT_WRITES}
       SELECT count(*)::int AS written FROM src`,
      [
        n.id,
        n.definitionId,
        n.definitionKey,
        n.definitionVersion,
        n.businessKey,
        n.status,
        json(n.stateValue),
        n.statePaths,
        json(n.context),
        n.at,
        json(n.snapshot),
        ...dependentParams(n),
        n.startedBy,
      ],
    );
  }

  async findIdempotent(manager: EntityManager, scope: string, key: string): Promise<StoredResponse | undefined> {
    const rows = await queryPrepared(
      manager,
      'phoihop_idempotent',
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    // Stored as text, not jsonb, so that a replay returns the first response byte for byte (jsonb reorders keys).
    return rows[0] ? { requestHash: rows[0].request_hash, statusCode: rows[0].status_code, response: JSON.parse(rows[0].response) } : undefined;
  }

  /** Newest first, keyset-paginated on (created_at, id). */
  async list(manager: EntityManager, f: InstanceFilter): Promise<Page<InstanceRecord>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.definitionKey) add('definition_key = ?', f.definitionKey);
    if (f.status) add('status = ?', f.status);
    if (f.state) add('state_paths @> ARRAY[?::text]', f.state);
    if (f.businessKey) add('business_key = ?', f.businessKey);
    if (f.cursor) {
      params.push(f.cursor.createdAt, f.cursor.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(f.limit + 1);
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM workflow_instances ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, f.limit).map(toRecord);
    const last = items[items.length - 1];
    const nextCursor = rows.length > f.limit && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null;
    return { items, nextCursor };
  }
}

export function encodeCursor(cursor: { createdAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** Undefined when the text is not a cursor this API issued. */
export function decodeCursor(text: string): { createdAt: string; id: string } | undefined {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) return undefined;
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    return { createdAt, id };
  } catch {
    return undefined;
  }
}
