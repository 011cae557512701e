import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { TimerFiring } from '#libs/runtime';
import { Clock, QueueName, QueueService, TimerSweepService } from '#libs/scheduler';
import { startTestApp, type QueueKind, type TestAgent, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';

const FIXTURES = 'test/fixtures/workflows';

/** Deadlines, reminders, escalations and extensions, driven by real BullMQ jobs on each backend. */
describe.each<QueueKind>(['postgres', 'redis'])('timers on the %s queue backend', (kind) => {
  let t: TestApp;
  let db: DataSource;
  /** A candidate of every task, signed in before any case starts: these deadlines are seconds long. */
  let officer: TestAgent;

  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: FIXTURES, queues: kind });
    db = t.app.get(DataSource);
    officer = await t.officer();
  });
  afterAll(async () => {
    await t.close();
  });

  const start = async (definitionKey = 'test-deadlines', input?: Record<string, unknown>) =>
    (await t.http.post('/api/v1/instances').send({ definitionKey, input }).expect(201)).body;
  const get = async (id: string) => (await t.http.get(`/api/v1/instances/${id}`).expect(200)).body;
  const history = async (id: string) => (await t.http.get(`/api/v1/instances/${id}/history`).expect(200)).body.items as Array<{ event: { type: string }; actor: { id: string }; to: unknown }>;
  const timers = async (id: string) => (await t.http.get(`/api/v1/instances/${id}/timers`).expect(200)).body.items as Array<Record<string, any>>;

  it('a deadline fires once through the event path, after its reminder, and escalates', async () => {
    const created = await start();
    expect(created.deadlines).toEqual([expect.objectContaining({ key: 'hanXuLy', state: 'xuLy', passed: false, dueDate: null })]);
    expect(Date.parse(created.nextDueAt) - Date.parse(created.createdAt)).toBe(2000);

    await eventually(async () => (await get(created.id)).state === 'quaHan', 15000, 'the deadline to move the case');
    const rows = await history(created.id);
    expect(rows.filter((h) => h.event.type === 'QUA_HAN')).toHaveLength(1);
    expect(rows.find((h) => h.event.type === 'QUA_HAN')).toMatchObject({ actor: { id: 'system' }, to: 'quaHan' });

    const all = await timers(created.id);
    const deadline = all.find((x) => x.deadlineKey === 'hanXuLy' && x.kind === 'deadline')!;
    const reminder = all.find((x) => x.deadlineKey === 'hanXuLy' && x.kind === 'reminder')!;
    expect(deadline.status).toBe('fired');
    expect(reminder.status).toBe('fired');
    expect(Date.parse(reminder.firedAt)).toBeLessThanOrEqual(Date.parse(deadline.firedAt));

    const effects = (await db.query(`SELECT payload FROM outbox WHERE instance_id = $1 ORDER BY id`, [created.id])).flatMap(
      (r: { payload: { effects: Array<{ type: string }> } }) => r.payload.effects,
    );
    expect(effects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'notify', reminder: { deadlineKey: 'hanXuLy', state: 'xuLy' }, roles: ['can-bo'] }),
        expect.objectContaining({ type: 'task.escalate', state: 'xuLy', priority: 'urgent', addRoles: ['lanh-dao'] }),
        expect.objectContaining({ type: 'notify', roles: ['lanh-dao'], message: { vi: 'Hồ sơ quá hạn xử lý', en: 'Case overdue' } }),
      ]),
    );
  });

  it('a limit in hours counted from a date the officer entered is due from that day\'s start, its reminder on an office morning', async () => {
    const created = await start('test-date-deadline');
    // Received Thursday 4 Mar 2027: 48 hours from 00:00 +07:00 end at the end of Friday 5 Mar.
    const moved = await officer.post(`/api/v1/instances/${created.id}/events`).send({ type: 'NHAN', payload: { ngayNhan: '2027-03-04' } }).expect(200);
    expect(moved.body.deadlines).toEqual([expect.objectContaining({ key: 'hanXuLy', state: 'xuLy', dueAt: '2027-03-05T17:00:00.000Z' })]);
    const reminder = (await timers(created.id)).find((x) => x.kind === 'reminder')!;
    // One working day before that last day: Thursday 4 Mar at 07:30 +07:00, not at midnight.
    expect(reminder.fireAt).toBe('2027-03-04T00:30:00.000Z');
  });

  it('a deadline with no event records that it passed and leaves the case overdue', async () => {
    const created = await start();
    await eventually(async () => (await history(created.id)).some((h) => h.event.type === 'deadline.passed'), 15000, 'the escalation-only deadline');
    const view = await get(created.id);
    expect(view.state).toBe('quaHan');
    expect(view.deadlines).toEqual([expect.objectContaining({ key: 'chiDao', passed: true })]);
    const overdue = await t.http.get('/api/v1/instances?overdue=true&definitionKey=test-deadlines&limit=100').expect(200);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(created.id);
    expect((await history(created.id)).filter((h) => h.event.type === 'deadline.passed')).toHaveLength(1);
  });

  it('leaving the state cancels its timers: nothing fires afterwards', async () => {
    const created = await start();
    await officer.post(`/api/v1/instances/${created.id}/events`).send({ type: 'XONG' }).expect(200);
    expect((await timers(created.id)).map((x) => x.status)).toEqual(['cancelled', 'cancelled']);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await history(created.id)).map((h) => h.event.type)).toEqual(['xstate.init', 'XONG']);
    expect((await get(created.id)).nextDueAt).toBeNull();
  });

  it('a job for a timer whose state was left, or for an older generation, changes nothing', async () => {
    const created = await start();
    const [deadline] = await timers(created.id);
    const instances = t.app.get(TimerFiring);
    expect(await instances.fireTimer(deadline.id, `t-${deadline.id}-g7`)).toBe('stale');
    await officer.post(`/api/v1/instances/${created.id}/events`).send({ type: 'XONG' }).expect(200);
    const jobId = (await db.query(`SELECT job_id FROM timers WHERE id = $1`, [deadline.id]))[0].job_id;
    expect(await instances.fireTimer(deadline.id, jobId)).toBe('stale');
    expect((await get(created.id)).revision).toBe(2);
  });

  it('an extension moves the running deadline, with a new job, and is recorded', async () => {
    const created = await start();
    const extended = await officer.post(`/api/v1/instances/${created.id}/events`).send({ type: 'GIA_HAN', payload: { lyDo: 'Vụ việc phức tạp' } }).expect(200);
    expect(extended.body.deadlines[0].extensions).toEqual([expect.objectContaining({ by: { duration: 'PT3S' }, reason: 'Vụ việc phức tạp' })]);
    expect(Date.parse(extended.body.nextDueAt) - Date.parse(created.nextDueAt)).toBe(3000);
    const deadline = (await timers(created.id)).find((x) => x.kind === 'deadline')!;
    expect(deadline.generation).toBe(2);

    await new Promise((r) => setTimeout(r, 2600));
    expect((await get(created.id)).state).toBe('xuLy');
    await eventually(async () => (await get(created.id)).state === 'quaHan', 15000, 'the extended deadline');
    expect((await history(created.id)).filter((h) => h.event.type === 'QUA_HAN')).toHaveLength(1);
  });

  it('the sweep re-arms every pending timer after the queue was emptied behind the engine', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await start()).id);
    const queues = t.app.get(QueueService);
    const jobIds: string[] = (await db.query(`SELECT job_id FROM timers WHERE instance_id = ANY($1) AND status = 'pending'`, [ids])).map((r: { job_id: string }) => r.job_id);
    expect(jobIds.length).toBeGreaterThanOrEqual(10);
    const queued = async () => (await Promise.all(jobIds.map((j) => queues.queue(QueueName.Timers).getJob(j)))).filter(Boolean).length;
    await eventually(async () => (await queued()) === jobIds.length, 10000, 'the jobs to be queued');
    if (kind === 'redis') {
      const redis = new Redis(process.env.PHOIHOP_TEST_REDIS_URL!);
      const keys = await redis.keys(`${queues.backend.prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    } else {
      const tables: Array<{ tablename: string }> = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'bullmq' AND tablename NOT LIKE '%migration%'`);
      await db.query(`TRUNCATE ${tables.map((x) => `bullmq.${x.tablename}`).join(', ')}`);
    }
    // These cases' jobs are gone (a late relay pass may still queue other cases' timers meanwhile).
    expect(await queued()).toBe(0);
    const report = await t.app.get(TimerSweepService).sweep();
    expect(report.readded).toBeGreaterThanOrEqual(10);
    for (const id of ids) await eventually(async () => (await get(id)).state === 'quaHan', 15000, 'the re-armed deadline');
    for (const id of ids) expect((await history(id)).filter((h) => h.event.type === 'QUA_HAN')).toHaveLength(1);
  });

  it('a timer whose job failed for good gets a new generation and job from the sweep, and fires', async () => {
    const created = await start();
    const deadline = (await timers(created.id)).find((x) => x.kind === 'deadline')!;
    const jobId = (await db.query(`SELECT job_id FROM timers WHERE id = $1`, [deadline.id]))[0].job_id;
    const queue = t.app.get(QueueService).queue(QueueName.Timers);
    await eventually(async () => (await queue.getJob(jobId)) ?? false, 10000, 'the job to be queued');
    // Replace its job by one that fails at once and is not retried.
    await (await queue.getJob(jobId))!.remove();
    await queue.add(QueueName.Timers, { timerId: 'not-a-timer', instanceId: created.id, fireAt: new Date().toISOString() }, { jobId, attempts: 1 });
    await eventually(async () => (await (await queue.getJob(jobId))?.getState()) === 'failed', 10000, 'the job to fail');

    const report = await t.app.get(TimerSweepService).sweep();
    expect(report.rearmed).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await get(created.id)).state === 'quaHan', 15000, 'the re-armed deadline');
    const after = (await timers(created.id)).find((x) => x.id === deadline.id)!;
    expect(after).toMatchObject({ status: 'fired', generation: 2 });
  });

  it('a clock jump past a working-day deadline fires it at once (the sweep promotes the job)', async () => {
    const created = await start('example-document-approval', { trichYeu: 'Báo cáo công tác dân vận quý IV' });
    await officer.post(`/api/v1/instances/${created.id}/events`).send({ type: 'TRINH' }).expect(200);
    const view = await get(created.id);
    expect(view.deadlines[0]).toMatchObject({ key: 'duyet', state: 'choDuyet' });
    const clock = t.app.get(Clock);
    clock.set(new Date(Date.parse(view.nextDueAt) + 1000));
    try {
      const report = await t.app.get(TimerSweepService).sweep();
      expect(report.promoted + report.readded).toBeGreaterThanOrEqual(1);
      await eventually(async () => (await history(created.id)).some((h) => h.event.type === 'QUA_HAN'), 15000, 'the promoted deadline');
    } finally {
      clock.set(new Date());
    }
    const row = (await history(created.id)).find((h) => h.event.type === 'QUA_HAN')!;
    expect(row).toMatchObject({ actor: { id: 'system' }, to: 'choDuyet' });
  });

  it('a due timer whose job the relay queued while the sweep looked is still promoted', async () => {
    const created = await start('example-document-approval', { trichYeu: 'Báo cáo kết quả tiếp công dân' });
    await officer.post(`/api/v1/instances/${created.id}/events`).send({ type: 'TRINH' }).expect(200);
    const view = await get(created.id);
    const deadline = (await timers(created.id)).find((x) => x.kind === 'deadline' && x.status === 'pending')!;
    const jobId = (await db.query(`SELECT job_id FROM timers WHERE id = $1`, [deadline.id]))[0].job_id;
    const queue = t.app.get(QueueService).queue(QueueName.Timers);
    await eventually(async () => (await (await queue.getJob(jobId))?.getState()) === 'delayed', 10000, 'the relay to queue the job');
    // The sweep's first look misses the job, as when it looks just before the relay's add commits.
    const realGetJob = queue.getJob.bind(queue);
    let looks = 0;
    const spy = jest.spyOn(queue, 'getJob').mockImplementation(async (id: string) => (id === jobId && looks++ === 0 ? undefined : realGetJob(id)));
    const clock = t.app.get(Clock);
    clock.set(new Date(Date.parse(view.nextDueAt) + 1000));
    try {
      const report = await t.app.get(TimerSweepService).sweep();
      expect(report.readded).toBeGreaterThanOrEqual(1);
      expect(report.promoted).toBeGreaterThanOrEqual(1);
      await eventually(async () => (await history(created.id)).some((h) => h.event.type === 'QUA_HAN'), 15000, 'the promoted deadline');
    } finally {
      spy.mockRestore();
      clock.set(new Date());
    }
  });
});
