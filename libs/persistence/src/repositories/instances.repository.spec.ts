import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { createDataSource } from '../data-source.js';
import { GENESIS_HASH } from '../history-chain.js';
import { DefinitionsRepository } from './definitions.repository.js';
import { TasksRepository } from './tasks.repository.js';
import { decodeCursor, InstancesRepository, NO_TASK_WRITES, NO_TIMER_WRITES, type NewInstance } from './instances.repository.js';
import { ACCESS_SET_MAX, INBOX_WALK, searchTerms } from './search.js';

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

  let clock = Date.parse('2026-03-02T02:00:00Z');
  async function started(glance: { businessKey?: string; summary?: string; searchText?: string; startedBy?: string; task?: { dueAt: string } } = {}): Promise<string> {
    const id = randomUUID();
    const n: NewInstance = {
      id,
      definitionId,
      definitionKey: 'test-counter',
      definitionVersion: 1,
      businessKey: glance.businessKey ?? null,
      summary: glance.summary ?? null,
      searchText: glance.searchText ?? '',
      status: 'active',
      stateValue: 'mo',
      statePaths: ['mo'],
      context: { dem: 0 },
      snapshot: { value: 'mo' },
      startedBy: glance.startedBy ?? actor.id,
      // One second apart: lists are newest first.
      at: new Date((clock += 1000)),
      history: history(1, GENESIS_HASH),
      outbox: [{ topic: 'effects', payload: { instanceId: id, definitionKey: 'test-counter', seq: 1, effects: [{ type: 'task.open', state: 'mo' }], jobs: [] } }],
      nextDueAt: null,
      deadlines: {},
      timers: NO_TIMER_WRITES,
      tasks: glance.task
        ? { ...NO_TASK_WRITES('test-counter'), open: [{ id: randomUUID(), state: 'mo', title: { vi: 'Xử lý', en: 'Handle' }, roles: ['xu-ly'], units: ['ubnd'], outcomes: ['TANG'], priority: 1, dueAt: glance.task.dueAt }] }
        : NO_TASK_WRITES('test-counter'),
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
    summary: `Lần ${seq - 1}`,
    searchText: `lan ${seq - 1}`,
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

  it('a write from a kept record that is behind answers the instance as it is, in the same statement, and writes nothing', async () => {
    const id = await started();
    expect(await repo.applyTransitionOrRead(ds.manager, write(id, 2))).toEqual({ written: true, current: undefined });
    // Another process moved it to revision 2: this one's record says 1.
    const behind = await repo.applyTransitionOrRead(ds.manager, { ...write(id, 2), history: history(2, 'hash-1') });
    expect(behind.written).toBe(false);
    expect(behind.current).toMatchObject({ id, revision: 2, context: { dem: 1 }, summary: 'Lần 1', lastHash: 'hash-2' });
    expect(behind.current).toEqual(await repo.findById(ds.manager, id));
    expect(await counts(id)).toEqual({ revision: 2, history: 2, outbox: 2 });
    // A missing instance: nothing written, nothing answered.
    expect(await repo.applyTransitionOrRead(ds.manager, write(randomUUID(), 2))).toEqual({ written: false, current: undefined });
  });

  it('a start and a transition write the summary and search text with the context; a list finds the case by every word', async () => {
    const id = await started({ businessKey: 'HS-7', summary: 'Nguyễn Văn Đức: đường ngõ 12', searchText: 'hs-7 nguyen van duc: duong ngo 12' });
    const glance = async () =>
      (await ds.query(`SELECT i.summary, s.search_text, s.created_at = i.created_at AS same_instant FROM workflow_instances i JOIN instance_search s ON s.instance_id = i.id WHERE i.id = $1`, [id]))[0];
    expect(await glance()).toEqual({ summary: 'Nguyễn Văn Đức: đường ngõ 12', search_text: 'hs-7 nguyen van duc: duong ngo 12', same_instant: true });
    const found = async (words: string[]) => (await repo.list(ds.manager, { definitionKey: 'test-counter', words, limit: 50 })).items.map((i) => i.id);
    expect(await found(['duc', 'ngo'])).toContain(id);
    expect(await found(['duc', 'hem'])).not.toContain(id);
    expect((await repo.findById(ds.manager, id))!.summary).toBe('Nguyễn Văn Đức: đường ngõ 12');

    expect(await ds.transaction((m) => repo.applyTransition(m, write(id, 2)))).toBe(true);
    expect(await glance()).toEqual({ summary: 'Lần 1', search_text: 'lan 1', same_instant: true });
    expect(await found(['duc'])).not.toContain(id);
    expect(await found(['lan', '1'])).toContain(id);
    // The same text again: the search row is left as it is (no new row version).
    const version = async () => (await ds.query(`SELECT xmin::text AS x FROM instance_search WHERE instance_id = $1`, [id]))[0].x;
    const before = await version();
    expect(await ds.transaction((m) => repo.applyTransition(m, { ...write(id, 3), searchText: 'lan 1' }))).toBe(true);
    expect(await version()).toBe(before);
    // A writer that knows the text is unchanged leaves it out: the statement does not touch the search row.
    expect(await ds.transaction((m) => repo.applyTransition(m, { ...write(id, 4), summary: 'Lần 1', searchText: undefined }))).toBe(true);
    expect(await glance()).toEqual({ summary: 'Lần 1', search_text: 'lan 1', same_instant: true });
    expect(await version()).toBe(before);
  });

  it('a word is matched literally: % and _ are not wildcards', async () => {
    const literal = await started({ searchText: 'ma 50% a_b' });
    const other = await started({ searchText: 'ma 500 axb' });
    const found = async (words: string[]) => (await repo.list(ds.manager, { definitionKey: 'test-counter', words, limit: 50 })).items.map((i) => i.id);
    expect(await found(['50%'])).toEqual([literal]);
    expect(await found(['a_b'])).toEqual([literal]);
    expect(await found(['500'])).toEqual([other]);
  });

  it('the search index holds every piece of 2 to 24 characters of each word, and a query looks up the words that have one', async () => {
    const [{ terms }] = await ds.query(`SELECT phoihop_search_terms($1) AS terms`, ['kn-2026-001 nguyen van a: abcdefghijklmnopqrstuvwxyz']);
    expect(terms).toEqual(expect.arrayContaining(['kn', 'kn-2026-001', '2026-0', 'nguyen', 'uye', 'va', 'an', 'a:', 'abcdefghijklmnopqrstuvwx', 'cdefghijklmnopqrstuvwxyz']));
    for (const absent of ['a', 'n', 'n v', 'van a', 'abcdefghijklmnopqrstuvwxy']) expect(terms).not.toContain(absent);
    expect(searchTerms(['nguyen', 'a', 'van', 'nguyen', 'abcdefghijklmnopqrstuvwxyz'])).toEqual(['nguyen', 'van', 'abcdefghijklmnopqrstuvwx']);
  });

  it('a search finds the newest matches whichever way it reads: the newest cases, the walk, or the index', async () => {
    // 70 cases of one word, the three oldest started by "x": the newest 60 (the candidates) hold none of x's.
    const ids: string[] = [];
    for (let n = 0; n < 70; n++) ids.push(await started({ searchText: `chung ${n}`, startedBy: n < 3 ? 'x' : 'y' }));
    const x = { username: 'x', memberships: [] };
    const newestWith = (digit: string) => ids.filter((_, n) => String(n).includes(digit)).reverse();
    const page1 = await repo.list(ds.manager, { definitionKey: 'test-counter', words: ['chung'], visibleTo: x, limit: 2 });
    expect(page1.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const page2 = await repo.list(ds.manager, { definitionKey: 'test-counter', words: ['chung'], visibleTo: x, limit: 2, cursor: decodeCursor(page1.nextCursor!) });
    expect(page2).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    // Common words, everyone's: the newest cases answer.
    expect((await repo.list(ds.manager, { definitionKey: 'test-counter', words: ['chung'], limit: 3 })).items.map((i) => i.id)).toEqual([ids[69], ids[68], ids[67]]);
    // Rare words: the index.
    expect((await repo.list(ds.manager, { definitionKey: 'test-counter', words: ['chung', '4'], limit: 50 })).items.map((i) => i.id)).toEqual(newestWith('4'));
    // The same without other filters, from a cursor: the page is chosen from the search rows alone.
    const all = (await repo.list(ds.manager, { words: ['chung', '4'], limit: 50 })).items;
    expect(all.map((i) => i.id)).toEqual(newestWith('4'));
    const from = all[5];
    const rest = await repo.list(ds.manager, { words: ['chung', '4'], limit: 50, cursor: { createdAt: from.createdAt.toISOString(), id: from.id } });
    expect(rest.items.map((i) => i.id)).toEqual(newestWith('4').slice(6));
    // A one-letter word has no index entry: the walk.
    expect((await repo.list(ds.manager, { definitionKey: 'test-counter', words: ['9'], limit: 50 })).items.map((i) => i.id)).toEqual(newestWith('9'));
  });

  it("an inbox search finds the caller's tasks whose case holds the words, due first, whether the words are common or rare", async () => {
    const due = (n: number) => new Date(Date.parse('2026-04-01T00:00:00Z') + ((n * 7) % 65) * 3_600_000).toISOString();
    const cases: string[] = [];
    for (let n = 0; n < 65; n++) cases.push(await started({ searchText: `thu tuc ${n}`, task: { dueAt: due(n) } }));
    const tasks = new TasksRepository();
    const me = { username: 'xu-ly-1', memberships: [{ role: 'xu-ly', unit: 'ubnd' }], bucket: 'all' as const };
    const expected = (pick: (n: number) => boolean) =>
      cases
        .map((id, n) => ({ id, n }))
        .filter(({ n }) => pick(n))
        .sort((a, b) => due(a.n).localeCompare(due(b.n)))
        .map(({ id }) => id);
    // Common words (every one of the 65 newest rows): the caller's open tasks, due first.
    expect((await tasks.inbox(ds.manager, { ...me, words: ['thu', 'tuc'], limit: 5 })).map((t) => t.instanceId)).toEqual(expected(() => true).slice(0, 5));
    // Rare words (11 of the newest rows): from the search index.
    expect((await tasks.inbox(ds.manager, { ...me, words: ['tuc', '6'], limit: 50 })).map((t) => t.instanceId)).toEqual(expected((n) => String(n).includes('6')));
    // Less rare (16): from the caller's open tasks, each case checked.
    expect((await tasks.inbox(ds.manager, { ...me, words: ['tuc', '3'], limit: 50 })).map((t) => t.instanceId)).toEqual(expected((n) => String(n).includes('3')));
    // Common words, an inbox larger than the set the access index gives: walked due first.
    tasks.accessSetMax = 10;
    expect((await tasks.inbox(ds.manager, { ...me, words: ['thu', 'tuc'], limit: 5 })).map((t) => t.instanceId)).toEqual(expected(() => true).slice(0, 5));
    tasks.accessSetMax = ACCESS_SET_MAX;
    // Someone who is no candidate finds none of them.
    expect(await tasks.inbox(ds.manager, { ...me, username: 'khac', memberships: [{ role: 'xu-ly', unit: 'thanh-tra' }], words: ['thu', 'tuc'], limit: 50 })).toEqual([]);
  });

  it("an inbox page is the same whether the open tasks walked due first fill it or the caller's own come from the access index", async () => {
    const tasks = new TasksRepository();
    const open = async (n: number, role: string, o: { undated?: boolean; assignee?: string } = {}) => {
      const id = randomUUID();
      const dueAt = o.undated ? null : new Date(Date.parse('2026-05-01T00:00:00Z') + n * 3_600_000).toISOString();
      await ds.query(
        `INSERT INTO tasks (id, instance_id, definition_key, state, title, candidate_roles, candidate_units, outcomes, assignee, status, priority, due_at, created_seq, created_at)
         VALUES ($1, $2, 'test-counter', 'mo', '{"vi":"a","en":"a"}', $3, '{ubnd}', '{TANG}', $4, 'open', 1, $5, 1, now())`,
        [id, await started(), [role], o.assignee ?? null, dueAt],
      );
      return { id, dueAt };
    };
    // Many open tasks of one role, among them a few of another (one assigned, one with no due date).
    const made: Array<{ id: string; dueAt: string | null; role: string; assignee?: string }> = [];
    for (let n = 0; n < 24; n++) made.push({ ...(await open(n, 'day')), role: 'day' });
    for (const [n, o] of [[3, {}], [17, { assignee: 'thua-1' }], [0, { undated: true }]] as const) made.push({ ...(await open(n, 'thua', o)), role: 'thua', ...o });
    // Due first, undated last, then by id: code-point order, as PostgreSQL's C collation sorts.
    const key = (t: (typeof made)[number]) => `${t.dueAt === null ? '1' : `0${t.dueAt}`} ${t.id}`;
    const order = (xs: typeof made) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((t) => t.id);
    const dense = { username: 'day-1', memberships: [{ role: 'day', unit: 'ubnd' }] };
    const sparse = { username: 'thua-1', memberships: [{ role: 'thua', unit: 'ubnd' }] };
    const pages = async (who: typeof dense, bucket: 'all' | 'claimable' | 'mine', limit: number) => {
      const ids: string[] = [];
      let cursor: { dueAt: string | null; id: string } | undefined;
      for (;;) {
        const page = await tasks.inbox(ds.manager, { ...who, bucket, limit, cursor });
        ids.push(...page.map((t) => t.id));
        if (page.length < limit) return ids;
        const last = page[page.length - 1];
        cursor = { dueAt: last.dueAt ? new Date(last.dueAt).toISOString() : null, id: last.id };
      }
    };
    // Every open task walked; 5 walked (the earlier tests' tasks come first: the access index answers); none.
    for (const walk of [INBOX_WALK, 5, 0]) {
      tasks.inboxWalk = walk;
      expect(await pages(dense, 'all', 4)).toEqual(order(made.filter((t) => t.role === 'day')));
      expect(await pages(sparse, 'all', 2)).toEqual(order(made.filter((t) => t.role === 'thua')));
      expect(await pages(sparse, 'claimable', 2)).toEqual(order(made.filter((t) => t.role === 'thua' && !t.assignee)));
      expect(await pages(sparse, 'mine', 2)).toEqual(order(made.filter((t) => t.assignee === 'thua-1')));
    }
    tasks.inboxWalk = INBOX_WALK;
    const now = new Date('2026-05-01T10:30:00Z');
    expect(await tasks.counts(ds.manager, sparse.username, sparse.memberships, now, new Date('2026-05-01T20:00:00Z'))).toEqual({ mine: 1, claimable: 2, overdue: 1, dueSoon: 1 });
  });

  it('a clerk finds exactly the cases they may see, whether their tasks are looked up as a set or case by case', async () => {
    const sender = await new DefinitionsRepository().insertPublished(ds.manager, {
      key: 'test-sender',
      version: 1,
      title: { vi: 'Gửi', en: 'Send' },
      source: { events: { GUI: { sentBy: { roles: ['gui'], units: ['ubnd'] } } } },
      checksum: 'x',
      at: new Date(),
    });
    const task = (instanceId: string, t: { roles: string[]; units: string[]; assignee?: string; completedBy?: string }) =>
      ds.query(
        `INSERT INTO tasks (id, instance_id, definition_key, state, title, candidate_roles, candidate_units, outcomes, assignee, status, priority, created_seq, created_at, completed_by)
         VALUES ($1, $2, 'test-counter', 'mo', '{"vi":"a","en":"a"}', $3, $4, '{TANG}', $5, $6, 1, 1, now(), $7)`,
        [randomUUID(), instanceId, t.roles, t.units, t.assignee ?? null, t.completedBy ? 'completed' : 'open', t.completedBy ?? null],
      );
    const seen = async (text: string, x: { roles: string[]; units: string[]; assignee?: string; completedBy?: string } | 'sender' | 'own' | undefined) => {
      const id = await started({ searchText: `nhin thay ${text}`, startedBy: x === 'own' ? 'ban' : 'y' });
      if (x === 'sender') await ds.query(`UPDATE workflow_instances SET definition_id = $2 WHERE id = $1`, [id, sender.id]);
      else if (x && x !== 'own') await task(id, x);
      return id;
    };
    const visible = [
      await seen('tu mo', 'own'),
      await seen('ung vien', { roles: ['xem'], units: ['ubnd'] }),
      await seen('moi don vi', { roles: ['xem'], units: [], completedBy: 'khac' }),
      await seen('giao', { roles: ['khac'], units: ['ubnd'], assignee: 'ban' }),
      await seen('da lam', { roles: ['khac'], units: [], completedBy: 'ban' }),
      await seen('gui', 'sender'),
    ];
    const hidden = [
      await seen('don vi khac', { roles: ['xem'], units: ['thanh-tra'] }),
      await seen('vai tro khac', { roles: ['khac'], units: ['ubnd'], assignee: 'khac' }),
      await seen('khong', undefined),
    ];
    // Then 60 newer cases of the same words that the clerk may not see: a page of 2 walks past them.
    for (let n = 0; n < 60; n++) await seen(`nua ${n}`, undefined);
    const clerk = { username: 'ban', memberships: [{ role: 'xem', unit: 'ubnd' }, { role: 'gui', unit: 'ubnd' }] };
    const tasks = new TasksRepository();
    const ours = new Set([...visible, ...hidden]);
    // The same clerk without the sender's membership: the search rows alone then tell who may see a case.
    const notSender = { ...clerk, memberships: [clerk.memberships[0]] };
    const views: Array<[typeof clerk, string[]]> = [
      [clerk, visible],
      [notSender, visible.slice(0, 5)],
    ];
    for (const [who, theirs] of views) {
      const find = async (words?: string[]) =>
        (await repo.list(ds.manager, { words, visibleTo: who, limit: 500 })).items.map((i) => i.id).filter((id) => ours.has(id));
      for (const max of [repo.accessSetMax, 0]) {
        // 0: more tasks than the set holds, so each case is checked on its own.
        repo.accessSetMax = max;
        for (const id of [...visible, ...hidden]) expect(await tasks.canSeeInstance(ds.manager, id, who.username, who.memberships)).toBe(theirs.includes(id));
        expect(await find(['nhin', 'thay'])).toEqual([...theirs].reverse());
        expect(await find()).toEqual([...theirs].reverse());
        expect(await find(['khac'])).toEqual([]);
        // A page of 2 walks past the 60 newer cases; one of 3 words rare in the newest rows comes from the index.
        const walked = await repo.list(ds.manager, { words: ['nhin', 'thay'], visibleTo: who, limit: 2 });
        expect(walked.items.map((i) => i.id)).toEqual([...theirs].reverse().slice(0, 2));
        expect(await find(['nhin', 'thay', 'vi'])).toEqual(theirs.filter((id) => [visible[1], visible[2]].includes(id)).reverse());
        // A task opened for the clerk's unit shows its case from then on.
        await task(hidden[2], { roles: ['xem'], units: ['ubnd'] });
        expect(await find(['nhin', 'khong'])).toEqual([hidden[2]]);
        await ds.query(`DELETE FROM tasks WHERE instance_id = $1`, [hidden[2]]);
        expect(await find(['nhin', 'khong'])).toEqual([]);
      }
      repo.accessSetMax = ACCESS_SET_MAX;
    }
  });

  it('history is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const id = await started();
    await expect(ds.query(`UPDATE workflow_history SET comment = 'sửa' WHERE instance_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM workflow_history WHERE instance_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE workflow_history CASCADE`)).rejects.toThrow(/append-only/);
    expect((await counts(id)).history).toBe(1);
  });
});
