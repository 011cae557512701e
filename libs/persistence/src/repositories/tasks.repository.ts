import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryPrepared, queryRows } from '../prepared.js';
import type { Membership } from './identity.repository.js';
import { ACCESS_SET_MAX, accessKeys, holds, INBOX_RARE, INBOX_WALK, SEARCH_CANDIDATES, SEARCH_WINDOW, searchTerms, TASK_ACCESS, wordsHeld } from './search.js';

export interface TaskRecord {
  id: string;
  instanceId: string;
  definitionKey: string;
  state: string;
  title: { vi: string; en: string };
  candidateRoles: string[];
  candidateUnits: string[];
  outcomes: string[];
  assignee: string | null;
  status: 'open' | 'completed' | 'cancelled';
  priority: number;
  dueAt: Date | null;
  createdSeq: number;
  closedSeq: number | null;
  createdAt: Date;
  claimedAt: Date | null;
  closedAt: Date | null;
  completedBy: string | null;
  outcome: string | null;
}

/** A task with its case at a glance: the instance's business key and summary, read by the same query. */
export interface TaskWithCase extends TaskRecord {
  businessKey: string | null;
  summary: string | null;
}

export interface TaskEventRecord {
  type: string;
  actor: string;
  at: Date;
  data: Record<string, unknown> | null;
}

const COLUMNS = `id, instance_id, definition_key, state, title, candidate_roles, candidate_units, outcomes, assignee, status, priority, due_at,
  created_seq, closed_seq, created_at, claimed_at, closed_at, completed_by, outcome`;

/** The same columns of `tasks t`, with its instance's business key and summary (`workflow_instances i`). */
const COLUMNS_WITH_CASE = `${COLUMNS.split(',').map((c) => `t.${c.trim()}`).join(', ')}, i.business_key, i.summary`;
const WITH_CASE = `tasks t JOIN workflow_instances i ON i.id = t.instance_id`;

function withCase(r: Record<string, any>): TaskWithCase {
  return { ...toRecord(r), businessKey: r.business_key ?? null, summary: r.summary ?? null };
}

function toRecord(r: Record<string, any>): TaskRecord {
  return {
    id: r.id,
    instanceId: r.instance_id,
    definitionKey: r.definition_key,
    state: r.state,
    title: r.title,
    candidateRoles: r.candidate_roles,
    candidateUnits: r.candidate_units,
    outcomes: r.outcomes,
    assignee: r.assignee,
    status: r.status,
    priority: r.priority,
    dueAt: r.due_at,
    createdSeq: r.created_seq,
    closedSeq: r.closed_seq,
    createdAt: r.created_at,
    claimedAt: r.claimed_at,
    closedAt: r.closed_at,
    completedBy: r.completed_by,
    outcome: r.outcome,
  };
}

/**
 * SQL for "one of my memberships is a candidate of task t": a role the task names, in a unit it
 * names (or any unit when it names none). `$R` and `$U` are the parallel arrays of my memberships.
 */
export const CANDIDATE_SQL = (t: string, roles: string, units: string) =>
  `(${t}.candidate_roles && ${roles}::text[] AND EXISTS (SELECT 1 FROM unnest(${roles}::text[], ${units}::text[]) AS m(role, unit)
     WHERE m.role = ANY(${t}.candidate_roles) AND (cardinality(${t}.candidate_units) = 0 OR m.unit = ANY(${t}.candidate_units))))`;

/**
 * SQL for "one of my memberships may send some event of the definition aliased `d`" (`sentBy.roles`,
 * in `sentBy.units` when given): whoever a definition names as a sender must see the cases they
 * may act on. `$R` and `$U` are the parallel arrays of my memberships.
 */
const SENDS_SOME_EVENT = (d: string, roles: string, units: string) =>
  `EXISTS (SELECT 1 FROM jsonb_each(CASE WHEN jsonb_typeof(${d}.source->'events') = 'object' THEN ${d}.source->'events' END) AS e(k, v)
     CROSS JOIN LATERAL unnest(${roles}::text[], ${units}::text[]) AS m(role, unit)
     WHERE v->'sentBy'->'roles' ? m.role AND (NOT (v->'sentBy' ? 'units') OR v->'sentBy'->'units' ? m.unit))`;

