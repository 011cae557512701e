import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared.js';
import type { TransitionWrite } from './instances.repository.js';

/**
 * Many instances' transitions in ONE statement: the multi-row form of InstancesRepository's
 * applyTransition, for a batch of due deadlines. A batch of 150 transitions written one statement
 * each spent most of its time in 150 round trips and 150 executions of a ten-part statement; here
 * every row of every table is written by one execution per part.
 *
 * The writes travel as one JSON array; each is applied only if its instance is still at its
 * expected revision (`src` holds those written), and everything else it writes hangs off `src`, so a
 * write whose instance moved writes nothing at all. Each part is the same as applyTransition's,
 * with that statement's parameters read from the write's own JSON (`src.x`). An instance may appear
 * once: two writes of one instance would both be built from the revision the first replaces.
 * Hashes, sequence numbers and every value are computed by the caller exactly as for one write
 * (the history chain is per instance), so a row written here is the row applyTransition writes.
 * Idempotency records are not written here (a deadline has none): a write carrying one is refused.
 */

type Write = Omit<TransitionWrite, 'idempotency' | 'taskCheck'>;

const PARTS: Array<{ name: string; needed: (w: Write) => boolean; sql: string }> = [
  { name: 'srch', needed: (w) => w.searchText !== undefined, sql: `
  -- The search row only when its text changed: most transitions leave it, and its index, alone.
  srch AS (
    UPDATE instance_search s SET search_text = src.x->>'searchText'
      FROM src WHERE s.instance_id = src.id AND src.x ? 'searchText' AND s.search_text IS DISTINCT FROM src.x->>'searchText'
  )` },
  { name: 'hist', needed: () => true, sql: `
  hist AS (
    INSERT INTO workflow_history (instance_id, seq, event_type, payload, actor_id, actor, from_state, to_state, at,
                                  request_id, idempotency_key, comment, prev_hash, hash, links)
    SELECT src.id, src.seq, h->>'eventType', h->'payload', h->>'actorId', h->'actor', h->'fromState', h->'toState', src.at,
           h->>'requestId', h->>'idempotencyKey', h->>'comment', h->>'prevHash', h->>'hash', nullif(h->'links', 'null'::jsonb)
      FROM src, LATERAL (SELECT src.x->'history' AS h) AS written
  )` },
  { name: 'obx', needed: (w) => w.outbox.length > 0, sql: `
  obx AS (
    INSERT INTO outbox (topic, instance_id, payload)
    SELECT m->>'topic', src.id, m->'payload' FROM src, jsonb_array_elements(src.x->'outbox') AS m
  )` },
  { name: 't_cancel', needed: (w) => w.timers.cancelStates.length > 0 || w.timers.cancelReminderKeys.length > 0, sql: `
  t_cancel AS (
    UPDATE timers SET status = 'cancelled', cancelled_at = src.at
      FROM src
     WHERE timers.instance_id = src.id AND timers.status = 'pending'
       AND timers.id IS DISTINCT FROM (src.x->'timers'->>'fire')::uuid
       AND timers.id NOT IN (SELECT (e->>'id')::uuid FROM jsonb_array_elements(src.x->'timers'->'extend') e)
       AND (timers.state IN (SELECT jsonb_array_elements_text(src.x->'timers'->'cancelStates'))
            OR (timers.kind = 'reminder' AND timers.deadline_key IN (SELECT jsonb_array_elements_text(src.x->'timers'->'cancelReminderKeys'))))
  )` },
  { name: 't_extend', needed: (w) => w.timers.extend.length > 0, sql: `
  t_extend AS (
    UPDATE timers SET fire_at = e."fireAt", generation = e.generation, job_id = e."jobId"
      FROM src, jsonb_to_recordset(src.x->'timers'->'extend') AS e(id uuid, "fireAt" timestamptz, generation int, "jobId" text)
     WHERE timers.id = e.id AND timers.status = 'pending'
  )` },
  { name: 't_fire', needed: (w) => w.timers.fire !== null, sql: `
  t_fire AS (
    UPDATE timers SET status = 'fired', fired_at = src.at, fired_seq = src.seq
      FROM src WHERE timers.id = (src.x->'timers'->>'fire')::uuid AND timers.status = 'pending'
  )` },
  { name: 'k_close', needed: (w) => w.tasks.closeStates.length > 0, sql: `
  k_close AS (
    UPDATE tasks
       SET status = CASE WHEN tasks.id = (src.x->'tasks'->>'complete')::uuid THEN 'completed' ELSE 'cancelled' END,
           assignee = CASE WHEN tasks.id = (src.x->'tasks'->>'complete')::uuid THEN coalesce(tasks.assignee, src.x->'history'->>'actorId') ELSE tasks.assignee END,
           claimed_at = CASE WHEN tasks.id = (src.x->'tasks'->>'complete')::uuid THEN coalesce(tasks.claimed_at, src.at) ELSE tasks.claimed_at END,
           completed_by = CASE WHEN tasks.id = (src.x->'tasks'->>'complete')::uuid THEN src.x->'history'->>'actorId' END,
           outcome = CASE WHEN tasks.id = (src.x->'tasks'->>'complete')::uuid THEN src.x->'history'->>'eventType' END,
           closed_at = src.at, closed_seq = src.seq
      FROM src
     WHERE tasks.instance_id = src.id AND tasks.status = 'open'
       AND tasks.state IN (SELECT jsonb_array_elements_text(src.x->'tasks'->'closeStates'))
  )` },
  { name: 'k_escalate', needed: (w) => w.tasks.escalate.length > 0, sql: `
  k_escalate AS (
    UPDATE tasks
       SET priority = GREATEST(tasks.priority, coalesce((e->>'priority')::smallint, tasks.priority)),
           candidate_roles = ARRAY(SELECT DISTINCT r FROM unnest(tasks.candidate_roles || ARRAY(SELECT jsonb_array_elements_text(e->'addRoles'))) r ORDER BY r)
      FROM src, jsonb_array_elements(src.x->'tasks'->'escalate') e
     WHERE tasks.instance_id = src.id AND tasks.status = 'open' AND tasks.state = e->>'state'
       AND tasks.state NOT IN (SELECT jsonb_array_elements_text(src.x->'tasks'->'closeStates'))
  )` },
  { name: 'k_due', needed: (w) => (w.tasks.due?.length ?? 0) > 0, sql: `
  k_due AS (
    UPDATE tasks SET due_at = d."dueAt"
      FROM src, jsonb_to_recordset(coalesce(src.x->'tasks'->'due', '[]'::jsonb)) AS d(state text, "dueAt" timestamptz)
     WHERE tasks.instance_id = src.id AND tasks.status = 'open' AND (tasks.state = d.state OR tasks.state LIKE d.state || '.%')
       AND tasks.state NOT IN (SELECT jsonb_array_elements_text(src.x->'tasks'->'closeStates'))
       AND tasks.state NOT IN (SELECT e->>'state' FROM jsonb_array_elements(src.x->'tasks'->'escalate') e)
  )` },
  { name: 'k_open', needed: (w) => w.tasks.open.length > 0, sql: `
  k_open AS (
    INSERT INTO tasks (id, instance_id, definition_key, state, title, candidate_roles, candidate_units, outcomes, status, priority, due_at, created_seq, created_at, assignee, claimed_at)
    SELECT o.id, src.id, src.x->'tasks'->>'definitionKey', o.state, o.title,
           ARRAY(SELECT jsonb_array_elements_text(o.roles)), ARRAY(SELECT jsonb_array_elements_text(o.units)), ARRAY(SELECT jsonb_array_elements_text(o.outcomes)),
           'open', o.priority, o."dueAt", src.seq, src.at, o.assignee, CASE WHEN o.assignee IS NOT NULL THEN src.at END
      FROM src, jsonb_to_recordset(src.x->'tasks'->'open')
           AS o(id uuid, state text, title jsonb, roles jsonb, units jsonb, outcomes jsonb, priority smallint, "dueAt" timestamptz, assignee text)
  )` },
  { name: 't_arm', needed: (w) => w.timers.arm.length > 0, sql: `
  t_arm AS (
    INSERT INTO timers (id, instance_id, state, deadline_key, kind, fire_at, status, generation, job_id, spec, armed_seq, created_at)
    SELECT a.id, src.id, a.state, a."deadlineKey", a.kind, a."fireAt", 'pending', a.generation, a."jobId", a.spec, src.seq, src.at
      FROM src, jsonb_to_recordset(src.x->'timers'->'arm')
           AS a(id uuid, state text, "deadlineKey" text, kind text, "fireAt" timestamptz, generation int, "jobId" text, spec jsonb)
  )` },
];

