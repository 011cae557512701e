import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared.js';
import { CANDIDATE_SQL, SENDER_DEFINITIONS_SQL } from './tasks.repository.js';
import { applyTransitionBatch } from './instances-batch-write.js';
import { ACCESS_SET_MAX, accessKeys, holds, SEARCH_CANDIDATES, SEARCH_WINDOW, searchTerms, TASK_ACCESS } from './search.js';
import type { HistoryRecord, IdempotencyRecord, InstanceRecord, OutboxMessage, Page, StoredResponse } from '../records.js';

export const INSTANCE_COLUMNS = `id, definition_id, definition_key, definition_version, business_key, status, state_value, state_paths,
  context, snapshot, revision, last_hash, next_due_at, deadlines, started_by, created_at, updated_at, completed_at,
  parent_id, parent_group, parent_key, summary`;

/** The same columns of the instance aliased `alias` (in a join). */
export const columnsOf = (alias: string) => INSTANCE_COLUMNS.split(',').map((c) => `${alias}.${c.trim()}`).join(', ');

export function toInstanceRecord(row: Record<string, any>): InstanceRecord {
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
    deadlines: row.deadlines,
    startedBy: row.started_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    parent: row.parent_id ? { id: row.parent_id, group: row.parent_group, key: row.parent_key } : null,
    summary: row.summary ?? null,
  };
}

/** Timer rows a transition writes (see libs/runtime deadline-plan.ts). */
export interface TimerWrites {
  arm: Array<{ id: string; state: string; deadlineKey: string; kind: 'deadline' | 'reminder'; fireAt: string; generation: number; jobId: string; spec: unknown }>;
  cancelStates: string[];
  cancelReminderKeys: string[];
  extend: Array<{ id: string; fireAt: string; generation: number; jobId: string }>;
  fire: string | null;
}

/**
 * The instance's own columns a transition or a start sets. `summary` and `searchText` (what a
 * search matches, folded; its row in instance_search) follow the context in the same statement.
 */
type WrittenState = Pick<InstanceRecord, 'status' | 'stateValue' | 'statePaths' | 'context' | 'snapshot' | 'nextDueAt' | 'deadlines' | 'summary'> & { searchText: string };

/** What a transition or a start writes besides the instance row: its history row, outbox, timers, tasks, idempotency record. */
interface DependentRows {
  history: Omit<HistoryRecord, 'instanceId' | 'at'>;
  outbox: OutboxMessage[];
  timers: TimerWrites;
  tasks: TaskWrites;
  idempotency?: IdempotencyRecord;
  at: Date;
}

/** What one transition writes, all in one statement so that it commits or vanishes whole. */
export interface TransitionWrite extends Omit<WrittenState, 'searchText'>, DependentRows {
  instanceId: string;
  expectedRevision: number;
  /**
   * The case's search text, written (when it differs from the stored one) by the same statement;
   * undefined when the writer knows it is unchanged (it committed that text itself), and the
   * statement then leaves the search row alone without even reading it.
   */
  searchText?: string;
  /** A migration moves the instance to another version of its definition. */
  definition?: { id: string; version: number };
  /**
   * The instance's open tasks (id and assignee, by id) its event was decided from, read without
   * locks: the statement locks the instance, then its open tasks, and writes only if they are still
   * exactly these (no claim, delegation or hand-back since). Locked in the locked path's order, so
   * the two cannot deadlock; a claim after it waits for it and then finds the task closed.
   */
  taskCheck?: Array<{ id: string; assignee: string | null }>;
}

/** A new instance with its first history row and everything that row's transition writes. */
export interface NewInstance
  extends WrittenState, DependentRows, Pick<InstanceRecord, 'id' | 'definitionId' | 'definitionKey' | 'definitionVersion' | 'businessKey' | 'startedBy'> {
  parent?: InstanceRecord['parent'];
}