/** SQL: I may send some event of instance i's definition (one case checked). */
export const SENDER_SQL = (i: string, roles: string, units: string) =>
  `EXISTS (SELECT 1 FROM workflow_definitions d WHERE d.id = ${i}.definition_id AND ${SENDS_SOME_EVENT('d', roles, units)})`;

/**
 * SQL: the user `user` (memberships in the parallel arrays `roles`, `units`) may see the case `x`:
 * they started it, one of its tasks is or was theirs or could be, or its definition names them a
 * sender of some event. The one rule of who sees a case, by id (lists check it in bulk, see
 * InstancesRepository.list).
 */
export const VISIBLE_TO_SQL = (x: string, user: string, roles: string, units: string) =>
  `(${x}.started_by = ${user} OR EXISTS (
     SELECT 1 FROM tasks t WHERE t.instance_id = ${x}.id AND (t.assignee = ${user} OR t.completed_by = ${user} OR ${CANDIDATE_SQL('t', roles, units)}))
     OR ${SENDER_SQL(x, roles, units)})`;

/** An instance's open tasks, by id: read as they are (openOf) or locked (lockOpen). */
const OPEN_OF_SQL = `SELECT ${COLUMNS} FROM tasks WHERE instance_id = $1 AND status = 'open' ORDER BY id`;

const CAN_SEE_SQL = `SELECT 1 FROM workflow_instances i WHERE i.id = $1 AND ${VISIBLE_TO_SQL('i', '$2', '$3', '$4')}`;

/** SQL: the ids of every definition I may send some event of: a list checks its cases' definition against this set. */
export const SENDER_DEFINITIONS_SQL = (roles: string, units: string) => `SELECT d.id FROM workflow_definitions d WHERE ${SENDS_SOME_EVENT('d', roles, units)}`;

export interface InboxFilter {
  username: string;
  memberships: Membership[];
  /** mine: assigned to me; claimable: open, unassigned, I am a candidate; all: either. */
  bucket: 'mine' | 'claimable' | 'all';
  unit?: string;
  definitionKey?: string;
  priority?: number;
  overdueAt?: Date;
  dueBefore?: Date;
  /** Only tasks whose case's search text holds every one of these (already folded) words. */
  words?: string[];
  limit: number;
  cursor?: { dueAt: string | null; id: string };
}

const split = (ms: Membership[]) => [ms.map((m) => m.role), ms.map((m) => m.unit)];

/**
 * SQL: task `t` is open and one of `keys` (accessKeys) is among its access keys. The open-task access
 * index answers it with the user's own tasks; the rules themselves are still applied after it. By
 * the candidate roles alone (an index the approvers migration had) an approver with two memberships
 * read every open task of either role in any unit: 44,412 of 200,000 at bench:scale, for 4,663 theirs.
 */
export const OPEN_FOR = (t: string, keys: string) => `${t}.status = 'open' AND ${TASK_ACCESS(t)} && ${keys}::text[]`;

@Injectable()
export class TasksRepository {
  /** ACCESS_SET_MAX; the tests lower it to cross the other path. */
  accessSetMax = ACCESS_SET_MAX;
  /** INBOX_WALK; the tests lower it to cross the other path. */
  inboxWalk = INBOX_WALK;

