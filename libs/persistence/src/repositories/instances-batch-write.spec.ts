import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { createDataSource } from '../data-source.js';
import { GENESIS_HASH } from '../history-chain.js';
import { DefinitionsRepository } from './definitions.repository.js';
import { InstancesRepository, NO_TASK_WRITES, NO_TIMER_WRITES, type NewInstance, type TransitionWrite } from './instances.repository.js';

const actor = { id: 'can-bo-1', roles: ['chuyen-vien'], units: ['ubnd'] };

/** The ids one case's rows have: two cases built alike differ only in these. */
interface Ids {
  instance: string;
  fire: string;
  cancel: string;
  reminder: string;
  extend: string;
  other: string;
  arm: string;
  complete: string;
  escalate: string;
  due: string;
  open: string;
  untouched: string;
}

const newIds = (): Ids => ({
  instance: randomUUID(),
  fire: randomUUID(),
  cancel: randomUUID(),
  reminder: randomUUID(),
  extend: randomUUID(),
  other: randomUUID(),
  arm: randomUUID(),
  complete: randomUUID(),
  escalate: randomUUID(),
  due: randomUUID(),
  open: randomUUID(),
  untouched: randomUUID(),
});

const at1 = new Date('2026-03-02T02:00:00.123Z');
const at2 = new Date('2026-03-02T03:00:00.456Z');
const task = (id: string, state: string) => ({ id, state, title: { vi: 'Xử lý', en: 'Handle' }, roles: ['xu-ly'], units: ['ubnd'], outcomes: ['DUYET'], priority: 1, dueAt: '2026-03-05T10:00:00.000Z' });
const timer = (id: string, state: string, deadlineKey: string, kind: 'deadline' | 'reminder' = 'deadline') => ({
  id,
  state,
  deadlineKey,
  kind,
  fireAt: '2026-03-02T02:30:00.000Z',
  generation: 1,
  jobId: `timer-${id}-1`,
  spec: { key: deadlineKey },
});

/**
 * A transition touching every kind of row, the way a deadline's (or any) transition may: one that
 * moves on (`variant` 'moves': search row, links, a new task and timer, a task completed, one
 * escalated, one re-dated, timers cancelled, extended and fired) or one that ends the case with
 * nothing else ('ends').
 */
function transition(ids: Ids, variant: 'moves' | 'ends'): TransitionWrite {
  const base = {
    instanceId: ids.instance,
    expectedRevision: 1,
    at: at2,
    snapshot: { value: 'ky' },
    deadlines: { han: { dueAt: '2026-03-09T10:00:00.000Z' } },
    history: {
      seq: 2,
      eventType: 'HET_HAN',
      payload: variant === 'moves' ? { deadline: 'han', dueAt: '2026-03-02T02:30:00.000Z' } : null,
      actorId: 'system',
      actor: { id: 'system', roles: ['system'], units: [] },
      fromState: 'mo',
      toState: variant === 'moves' ? { ky: 'cho' } : 'xong',
      requestId: null,
      idempotencyKey: null,
      comment: variant === 'moves' ? 'quá hạn' : null,
      prevHash: 'hash-1',
      hash: `hash-2-${variant}`,
      links: variant === 'moves' ? { child: { id: 'c', definitionKey: 'k', group: 'g', key: 'g#1' } } : null,
    },
  };
  if (variant === 'ends') {
    return {
      ...base,
      status: 'done',
      stateValue: 'xong',
      statePaths: ['xong'],
      context: { ketQua: 'het-han' },
      nextDueAt: null,
      summary: null,
      outbox: [],
      timers: { ...NO_TIMER_WRITES, fire: ids.fire },
      tasks: NO_TASK_WRITES('test-batch'),
    };
  }
  return {
    ...base,
    status: 'active',
    stateValue: { ky: 'cho' },
    statePaths: ['ky', 'ky.cho'],
    context: { ketQua: 'cho-ky', ngay: '2026-03-02' },
    nextDueAt: new Date('2026-03-09T10:00:00.000Z'),
    summary: 'Chờ ký',
    searchText: 'cho ky nguyen van an',
    outbox: [{ topic: 'effects', payload: { instanceId: ids.instance, definitionKey: 'test-batch', seq: 2, effects: [{ type: 'deadline.pass' }], jobs: [] } }],
    timers: {
      arm: [{ ...timer(ids.arm, 'ky', 'ky-han'), fireAt: '2026-03-09T10:00:00.000Z' }],
      cancelStates: ['mo'],
      cancelReminderKeys: ['nhac'],
      extend: [{ id: ids.extend, fireAt: '2026-03-12T10:00:00.000Z', generation: 2, jobId: `timer-${ids.extend}-2` }],
      fire: ids.fire,
    },
    tasks: {
      definitionKey: 'test-batch',
      open: [{ ...task(ids.open, 'ky.cho'), assignee: 'can-bo-2' }],
      closeStates: ['mo'],
      complete: ids.complete,
      escalate: [{ state: 'tham-dinh', priority: 3, addRoles: ['chu-tich'] }],
      due: [{ state: 'phoi-hop', dueAt: '2026-03-12T10:00:00.000Z' }],
    },
  };
}

/**
 * The batch write (applyTransitions) against the one-row write (applyTransition): two cases built
 * alike, one written each way, must end with the same rows in every table.
 */
