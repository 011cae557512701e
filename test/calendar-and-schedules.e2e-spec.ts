import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueueName, QueueService, ScheduleProcessor, SchedulesService } from '#libs/scheduler';
import { startTestApp, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';

describe('calendar over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists a year of days off with lunar holidays and compensatory days', async () => {
    const res = await t.http.get('/api/v1/calendar/holidays?year=2026').expect(200);
    const byDate = Object.fromEntries(res.body.holidays.map((h: { date: string; name: { vi: string } }) => [h.date, h.name.vi]));
    expect(byDate['2026-02-17']).toMatch(/Tết Nguyên đán/);
    expect(byDate['2026-04-26']).toMatch(/Giỗ Tổ Hùng Vương/);
    expect(byDate['2026-04-27']).toMatch(/Nghỉ bù/); // Hùng Kings' day falls on a Sunday
    expect(byDate['2026-09-02']).toMatch(/Quốc khánh/);
  });

  it('adds working days, and an admin override changes the answer at once', async () => {
    expect((await t.http.get('/api/v1/calendar/add-working-days?from=2026-02-12&days=10').expect(200)).body).toEqual({ date: '2026-03-05' });
    await t.http.put('/api/v1/calendar/overrides/2026-02-28').send({ kind: 'working-day', name: { vi: 'Làm bù', en: 'Make-up working day' } }).expect(200);
    expect((await t.http.get('/api/v1/calendar/add-working-days?from=2026-02-12&days=10').expect(200)).body).toEqual({ date: '2026-03-04' });
    const list = await t.http.get('/api/v1/calendar/overrides?year=2026').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ date: '2026-02-28', kind: 'working-day', createdBy: 'admin' })]);
    await t.http.delete('/api/v1/calendar/overrides/2026-02-28').expect(204);
    expect((await t.http.get('/api/v1/calendar/add-working-days?from=2026-02-12&days=10').expect(200)).body).toEqual({ date: '2026-03-05' });
    await t.http.delete('/api/v1/calendar/overrides/2026-02-28').expect(404);
  });

  it('names the bad field', async () => {
    const bad = await t.http.get('/api/v1/calendar/add-working-days?from=12/02/2026&days=x').expect(400);
    expect([...new Set(bad.body.details.problems.map((p: { field: string }) => p.field))].sort()).toEqual(['days', 'from']);
    expect((await t.http.get('/api/v1/calendar/holidays?year=3000').expect(400)).body.details.problems[0].field).toBe('year');
    expect((await t.http.put('/api/v1/calendar/overrides/2026-13-45').send({ kind: 'day-off' }).expect(400)).body.details.problems[0].field).toBe('date');
    expect((await t.http.put('/api/v1/calendar/overrides/2026-05-04').send({ kind: 'holiday' }).expect(400)).body.details.problems[0].field).toBe('kind');
  });
});

describe('recurring schedules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ workflowsDir: 'test/fixtures/workflows', queues: 'postgres' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps one job scheduler per definition schedule, in Vietnam time', async () => {
    await t.app.get(SchedulesService).reconcile();
    const schedulers = await t.app.get(QueueService).queue(QueueName.Schedules).getJobSchedulers(0, -1);
    const mine = schedulers.filter((s) => s.key.startsWith('test-schedule:')).sort((a, b) => a.key.localeCompare(b.key));
    expect(mine.map((s) => [s.key, s.pattern, s.tz])).toEqual([
      ['test-schedule:ca-nam', '0 8 15 12 *', 'Asia/Ho_Chi_Minh'],
      ['test-schedule:sau-thang', '0 8 15 6 *', 'Asia/Ho_Chi_Minh'],
    ]);
    // 08:00 on 15 Dec in Vietnam is 01:00 UTC.
    expect(new Date(mine[0].next!).toISOString()).toMatch(/-12-15T01:00:00.000Z$/);
    expect(await t.app.get(SchedulesService).reconcile()).toEqual({ upserted: [], removed: [] });
  });

  it('an occurrence starts one instance with the business key of its period, once', async () => {
    await t.app.get(SchedulesService).reconcile();
    const queue = t.app.get(QueueService).queue(QueueName.Schedules);
    const delayed = await queue.getDelayed();
    const job = delayed.find((j) => j.data.scheduleKey === 'ca-nam')!;
    const year = new Date(job.timestamp + (job.opts.delay ?? 0)).getUTCFullYear();
    await job.promote();
    const found = await eventually(async () => {
      const res = await t.http.get(`/api/v1/instances?businessKey=TTTT-${year}-NAM`).expect(200);
      return res.body.items[0];
    }, 15000, 'the scheduled instance');
    expect(found).toMatchObject({ definition: { key: 'test-schedule' }, state: 'thuThap', context: { ky: 'nam' }, startedBy: 'system' });
    // The same occurrence again (a retried job, a second worker) starts nothing new.
    const again = await t.app.get(ScheduleProcessor).process(job as never);
    expect(again).toBe(`already started: TTTT-${year}-NAM`);
    expect((await t.http.get(`/api/v1/instances?businessKey=TTTT-${year}-NAM`).expect(200)).body.items).toHaveLength(1);
  });
});