  async findById(manager: EntityManager, id: string): Promise<TaskRecord | undefined> {
    const rows = await queryPrepared(manager, 'phoihop_task_by_id', `SELECT ${COLUMNS} FROM tasks WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** A task with its case's business key and summary, in one round trip. */
  async findWithCase(manager: EntityManager, id: string): Promise<TaskWithCase | undefined> {
    const rows = await queryPrepared(manager, 'phoihop_task_with_case', `SELECT ${COLUMNS_WITH_CASE} FROM ${WITH_CASE} WHERE t.id = $1`, [id]);
    return rows[0] ? withCase(rows[0]) : undefined;
  }

  async listByInstance(manager: EntityManager, instanceId: string): Promise<TaskRecord[]> {
    return (await manager.query(`SELECT ${COLUMNS} FROM tasks WHERE instance_id = $1 ORDER BY created_at, id`, [instanceId])).map(toRecord);
  }

  /**
   * The open tasks of an instance, locked until the transaction ends: an event answering one of
   * them is decided and written while no claim, delegation or other answer can change them.
   */
  /**
   * An instance's open tasks as they are, without locks: an answer decided from them is written only
   * if they are still so when the write locks them (TransitionWrite.taskCheck).
   */
  async openOf(manager: EntityManager, instanceId: string): Promise<TaskRecord[]> {
    const rows = await queryPrepared(manager, 'phoihop_tasks_open_of', OPEN_OF_SQL, [instanceId]);
    return rows.map(toRecord);
  }

  async lockOpen(manager: EntityManager, instanceId: string): Promise<TaskRecord[]> {
    const rows = await queryPrepared(manager, 'phoihop_tasks_lock_open', `${OPEN_OF_SQL} FOR UPDATE`, [instanceId]);
    return rows.map(toRecord);
  }

  /** The open tasks of the inbox with their case at a glance, due first (no due date last), keyset-paginated on (due_at, id). */
  async inbox(manager: EntityManager, f: InboxFilter): Promise<TaskWithCase[]> {
    const [roles, units] = split(f.memberships);
    const params: unknown[] = [f.username, roles, units];
    // Every bucket is a subset of "mine or unassigned".
    const where = [`t.status = 'open'`, `(t.assignee = $1 OR t.assignee IS NULL)`];
    const mine = `t.assignee = $1`;
    const claimable = `(t.assignee IS NULL AND ${CANDIDATE_SQL('t', '$2', '$3')})`;
    where.push(f.bucket === 'mine' ? mine : f.bucket === 'claimable' ? claimable : `(${mine} OR ${claimable})`);
    if (f.bucket === 'mine') where.push(`$2::text[] IS NOT NULL AND $3::text[] IS NOT NULL`); // typed even when unused
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (f.unit) add(`(cardinality(t.candidate_units) = 0 OR ? = ANY(t.candidate_units))`, f.unit);
    if (f.definitionKey) add(`t.definition_key = ?`, f.definitionKey);
    if (f.priority !== undefined) add(`t.priority = ?`, f.priority);
    if (f.overdueAt) add(`t.due_at < ?`, f.overdueAt);
    if (f.dueBefore) add(`t.due_at < ?`, f.dueBefore);
    const words = (f.words ?? []).map((w) => {
      params.push(w);
      return holds('s.search_text', `$${params.length}`);
    });
    const after: string[] = [];
    if (f.cursor) {
      // Nulls sort last: after a dated row come later dates, then every undated row.
      if (f.cursor.dueAt === null) add(`(t.due_at IS NULL AND t.id > ?::uuid)`, f.cursor.id);
      else {
        params.push(f.cursor.dueAt, f.cursor.id);
        where.push(`(t.due_at > $${params.length - 1}::timestamptz OR (t.due_at = $${params.length - 1}::timestamptz AND t.id > $${params.length}::uuid) OR t.due_at IS NULL)`);
      }
      after.push(where[where.length - 1]);
    }
    params.push(f.limit);
    const limit = `$${params.length}`;
    const order = `ORDER BY t.due_at ASC NULLS LAST, t.id LIMIT ${limit}`;
    if (!words.length && f.bucket === 'mine') {
      // Their own tasks: the assignee index gives them due first.
      return (await manager.query(`SELECT ${COLUMNS_WITH_CASE} FROM ${WITH_CASE} WHERE ${where.join(' AND ')} ${order}`, params)).map(withCase);
    }
    // The page's tasks are chosen first; their cases' business key and summary are read for those alone.
    const page = (chosen: string) => `SELECT ${COLUMNS_WITH_CASE} FROM (${chosen}) t JOIN workflow_instances i ON i.id = t.instance_id`;
    if (!words.length) {
      // Every open task due first finds an approver's page after a few hundred rows, but reads every
      // open task of the ward for a person who is a candidate of few (128 ms at 200,000 open tasks);
      // their own tasks from the access index cost the reverse (34 ms for an approver with 4,632).
      // PostgreSQL cannot tell the two apart (it multiplies the conditions' frequencies), so the
      // statement walks at most INBOX_WALK open tasks due first and, when they do not fill the page,
      // takes the caller's tasks from the access index (fewer than a page in INBOX_WALK: a few
      // thousand at most) and sorts them.
      params.push(this.inboxWalk, accessKeys(f.username, f.memberships));
      const [walkMax, keys] = [`$${params.length - 1}`, `$${params.length}`];
      const filled = `(SELECT count(*) FROM walked) = ${limit}`;
      const sql = `WITH walked AS MATERIALIZED (
          SELECT t.* FROM (SELECT * FROM tasks t WHERE ${[`t.status = 'open'`, ...after].join(' AND ')}
                            ORDER BY t.due_at ASC NULLS LAST, t.id LIMIT ${walkMax}) t
           WHERE ${where.join(' AND ')} ${order})
        ${page(`SELECT * FROM walked WHERE ${filled}
          UNION ALL
          -- An expression, not the column: the rows come from the access index, then are sorted.
          (SELECT t.* FROM tasks t WHERE NOT ${filled} AND ${OPEN_FOR('t', keys)} AND ${where.join(' AND ')}
            ORDER BY t.due_at + interval '0 s' ASC NULLS LAST, t.id LIMIT ${limit})`)}
        ${order}`;
      return (await manager.query(sql, params)).map(withCase);
    }
    // A search. Rare words (a citizen's name most often): the cases the search index holds them in,
    // then their open tasks, sorted. Otherwise the caller's open tasks from the access index (few: an
    // approver is a candidate of a small part of the ward's tasks), each task's case checked, sorted —
    // walking every open task due first to find the caller's read tens of thousands of others. An
    // inbox too large for that (more than ACCESS_SET_MAX) is walked due first, each task's case
    // checked: the caller's matches come soon. How rare the words are is measured as for the case
    // list (the newest search rows), in the same statement.
    const terms = searchTerms(f.words!);
    const walk = `SELECT t.* FROM tasks t JOIN instance_search s ON s.instance_id = t.instance_id WHERE ${[...where, ...words].join(' AND ')}`;
    if (!terms.length) return (await manager.query(`${page(`${walk} ${order}`)} ${order}`, params)).map(withCase);
    params.push(terms, SEARCH_WINDOW, SEARCH_CANDIDATES, INBOX_RARE, accessKeys(f.username, f.memberships), this.accessSetMax);
    const [tm, w, m, few, keys, max] = [5, 4, 3, 2, 1, 0].map((n) => `$${params.length - n}`);
    const rare = `(SELECT held FROM held) < ${few}::int`;
    const inboxBig = `(SELECT count(*) FROM mine) > ${max}::int`;
    const rows = await manager.query(
      `WITH held AS MATERIALIZED (${wordsHeld(words.map((x) => x.replace('s.search_text', 'w.search_text')).join(' AND '), w, m)}),
       mine AS MATERIALIZED (
         SELECT t.* FROM tasks t WHERE NOT ${rare} AND ${OPEN_FOR('t', keys)} LIMIT ${max}::int + 1)
       ${page(`
         -- Sorted first (OFFSET 0 keeps it so), then each case checked in that order until the page is full.
         (SELECT t.* FROM (SELECT * FROM mine t WHERE NOT ${inboxBig} AND ${where.join(' AND ')} ORDER BY t.due_at ASC NULLS LAST, t.id OFFSET 0) t
           WHERE EXISTS (SELECT 1 FROM instance_search s WHERE s.instance_id = t.instance_id AND ${words.join(' AND ')}) ${order})
         UNION ALL
         (${walk} AND NOT ${rare} AND ${inboxBig} ${order})
         UNION ALL
         (SELECT t.* FROM instance_search s JOIN tasks t ON t.instance_id = s.instance_id
           WHERE ${rare} AND phoihop_search_terms(s.search_text) @> ${tm}::text[] AND ${[...where, ...words].join(' AND ')}
           -- An expression, not the column: the rows come from the search index, then are sorted.
           ORDER BY t.due_at + interval '0 s' ASC NULLS LAST, t.id LIMIT ${limit})`)}
       ${order}`,
      params,
    );
    return rows.map(withCase);
  }

  /** How many open tasks are in each bucket of my inbox. */
  async counts(manager: EntityManager, username: string, memberships: Membership[], now: Date, soon: Date) {
    const [roles, units] = split(memberships);
    const [row] = await manager.query(
      `SELECT count(*) FILTER (WHERE t.assignee = $1)::int AS mine,
              count(*) FILTER (WHERE t.assignee IS NULL)::int AS claimable,
              count(*) FILTER (WHERE t.due_at < $4)::int AS overdue,
              count(*) FILTER (WHERE t.due_at >= $4 AND t.due_at < $5)::int AS due_soon
         FROM tasks t
        WHERE ${OPEN_FOR('t', '$6')} AND (t.assignee = $1 OR (t.assignee IS NULL AND ${CANDIDATE_SQL('t', '$2', '$3')}))`,
      [username, roles, units, now, soon, accessKeys(username, memberships)],
    );
    return { mine: row.mine, claimable: row.claimable, overdue: row.overdue, dueSoon: row.due_soon };
  }

  /** Takes an open, unassigned task; false when someone else got it first. */
  async claim(manager: EntityManager, id: string, username: string, at: Date): Promise<boolean> {
    const rows = await queryRows(manager, `UPDATE tasks SET assignee = $2, claimed_at = $3 WHERE id = $1 AND status = 'open' AND assignee IS NULL RETURNING id`, [
      id,
      username,
      at,
    ]);
    return rows.length === 1;
  }

  /** Moves an open task from `from` (or anyone, when null) to `to` (null: back to the pool). */
  async reassign(manager: EntityManager, id: string, from: string | null, to: string | null, at: Date): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE tasks SET assignee = $3, claimed_at = CASE WHEN $3::text IS NULL THEN NULL ELSE $4::timestamptz END
        WHERE id = $1 AND status = 'open' AND ($2::text IS NULL OR assignee = $2) RETURNING id`,
      [id, from, to, at],
    );
    return rows.length === 1;
  }