export interface InstanceFilter {
  definitionKey?: string;
  status?: 'active' | 'done';
  state?: string;
  businessKey?: string;
  definitionVersion?: number;
  /** Only the children of this instance. */
  parentId?: string;
  /** Only instances with a deadline already past at this instant. */
  overdueAt?: Date;
  /** Only instances this user started, has, had or could take a task on, or may send an event of (`sentBy`). */
  visibleTo?: { username: string; memberships: Array<{ role: string; unit: string }> };
  /** Only instances whose search text holds every one of these (already folded) words. */
  words?: string[];
  limit: number;
  cursor?: { createdAt: string; id: string };
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Everything a transition writes besides the instance row, as CTE parts hanging off `src` (the
 * written instance row): they write only when the instance write itself happened. All parts see
 * the same snapshot, so cancelling a state's old timers and arming its new ones (re-entry) do not
 * interfere. Parameters $10 (the time), $12 on. A statement holds only the parts its transition
 * needs (most write state and history only); each combination is its own prepared statement,
 * named by a bit per part.
 */
type DependentWrite = Omit<DependentRows, 'at'>;
const DEPENDENT_PARTS: Array<{ name: string; needed: (w: DependentWrite) => boolean; sql: string }> = [
  { name: 'hist', needed: () => true, sql: `
  hist AS (
    INSERT INTO workflow_history (instance_id, seq, event_type, payload, actor_id, actor, from_state, to_state, at,
                                  request_id, idempotency_key, comment, prev_hash, hash, links)
    SELECT src.id, $12::int, $13::text, $14::jsonb, $15::text, $16::jsonb, $17::jsonb, $18::jsonb, $10::timestamptz,
           $19::text, $20::text, $21::text, $22::text, $23::text, $34::jsonb FROM src
  )` },
  { name: 'obx', needed: (w) => w.outbox.length > 0, sql: `
  obx AS (
    INSERT INTO outbox (topic, instance_id, payload)
    SELECT m->>'topic', src.id, m->'payload' FROM src, jsonb_array_elements($24::jsonb) AS m
  )` },
  { name: 'idem', needed: (w) => !!w.idempotency, sql: `
  idem AS (
    INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response)
    SELECT $25::text, $26::text, $27::text, $28::int, $29::text FROM src WHERE $25::text IS NOT NULL
  )` },
  { name: 't_cancel', needed: (w) => w.timers.cancelStates.length > 0 || w.timers.cancelReminderKeys.length > 0, sql: `
  t_cancel AS (
    UPDATE timers SET status = 'cancelled', cancelled_at = $10::timestamptz
      FROM src
     WHERE timers.instance_id = src.id AND timers.status = 'pending'
       AND timers.id IS DISTINCT FROM ($30::jsonb->'timers'->>'fire')::uuid
       AND timers.id NOT IN (SELECT (x->>'id')::uuid FROM jsonb_array_elements($30::jsonb->'timers'->'extend') x)
       AND (timers.state IN (SELECT jsonb_array_elements_text($30::jsonb->'timers'->'cancelStates'))
            OR (timers.kind = 'reminder' AND timers.deadline_key IN (SELECT jsonb_array_elements_text($30::jsonb->'timers'->'cancelReminderKeys'))))
  )` },
  { name: 't_extend', needed: (w) => w.timers.extend.length > 0, sql: `
  t_extend AS (
    UPDATE timers SET fire_at = x."fireAt", generation = x.generation, job_id = x."jobId"
      FROM src, jsonb_to_recordset($30::jsonb->'timers'->'extend') AS x(id uuid, "fireAt" timestamptz, generation int, "jobId" text)
     WHERE timers.id = x.id AND timers.status = 'pending'
  )` },
  { name: 't_fire', needed: (w) => w.timers.fire !== null, sql: `
  t_fire AS (
    UPDATE timers SET status = 'fired', fired_at = $10::timestamptz, fired_seq = $12::int
      FROM src WHERE timers.id = ($30::jsonb->'timers'->>'fire')::uuid AND timers.status = 'pending'
  )` },
  { name: 'k_close', needed: (w) => w.tasks.closeStates.length > 0, sql: `
  k_close AS (
    UPDATE tasks
       SET status = CASE WHEN tasks.id = ($30::jsonb->'tasks'->>'complete')::uuid THEN 'completed' ELSE 'cancelled' END,
           assignee = CASE WHEN tasks.id = ($30::jsonb->'tasks'->>'complete')::uuid THEN coalesce(tasks.assignee, $15::text) ELSE tasks.assignee END,
           claimed_at = CASE WHEN tasks.id = ($30::jsonb->'tasks'->>'complete')::uuid THEN coalesce(tasks.claimed_at, $10::timestamptz) ELSE tasks.claimed_at END,
           completed_by = CASE WHEN tasks.id = ($30::jsonb->'tasks'->>'complete')::uuid THEN $15::text END,
           outcome = CASE WHEN tasks.id = ($30::jsonb->'tasks'->>'complete')::uuid THEN $13::text END,
           closed_at = $10::timestamptz, closed_seq = $12::int
      FROM src
     WHERE tasks.instance_id = src.id AND tasks.status = 'open'
       AND tasks.state IN (SELECT jsonb_array_elements_text($30::jsonb->'tasks'->'closeStates'))
  )` },
  { name: 'k_escalate', needed: (w) => w.tasks.escalate.length > 0, sql: `
  k_escalate AS (
    UPDATE tasks
       SET priority = GREATEST(tasks.priority, coalesce((x->>'priority')::smallint, tasks.priority)),
           candidate_roles = ARRAY(SELECT DISTINCT r FROM unnest(tasks.candidate_roles || ARRAY(SELECT jsonb_array_elements_text(x->'addRoles'))) r ORDER BY r)
      FROM src, jsonb_array_elements($30::jsonb->'tasks'->'escalate') x
     WHERE tasks.instance_id = src.id AND tasks.status = 'open' AND tasks.state = x->>'state'
       AND tasks.state NOT IN (SELECT jsonb_array_elements_text($30::jsonb->'tasks'->'closeStates'))
  )` },
  { name: 'k_due', needed: (w) => (w.tasks.due?.length ?? 0) > 0, sql: `
  k_due AS (
    UPDATE tasks SET due_at = x."dueAt"
      FROM src, jsonb_to_recordset(coalesce($30::jsonb->'tasks'->'due', '[]'::jsonb)) AS x(state text, "dueAt" timestamptz)
     WHERE tasks.instance_id = src.id AND tasks.status = 'open' AND (tasks.state = x.state OR tasks.state LIKE x.state || '.%')
       AND tasks.state NOT IN (SELECT jsonb_array_elements_text($30::jsonb->'tasks'->'closeStates'))
       AND tasks.state NOT IN (SELECT x2->>'state' FROM jsonb_array_elements($30::jsonb->'tasks'->'escalate') x2)
  )` },
  { name: 'k_open', needed: (w) => w.tasks.open.length > 0, sql: `
  k_open AS (
    INSERT INTO tasks (id, instance_id, definition_key, state, title, candidate_roles, candidate_units, outcomes, status, priority, due_at, created_seq, created_at, assignee, claimed_at)
    SELECT x.id, src.id, $30::jsonb->'tasks'->>'definitionKey', x.state, x.title,
           ARRAY(SELECT jsonb_array_elements_text(x.roles)), ARRAY(SELECT jsonb_array_elements_text(x.units)), ARRAY(SELECT jsonb_array_elements_text(x.outcomes)),
           'open', x.priority, x."dueAt", $12::int, $10::timestamptz, x.assignee, CASE WHEN x.assignee IS NOT NULL THEN $10::timestamptz END
      FROM src, jsonb_to_recordset($30::jsonb->'tasks'->'open')
           AS x(id uuid, state text, title jsonb, roles jsonb, units jsonb, outcomes jsonb, priority smallint, "dueAt" timestamptz, assignee text)
  )` },
  { name: 't_arm', needed: (w) => w.timers.arm.length > 0, sql: `
  t_arm AS (
    INSERT INTO timers (id, instance_id, state, deadline_key, kind, fire_at, status, generation, job_id, spec, armed_seq, created_at)
    SELECT x.id, src.id, x.state, x."deadlineKey", x.kind, x."fireAt", 'pending', x.generation, x."jobId", x.spec, $12::int, $10::timestamptz
      FROM src, jsonb_to_recordset($30::jsonb->'timers'->'arm')
           AS x(id uuid, state text, "deadlineKey" text, kind text, "fireAt" timestamptz, generation int, "jobId" text, spec jsonb)
  )` },
];

/**
 * The CTE parts `w` needs, the suffix naming its prepared statement, and a typed mention of every
 * parameter (PostgreSQL refuses a statement with a parameter it cannot type, and the parameter
 * list is the same whatever the parts).
 */
function dependentWrites(w: DependentWrite): { sql: string; variant: string } {
  const parts: typeof DEPENDENT_PARTS = [];
  let mask = 0;
  DEPENDENT_PARTS.forEach((part, i) => {
    if (!part.needed(w)) return;
    parts.push(part);
    mask |= 1 << i;
  });
  // A bit per part keeps the statement's name short: PostgreSQL truncates names past 63 bytes, and two
  // shapes sharing a truncated name would run each other's statement.
  return { sql: parts.map((p) => p.sql).join(',\n'), variant: mask.toString(36) };
}

/** Every dependent parameter with its type: mentioned in each statement so that each is typed even when its part is left out. */
const TYPED = `ROW($12::int, $13::text, $14::jsonb, $15::text, $16::jsonb, $17::jsonb, $18::jsonb, $19::text, $20::text, $21::text, $22::text, $23::text,
  $24::jsonb, $25::text, $26::text, $27::text, $28::int, $29::text, $30::jsonb, $34::jsonb)`;
/** The end of a transition statement: whether the instance row was written (the condition always holds; it types the parameters). */
const WRITTEN = `SELECT count(*)::int AS written FROM src WHERE ${TYPED} IS NOT DISTINCT FROM ${TYPED}`;

function dependentParams(w: DependentWrite) {
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
    JSON.stringify({ timers: w.timers, tasks: w.tasks }),
  ];
}

