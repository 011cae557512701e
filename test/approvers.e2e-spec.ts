import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import type TestAgent from 'supertest/lib/agent.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/app.js';

const FIXTURES = 'test/fixtures/workflows';
type Who = 'anonymous' | 'approver' | 'otherUnit' | 'auditor' | 'admin';
const WHO: Who[] = ['anonymous', 'approver', 'otherUnit', 'auditor', 'admin'];

describe('approvers: identity, tasks and the rules that protect the process', () => {
  let t: TestApp;
  let agents: Record<Who, TestAgent>;

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: FIXTURES });
    agents = {
      anonymous: t.anon,
      approver: await t.as('tiep-dan-1', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]),
      otherUnit: await t.as('tiep-dan-khac', [{ role: 'can-bo-tiep-dan', unit: 'phong-kinh-te' }]),
      auditor: await t.as('kiem-tra', [{ role: 'auditor', unit: 'phuong-an-phong' }]),
      admin: t.http,
    };
  });
  afterAll(async () => {
    await t.close();
  });

  /** A fresh case started by the admin; its intake task belongs to receiving officers of the reception desk. */
  const newCase = async () => {
    const res = await t.http.post('/api/v1/instances').send({ definitionKey: 'test-approval', input: { noiDung: 'Kiến nghị sửa đường ngõ 12' } }).expect(201);
    const [task] = (await t.app.get(DataSource).query(`SELECT id FROM tasks WHERE instance_id = $1 AND status = 'open'`, [res.body.id])) as Array<{ id: string }>;
    return { id: res.body.id as string, taskId: task.id };
  };
  let seq = 0;

  /** One table: every endpoint x every kind of caller -> the expected status. */
  const matrix: Array<{ name: string; call: (a: TestAgent) => Promise<{ status: number }>; expect: Record<Who, number> }> = [
    { name: 'GET /health', call: (a) => a.get('/health'), expect: { anonymous: 200, approver: 200, otherUnit: 200, auditor: 200, admin: 200 } },
    { name: 'GET /me', call: (a) => a.get('/api/v1/me'), expect: { anonymous: 401, approver: 200, otherUnit: 200, auditor: 200, admin: 200 } },
    { name: 'GET /definitions', call: (a) => a.get('/api/v1/definitions'), expect: { anonymous: 401, approver: 200, otherUnit: 200, auditor: 200, admin: 200 } },
    {
      name: 'POST /instances',
      call: (a) => a.post('/api/v1/instances').send({ definitionKey: 'test-approval', input: { noiDung: 'Kiến nghị về chiếu sáng' } }),
      expect: { anonymous: 401, approver: 201, otherUnit: 201, auditor: 403, admin: 201 },
    },
    {
      name: 'GET /instances/:id',
      call: async (a) => a.get(`/api/v1/instances/${(await newCase()).id}`),
      expect: { anonymous: 401, approver: 200, otherUnit: 404, auditor: 200, admin: 200 },
    },
    {
      name: 'GET /instances/:id/history',
      call: async (a) => a.get(`/api/v1/instances/${(await newCase()).id}/history`),
      expect: { anonymous: 401, approver: 200, otherUnit: 404, auditor: 200, admin: 200 },
    },
    {
      name: 'GET /instances/:id/timers',
      call: async (a) => a.get(`/api/v1/instances/${(await newCase()).id}/timers`),
      expect: { anonymous: 401, approver: 200, otherUnit: 404, auditor: 200, admin: 200 },
    },
    {
      name: 'GET /instances/:id/tasks',
      call: async (a) => {
        const { id, taskId } = await newCase();
        const res = await a.get(`/api/v1/instances/${id}/tasks`);
        if (res.status === 200) expect(res.body.items.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([[taskId, 'open']]);
        return res;
      },
      expect: { anonymous: 401, approver: 200, otherUnit: 404, auditor: 200, admin: 200 },
    },
    {
      name: 'POST /instances/:id/events',
      call: async (a) => a.post(`/api/v1/instances/${(await newCase()).id}/events`).send({ type: 'CHUYEN' }),
      // CHUYEN answers the intake task: its candidates only; an admin only with an override (below).
      expect: { anonymous: 401, approver: 200, otherUnit: 404, auditor: 403, admin: 403 },
    },
    {
      name: 'POST /instances/:id/events with an override',
      call: async (a) => a.post(`/api/v1/instances/${(await newCase()).id}/events`).send({ type: 'CHUYEN', override: { reason: 'Cán bộ tiếp dân vắng; Chủ tịch giao chuyển thay' } }),
      expect: { anonymous: 401, approver: 403, otherUnit: 404, auditor: 403, admin: 200 },
    },
    { name: 'GET /tasks', call: (a) => a.get('/api/v1/tasks'), expect: { anonymous: 401, approver: 200, otherUnit: 200, auditor: 200, admin: 200 } },
    {
      name: 'GET /tasks/:id',
      call: async (a) => a.get(`/api/v1/tasks/${(await newCase()).taskId}`),
      expect: { anonymous: 401, approver: 200, otherUnit: 404, auditor: 200, admin: 200 },
    },
    {
      name: 'POST /tasks/:id/claim',
      call: async (a) => a.post(`/api/v1/tasks/${(await newCase()).taskId}/claim`),
      expect: { anonymous: 401, approver: 200, otherUnit: 404, auditor: 403, admin: 403 },
    },
    {
      name: 'POST /tasks/:id/comments',
      call: async (a) => a.post(`/api/v1/tasks/${(await newCase()).taskId}/comments`).send({ text: 'Đã liên hệ công dân' }),
      expect: { anonymous: 401, approver: 201, otherUnit: 404, auditor: 403, admin: 201 },
    },
    { name: 'GET /users', call: (a) => a.get('/api/v1/users'), expect: { anonymous: 401, approver: 403, otherUnit: 403, auditor: 200, admin: 200 } },
    {
      name: 'POST /users',
      call: (a) => a.post('/api/v1/users').send({ username: `nguoi-dung-${++seq}`, displayName: 'Người dùng mới', memberships: [{ role: 'chu-tich', unit: 'ubnd' }] }),
      expect: { anonymous: 401, approver: 403, otherUnit: 403, auditor: 403, admin: 201 },
    },
    { name: 'GET /units', call: (a) => a.get('/api/v1/units'), expect: { anonymous: 401, approver: 200, otherUnit: 200, auditor: 200, admin: 200 } },
    { name: 'GET /people', call: (a) => a.get('/api/v1/people'), expect: { anonymous: 401, approver: 200, otherUnit: 200, auditor: 200, admin: 200 } },
    {
      name: 'PUT /units/:key',
      call: (a) => a.put('/api/v1/units/to-dan-pho-1').send({ name: { vi: 'Tổ dân phố số 1', en: 'Residential group 1' }, parentKey: 'phuong-an-phong' }),
      expect: { anonymous: 401, approver: 403, otherUnit: 403, auditor: 403, admin: 200 },
    },
    {
      name: 'PUT /calendar/overrides/:date',
      call: (a) => a.put('/api/v1/calendar/overrides/2026-12-31').send({ kind: 'day-off' }),
      expect: { anonymous: 401, approver: 403, otherUnit: 403, auditor: 403, admin: 200 },
    },
    {
      name: 'GET /calendar/holidays',
      call: (a) => a.get('/api/v1/calendar/holidays?year=2027'),
      expect: { anonymous: 401, approver: 200, otherUnit: 200, auditor: 200, admin: 200 },
    },
  ];

  it.each(matrix.flatMap((row) => WHO.map((who) => ({ row, who }))).map(({ row, who }) => [`${row.name} as ${who} -> ${row.expect[who]}`, row, who] as const))(
    '%s',
    async (_name, row, who) => {
      const res = await row.call(agents[who]);
      expect(res.status).toBe(row.expect[who]);
    },
  );

  it('end to end: the receiving officer takes in a petition, the chairman decides in his own inbox', async () => {
    const login = await t.anon.post('/api/v1/auth/login').send({ username: 'tiep-dan-1', password: TEST_PASSWORD }).expect(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, accessToken: expect.any(String) });
    const officer = t.anon;
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    const me = await officer.get('/api/v1/me').set(auth).expect(200);
    expect(me.body).toMatchObject({ username: 'tiep-dan-1', memberships: [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }] });
    expect(me.body.units[0].name.vi).toBe('Bộ phận tiếp công dân');

    const started = await officer.post('/api/v1/instances').set(auth).send({ definitionKey: 'test-approval', input: { noiDung: 'Phản ánh rác thải tại tổ dân phố 3' } }).expect(201);
    expect(started.body.startedBy).toBe('tiep-dan-1');
    const inbox = await officer.get('/api/v1/tasks?bucket=claimable&definitionKey=test-approval&limit=100').set(auth).expect(200);
    const intake = inbox.body.items.find((x: { instanceId: string }) => x.instanceId === started.body.id);
    expect(intake).toMatchObject({ state: 'tiepNhan', title: { vi: 'Tiếp nhận kiến nghị' }, assignee: null, outcomes: ['CHUYEN'], priority: 'normal' });

    const claimed = await officer.post(`/api/v1/tasks/${intake.id}/claim`).set(auth).expect(200);
    expect(claimed.body.assignee).toBe('tiep-dan-1');
    const mine = await officer.get('/api/v1/tasks?bucket=mine').set(auth).expect(200);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(intake.id);
    expect(mine.body.counts.mine).toBeGreaterThanOrEqual(1);

    await officer.post(`/api/v1/tasks/${intake.id}/complete`).set(auth).send({ outcome: 'DUYET' }).expect(400);
    await officer.post(`/api/v1/tasks/${intake.id}/complete`).set(auth).send({ outcome: 'CHUYEN', assignee: 'ai-do' }).expect(400); // no mass assignment
    const done = await officer.post(`/api/v1/tasks/${intake.id}/complete`).set(auth).send({ outcome: 'CHUYEN', payload: { ghiChu: 'Chuyển Chủ tịch' } }).expect(200);
    expect(done.body.task).toMatchObject({ status: 'completed', completedBy: 'tiep-dan-1', outcome: 'CHUYEN' });
    expect(done.body.instance).toMatchObject({ state: 'xemXet', revision: 2 });

    const chairman = await t.as('chu-tich-1', [{ role: 'chu-tich', unit: 'ubnd' }]);
    const chairInbox = await chairman.get('/api/v1/tasks?definitionKey=test-approval&limit=100').expect(200);
    const review = chairInbox.body.items.find((x: { instanceId: string }) => x.instanceId === started.body.id);
    expect(review).toMatchObject({ state: 'xemXet', priority: 'high', candidateRoles: ['chu-tich'], assignee: null });
    expect(review.dueAt).toBe(done.body.instance.deadlines[0].dueAt); // due with the state's deadline (10 working days)
    const officerAfter = await officer.get('/api/v1/tasks?limit=100').set(auth).expect(200);
    expect(officerAfter.body.items.map((x: { id: string }) => x.id)).not.toContain(review.id);

    await chairman.post(`/api/v1/tasks/${review.id}/claim`).expect(200);
    const bad = await chairman.post(`/api/v1/tasks/${review.id}/complete`).send({ outcome: 'DUYET', payload: {} }).expect(400);
    expect(JSON.stringify(bad.body.details.issues)).toContain('soQuyetDinh');
    const approved = await chairman.post(`/api/v1/tasks/${review.id}/complete`).send({ outcome: 'DUYET', payload: { soQuyetDinh: '15/QĐ-UBND' } }).expect(200);
    expect(approved.body.instance).toMatchObject({ state: 'daDuyet', status: 'done', context: { soQuyetDinh: '15/QĐ-UBND' } });

    const history = (await chairman.get(`/api/v1/instances/${started.body.id}/history`).expect(200)).body.items;
    expect(history.map((h: { event: { type: string }; actor: { id: string } }) => [h.event.type, h.actor.id])).toEqual([
      ['xstate.init', 'tiep-dan-1'],
      ['CHUYEN', 'tiep-dan-1'],
      ['DUYET', 'chu-tich-1'],
    ]);
  });

  it('two candidates claim the same task at once: one wins, the other gets 409', async () => {
    const { taskId } = await newCase();
    const a = await t.as('tiep-dan-a', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]);
    const b = await t.as('tiep-dan-b', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]);
    for (let round = 0; round < 5; round++) {
      const { taskId: id } = round === 0 ? { taskId } : await newCase();
      const results = await Promise.all([a.post(`/api/v1/tasks/${id}/claim`), b.post(`/api/v1/tasks/${id}/claim`)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('TASK_NOT_CLAIMABLE');
    }
  });

  it('separation of duties: who forwarded a petition may not approve it -> 403 with the reason', async () => {
    const both = await t.as('kiem-nhiem', [
      { role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' },
      { role: 'chu-tich', unit: 'ubnd' },
    ]);
    const { id, taskId } = await newCase();
    await both.post(`/api/v1/tasks/${taskId}/claim`).expect(200);
    await both.post(`/api/v1/tasks/${taskId}/complete`).send({ outcome: 'CHUYEN' }).expect(200);
    const [review] = (await both.get('/api/v1/tasks?bucket=claimable&limit=100').expect(200)).body.items.filter((x: { instanceId: string }) => x.instanceId === id);
    await both.post(`/api/v1/tasks/${review.id}/claim`).expect(200);
    const refused = await both.post(`/api/v1/tasks/${review.id}/complete`).send({ outcome: 'DUYET', payload: { soQuyetDinh: '1/QĐ' } }).expect(403);
    expect(refused.body).toMatchObject({ code: 'SEPARATION_OF_DUTIES', message: expect.stringContaining('Separation of duties') });
    expect((await t.http.get(`/api/v1/instances/${id}`).expect(200)).body.state).toBe('xemXet');
  });

  it('delegation goes only to someone who may hold the task, and is recorded', async () => {
    const { taskId } = await newCase();
    const officer = agents.approver;
    await t.as('tiep-dan-2', [{ role: 'can-bo-tiep-dan', unit: 'bo-phan-tiep-cong-dan' }]);
    await officer.post(`/api/v1/tasks/${taskId}/claim`).expect(200);
    const wrong = await officer.post(`/api/v1/tasks/${taskId}/delegate`).send({ to: 'tiep-dan-khac' }).expect(400);
    expect(wrong.body.details.problems[0].field).toBe('to');
    await officer.post(`/api/v1/tasks/${taskId}/delegate`).send({ to: 'khong-ton-tai' }).expect(400);
    const moved = await officer.post(`/api/v1/tasks/${taskId}/delegate`).send({ to: 'tiep-dan-2', reason: 'Nghỉ phép' }).expect(200);
    expect(moved.body.assignee).toBe('tiep-dan-2');
    const detail = await t.http.get(`/api/v1/tasks/${taskId}`).expect(200);
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual(['claimed', 'delegated']);
    expect(detail.body.events[1]).toMatchObject({ actor: 'tiep-dan-1', data: { from: 'tiep-dan-1', to: 'tiep-dan-2', reason: 'Nghỉ phép' } });
    await officer.post(`/api/v1/tasks/${taskId}/unclaim`).expect(403); // no longer theirs
  });

  it('failed sign-ins are throttled; API tokens work until revoked', async () => {
    await t.as('throttle-me', [{ role: 'chu-tich', unit: 'ubnd' }]);
    for (let i = 0; i < 5; i++) await t.anon.post('/api/v1/auth/login').send({ username: 'throttle-me', password: 'sai-mat-khau-1' }).expect(401);
    const locked = await t.anon.post('/api/v1/auth/login').send({ username: 'throttle-me', password: TEST_PASSWORD }).expect(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    await t.anon.post('/api/v1/auth/login').send({ username: 'khong-co-ai', password: 'x' }).expect(401);

    const created = await agents.approver.post('/api/v1/me/tokens').send({ name: 'Hệ thống một cửa' }).expect(201);
    expect(created.body.token).toMatch(/^php_/);
    const viaToken = await t.anon.get('/api/v1/me').set('Authorization', `Bearer ${created.body.token}`).expect(200);
    expect(viaToken.body.username).toBe('tiep-dan-1');
    const listed = await agents.approver.get('/api/v1/me/tokens').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    await agents.approver.delete(`/api/v1/me/tokens/${created.body.id}`).expect(204);
    await t.anon.get('/api/v1/me').set('Authorization', `Bearer ${created.body.token}`).expect(401);
    await t.anon.get('/api/v1/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
  });

  it('any signed-in person reads who is who (names only): pages name colleagues, never by user id', async () => {
    await t.http.patch(`/api/v1/users/${(await t.http.get('/api/v1/users').expect(200)).body.items.find((u: { username: string }) => u.username === 'tiep-dan-1').id}`).send({ email: 'tiep-dan-1@anphong.gov.vn' }).expect(200);
    const people = (await agents.approver.get('/api/v1/people').expect(200)).body.items;
    const officer = people.find((p: { username: string }) => p.username === 'tiep-dan-1');
    expect(Object.keys(officer).sort()).toEqual(['displayName', 'username']);
    expect(JSON.stringify(people)).not.toContain('@anphong.gov.vn');
  });

  it('a weak password or a bad membership is refused naming the field', async () => {
    const weak = await t.http.post('/api/v1/users').send({ username: 'yeu', displayName: 'Yếu', password: 'short', memberships: [] }).expect(400);
    expect(weak.body.details.problems[0].field).toBe('password');
    const unit = await t.http.post('/api/v1/users').send({ username: 'sai-don-vi', displayName: 'X', memberships: [{ role: 'chu-tich', unit: 'khong-co' }] }).expect(400);
    expect(unit.body.details.problems[0].field).toBe('memberships[0].unit');
    await t.http.post('/api/v1/users').send({ username: 'tiep-dan-1', displayName: 'Trùng', memberships: [] }).expect(409);
  });
});