  /** Records a task event; returns its id. */
  async addEvent(manager: EntityManager, taskId: string, type: string, actor: string, at: Date, data?: Record<string, unknown>): Promise<string> {
    const rows = await queryRows(manager, `INSERT INTO task_events (task_id, type, actor, at, data) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`, [
      taskId,
      type,
      actor,
      at,
      data === undefined ? null : JSON.stringify(data),
    ]);
    return String(rows[0].id);
  }

  /**
   * The task a state had at a point of the instance's history: the one opened by transition `seq`
   * when given, otherwise the newest one of that state.
   */
  async findByState(manager: EntityManager, instanceId: string, state: string, seq?: number): Promise<TaskRecord | undefined> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM tasks WHERE instance_id = $1 AND state = $2 ${seq === undefined ? '' : 'AND created_seq = $3'} ORDER BY created_seq DESC LIMIT 1`,
      seq === undefined ? [instanceId, state] : [instanceId, state, seq],
    );
    return rows.length ? toRecord(rows[0]) : undefined;
  }

  /** Every task of these (instance, state) pairs, newest first within each: one round trip for a batch of notifications. */
  async findByStates(manager: EntityManager, pairs: ReadonlyArray<{ instanceId: string; state: string }>): Promise<TaskRecord[]> {
    if (!pairs.length) return [];
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM tasks WHERE (instance_id, state) IN (SELECT * FROM unnest($1::uuid[], $2::text[])) ORDER BY instance_id, state, created_seq DESC`,
      [pairs.map((p) => p.instanceId), pairs.map((p) => p.state)],
    );
    return rows.map(toRecord);
  }

  async events(manager: EntityManager, taskId: string): Promise<TaskEventRecord[]> {
    const rows = await manager.query(`SELECT type, actor, at, data FROM task_events WHERE task_id = $1 ORDER BY id`, [taskId]);
    return rows.map((r: Record<string, any>) => ({ type: r.type, actor: r.actor, at: r.at, data: r.data }));
  }

  /** Whether a user may see an instance: they started it, one of its tasks is theirs or could be, or its definition names them a sender. */
  async canSeeInstance(manager: EntityManager, instanceId: string, username: string, memberships: Membership[]): Promise<boolean> {
    const [roles, units] = split(memberships);
    // Prepared: a clerk's every event asks it, and planning it cost more than running it.
    const rows = await queryPrepared(manager, 'phoihop_can_see_instance', CAN_SEE_SQL, [instanceId, username, roles, units]);
    return rows.length === 1;
  }
}
