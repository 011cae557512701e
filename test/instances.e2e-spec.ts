import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestAgent, type TestApp } from './support/app.js';

const FIXTURES = 'test/fixtures/workflows';
const DOC = 'example-document-approval';

describe('instances over HTTP', () => {
  let t: TestApp;
  /** Sends the events: a candidate of every task (an admin may not take a task's decision). */
  let officer: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: FIXTURES });
    officer = await t.officer();
  });
  afterAll(async () => {
    await t.close();
  });

  const startDoc = async (input: Record<string, unknown> = { trichYeu: 'Kế hoạch tuyên truyền năm 2026' }, headers: Record<string, string> = {}) => {
    const res = await t.http.post('/api/v1/instances').set(headers).send({ definitionKey: DOC, input });
    expect(res.status).toBe(201);
    return res.body;
  };
  const send = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    officer.post(`/api/v1/instances/${id}/events`).set(headers).send(body);
  const historyOf = async (id: string) => (await t.http.get(`/api/v1/instances/${id}/history`).expect(200)).body.items;

  describe('definitions', () => {
    it('publishes the shipped workflows at boot and lists them', async () => {
      const res = await t.http.get('/api/v1/definitions').expect(200);
      const keys = res.body.items.map((d: { key: string }) => d.key);
      expect(keys).toEqual(expect.arrayContaining([DOC, 'test-counter']));
      const doc = res.body.items.find((d: { key: string }) => d.key === DOC);
      expect(doc).toMatchObject({ version: 1, status: 'published', title: { vi: 'Trình duyệt văn bản (ví dụ)' } });
    });

    it('returns one version with its source, and 404 for an unknown one', async () => {
      const res = await t.http.get(`/api/v1/definitions/${DOC}/versions/1`).expect(200);
      expect(res.body.source.key).toBe(DOC);
      expect(res.body.checksum).toMatch(/^[0-9a-f]{64}$/);
      const missing = await t.http.get(`/api/v1/definitions/${DOC}/versions/9`).expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, code: 'DEFINITION_NOT_FOUND' });
      const bad = await t.http.get(`/api/v1/definitions/${DOC}/versions/abc`).expect(400);
      expect(bad.body.details.problems[0].field).toBe('version');
    });
  });

  describe('the main path', () => {
    it('starts, moves through review and a return, and completes with a contiguous hash chain', async () => {
      const started = await startDoc(undefined, { 'X-Request-Id': 'req-start-1' });
      expect(started).toMatchObject({
        definition: { key: DOC, version: 1 },
        status: 'active',
        state: 'soanThao',
        revision: 1,
        allowedEvents: ['RUT', 'TRINH'],
        context: { trichYeu: 'Kế hoạch tuyên truyền năm 2026', soLanTraLai: 0 },
      });
      expect(started.activeStates).toEqual([{ path: 'soanThao', label: { vi: 'Soạn thảo', en: 'Drafting' } }]);
      const id = started.id;

      let res = await send(id, { type: 'TRINH', payload: { ghiChu: 'Kính trình' } }).expect(200);
      expect(res.body).toMatchObject({ state: 'choDuyet', revision: 2, allowedEvents: ['QUYET_DINH'], awaitedEvents: ['QUA_HAN'] });
      expect(res.headers.etag).toBe('"2"');

      res = await send(id, { type: 'QUYET_DINH', payload: { ketQua: 'tra-lai', yKien: 'Bổ sung số liệu quý III' }, comment: 'Chưa đủ số liệu' }).expect(200);
      expect(res.body).toMatchObject({ state: 'soanThao', revision: 3, context: { soLanTraLai: 1, yKien: ['Bổ sung số liệu quý III'] } });

      await send(id, { type: 'TRINH' }).expect(200);
      res = await send(id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }).expect(200);
      expect(res.body).toMatchObject({ state: 'daDuyet', status: 'done', revision: 5, allowedEvents: [], context: { quyetDinh: 'dong-y' } });
      expect(res.body.completedAt).not.toBeNull();

      const history = await historyOf(id);
      expect(history.map((h: { seq: number }) => h.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(history.map((h: { event: { type: string } }) => h.event.type)).toEqual(['xstate.init', 'TRINH', 'QUYET_DINH', 'TRINH', 'QUYET_DINH']);
      expect(history[0]).toMatchObject({ from: null, to: 'soanThao', requestId: 'req-start-1', actor: { id: 'admin', roles: ['admin'], units: ['phuong-an-phong'] } });
      expect(history[2]).toMatchObject({ from: 'choDuyet', to: 'soanThao', comment: 'Chưa đủ số liệu' });
      expect(history[0].prevHash).toBe('0'.repeat(64));
      for (let i = 1; i < history.length; i++) expect(history[i].prevHash).toBe(history[i - 1].hash);

      const fetched = await t.http.get(`/api/v1/instances/${id}`).expect(200);
      expect(fetched.body).toEqual(res.body);
    });

    it('writes the effects of each transition to the outbox, in order, with the transition', async () => {
      const { id } = await startDoc();
      await send(id, { type: 'TRINH' }).expect(200);
      const rows: Array<{ topic: string; payload: { seq: number; effects: Array<Record<string, any>> } }> = await t.app
        .get((await import('typeorm')).DataSource)
        .query(`SELECT topic, payload FROM outbox WHERE instance_id = $1 ORDER BY id`, [id]);
      expect(rows.map((r) => [r.topic, r.payload.seq])).toEqual([
        ['effects', 1],
        ['effects', 2],
      ]);
      expect(rows[0].payload.effects.map((e) => e.type)).toEqual(['instance.start', 'task.open']);
      const effects = rows[1].payload.effects;
      expect(effects.map((e) => e.type)).toEqual(['task.close', 'task.open', 'timer.arm']);
      expect(effects[1]).toMatchObject({ state: 'choDuyet', task: { roles: ['truong-phong'] } });
      expect(effects[2]).toMatchObject({ state: 'choDuyet', deadline: { key: 'duyet', after: { workingDays: 3 } } });
    });
  });

  describe('bad input is refused and changes nothing', () => {
    let id: string;
    beforeAll(async () => {
      id = (await startDoc()).id;
    });

    const unchanged = async () => {
      const res = await t.http.get(`/api/v1/instances/${id}`).expect(200);
      expect(res.body.revision).toBe(1);
      expect(await historyOf(id)).toHaveLength(1);
    };

    it('malformed JSON -> 400 naming the body', async () => {
      const res = await t.http.post(`/api/v1/instances/${id}/events`).set('Content-Type', 'application/json').send('{"type": "TRINH",').expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED', details: { problems: [{ field: 'body' }] } });
      await unchanged();
    });

    it('a DTO violation -> 400 naming each field', async () => {
      const res = await send(id, { payload: 'nope', expectedRevision: 0 }).expect(400);
      const fields = res.body.details.problems.map((p: { field: string }) => p.field);
      expect(fields).toEqual(expect.arrayContaining(['type', 'payload', 'expectedRevision']));
      await unchanged();
    });

    it('an unknown property (mass assignment) -> 400', async () => {
      const res = await send(id, { type: 'TRINH', revision: 99, status: 'done' }).expect(400);
      expect(res.body.details.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['revision', 'status']));
      await unchanged();
    });

    it('an event the state does not accept -> 422 listing the accepted ones', async () => {
      const res = await send(id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }).expect(422);
      expect(res.body).toMatchObject({ code: 'EVENT_NOT_ACCEPTED', details: { allowedEvents: ['RUT', 'TRINH'] } });
      const unknown = await send(id, { type: 'KHONG_CO' }).expect(422);
      expect(unknown.body.details.allowedEvents).toEqual(['RUT', 'TRINH']);
      await unchanged();
    });

    it('a payload that breaks the form schema -> 400 naming the field', async () => {
      const res = await send(id, { type: 'TRINH', payload: { ghiChu: 42 } }).expect(400);
      expect(res.body.code).toBe('INVALID_PAYLOAD');
      expect(JSON.stringify(res.body.details.issues)).toContain('ghiChu');
      await unchanged();
    });

    it('a stale revision -> 409, by body or If-Match', async () => {
      const res = await send(id, { type: 'TRINH', expectedRevision: 7 }).expect(409);
      expect(res.body).toMatchObject({ code: 'STALE_REVISION', details: { currentRevision: 1 } });
      await send(id, { type: 'TRINH' }, { 'If-Match': '"5"' }).expect(409);
      await send(id, { type: 'TRINH' }, { 'If-Match': 'garbage' }).expect(400);
      await unchanged();
    });

    it('unknown or malformed ids -> 404 / 400', async () => {
      await send('00000000-0000-4000-8000-000000000000', { type: 'TRINH' }).expect(404);
      const bad = await send('not-a-uuid', { type: 'TRINH' }).expect(400);
      expect(bad.body.details.problems).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
      await t.http.get('/api/v1/instances/00000000-0000-4000-8000-000000000000').expect(404);
      await t.http.get('/api/v1/instances/00000000-0000-4000-8000-000000000000/history').expect(404);
      await unchanged();
    });

    it('start input that breaks the input schema -> 400; unknown definition -> 404', async () => {
      const bad = await t.http
        .post('/api/v1/instances')
        .send({ definitionKey: DOC, input: { trichYeu: 'ab', thua: 1 } })
        .expect(400);
      expect(bad.body.code).toBe('INVALID_INPUT');
      await t.http.post('/api/v1/instances').send({ definitionKey: 'khong-ton-tai' }).expect(404);
      await t.http.post('/api/v1/instances').send({ definitionKey: 'Bad Key!' }).expect(400);
    });

    it('an event to a finished instance -> 422 with no allowed events', async () => {
      const done = await startDoc();
      await send(done.id, { type: 'RUT' }).expect(200);
      const res = await send(done.id, { type: 'TRINH' }).expect(422);
      expect(res.body).toMatchObject({ code: 'INSTANCE_DONE', details: { allowedEvents: [] } });
    });
  });

  describe('Idempotency-Key', () => {
    it('the same key twice gives one transition and the same response', async () => {
      const { id } = await startDoc();
      const first = await send(id, { type: 'TRINH' }, { 'Idempotency-Key': 'trinh-1' }).expect(200);
      const second = await send(id, { type: 'TRINH' }, { 'Idempotency-Key': 'trinh-1' }).expect(200);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect((await historyOf(id)).map((h: { event: { type: string } }) => h.event.type)).toEqual(['xstate.init', 'TRINH']);
    });

    it('concurrent duplicates still give one transition', async () => {
      const { id } = await startDoc();
      const responses = await Promise.all(Array.from({ length: 8 }, () => send(id, { type: 'TRINH' }, { 'Idempotency-Key': 'dup' })));
      expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect(await historyOf(id)).toHaveLength(2);
    });

    it('reusing a key for a different request -> 409', async () => {
      const { id } = await startDoc();
      await send(id, { type: 'TRINH' }, { 'Idempotency-Key': 'k' }).expect(200);
      const res = await send(id, { type: 'QUYET_DINH', payload: { ketQua: 'dong-y' } }, { 'Idempotency-Key': 'k' }).expect(409);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await historyOf(id)).toHaveLength(2);
    });

    it('creating with the same key twice starts one instance', async () => {
      const a = await t.http.post('/api/v1/instances').set('Idempotency-Key', 'create-1').send({ definitionKey: 'test-counter' }).expect(201);
      const b = await t.http.post('/api/v1/instances').set('Idempotency-Key', 'create-1').send({ definitionKey: 'test-counter' }).expect(201);
      expect(b.body.id).toBe(a.body.id);
    });
  });

  describe('concurrency on one instance', () => {
    it('50 concurrent events: every one applied exactly once, seq contiguous, no lost update', async () => {
      const created = await officer.post('/api/v1/instances').send({ definitionKey: 'test-counter' }).expect(201);
      const id = created.body.id;
      const responses = await Promise.all(Array.from({ length: 50 }, () => send(id, { type: 'TANG' })));
      expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
      const final = await t.http.get(`/api/v1/instances/${id}`).expect(200);
      expect(final.body).toMatchObject({ revision: 51, context: { dem: 50 } });
      const history = (await t.http.get(`/api/v1/instances/${id}/history?limit=1000`).expect(200)).body.items;
      expect(history.map((h: { seq: number }) => h.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
      expect(new Set(responses.map((r) => r.body.revision)).size).toBe(50);
    });

    it('50 concurrent events expecting the same revision: one wins, 49 get 409', async () => {
      const created = await officer.post('/api/v1/instances').send({ definitionKey: 'test-counter' }).expect(201);
      const id = created.body.id;
      const responses = await Promise.all(Array.from({ length: 50 }, () => send(id, { type: 'TANG', expectedRevision: 1 })));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      expect((await t.http.get(`/api/v1/instances/${id}`)).body).toMatchObject({ revision: 2, context: { dem: 1 } });
    });
  });

  describe('listing', () => {
    it('filters by definition, status, state and business key, with cursor pages', async () => {
      for (let i = 0; i < 5; i++) {
        await t.http
          .post('/api/v1/instances')
          .send({ definitionKey: 'test-counter', businessKey: `DEM-${i}` })
          .expect(201);
      }
      const dup = await t.http.post('/api/v1/instances').send({ definitionKey: 'test-counter', businessKey: 'DEM-0' }).expect(409);
      expect(dup.body.code).toBe('DUPLICATE_BUSINESS_KEY');

      const page1 = await t.http.get('/api/v1/instances?definitionKey=test-counter&limit=2&state=mo').expect(200);
      expect(page1.body.items).toHaveLength(2);
      expect(page1.body.nextCursor).toEqual(expect.any(String));
      const page2 = await t.http.get(`/api/v1/instances?definitionKey=test-counter&limit=2&state=mo&cursor=${page1.body.nextCursor}`).expect(200);
      const ids1 = page1.body.items.map((i: { id: string }) => i.id);
      expect(page2.body.items.map((i: { id: string }) => i.id).some((x: string) => ids1.includes(x))).toBe(false);

      const byKey = await t.http.get('/api/v1/instances?businessKey=DEM-3').expect(200);
      expect(byKey.body.items).toHaveLength(1);
      expect(byKey.body.items[0].businessKey).toBe('DEM-3');

      const done = await t.http.get('/api/v1/instances?status=done&definitionKey=test-counter').expect(200);
      expect(done.body.items.every((i: { status: string }) => i.status === 'done')).toBe(true);

      await t.http.get('/api/v1/instances?limit=0').expect(400);
      await t.http.get('/api/v1/instances?status=paused').expect(400);
      const badCursor = await t.http.get('/api/v1/instances?cursor=xyz').expect(400);
      expect(badCursor.body.details.problems[0].field).toBe('cursor');
    });
  });

  it('GET /health checks the database; /api/docs serves OpenAPI', async () => {
    const health = await t.http.get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
    const doc = await t.http.get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/instances', '/api/v1/instances/{id}/events']));
  });
});
