import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { IdentityService } from '#libs/identity';
import { MetricsService } from '#libs/observability';
import { NotificationDelivery } from '#libs/runtime';
import { OutboxRelayService, QueueName, QueueService } from '#libs/scheduler';
import { startTestApp, type QueueKind, type TestAgent, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';

const FIXTURES = 'test/fixtures/notifications';
const TASK_UNIT = 'bo-phan-tiep-cong-dan';
const OTHER_UNIT = 'ubnd';
type Json = Record<string, any>;

/**
 * Notifications as data: a new task, a reminder and an escalation reach the active holders of the
 * named roles in the task's units, through the outbox relay and the `notifications` queue, once per
 * user and cause however often the job runs; a delegation reaches its delegatee; the list and the
 * read marks are the caller's own and nobody else's.
 */
describe.each<QueueKind>(['postgres', 'redis'])('notifications on the %s queue backend', (kind) => {
  let t: TestApp;
  let db: DataSource;
  let canBoA: TestAgent;
  let canBoB: TestAgent;
  let lanhDao: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: FIXTURES, queues: kind });
    db = t.app.get(DataSource);
    canBoA = await t.as('can-bo-a', [{ role: 'can-bo', unit: TASK_UNIT }]);
    canBoB = await t.as('can-bo-b', [{ role: 'can-bo', unit: TASK_UNIT }]);
    lanhDao = await t.as('lanh-dao-a', [{ role: 'lanh-dao', unit: TASK_UNIT }]);
    await t.as('can-bo-khac', [{ role: 'can-bo', unit: OTHER_UNIT }]);
    await t.as('lanh-dao-khac', [{ role: 'lanh-dao', unit: OTHER_UNIT }]);
    const identity = t.app.get(IdentityService);
    const resting = await identity.createUser({ username: 'can-bo-nghi', displayName: 'Cán bộ nghỉ phép', password: 'mat-khau-nghi-phep-2026', memberships: [{ role: 'can-bo', unit: TASK_UNIT }] });
    await identity.updateUser(resting.id, { active: false });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const start = async () => (await t.http.post('/api/v1/instances').send({ definitionKey: 'test-notify' }).expect(201)).body as Json;
  const taskOf = async (instanceId: string) => (await t.http.get(`/api/v1/instances/${instanceId}/tasks`).expect(200)).body.items[0] as Json;
  const list = async (agent: TestAgent, query: Record<string, string | number> = {}) => (await agent.get('/api/v1/me/notifications').query(query).expect(200)).body as Json;
  /** Who got a notification of this kind about this case, one entry per row. */
  const recipients = async (instanceId: string, notificationKind: string) =>
    (
      await db.query(`SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.instance_id = $1 AND n.kind = $2 ORDER BY u.username`, [instanceId, notificationKind])
    ).map((r: { username: string }) => r.username);

  it('a new task notifies its active candidates in its units, exactly once even when the job is delivered again', async () => {
    const created = await start();
    const task = await taskOf(created.id);
    const mine = await eventually(async () => (await list(canBoA)).items.find((n: Json) => n.instanceId === created.id && n.kind === 'task-assigned'), 15000, 'the task-assigned notification');
    expect(mine).toMatchObject({
      kind: 'task-assigned',
      title: { vi: 'Việc mới: Xử lý đơn khiếu nại', en: 'New task: Handle the complaint' },
      body: null,
      instanceId: created.id,
      taskId: task.id,
      definitionKey: 'test-notify',
      readAt: null,
    });
    expect(await recipients(created.id, 'task-assigned')).toEqual(['can-bo-a', 'can-bo-b']);

    // The same row delivered again: directly, as a new job of the queue, and republished by the relay.
    const [{ id: outboxId }] = await db.query(`SELECT id::text FROM outbox WHERE instance_id = $1 AND payload->'effects' @> '[{"type":"task.open"}]'`, [created.id]);
    expect(await t.app.get(NotificationDelivery).deliverOutboxRows([outboxId])).toBe(0);
    const queue = t.app.get(QueueService).queue(QueueName.Notifications);
    // The relay's job names the rows of its pass; this row alone was committed in its own pass or with others.
    const jobs = await queue.getJobs(['completed', 'active', 'waiting', 'delayed']);
    expect(jobs.some((j) => (j.data as { outboxIds?: string[] }).outboxIds?.includes(outboxId))).toBe(true);
    // A job in the shape queued before batching (one row) is still understood.
    const again = await queue.add(QueueName.Notifications, { outboxId }, { jobId: `notify-${outboxId}-again` });
    await eventually(async () => (await again.getState()) === 'completed', 15000, 'the repeated job');
    await db.query(`UPDATE outbox SET published_at = NULL WHERE id = $1`, [outboxId]);
    await t.app.get(OutboxRelayService).drain();
    // drain() skips a row another pass of the relay holds (SKIP LOCKED); that pass publishes it.
    await eventually(async () => (await db.query(`SELECT published_at FROM outbox WHERE id = $1`, [outboxId]))[0].published_at !== null, 15000, 'the row published again');
    await new Promise((r) => setTimeout(r, 500));
    expect(await recipients(created.id, 'task-assigned')).toEqual(['can-bo-a', 'can-bo-b']);
  });

  it("a reminder reaches the task's candidates in its units; an escalation its added roles there and its notify's roles anywhere; never inactive users", async () => {
    const before = await t.app.get(MetricsService).registry.getSingleMetricAsString('phoihop_notifications_created_total');
    const created = await start();
    const task = await taskOf(created.id);
    const escalation = await eventually(async () => (await list(lanhDao)).items.find((n: Json) => n.instanceId === created.id && n.kind === 'escalation'), 20000, "the leader's escalation");
    expect(escalation).toMatchObject({
      title: { vi: 'Quá hạn: Xử lý đơn khiếu nại', en: 'Overdue: Handle the complaint' },
      body: { vi: 'Hồ sơ quá hạn xử lý', en: 'Case overdue' },
      taskId: task.id,
    });
    const reminder = (await list(canBoB)).items.find((n: Json) => n.instanceId === created.id && n.kind === 'reminder');
    expect(reminder).toMatchObject({
      title: { vi: 'Sắp đến hạn: Xử lý đơn khiếu nại', en: 'Due soon: Handle the complaint' },
      body: { vi: 'Còn 2 giây để xử lý', en: '2 seconds left' },
      taskId: task.id,
    });
    expect(await recipients(created.id, 'reminder')).toEqual(['can-bo-a', 'can-bo-b']);
    // lanh-dao-a: added as a candidate role and named by the escalation's notify, told once with the definition's message.
    // lanh-dao-khac, a leader of another unit: told by the notify (it names people to tell, wherever they hold the role).
    expect(await recipients(created.id, 'escalation')).toEqual(['lanh-dao-a', 'lanh-dao-khac']);
    const told = await db.query(`SELECT u.username, n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.instance_id = $1 AND u.username IN ('can-bo-nghi', 'can-bo-khac', 'lanh-dao-khac')`, [created.id]);
    expect(told).toEqual([{ username: 'lanh-dao-khac', kind: 'escalation' }]);
    const after = await t.app.get(MetricsService).registry.getSingleMetricAsString('phoihop_notifications_created_total');
    const escalations = (text: string) => Number(/kind="escalation"} (\d+)/.exec(text)?.[1] ?? 0);
    expect(escalations(after) - escalations(before)).toBeGreaterThanOrEqual(1);
  });

  it('delegation notifies the delegatee at once', async () => {
    const created = await start();
    const task = await taskOf(created.id);
    await canBoA.post(`/api/v1/tasks/${task.id}/claim`).expect(200);
    await canBoA.post(`/api/v1/tasks/${task.id}/delegate`).send({ to: 'can-bo-b', reason: 'Đi công tác' }).expect(200);
    const delegated = (await list(canBoB)).items.filter((n: Json) => n.taskId === task.id && n.kind === 'task-delegated');
    expect(delegated).toEqual([
      expect.objectContaining({
        title: { vi: 'Được giao việc: Xử lý đơn khiếu nại', en: 'Task delegated to you: Handle the complaint' },
        body: { vi: 'Người giao: can-bo-a', en: 'Delegated by can-bo-a' },
        instanceId: created.id,
      }),
    ]);
    expect(await recipients(created.id, 'task-delegated')).toEqual(['can-bo-b']);
  });

  it("a user can never list nor mark another user's notifications", async () => {
    const hers = (await list(canBoB)).items.find((n: Json) => n.readAt === null)!;
    expect(hers).toBeDefined();
    const mine = await list(canBoA, { limit: 100 });
    expect(mine.items.map((n: Json) => n.id)).not.toContain(hers.id);
    const ownRows = (await db.query(`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'can-bo-a'`))[0].n;
    expect(mine.counts.total).toBe(ownRows);

    const refused = await canBoA.post(`/api/v1/me/notifications/${hers.id}/read`).expect(404);
    expect(refused.body.code).toBe('NOTIFICATION_NOT_FOUND');
    await canBoA.post('/api/v1/me/notifications/00000000-0000-4000-8000-000000000000/read').expect(404);
    await canBoA.post('/api/v1/me/notifications/khong-phai-uuid/read').expect(400);
    await canBoA.post('/api/v1/me/notifications/read-all').expect(204);
    expect((await list(canBoB)).items.find((n: Json) => n.id === hers.id).readAt).toBeNull();

    const unreadBefore = (await list(canBoB)).counts.unread;
    await canBoB.post(`/api/v1/me/notifications/${hers.id}/read`).expect(204);
    const read = (await list(canBoB)).items.find((n: Json) => n.id === hers.id);
    expect(read.readAt).not.toBeNull();
    await canBoB.post(`/api/v1/me/notifications/${hers.id}/read`).expect(204);
    expect((await list(canBoB)).items.find((n: Json) => n.id === hers.id).readAt).toBe(read.readAt);
    const unread = await list(canBoB, { unread: 'true', limit: 100 });
    expect(unread.counts.unread).toBe(unreadBefore - 1);
    expect(unread.items.map((n: Json) => n.id)).not.toContain(hers.id);
    expect(unread.items.every((n: Json) => n.readAt === null)).toBe(true);
    await t.anon.get('/api/v1/me/notifications').expect(401);
  });

  it('pages newest first by cursor, and marks all read', async () => {
    // Notices of the earlier tests' tasks still on their way would land between pages.
    const queue = t.app.get(QueueService).queue(QueueName.Notifications);
    await eventually(
      async () => {
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return n === 0 && Object.values(counts).every((c) => c === 0);
      },
      15000,
      'the notifications queue idle',
    );
    const all = await list(canBoB, { limit: 100 });
    expect(all.counts.total).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await list(canBoB, cursor ? { limit: 2, cursor } : { limit: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((n: Json) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((n: Json) => n.id));
    const times = all.items.map((n: Json) => Date.parse(n.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    await canBoB.get('/api/v1/me/notifications').query({ cursor: 'khong-phai-con-tro' }).expect(400);
    await canBoB.get('/api/v1/me/notifications').query({ unread: 'co' }).expect(400);

    expect((await list(canBoB)).counts.unread).toBeGreaterThan(0);
    await canBoB.post('/api/v1/me/notifications/read-all').expect(204);
    const after = await list(canBoB, { unread: 'true' });
    expect(after).toMatchObject({ items: [], nextCursor: null, counts: { unread: 0, total: all.counts.total } });
  });
});