/**
 * Writes `writes` in one statement and answers the ids of the instances written (those still at
 * their expected revision). Inside a transaction, all of it commits or rolls back with it.
 */
export async function applyTransitionBatch(manager: EntityManager, writes: readonly TransitionWrite[]): Promise<Set<string>> {
  if (!writes.length) return new Set();
  const ids = new Set(writes.map((w) => w.instanceId));
  if (ids.size !== writes.length) throw new Error('applyTransitionBatch: an instance appears twice in one batch');
  if (writes.some((w) => w.idempotency)) throw new Error('applyTransitionBatch: writes with an idempotency record go one at a time (applyTransition)');
  if (writes.some((w) => w.taskCheck)) throw new Error('applyTransitionBatch: writes checked against open tasks go one at a time (applyTransition)');
  const parts = PARTS.filter((part) => writes.some((w) => part.needed(w)));
  // One prepared statement per combination of parts, named by a bit per part (PostgreSQL truncates names past 63 bytes).
  const mask = PARTS.reduce((m, part, i) => (parts.includes(part) ? m | (1 << i) : m), 0);
  const rows = await queryPrepared(
    manager,
    `phoihop_apply_many_${mask.toString(36)}`,
    `WITH w AS MATERIALIZED (
       SELECT (x->>'instanceId')::uuid AS id, x FROM jsonb_array_elements($1::jsonb) AS x
     ),
     src AS (
       UPDATE workflow_instances i
          SET status = w.x->>'status', state_value = w.x->'stateValue', state_paths = ARRAY(SELECT jsonb_array_elements_text(w.x->'statePaths')),
              context = w.x->'context', snapshot = w.x->'snapshot', revision = (w.x->'history'->>'seq')::int, last_hash = w.x->'history'->>'hash',
              updated_at = (w.x->>'at')::timestamptz, next_due_at = (w.x->>'nextDueAt')::timestamptz, deadlines = w.x->'deadlines',
              definition_id = coalesce((w.x->'definition'->>'id')::uuid, i.definition_id),
              definition_version = coalesce((w.x->'definition'->>'version')::int, i.definition_version),
              completed_at = CASE WHEN w.x->>'status' = 'done' THEN (w.x->>'at')::timestamptz ELSE i.completed_at END,
              summary = w.x->>'summary'
         FROM w
        WHERE i.id = w.id AND i.revision = (w.x->>'expectedRevision')::int
        RETURNING i.id, w.x, (w.x->>'at')::timestamptz AS at, (w.x->'history'->>'seq')::int AS seq
     ),
     ${parts.map((p) => p.sql).join(',\n')}
     SELECT id FROM src`,
    // Dates become ISO strings, as a single write's jsonb parameters do; undefined fields are left out (SQL NULL).
    [JSON.stringify(writes)],
  );
  return new Set(rows.map((r: { id: string }) => r.id));
}
