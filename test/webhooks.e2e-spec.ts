import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { MetricsService } from '#libs/observability';
import { OutboxRelayService, QueueName, QueueService, WebhookSweepService } from '#libs/scheduler';
import { DEFAULT_WEBHOOK_OPTIONS, NodeHttpTransport, signedHeaders, WebhookDelivery } from '#libs/webhooks';
import { startTestApp, type QueueKind, type TestAgent, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const FIXTURES = 'test/fixtures/webhooks';
type Json = Record<string, any>;

/**
 * Webhooks end to end, against a real receiver on loopback: admins' subscriptions, lifecycle and
 * emit events signed in the Standard Webhooks convention and verified by the receiver, retries
 * with backoff and their log, the timeout, no redirects, redelivery, disabling after a run of
 * failures with the admins told, a fan-out run again doubling nothing, and hostile URLs refused.
 */
describe.each<QueueKind>(['postgres', 'redis'])('webhooks on the %s queue backend', (kind) => {
  let t: TestApp;
  let db: DataSource;
  let officer: TestAgent;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    t = await startTestApp({
      workflowsDir: FIXTURES,
      queues: kind,
      scheduler: { webhooks: { allowPrivateUrls: true, timeoutMs: 1000, maxAttempts: 3, retryBaseMs: 200, disableAfter: 2 } },
    });
    db = t.app.get(DataSource);
    officer = await t.officer();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
  });

  /** A subscription on a path of the receiver, which verifies with its secret. */
  const subscribe = async (path: string, topics: string[]) => {
    const created = (await t.http.post('/api/v1/webhooks').send({ url: receiver.url(path), topics, description: `Máy nhận ${path}` }).expect(201)).body as Json;
    receiver.secret(path, created.secret);
    return created;
  };
  const off = (id: string) => t.http.patch(`/api/v1/webhooks/${id}`).send({ enabled: false }).expect(200);
  const start = async (definitionKey = 'test-webhooks') => (await t.http.post('/api/v1/instances').send({ definitionKey }).expect(201)).body as Json;
  const deliveries = async (id: string, query: Record<string, string | number> = {}) => (await t.http.get(`/api/v1/webhooks/${id}/deliveries`).query(query).expect(200)).body as Json;
  const receivedFor = (path: string, instanceId: string) => receiver.on(path).filter((r) => r.verified?.data.instanceId === instanceId);

  it('only admins manage subscriptions; bad input is a 400 naming the field; the secret is shown once', async () => {
    const someone = await t.as('can-bo-thuong', [{ role: 'can-bo', unit: 'ubnd' }]);
    await someone.get('/api/v1/webhooks').expect(403);
    await someone.post('/api/v1/webhooks').send({ url: receiver.url('/x'), topics: ['*'] }).expect(403);

    const bad = async (body: Json, field: string) => {
      const res = await t.http.post('/api/v1/webhooks').send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.problems.map((p: Json) => p.field)).toContain(field);
      return res.body.details.problems.find((p: Json) => p.field === field).reason as string;
    };
    expect(await bad({ url: 'khong-phai-url', topics: ['*'] }, 'url')).toMatch(/absolute URL/);
    expect(await bad({ url: 'ftp://127.0.0.1/x', topics: ['*'] }, 'url')).toMatch(/scheme "ftp"/);
    expect(await bad({ url: receiver.url('/x'), topics: [] }, 'topics')).toMatch(/at least one/);
    expect(await bad({ url: receiver.url('/x'), topics: ['task.created', 'khong-co'] }, 'topics.1')).toMatch(/not a topic/);
    await bad({ url: receiver.url('/x') }, 'topics');

    const created = await subscribe('/crud', ['task.*']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.secret.slice('whsec_'.length), 'base64').length).toBe(32);
    expect(created).toMatchObject({ url: receiver.url('/crud'), topics: ['task.*'], enabled: true, description: 'Máy nhận /crud', createdBy: 'admin', consecutiveFailures: 0 });

    const got = (await t.http.get(`/api/v1/webhooks/${created.id}`).expect(200)).body;
    expect(got).not.toHaveProperty('secret');
    const listed = (await t.http.get('/api/v1/webhooks').expect(200)).body.items.find((w: Json) => w.id === created.id);
    expect(listed).not.toHaveProperty('secret');
    expect(JSON.stringify((await t.http.get('/api/v1/webhooks').expect(200)).body)).not.toContain(created.secret);

    const changed = (await t.http.patch(`/api/v1/webhooks/${created.id}`).send({ topics: ['task.created', 'escalation'], description: null }).expect(200)).body;
    expect(changed).toMatchObject({ topics: ['task.created', 'escalation'], description: null });
    await t.http.patch(`/api/v1/webhooks/${created.id}`).send({ url: 'gopher://127.0.0.1/' }).expect(400);

    const rotated = (await t.http.post(`/api/v1/webhooks/${created.id}/rotate-secret`).expect(201)).body;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);

    await t.http.delete(`/api/v1/webhooks/${created.id}`).expect(204);
    await t.http.get(`/api/v1/webhooks/${created.id}`).expect(404);
    await t.http.get('/api/v1/webhooks/khong-phai-uuid').expect(400);
  });

  it('lifecycle events and a workflow emit reach the receiver signed and verifiable; topics and wildcards choose what', async () => {
    const all = await subscribe('/all', ['*']);
    const tasks = await subscribe('/tasks', ['task.*']);
    const emits = await subscribe('/emits', ['emit.don-thu.*']);
    const created = await start();
    const [task] = (await officer.get(`/api/v1/instances/${created.id}/tasks`).expect(200)).body.items;
    await officer.post(`/api/v1/tasks/${task.id}/claim`).expect(200);
    await officer.post(`/api/v1/tasks/${task.id}/complete`).send({ outcome: 'XONG', payload: { ketQua: 'Đã giải quyết xong' } }).expect(200);

    const expected = ['instance.started', 'task.created', 'task.completed', 'emit.don-thu.da-xu-ly', 'instance.finished'];
    const got = await eventually(async () => {
      const r = receivedFor('/all', created.id);
      return r.length >= expected.length && r;
    }, 20000, 'every event of the case at /all');
    expect(receiver.on('/all').filter((r) => !r.verified)).toEqual([]);
    expect(got.map((r) => r.verified!.type).sort()).toEqual([...expected].sort());
    for (const r of got) {
      expect(r.headers['webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.verified!.data).toMatchObject({ instanceId: created.id, definitionKey: 'test-webhooks' });
    }
    const emit = got.find((r) => r.verified!.type === 'emit.don-thu.da-xu-ly')!.verified!;
    expect(emit.data).toMatchObject({ topic: 'don-thu.da-xu-ly', payload: { ketQua: 'Đã giải quyết xong', loai: 'khiếu nại' } });
    expect(Date.parse(emit.timestamp)).not.toBeNaN();
    expect(got.find((r) => r.verified!.type === 'task.created')!.verified!.data).toMatchObject({ state: 'xuLy', taskId: task.id, title: { vi: 'Xử lý đơn thư', en: 'Handle the petition' }, roles: ['can-bo'] });
    expect(got.find((r) => r.verified!.type === 'task.completed')!.verified!.data).toMatchObject({ state: 'xuLy', taskId: task.id });
    expect(got.find((r) => r.verified!.type === 'instance.started')!.verified!.data).toMatchObject({ startedBy: 'admin', definitionVersion: 1 });

    await eventually(async () => receivedFor('/tasks', created.id).length === 2 && receivedFor('/emits', created.id).length === 1, 10000, 'the filtered subscriptions');
    expect(receivedFor('/tasks', created.id).map((r) => r.verified!.type).sort()).toEqual(['task.completed', 'task.created']);
    expect(receivedFor('/emits', created.id).map((r) => r.verified!.type)).toEqual(['emit.don-thu.da-xu-ly']);

    await eventually(async () => (await deliveries(all.id, { status: 'delivered' })).items.filter((d: Json) => d.instanceId === created.id).length === 5, 10000, 'five deliveries logged as delivered');
    for (const s of [all, tasks, emits]) await off(s.id);
  });

  it('a deadline that passes, with and without escalation, is told as deadline.passed and escalation', async () => {
    const sub = await subscribe('/deadlines', ['deadline.passed', 'escalation']);
    const created = await start('test-webhooks-deadline');
    const got = await eventually(async () => {
      const r = receivedFor('/deadlines', created.id);
      return r.length >= 3 && r;
    }, 20000, 'two deadlines and one escalation');
    expect(got.map((r) => `${r.verified!.type}:${r.verified!.data.deadlineKey}`).sort()).toEqual(['deadline.passed:hanDau', 'deadline.passed:hanXuLy', 'escalation:hanXuLy']);
    expect(got.find((r) => r.verified!.type === 'escalation')!.verified!.data).toMatchObject({ state: 'xuLy', priority: 'urgent', addRoles: ['lanh-dao'] });
    await off(sub.id);
  });

  it('500 then 200: delivered on the second attempt, both in the log with codes and latency, under one webhook-id', async () => {
    const metrics = t.app.get(MetricsService).registry;
    const before = await metrics.getSingleMetricAsString('phoihop_webhook_attempts_total');
    const sub = await subscribe('/flaky', ['instance.started']);
    receiver.script('/flaky', { status: 500 });
    const created = await start();
    const delivery = await eventually(async () => (await deliveries(sub.id)).items.find((d: Json) => d.instanceId === created.id && d.status === 'delivered'), 15000, 'the delivery');
    expect(delivery.attempts).toBe(2);
    expect(delivery.log).toEqual([
      expect.objectContaining({ attempt: 1, ok: false, responseCode: 500, error: 'HTTP 500' }),
      expect.objectContaining({ attempt: 2, ok: true, responseCode: 200, error: null }),
    ]);
    for (const l of delivery.log) expect(l.latencyMs).toBeGreaterThanOrEqual(0);
    const calls = receivedFor('/flaky', created.id);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.headers['webhook-id'])).toEqual([delivery.id, delivery.id]);
    expect(calls[0].body).toBe(calls[1].body);
    expect(JSON.parse(calls[0].body)).toEqual(delivery.payload);
    const after = await metrics.getSingleMetricAsString('phoihop_webhook_attempts_total');
    const count = (text: string, outcome: string) => Number(new RegExp(`outcome="${outcome}"} (\\d+)`).exec(text)?.[1] ?? 0);
    expect(count(after, 'retrying') - count(before, 'retrying')).toBeGreaterThanOrEqual(1);
    expect(count(after, 'delivered') - count(before, 'delivered')).toBeGreaterThanOrEqual(1);
    await off(sub.id);
  });

  it('a receiver that does not answer in time fails that attempt; the next one goes through', async () => {
    const sub = await subscribe('/slow', ['instance.started']);
    receiver.script('/slow', { hangMs: 3000 });
    const created = await start();
    const delivery = await eventually(async () => (await deliveries(sub.id)).items.find((d: Json) => d.instanceId === created.id && d.status === 'delivered'), 15000, 'the delivery after the timeout');
    expect(delivery.log[0]).toMatchObject({ attempt: 1, ok: false, responseCode: null, error: 'no answer within 1000 ms' });
    expect(delivery.log[0].latencyMs).toBeGreaterThanOrEqual(950);
    expect(delivery.log[0].latencyMs).toBeLessThan(2500);
    expect(delivery.log[1]).toMatchObject({ attempt: 2, ok: true, responseCode: 200 });
    await off(sub.id);
  });

  it('a redirect is not followed and fails; a manual redelivery sends the same delivery again', async () => {
    const sub = await subscribe('/moved', ['instance.started']);
    receiver.secret('/elsewhere', sub.secret);
    const redirect = { status: 302, headers: { location: receiver.url('/elsewhere') } };
    receiver.script('/moved', redirect, redirect, redirect);
    const created = await start();
    const failed = await eventually(async () => (await deliveries(sub.id, { status: 'failed' })).items.find((d: Json) => d.instanceId === created.id), 15000, 'the failed delivery');
    expect(failed.attempts).toBe(3);
    expect(failed.log.map((l: Json) => [l.responseCode, l.error])).toEqual(Array(3).fill([302, `redirect not followed (HTTP 302 to ${receiver.url('/elsewhere')})`]));
    expect(receiver.on('/elsewhere')).toEqual([]);
    await eventually(async () => (await t.http.get(`/api/v1/webhooks/${sub.id}`).expect(200)).body.consecutiveFailures === 1, 10000, 'one failed delivery counted');

    await t.http.post(`/api/v1/webhooks/${sub.id}/deliveries/${failed.id}/redeliver`).expect(204);
    const redelivered = await eventually(async () => (await deliveries(sub.id, { status: 'delivered' })).items.find((d: Json) => d.id === failed.id), 15000, 'the redelivery');
    expect(redelivered.log.map((l: Json) => [l.attempt, l.responseCode])).toEqual([[1, 302], [2, 302], [3, 302], [4, 200]]);
    expect(new Set(receivedFor('/moved', created.id).map((r) => r.headers['webhook-id']))).toEqual(new Set([failed.id]));
    await eventually(async () => (await t.http.get(`/api/v1/webhooks/${sub.id}`).expect(200)).body.consecutiveFailures === 0, 10000, 'the run of failures over');

    await t.http.post(`/api/v1/webhooks/${sub.id}/deliveries/${created.id}/redeliver`).expect(404);
    const someone = await t.as('can-bo-thuong', [{ role: 'can-bo', unit: 'ubnd' }]);
    await someone.post(`/api/v1/webhooks/${sub.id}/deliveries/${failed.id}/redeliver`).expect(403);
    await off(sub.id);
  });

  it('after a run of deliveries that used all their attempts the subscription is disabled and the admins are told', async () => {
    const sub = await subscribe('/down', ['instance.started']);
    receiver.script('/down', ...Array(6).fill({ status: 503 }));
    const first = await start();
    const second = await start();
    const disabled = await eventually(async () => {
      const s = (await t.http.get(`/api/v1/webhooks/${sub.id}`).expect(200)).body;
      return !s.enabled && s;
    }, 20000, 'the subscription disabled');
    expect(disabled.consecutiveFailures).toBe(2);
    expect(disabled.disabledReason).toMatch(/2 deliveries in a row failed \(last: HTTP 503\)/);
    expect((await deliveries(sub.id, { status: 'failed' })).items.map((d: Json) => d.instanceId).sort()).toEqual([first.id, second.id].sort());

    const notice = await eventually(
      async () => (await t.http.get('/api/v1/me/notifications').expect(200)).body.items.find((n: Json) => n.kind === 'webhook-disabled'),
      10000,
      "the admins' notification",
    );
    expect(notice.title).toEqual({ vi: `Webhook đã bị tắt: ${receiver.url('/down')}`, en: `Webhook disabled: ${receiver.url('/down')}` });
    expect(notice.body.vi).toContain('2 lần gửi liên tiếp thất bại');

    // Off: later events are not delivered to it; on again, the run of failures starts over.
    const calls = receiver.on('/down').length;
    await start();
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.on('/down')).toHaveLength(calls);
    const again = (await t.http.patch(`/api/v1/webhooks/${sub.id}`).send({ enabled: true }).expect(200)).body;
    expect(again).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null, disabledAt: null });
    await off(sub.id);
  });

  it('a fan-out run again doubles nothing, and one that died before queueing its sends loses nothing', async () => {
    const sub = await subscribe('/once', ['instance.started']);
    const created = await start();
    await eventually(async () => receivedFor('/once', created.id).length === 1, 15000, 'the first delivery');
    await eventually(async () => (await deliveries(sub.id, { status: 'delivered' })).items.some((d: Json) => d.instanceId === created.id), 10000, 'the first delivery recorded');
    const [{ id: outboxId }] = await db.query(`SELECT id::text FROM outbox WHERE instance_id = $1 AND payload->'effects' @> '[{"type":"instance.start"}]'`, [created.id]);
    const count = async () => (await db.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE outbox_id = $1`, [outboxId]))[0].n as number;
    const rows = await count();

    // Again directly, as a new job of the queue, and republished by the relay.
    expect(await t.app.get(WebhookDelivery).fanOut([outboxId])).toEqual([]);
    const queue = t.app.get(QueueService).queue(QueueName.Webhooks);
    const jobs = await queue.getJobs(['completed', 'active', 'waiting', 'delayed']);
    expect(jobs.some((j) => j.data.outboxIds.includes(outboxId))).toBe(true);
    const again = await queue.add(QueueName.Webhooks, { outboxIds: [outboxId] }, { jobId: `webhooks-${outboxId}-again` });
    await eventually(async () => (await again.getState()) === 'completed', 15000, 'the repeated fan-out');
    await db.query(`UPDATE outbox SET published_at = NULL WHERE id = $1`, [outboxId]);
    await t.app.get(OutboxRelayService).drain();
    await eventually(async () => (await db.query(`SELECT published_at FROM outbox WHERE id = $1`, [outboxId]))[0].published_at !== null, 15000, 'the row published again');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await count()).toBe(rows);
    expect(receivedFor('/once', created.id)).toHaveLength(1);

    // A subscription added later, and a fan-out that wrote its delivery and died before queueing the send.
    const late = await subscribe('/late', ['instance.started']);
    const written = await t.app.get(WebhookDelivery).fanOut([outboxId]);
    expect(written).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(receivedFor('/late', created.id)).toHaveLength(0);
    const rerun = await queue.add(QueueName.Webhooks, { outboxIds: [outboxId] }, { jobId: `webhooks-${outboxId}-rerun` });
    await eventually(async () => (await rerun.getState()) === 'completed', 15000, 'the rerun');
    await eventually(async () => receivedFor('/late', created.id).length === 1, 15000, 'the delivery the rerun queued');
    expect(receivedFor('/late', created.id)[0].headers['webhook-id']).toBe(written[0].id);

    // A delivery whose send job was lost (never queued) and has waited longer than a sweep period: the sweep queues it.
    const swept = await subscribe('/swept', ['instance.started']);
    const [lost] = await t.app.get(WebhookDelivery).fanOut([outboxId]);
    await db.query(`UPDATE webhook_deliveries SET created_at = created_at - interval '2 minutes' WHERE id = $1`, [lost.id]);
    expect(await t.app.get(WebhookSweepService).run()).toBeGreaterThanOrEqual(1);
    await eventually(async () => receivedFor('/swept', created.id).length === 1, 15000, 'the swept delivery');
    await eventually(async () => (await db.query(`SELECT status FROM webhook_deliveries WHERE id = $1`, [lost.id]))[0].status === 'delivered', 10000, 'the swept delivery recorded');
    for (const s of [sub, late, swept]) await off(s.id);
  });
});

describe('webhooks: hostile URLs, with private addresses not allowed (the default)', () => {
  let strict: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    strict = await startTestApp({});
  }, 60_000);
  afterAll(async () => {
    await strict?.close();
    await receiver?.stop();
  });

  it.each([
    ['http://127.0.0.1:8080/hook', /loopback/],
    ['http://10.1.2.3/hook', /private/],
    ['http://192.168.1.10/hook', /private/],
    ['http://169.254.169.254/latest/meta-data/', /linkLocal/],
    ['http://[::1]/hook', /loopback/],
    ['http://[::ffff:127.0.0.1]/hook', /loopback/],
    ['http://0.0.0.0/hook', /unspecified/],
    ['http://100.64.0.1/hook', /carrierGradeNat/],
    ['http://[fd00::1]/hook', /uniqueLocal/],
    ['http://localhost:3000/hook', /resolves to .*loopback/],
  ])('%s is refused at registration', async (url, reason) => {
    const res = await strict.http.post('/api/v1/webhooks').send({ url, topics: ['*'] }).expect(400);
    const problem = res.body.details.problems.find((p: Json) => p.field === 'url');
    expect(problem.reason).toMatch(reason);
    expect(problem.reason).toMatch(/WEBHOOK_ALLOW_PRIVATE_URLS/);
  });

  it('and at send time, after resolving the name, on the address connected to', async () => {
    const transport = new NodeHttpTransport({ ...DEFAULT_WEBHOOK_OPTIONS, allowPrivateUrls: false });
    const body = JSON.stringify({ type: 'instance.started', timestamp: new Date().toISOString(), data: {} });
    const headers = signedHeaders(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, 'msg-1', new Date(), body);
    const before = receiver.received.length;
    for (const url of [receiver.url('/hostile'), `http://localhost:${receiver.port}/hostile`]) {
      const answer = await transport.post({ url, headers, body });
      expect(answer.status).toBeNull();
      expect(answer.error).toMatch(/^refused: .*loopback/);
    }
    expect(receiver.received.length).toBe(before);
  });
});