export const NO_TIMER_WRITES: TimerWrites = { arm: [], cancelStates: [], cancelReminderKeys: [], extend: [], fire: null };

/** Task rows a transition writes: tasks of entered states opened, of exited states closed, escalations applied. */
export interface TaskWrites {
  definitionKey: string;
  /** `assignee`: opened already claimed (a case's starter who is a candidate of its first task). */
  open: Array<{ id: string; state: string; title: unknown; roles: string[]; units: string[]; outcomes: string[]; priority: number; dueAt: string | null; assignee?: string }>;
  closeStates: string[];
  /** The task whose outcome this transition is: closed as completed (by the history row's actor, with the event as outcome). */
  complete: string | null;
  escalate: Array<{ state: string; priority: number | null; addRoles: string[] }>;
  /** Extended deadlines: open tasks of the state (and its children) take the new due instant. */
  due?: Array<{ state: string; dueAt: string }>;
}

export const NO_TASK_WRITES = (definitionKey: string): TaskWrites => ({ definitionKey, open: [], closeStates: [], complete: null, escalate: [], due: [] });

@Injectable()
export class InstancesRepository {
  /** ACCESS_SET_MAX; the tests lower it to cross the other path. */
  accessSetMax = ACCESS_SET_MAX;

  async findById(manager: EntityManager, id: string): Promise<InstanceRecord | undefined> {
    const rows = await queryPrepared(manager, 'phoihop_instance_by_id', `SELECT ${INSTANCE_COLUMNS} FROM workflow_instances WHERE id = $1`, [id]);
    return rows[0] ? toInstanceRecord(rows[0]) : undefined;
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
    const rows = await queryPrepared(manager, 'phoihop_lock_instance', `SELECT ${INSTANCE_COLUMNS} FROM workflow_instances WHERE id = $1 FOR UPDATE`, [id]);
    if (!rows[0]) return undefined;
    const stored = idempotency ? await this.findIdempotent(manager, idempotency.scope, idempotency.key) : undefined;
    return { instance: toInstanceRecord(rows[0]), stored };
  }

