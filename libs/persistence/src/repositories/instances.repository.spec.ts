import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { createDataSource } from '../data-source.js';
import { GENESIS_HASH } from '../history-chain.js';
import { DefinitionsRepository } from './definitions.repository.js';
import { InstancesRepository, NO_TASK_WRITES, NO_TIMER_WRITES, type NewInstance } from './instances.repository.js';

const actor = { id: 'can-bo-1', roles: ['chuyen-vien'], units: ['ubnd'] };

function history(seq: number, prevHash: string) {
  return {
    seq,
    eventType: seq === 1 ? 'xstate.init' : 'TANG',
    payload: null,
    actorId: actor.id,
    actor,
    fromState: seq === 1 ? null : 'mo',
    toState: 'mo',
    requestId: null,
    idempotencyKey: null,
    comment: null,
    prevHash,
    hash: `hash-${seq}`,
  };
}

describe('InstancesRepository writes', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const repo = new InstancesRepository();
  let definitionId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
    const def = await new DefinitionsRepository().insertPublished(ds.manager, {
      key: 'test-counter',
      version: 1,
      title: { vi: 'Bộ đếm', en: 'Counter' },
      source: {},
      checksum: 'x',
      at: new Date(),
    });
    definitionId = def.id;
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  async function started(): Promise<string> {
    const id = randomUUID();
    const n: NewInstance = {
      id,
      definitionId,
      definitionKey: 'test-counter',
      definitionVersion: 1,
      businessKey: null,
      status: 'active',
      stateValue: 'mo',
      statePaths: ['mo'],
      context: { dem: 0 },
      snapshot: { value: 'mo' },
      startedBy: actor.id,
      at: new Date('2026-03-02T02:00:00Z'),
      history: history(1, GENESIS_HASH),
      outbox: [{ topic: 'effects', payload: { instanceId: id, definitionKey: 'test-counter', seq: 1, effects: [{ type: 'task.open', state: 'mo' }], jobs: [] } }],
      nextDueAt: null,
      deadlines: {},
      timers: NO_TIMER_WRITES,
      tasks: NO_TASK_WRITES('test-counter'),
    };
    await ds.transaction((m) => repo.insertStarted(m, n));
    return id;
  }

  const counts = async (id: string) => {
    const [row] = await ds.query(
      `SELECT (SELECT revision FROM workflow_instances WHERE id = $1) AS revision,
              (SELECT count(*)::int FROM workflow_history WHERE instance_id = $1) AS history,
              (SELECT count(*)::int FROM outbox WHERE instance_id = $1) AS outbox`,
      [id],
    );
    return row;
  };

  const write = (id: string, seq: number) => ({
    instanceId: id,
    expectedRevision: seq - 1,
    status: 'active' as const,
    stateValue: 'mo',
    statePaths: ['mo'],
    context: { dem: seq - 1 },
    snapshot: { value: 'mo' },
    at: new Date(),
    nextDueAt: null,
    history: history(seq, `hash-${seq - 1}`),
    outbox: [{ topic: 'effects' as const, payload: { instanceId: id, definitionKey: 'test-counter', seq, effects: [{ type: 'notify' }], jobs: [] } }],
    deadlines: {},
    timers: NO_TIMER_WRITES,
    tasks: NO_TASK_WRITES('test-counter'),
  });

  it('writes instance, history, outbox and idempotency record together', async () => {
    const id = await started();
    expect(await counts(id)).toEqual({ revision: 1, history: 1, outbox: 1 });
    const ok = await ds.transaction((m) =>
      repo.applyTransition(m, { ...write(id, 2), idempotency: { scope: `instance:${id}:events`, key: 'k1', requestHash: 'h', statusCode: 200, response: { ok: true } } }),
    );
    expect(ok).toBe(true);
    expect(await counts(id)).toEqual({ revision: 2, history: 2, outbox: 2 });
    expect(await repo.findIdempotent(ds.manager, `instance:${id}:events`, 'k1')).toEqual({ requestHash: 'h', statusCode: 200, response: { ok: true } });
  });

  it('a failing part (duplicate history seq) leaves nothing half-written', async () => {
    const id = await started();
    const bad = { ...write(id, 2), history: history(1, GENESIS_HASH) };
    await expect(ds.transaction((m) => repo.applyTransition(m, bad))).rejects.toThrow(/duplicate key/);
    expect(await counts(id)).toEqual({ revision: 1, history: 1, outbox: 1 });
  });

  it('a crash after the write but before commit leaves nothing', async () => {
    const id = await started();
    await expect(
      ds.transaction(async (m) => {
        await repo.applyTransition(m, write(id, 2));
        throw new Error('process died here');
      }),
    ).rejects.toThrow('process died here');
    expect(await counts(id)).toEqual({ revision: 1, history: 1, outbox: 1 });
  });

  it('a write against a stale revision writes nothing and says so', async () => {
    const id = await started();
    const ok = await ds.transaction((m) => repo.applyTransition(m, { ...write(id, 2), expectedRevision: 5 }));
    expect(ok).toBe(false);
    expect(await counts(id)).toEqual({ revision: 1, history: 1, outbox: 1 });
  });

  it('history is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const id = await started();
    await expect(ds.query(`UPDATE workflow_history SET comment = 'sửa' WHERE instance_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM workflow_history WHERE instance_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE workflow_history CASCADE`)).rejects.toThrow(/append-only/);
    expect((await counts(id)).history).toBe(1);
  });
});