describe('InstancesRepository.applyTransitions', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const repo = new InstancesRepository();
  let definitionId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
    definitionId = (
      await new DefinitionsRepository().insertPublished(ds.manager, { key: 'test-batch', version: 1, title: { vi: 'Lô', en: 'Batch' }, source: {}, checksum: 'x', at: at1 })
    ).id;
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  /** A case in state `mo` with open tasks in four states and four pending timers. */
  async function started(ids: Ids): Promise<void> {
    const n: NewInstance = {
      id: ids.instance,
      definitionId,
      definitionKey: 'test-batch',
      definitionVersion: 1,
      businessKey: null,
      summary: 'Mở',
      searchText: 'mo nguyen van an',
      status: 'active',
      stateValue: 'mo',
      statePaths: ['mo'],
      context: {},
      snapshot: { value: 'mo' },
      startedBy: actor.id,
      at: at1,
      history: { seq: 1, eventType: 'xstate.init', payload: null, actorId: actor.id, actor, fromState: null, toState: 'mo', requestId: null, idempotencyKey: null, comment: null, prevHash: GENESIS_HASH, hash: 'hash-1' },
      outbox: [],
      nextDueAt: new Date('2026-03-02T02:30:00.000Z'),
      deadlines: {},
      timers: {
        ...NO_TIMER_WRITES,
        arm: [timer(ids.fire, 'mo', 'han'), timer(ids.cancel, 'mo', 'khac'), timer(ids.reminder, 'cho', 'nhac', 'reminder'), timer(ids.extend, 'cho', 'gia-han'), timer(ids.other, 'cho', 'con-lai')],
      },
      tasks: {
        ...NO_TASK_WRITES('test-batch'),
        open: [task(ids.complete, 'mo'), task(ids.escalate, 'tham-dinh'), task(ids.due, 'phoi-hop.con'), task(ids.untouched, 'khac')],
      },
    };
    await ds.transaction((m) => repo.insertStarted(m, n));
  }

  /** Every row a case has, with its own ids replaced by their names in `ids` (so two cases compare). */
  async function rows(ids: Ids) {
    const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    const rename = (text: string) => [...names].reduce((t, [id, name]) => t.replaceAll(id, `<${name}>`), text);
    const named = (value: unknown) => JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'string' ? rename(v) : v)));
    const q = (sql: string) => ds.query(sql, [ids.instance]);
    return named({
      instance: await q(`SELECT status, state_value, state_paths, context, snapshot, revision, last_hash, updated_at, completed_at, next_due_at, deadlines, summary, definition_id, definition_version FROM workflow_instances WHERE id = $1`),
      search: await q(`SELECT search_text FROM instance_search WHERE instance_id = $1`),
      history: await q(`SELECT seq, event_type, payload, actor_id, actor, from_state, to_state, at, request_id, idempotency_key, comment, prev_hash, hash, links, links IS NULL AS links_null FROM workflow_history WHERE instance_id = $1 ORDER BY seq`),
      outbox: await q(`SELECT topic, payload, published_at FROM outbox WHERE instance_id = $1 ORDER BY id`),
      timers: await q(`SELECT id, state, deadline_key, kind, fire_at, status, generation, job_id, spec, armed_seq, fired_seq, fired_at, cancelled_at FROM timers WHERE instance_id = $1 ORDER BY deadline_key`),
      tasks: await q(`SELECT id, state, title, candidate_roles, candidate_units, outcomes, status, priority, due_at, created_seq, closed_seq, closed_at, assignee, claimed_at, completed_by, outcome FROM tasks WHERE instance_id = $1 ORDER BY state`),
    });
  }

  it.each<'moves' | 'ends'>(['moves', 'ends'])('writes the rows one statement per transition writes (%s)', async (variant) => {
    const one = newIds();
    const many = [newIds(), newIds(), newIds()];
    for (const ids of [one, ...many]) await started(ids);
    expect(await ds.transaction((m) => repo.applyTransition(m, transition(one, variant)))).toBe(true);
    const written = await ds.transaction((m) => repo.applyTransitions(m, many.map((ids) => transition(ids, variant))));
    expect(written).toEqual(new Set(many.map((ids) => ids.instance)));
    const expected = await rows(one);
    expect(expected.history).toHaveLength(2);
    for (const ids of many) expect(await rows(ids)).toEqual(expected);
  });

  it('writes nothing of a case no longer at the expected revision, and the others whole', async () => {
    const [moved, kept] = [newIds(), newIds()];
    await started(moved);
    await started(kept);
    await ds.query(`UPDATE workflow_instances SET revision = 5 WHERE id = $1`, [moved.instance]);
    const before = await rows(moved);
    const written = await ds.transaction((m) => repo.applyTransitions(m, [transition(moved, 'moves'), transition(kept, 'moves')]));
    expect(written).toEqual(new Set([kept.instance]));
    expect(await rows(moved)).toEqual(before);
    expect((await rows(kept)).history).toHaveLength(2);
  });

  it('refuses one case twice in a batch, and a write with an idempotency record', async () => {
    const ids = newIds();
    await started(ids);
    await expect(ds.transaction((m) => repo.applyTransitions(m, [transition(ids, 'ends'), transition(ids, 'ends')]))).rejects.toThrow(/twice/);
    const idem = { ...transition(ids, 'ends'), idempotency: { scope: 's', key: 'k', requestHash: 'h', statusCode: 200, response: {} } };
    await expect(ds.transaction((m) => repo.applyTransitions(m, [idem]))).rejects.toThrow(/idempotency/);
    expect((await rows(ids)).history).toHaveLength(1);
  });
});
