import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ChildReports } from '#libs/runtime';
import { startTestApp, type QueueKind, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';

const FIXTURES = 'test/fixtures/workflows';

/** A campaign starts one nomination per registered model and waits for all of them; reports travel through real queues. */
describe.each<QueueKind>(['postgres', 'redis'])('parent and child instances on the %s queue backend', (kind) => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: FIXTURES, queues: kind });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = async (id: string) => (await t.http.get(`/api/v1/instances/${id}`).expect(200)).body;
  const history = async (id: string) => (await t.http.get(`/api/v1/instances/${id}/history`).expect(200)).body.items as Array<Record<string, any>>;
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params))[0].n);
  const models = [
    { ten: 'Mô hình “Dân vận khéo” tổ dân phố số 3', donVi: 'mttq' },
    { ten: 'Mô hình “Chính quyền thân thiện”', donVi: 'ubnd' },
    { ten: 'Mô hình “Ngõ phố văn minh”', donVi: 'doan-thanh-nien' },
  ];

  it('starts one child per model with the parent, links them both ways and in history, and moves on when the last reports', async () => {
    const campaign = (await t.http.post('/api/v1/instances').send({ definitionKey: 'test-campaign' }).expect(201)).body;
    const registered = (await t.http.post(`/api/v1/instances/${campaign.id}/events`).send({ type: 'DANG_KY', payload: { models } }).expect(200)).body;
    expect(registered.state).toBe('thucHien');
    expect(registered.allowedEvents).not.toContain('child.done');

    const parent = await get(campaign.id);
    expect(parent.children).toHaveLength(3);
    expect(parent.children.map((c: any) => [c.key, c.definition.key, c.status])).toEqual([
      ['deCu#0', 'test-nomination', 'active'],
      ['deCu#1', 'test-nomination', 'active'],
      ['deCu#2', 'test-nomination', 'active'],
    ]);
    const childIds: string[] = parent.children.map((c: any) => c.id);
    const first = await get(childIds[0]);
    expect(first.parent).toEqual({ id: campaign.id, group: 'deCu', key: 'deCu#0' });
    expect(first.context).toEqual({ ten: models[0].ten, donVi: 'mttq' });
    expect((await t.http.get(`/api/v1/instances?parentId=${campaign.id}&limit=10`).expect(200)).body.items).toHaveLength(3);

    const parentRows = await history(campaign.id);
    expect(parentRows[1].links.children.map((c: any) => c.id)).toEqual(childIds);
    expect((await history(childIds[0]))[0].links).toEqual({ parent: { id: campaign.id, definitionKey: 'test-campaign', group: 'deCu', key: 'deCu#0' } });

    // People decide each nomination; the parent waits for the last one.
    await t.http.post(`/api/v1/instances/${childIds[1]}/events`).send({ type: 'KHONG_CONG_NHAN' }).expect(200);
    await t.http.post(`/api/v1/instances/${childIds[0]}/events`).send({ type: 'CONG_NHAN' }).expect(200);
    await eventually(async () => (await get(campaign.id)).context._children.deCu.done === 2, 15000, 'two reports');
    expect((await get(campaign.id)).state).toBe('thucHien');
    await t.http.post(`/api/v1/instances/${childIds[2]}/events`).send({ type: 'CONG_NHAN' }).expect(200);
    await eventually(async () => (await get(campaign.id)).state === 'tongHop', 15000, 'the campaign to move on');

    const done = (await get(campaign.id)).context._children.deCu;
    expect(done.results.map((r: any) => [r.childId, r.state, r.output])).toEqual([
      [childIds[1], 'khongCongNhan', { recognised: false }],
      [childIds[0], 'congNhan', { recognised: true }],
      [childIds[2], 'congNhan', { recognised: true }],
    ]);
    const reports = (await history(campaign.id)).filter((r) => r.event.type === 'child.done');
    expect(reports.map((r) => [r.actor.id, r.links.child.id])).toEqual([
      ['system', childIds[1]],
      ['system', childIds[0]],
      ['system', childIds[2]],
    ]);
    for (const id of [campaign.id, ...childIds]) expect((await t.http.get(`/api/v1/instances/${id}/history/verify`).expect(200)).body.ok).toBe(true);
  });

  it('refuses a forged child.done, and a child input that breaks the child definition, writing nothing', async () => {
    const campaign = (await t.http.post('/api/v1/instances').send({ definitionKey: 'test-campaign' }).expect(201)).body;
    const forged = await t.http.post(`/api/v1/instances/${campaign.id}/events`).send({ type: 'child.done', payload: { group: 'deCu', key: 'deCu#0' } }).expect(422);
    expect(forged.body.message).toContain('child.done');

    const before = await count(`SELECT count(*) AS n FROM workflow_instances`);
    const bad = await t.http.post(`/api/v1/instances/${campaign.id}/events`).send({ type: 'DANG_KY', payload: { models: [{ ten: 'Tốt' }, { ten: 'Dài '.repeat(100) }] } }).expect(400);
    expect(bad.body.message).toContain('deCu#1');
    expect(await count(`SELECT count(*) AS n FROM workflow_instances`)).toBe(before);
    expect((await get(campaign.id)).state).toBe('dangKy');
  });

  it('an empty registration starts nothing and does not wait; a lost report is delivered by the sweep, once', async () => {
    const empty = (await t.http.post('/api/v1/instances').send({ definitionKey: 'test-campaign' }).expect(201)).body;
    expect((await t.http.post(`/api/v1/instances/${empty.id}/events`).send({ type: 'DANG_KY', payload: { models: [] } }).expect(200)).body.state).toBe('tongHop');

    const campaign = (await t.http.post('/api/v1/instances').send({ definitionKey: 'test-campaign' }).expect(201)).body;
    await t.http.post(`/api/v1/instances/${campaign.id}/events`).send({ type: 'DANG_KY', payload: { models: models.slice(0, 1) } }).expect(200);
    const [child] = (await get(campaign.id)).children;
    // Finish the child behind the queue's back: as if its report job were lost.
    await t.http.post(`/api/v1/instances/${child.id}/events`).send({ type: 'CONG_NHAN' }).expect(200);
    const instances = t.app.get(ChildReports);
    await Promise.all([instances.reportPendingChildren(), instances.reportPendingChildren()]);
    await eventually(async () => (await get(campaign.id)).state === 'tongHop', 15000, 'the report');
    expect(await instances.reportPendingChildren()).toBe(0);
    expect(await instances.reportChild(child.id)).toBe('noop');
    expect(await count(`SELECT count(*) AS n FROM workflow_history WHERE instance_id = $1 AND event_type = 'child.done'`, [campaign.id])).toBe(1);
  });
});