  /**
   * Writes the new state, its history row, outbox rows and idempotency record in one statement, only
   * if the instance is still at `expectedRevision`. One statement is atomic on its own, so outside a
   * transaction this is a complete, crash-safe transition in a single round trip; false means another
   * writer got there first and nothing was written.
   */
  async applyTransition(manager: EntityManager, w: TransitionWrite): Promise<boolean> {
    return (await this.writeTransition(manager, w, false)).written;
  }

  /**
   * applyTransition for a write made from a record this process kept, which another api process may
   * have moved on since: when nothing was written, the same statement also answers the instance as
   * it found it, to step again from (one round trip instead of a second read). That row is as of the
   * statement's start, so a writer that committed while the statement ran is not in it: a row still
   * at `expectedRevision` says nothing and the caller reads again.
   */
  async applyTransitionOrRead(manager: EntityManager, w: TransitionWrite): Promise<{ written: boolean; current?: InstanceRecord }> {
    return this.writeTransition(manager, w, true);
  }

  private async writeTransition(manager: EntityManager, w: TransitionWrite, readBack: boolean): Promise<{ written: boolean; current?: InstanceRecord }> {
    const dependent = dependentWrites(w);
    const search = w.searchText !== undefined;
    const check = w.taskCheck !== undefined;
    // The check's parameter follows the last one the statement names ($36 is the search text's).
    const checkParam = `$${search ? 37 : 36}`;
    const rows = await queryPrepared(
      manager,
      `phoihop_apply_${dependent.variant}${search ? 's' : ''}${check ? 'k' : ''}${readBack ? 'r' : ''}`,
      `WITH ${
        check
          ? `il AS (SELECT id FROM workflow_instances WHERE id = $1 AND revision = $2 FOR UPDATE),
       lk AS (SELECT t.id, t.assignee FROM tasks t WHERE t.instance_id = (SELECT id FROM il) AND t.status = 'open' FOR UPDATE),
       `
          : ''
      }src AS (
         UPDATE workflow_instances
            SET status = $3, state_value = $4::jsonb, state_paths = $5, context = $6::jsonb, snapshot = $7::jsonb,
                revision = $8, last_hash = $9, updated_at = $10, next_due_at = $11::timestamptz, deadlines = $31::jsonb,
                definition_id = coalesce($32::uuid, definition_id), definition_version = coalesce($33::int, definition_version),
                completed_at = CASE WHEN $3 = 'done' THEN $10 ELSE completed_at END,
                summary = $35::text
          WHERE id = $1 AND revision = $2${
            check
              ? `
            AND (SELECT coalesce(jsonb_agg(jsonb_build_object('id', lk.id, 'assignee', lk.assignee) ORDER BY lk.id), '[]'::jsonb) FROM lk) = ${checkParam}::jsonb`
              : ''
          }
          RETURNING id
       ),${
         search
           ? `
       -- The search row only when its text changed: most transitions leave it, and its index, alone.
       srch AS (
         UPDATE instance_search s SET search_text = $36::text FROM src WHERE s.instance_id = src.id AND s.search_text IS DISTINCT FROM $36::text
       ),`
           : ''
       } ${dependent.sql}
       ${readBack ? `, w AS (${WRITTEN}) SELECT w.written, ${columnsOf('i')} FROM w LEFT JOIN workflow_instances i ON w.written = 0 AND i.id = $1` : WRITTEN}`,
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
        json(w.deadlines),
        w.definition?.id ?? null,
        w.definition?.version ?? null,
        json(w.history.links ?? undefined),
        w.summary,
        // $36 only in the statement that writes the search row: a parameter no statement names cannot be typed.
        ...(search ? [w.searchText] : []),
        ...(check ? [JSON.stringify([...w.taskCheck!].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((t) => ({ id: t.id, assignee: t.assignee })))] : []),
      ],
    );
    const written = rows[0].written === 1;
    return { written, current: !written && rows[0].id ? toInstanceRecord(rows[0]) : undefined };
  }

  /**
   * Many instances' transitions in one statement (a batch of due deadlines): each written only if
   * its instance is still at its expected revision, as applyTransition writes it. Answers the ids
   * of the instances written. See instances-batch-write.ts.
   */
  applyTransitions(manager: EntityManager, writes: readonly TransitionWrite[]): Promise<Set<string>> {
    return applyTransitionBatch(manager, writes);
  }

  /** Inserts a started instance with its first history row; throws the driver's unique violation on a duplicate business key. */
  async insertStarted(manager: EntityManager, n: NewInstance): Promise<void> {
    const dependent = dependentWrites(n);
    await queryPrepared(
      manager,
      `phoihop_start_${dependent.variant}`,
      `WITH src AS (
         INSERT INTO workflow_instances (id, definition_id, definition_key, definition_version, business_key, status, state_value,
                                         state_paths, context, snapshot, revision, last_hash, started_by, created_at, updated_at, completed_at,
                                         next_due_at, deadlines, parent_id, parent_group, parent_key, summary)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $11::jsonb, 1, $23, $31, $10, $10,
                 CASE WHEN $6 = 'done' THEN $10::timestamptz END, $32::timestamptz, $33::jsonb, $35::uuid, $36::text, $37::text, $38::text)
         RETURNING id
       ),
       srch AS (
         INSERT INTO instance_search (instance_id, created_at, search_text) SELECT src.id, $10::timestamptz, $39::text FROM src
       ), ${dependent.sql}
       ${WRITTEN}`,
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
        n.nextDueAt,
        json(n.deadlines),
        json(n.history.links ?? undefined),
        n.parent?.id ?? null,
        n.parent?.group ?? null,
        n.parent?.key ?? null,
        n.summary,
        n.searchText,
      ],
    );
  }

  /** Finished children whose parent is still running and has not recorded their report, oldest first. */
  async findUnreportedChildren(manager: EntityManager, limit: number): Promise<string[]> {
    const rows = await manager.query(
      `SELECT c.id FROM workflow_instances c JOIN workflow_instances p ON p.id = c.parent_id
        WHERE c.parent_id IS NOT NULL AND c.status = 'done' AND p.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.scope = 'instance:' || p.id || ':events' AND k.key = 'child-done:' || c.id)
        ORDER BY c.completed_at, c.id LIMIT $1`,
      [limit],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  /** The children of an instance: by start time, then group and number within the group. */
  async listChildren(manager: EntityManager, parentId: string): Promise<InstanceRecord[]> {
    const rows = await queryPrepared(
      manager,
      'phoihop_children',
      `SELECT ${INSTANCE_COLUMNS} FROM workflow_instances WHERE parent_id = $1 ORDER BY created_at, parent_group, (split_part(parent_key, '#', 2))::int NULLS LAST, id`,
      [parentId],
    );
    return rows.map(toInstanceRecord);
  }

  /** Serialises, until the transaction ends, the requests that share one idempotency key in `scope`. */
  async lockIdempotencyKey(manager: EntityManager, scope: string, key: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${scope}:${key}`]);
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

  /**
   * Newest first, keyset-paginated on (created_at, id). With `words` (a search), see `searchSql`:
   * one statement that reads the newest cases first and turns to the search index only when the
   * words are rare.
   */
  async list(manager: EntityManager, f: InstanceFilter): Promise<Page<InstanceRecord>> {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    // Filters on the row's own columns (an index may serve them), with the page's cursor, for the row aliased `i`.
    const own: Array<(i: string) => string> = [];
    if (f.definitionKey) {
      const v = p(f.definitionKey);
      own.push((i) => `${i}.definition_key = ${v}`);
    }
    if (f.status) {
      const v = p(f.status);
      own.push((i) => `${i}.status = ${v}`);
    }
    if (f.state) {
      const v = p(f.state);
      own.push((i) => `${i}.state_paths @> ARRAY[${v}::text]`);
    }
    if (f.businessKey) {
      const v = p(f.businessKey);
      own.push((i) => `${i}.business_key = ${v}`);
    }
    if (f.parentId) {
      const v = p(f.parentId);
      own.push((i) => `${i}.parent_id = ${v}::uuid`);
    }
    if (f.definitionVersion !== undefined) {
      const v = p(f.definitionVersion);
      own.push((i) => `${i}.definition_version = ${v}`);
    }
    if (f.overdueAt) {
      const v = p(f.overdueAt);
      own.push((i) => `${i}.status = 'active' AND ${i}.next_due_at < ${v}`);
    }
    const cursor = f.cursor ? [`${p(f.cursor.createdAt)}::timestamptz`, `${p(f.cursor.id)}::uuid`] : undefined;
    const after = (i: string, id = 'id') => (cursor ? [`(${i}.created_at, ${i}.${id}) < (${cursor[0]}, ${cursor[1]})`] : []);
    let visible: ((i: string) => string) | undefined;
    let visibleEach: ((i: string) => string) | undefined;
    const ctes: string[] = [];
    if (f.visibleTo) {
      const [u, r, un] = [p(f.visibleTo.username), p(f.visibleTo.memberships.map((m) => m.role)), p(f.visibleTo.memberships.map((m) => m.unit))];
      const [keys, max] = [p(accessKeys(f.visibleTo.username, f.visibleTo.memberships)), p(this.accessSetMax)];
      const theirs = (t: string) => `(${t}.assignee = ${u} OR ${t}.completed_by = ${u} OR ${CANDIDATE_SQL(t, r, un)})`;
      // Checking each case read for a task of theirs and the events they may send (15 µs a case) made
      // a clerk who sees few cases slow wherever many cases are read: a walk through common words, the
      // list without words. There their tasks come from the access index instead, once (`granted`),
      // and a case is looked up among them (hashed) — unless they are so many that the cases read are
      // mostly visible anyway, then each is checked. The definitions they may send an event of, once.
      ctes.push(
        `senders AS MATERIALIZED (${SENDER_DEFINITIONS_SQL(r, un)})`,
        `granted AS MATERIALIZED (SELECT t.instance_id FROM tasks t WHERE ${TASK_ACCESS('t')} && ${keys}::text[] AND ${theirs('t')} LIMIT ${max}::int + 1)`,
      );
      const task = (i: string) => `EXISTS (SELECT 1 FROM tasks t WHERE t.instance_id = ${i}.id AND ${theirs('t')})`;
      visible = (i) => `(${i}.started_by = ${u}
        OR CASE WHEN (SELECT count(*) FROM granted) <= ${max}::int THEN ${i}.id IN (SELECT instance_id FROM granted) ELSE ${task(i)} END
        OR ${i}.definition_id IN (SELECT id FROM senders))`;
      // Where few cases are read until the page is full, looking up each one's tasks costs less (see searchSql).
      visibleEach = (i) => `(${i}.started_by = ${u} OR ${task(i)} OR ${i}.definition_id IN (SELECT id FROM senders))`;
    }
    const words = f.words ?? [];
    const limit = p(f.limit + 1);
    let sql: string;
    if (words.length) {
      const word = words.map((w) => p(w));
      const terms = searchTerms(words);
      sql = searchSql({
        ctes,
        own: (i) => own.map((o) => o(i)),
        after,
        visible,
        visibleEach,
        holds: (s) => word.map((w) => holds(`${s}.search_text`, w)).join(' AND '),
        terms: terms.length ? p(terms) : undefined,
        limit,
        window: p(SEARCH_WINDOW),
        // Without other filters every candidate is on the page: as many as the page holds are enough.
        candidates: own.length || visible ? p(Math.max(SEARCH_CANDIDATES, 3 * (f.limit + 1))) : limit,
      });
    } else {
      const where = [...own.map((o) => o('i')), ...after('i'), ...(visible ? [visible('i')] : [])];
      sql = `${ctes.length ? `WITH ${ctes.join(', ')}` : ''}
        SELECT ${INSTANCE_COLUMNS} FROM workflow_instances i ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ${limit}`;
    }
    const rows = await manager.query(sql, params);
    const items = rows.slice(0, f.limit).map(toInstanceRecord);
    const last = items[items.length - 1];
    const nextCursor = rows.length > f.limit && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null;
    return { items, nextCursor };
  }


}

/**
 * A search (every word in the case's search text) with the list's other filters and visibility,
 * newest first, in one statement. PostgreSQL estimates several conditions by multiplying their
 * frequencies, and a citizen's name is far rarer than its words (Nguyễn, Văn and An are common;
 * Nguyễn Văn An is a few cases) — or far more common, when a word hides in others ("an" in "văn").
 * Trusting the estimate, the planner either walks the newest-first index through most of the table
 * or fetches and sorts a large part of it. So the statement measures instead:
 *
 * 1. it reads the newest SEARCH_WINDOW search rows (after the cursor) and keeps the first
 *    `candidates` whose text holds the words (`cand`), then the first `limit` of those that pass
 *    the other filters and the caller may see (`recent`);
 * 2. `limit` found: that is the page (the window is read in order, so they are the newest of all);
 * 3. otherwise, when the words matched `candidates` rows of the window (common words, rare only
 *    with the other filters), the newest-first walk of the cases, as a list without words;
 * 4. otherwise (rare words), every case the search index holds all the words of, sorted (few by
 *    now: fewer than `candidates` in SEARCH_WINDOW), then read and checked in that order.
 *
 * The last two are gated by one-time filters on `cand` and `recent`: at most one of them runs (the
 * terms function is parallel-unsafe so that PostgreSQL starts no workers for the other). Without
 * other filters or visibility `candidates` is the page's size and step 3 cannot happen: left out.
 */
function searchSql(q: {
  /** Common table expressions the filters refer to. */
  ctes: string[];
  own: (alias: string) => string[];
  /** The page's cursor on the rows aliased `alias` (whose id column is `id`). */
  after: (alias: string, id?: string) => string[];
  visible?: (alias: string) => string;
  /** The same, checked case by case: for rows read until a page is full. */
  visibleEach?: (alias: string) => string;
  /** Every word occurs in the search text of the row aliased `alias`. */
  holds: (alias: string) => string;
  /** The index entries every match holds; none when every word is a single character. */
  terms?: string;
  limit: string;
  window: string;
  candidates: string;
}): string {
  const filters = (i: string) => [...q.own(i), ...(q.visible ? [q.visible(i)] : [])];
  const and = (parts: string[]) => parts.join(' AND ');
  const window = q.after('instance_search', 'instance_id');
  // The newest matches and the index's matches, in order until the page is full: cases checked one by
  // one (a few dozen, or as many as it takes to find the page's visible ones). The walk: every case
  // read is checked, so against the caller's tasks read once.
  const each = (i: string) => [...q.own(i), ...(q.visibleEach ? [q.visibleEach(i)] : [])];
  const recentWhere = each('i');
  // Without other filters every candidate is on the page, so with index entries this never runs: left out.
  const walk =
    q.terms && !filters('i').length
      ? ''
      : `UNION ALL
      (SELECT ${columnsOf('i')} FROM workflow_instances i JOIN instance_search s ON s.instance_id = i.id
        WHERE (SELECT found FROM seen) < ${q.limit} ${q.terms ? `AND (SELECT candidates FROM seen) = ${q.candidates}` : ''}
          AND ${and([...filters('i'), ...q.after('i'), q.holds('s')])}
        ORDER BY i.created_at DESC, i.id DESC LIMIT ${q.limit})`;
  // The rows of the search index, sorted by an expression, not the column: no index gives that order,
  // so they come from the search index (never from a walk that would compute the terms of every row).
  const gate = `(SELECT found FROM seen) < ${q.limit} AND (SELECT candidates FROM seen) < ${q.candidates}`;
  const indexed = `phoihop_search_terms(s.search_text) @> ${q.terms}::text[] AND ${q.holds('s')}`;
  const rare = !q.terms
    ? ''
    : filters('i').length
      ? // Every match, sorted (from the search rows alone); then, in that order, each case is read and
        // checked until the page is full: the other filters and visibility cost most, and stop early.
        `UNION ALL
      (SELECT ${columnsOf('i')} FROM (
         SELECT s.instance_id, s.created_at + interval '0 s' AS at FROM instance_search s
          WHERE ${and([gate, indexed, ...q.after('s', 'instance_id')])}
          ORDER BY at DESC, s.instance_id DESC
       ) r JOIN workflow_instances i ON i.id = r.instance_id
        WHERE ${and(each('i'))}
        ORDER BY r.at DESC, r.instance_id DESC LIMIT ${q.limit})`
      : // Nothing else to check: the page is chosen from the search rows alone, then its cases are read.
        `UNION ALL
      SELECT ${columnsOf('i')} FROM (
        SELECT s.instance_id FROM instance_search s WHERE ${and([gate, indexed, ...q.after('s', 'instance_id')])}
         ORDER BY s.created_at + interval '0 s' DESC, s.instance_id DESC LIMIT ${q.limit}
      ) r JOIN workflow_instances i ON i.id = r.instance_id`;
  return `WITH ${q.ctes.map((c) => `${c},`).join(' ')} cand AS MATERIALIZED (
      SELECT instance_id, created_at FROM (
        SELECT instance_id, created_at, search_text FROM instance_search ${window.length ? `WHERE ${and(window)}` : ''}
         ORDER BY created_at DESC, instance_id DESC LIMIT ${q.window}
      ) w WHERE ${q.holds('w')} ORDER BY created_at DESC, instance_id DESC LIMIT ${q.candidates}
    ), recent AS MATERIALIZED (
      SELECT ${columnsOf('i')} FROM cand JOIN workflow_instances i ON i.id = cand.instance_id
       ${recentWhere.length ? `WHERE ${and(recentWhere)}` : ''} ORDER BY i.created_at DESC, i.id DESC LIMIT ${q.limit}
    ), seen AS MATERIALIZED (
      SELECT (SELECT count(*) FROM recent) AS found, (SELECT count(*) FROM cand) AS candidates
    )
    SELECT ${INSTANCE_COLUMNS} FROM (
      SELECT ${INSTANCE_COLUMNS} FROM recent WHERE (SELECT found FROM seen) = ${q.limit}
      ${walk}
      ${rare}
    ) page ORDER BY created_at DESC, id DESC`;
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
