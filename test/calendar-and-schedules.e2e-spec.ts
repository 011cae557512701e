import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock, firesOn, type MovedScheduleJob, occurrencePlan, QueueName, QueueService, ScheduleProcessor, SchedulesService } from '#libs/scheduler';
import { WorkingCalendar } from '#libs/calendar';
import { startTestApp, type TestApp } from './support/app.js';
import { eventually } from './support/eventually.js';

type Holiday = { date: string; kind: string; basis: string; occasion?: string; source?: { document: string; date: string }; swappedWith?: string };

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

  it('says for each day off whether it is announced (with the document) or estimated by the rule, and lists the Saturdays worked', async () => {
    const res = await t.http.get('/api/v1/calendar/holidays?year=2026').expect(200);
    const byDate = new Map<string, Holiday>(res.body.holidays.map((h: Holiday) => [h.date, h]));
    expect(byDate.get('2026-02-17')).toMatchObject({ kind: 'holiday', basis: 'announced', occasion: 'tet', source: { document: 'Thông báo số 9441/TB-BNV', date: '2025-10-16' } });
    expect(byDate.get('2026-01-02')).toMatchObject({ kind: 'swapped', basis: 'announced', swappedWith: '2026-01-10', source: { document: 'Công văn số 12729/VPCP-KGVX' } });
    expect(byDate.get('2026-08-31')).toMatchObject({ kind: 'swapped', basis: 'announced', swappedWith: '2026-08-22' });
    expect(byDate.get('2026-04-26')).toMatchObject({ basis: 'estimated', occasion: 'hung-kings' });
    expect(byDate.get('2026-04-26')!.source).toBeUndefined();
    expect(res.body.workingDays.map((w: { date: string; basis: string; replaces: string }) => [w.date, w.basis, w.replaces])).toEqual([
      ['2026-01-10', 'announced', '2026-01-02'],
      ['2026-08-22', 'announced', '2026-08-31'],
    ]);
    expect(res.body.announcements.map((a: { occasions: string[]; source: { document: string } }) => [a.source.document, a.occasions])).toEqual([
      ['Công văn số 12729/VPCP-KGVX', ['new-year']],
      ['Thông báo số 9441/TB-BNV', ['tet', 'national-day']],
    ]);
    // Tết Ất Tỵ 2025 as announced: the 5 days are Mon 27 – Fri 31 Jan; Mon 3 Feb is a working day.
    const y2025 = (await t.http.get('/api/v1/calendar/holidays?year=2025').expect(200)).body;
    expect(y2025.holidays.filter((h: Holiday) => h.occasion === 'tet').map((h: Holiday) => `${h.date} ${h.basis}`)).toEqual([
      '2025-01-27 announced',
      '2025-01-28 announced',
      '2025-01-29 announced',
      '2025-01-30 announced',
      '2025-01-31 announced',
    ]);
    expect((await t.http.get('/api/v1/calendar/add-working-days?from=2025-01-24&days=1').expect(200)).body).toEqual({ date: '2025-02-03' });
    // A year nobody announced yet: every day is estimated.
    const y2027 = (await t.http.get('/api/v1/calendar/holidays?year=2027').expect(200)).body;
    expect(y2027.holidays.every((h: Holiday) => h.basis === 'estimated')).toBe(true);
    expect(y2027).toMatchObject({ year: 2027, workingDays: [], announcements: [] });
  });

  it("an admin's override still wins over an announced day", async () => {
    await t.http.put('/api/v1/calendar/overrides/2026-02-20').send({ kind: 'working-day', name: { vi: 'Trực Tết', en: 'Tết duty' } }).expect(200);
    try {
      const res = await t.http.get('/api/v1/calendar/holidays?year=2026').expect(200);
      expect(res.body.holidays.find((h: Holiday) => h.date === '2026-02-20')).toBeUndefined();
      expect(res.body.workingDays).toContainEqual({ date: '2026-02-20', basis: 'override', name: { vi: 'Trực Tết', en: 'Tết duty' } });
      expect((await t.http.get('/api/v1/calendar/add-working-days?from=2026-02-12&days=10').expect(200)).body).toEqual({ date: '2026-03-04' });
    } finally {
      await t.http.delete('/api/v1/calendar/overrides/2026-02-20').expect(204);
    }
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

  describe('on a day off of the ward calendar', () => {
    const occurrenceJob = (definitionKey: string, scheduleKey: string, occurrence: string) => ({ data: { definitionKey, scheduleKey }, timestamp: Date.parse(occurrence), opts: {} });
    const instancesWith = async (businessKey: string) => (await t.http.get(`/api/v1/instances?businessKey=${businessKey}`).expect(200)).body.items as Array<{ id: string; createdAt: string }>;

    it('moves the occurrence to the next working day at the same time, records the move in the history, and starts it once', async () => {
      const clock = t.app.get(Clock);
      const processor = t.app.get(ScheduleProcessor);
      const queue = t.app.get(QueueService).queue(QueueName.Schedules);
      // Thursday 19 Feb 2026, 08:00 in Vietnam: mùng 3 Tết, inside the announced break (14–22 Feb).
      const occurrence = '2026-02-19T01:00:00.000Z';
      const job = occurrenceJob('test-schedule', 'sau-thang', occurrence);
      clock.set(new Date(occurrence));
      try {
        expect(await processor.process(job as never)).toBe('moved to 2026-02-23: TTTT-2026-6T');
        // Delivered again (a retried job, a second worker): the same moved job, nothing more.
        expect(await processor.process(job as never)).toBe('moved to 2026-02-23: TTTT-2026-6T');
        expect(await instancesWith('TTTT-2026-6T')).toEqual([]);
        const moved = (await queue.getDelayed()).filter((j) => (j.data as MovedScheduleJob).occurrence === occurrence);
        expect(moved).toHaveLength(1);
        expect(moved[0]!.id).toBe(`moved-test-schedule-sau-thang-${Date.parse(occurrence)}-2026-02-23`);
        expect(moved[0]!.data).toEqual({
          definitionKey: 'test-schedule',
          scheduleKey: 'sau-thang',
          occurrence,
          startOn: '2026-02-23',
          reason: { vi: 'Ngày nghỉ: Tết Nguyên đán (mùng 3 tháng Giêng)', en: 'Day off: Lunar New Year (Tết) — day 3' },
        });
        // Due four days later, at 08:00 on Monday 23 Feb: the first working day after the break.
        expect(Math.abs((moved[0]!.opts.delay ?? 0) - 4 * 86_400_000)).toBeLessThan(60_000);

        // Monday 23 Feb, 08:00: the moved job runs (promoted: the test does not wait four days).
        clock.set(new Date('2026-02-23T01:00:00.000Z'));
        await moved[0]!.promote();
        const [started] = await eventually(async () => {
          const items = await instancesWith('TTTT-2026-6T');
          return items.length ? items : undefined;
        }, 15000, 'the moved start');
        expect(started!.createdAt.slice(0, 16)).toBe('2026-02-23T01:00');
        const history = (await t.http.get(`/api/v1/instances/${started!.id}/history`).expect(200)).body.items;
        expect(history).toHaveLength(1);
        expect(history[0]).toMatchObject({ event: { type: 'xstate.init', payload: { ky: '6-thang' } }, actor: { id: 'system' } });
        expect(history[0].actor.schedule).toEqual({
          definition: 'test-schedule',
          key: 'sau-thang',
          occurrence,
          movedFrom: '2026-02-19',
          movedTo: '2026-02-23',
          reason: { vi: 'Ngày nghỉ: Tết Nguyên đán (mùng 3 tháng Giêng)', en: 'Day off: Lunar New Year (Tết) — day 3' },
        });
        expect((await t.http.get(`/api/v1/instances/${started!.id}/history/verify`).expect(200)).body).toMatchObject({ ok: true });

        // The occurrence and its moved job delivered once more: still one case, under the occurrence's own key.
        expect(await processor.process({ ...moved[0]!, data: moved[0]!.data } as never)).toBe('already started: TTTT-2026-6T');
        expect(await processor.process(job as never)).toBe('moved to 2026-02-23: TTTT-2026-6T');
        expect(await instancesWith('TTTT-2026-6T')).toHaveLength(1);
      } finally {
        clock.set(new Date());
      }
    });

    it('follows onDayOff: a working Saturday counts, "skip" starts nothing, "run" starts on the day, and a weekday schedule is not doubled after Tết', async () => {
      const source = {
        key: 'test-ngay-nghi',
        title: { vi: 'Lịch định kỳ gặp ngày nghỉ (kiểm thử)', en: 'Schedules on days off (test)' },
        inputSchema: { type: 'object', properties: {} },
        events: { XONG: { label: { vi: 'Hoàn thành', en: 'Done' }, kind: 'human' } },
        schedules: [
          { key: 'thu-nam', cron: '0 7 * * 4', businessKey: 'TND-{key}-{yyyy}-{mm}-{dd}' },
          { key: 'ngay-lam', cron: '0 7 * * 1-5', businessKey: 'TND-{key}-{yyyy}-{mm}-{dd}' },
          { key: 'bo-qua', cron: '0 7 10 * *', businessKey: 'TND-{key}-{yyyy}-{mm}-{dd}', onDayOff: 'skip' },
          { key: 'dung-ngay', cron: '0 7 25 * *', businessKey: 'TND-{key}-{yyyy}-{mm}-{dd}', onDayOff: 'run' },
        ],
        machine: {
          id: 'test-ngay-nghi',
          initial: 'moi',
          states: {
            moi: { meta: { label: { vi: 'Mới', en: 'New' } }, on: { XONG: { target: 'xong' } } },
            xong: { type: 'final', meta: { label: { vi: 'Xong', en: 'Done' } } },
          },
        },
      };
      const draft = await t.http.post('/api/v1/definitions').send({ source }).expect(201);
      await t.http.post(`/api/v1/definitions/test-ngay-nghi/versions/${draft.body.version}/publish`).expect(200);
      const processor = t.app.get(ScheduleProcessor);
      const run = (scheduleKey: string, occurrence: string) => processor.process(occurrenceJob('test-ngay-nghi', scheduleKey, occurrence) as never);
      const clock = t.app.get(Clock);
      clock.set(new Date('2025-12-20T00:00:00.000Z'));
      try {
        // Thursday 1 Jan 2026 (New Year's Day; Friday 2 Jan swapped off as announced): Monday 5 Jan.
        expect(await run('thu-nam', '2026-01-01T00:00:00.000Z')).toBe('moved to 2026-01-05: TND-thu-nam-2026-01-01');
        // Monday 16 Feb 2026, in the Tết break: the next working day, Monday 23 Feb, has the schedule's own
        // occurrence, so this one starts nothing (not five cases on the Monday after Tết).
        expect(await run('ngay-lam', '2026-02-16T00:00:00.000Z')).toBe(
          "skipped: 2026-02-16 is a day off; the schedule's own occurrence on 2026-02-23 is held instead",
        );
        // Saturday 10 Jan 2026 is worked in exchange for 2 Jan: a working day, so it starts then.
        const saturday = await run('bo-qua', '2026-01-10T00:00:00.000Z');
        expect(saturday).toMatch(/^[0-9a-f-]{36}$/);
        // Sunday 10 May 2026 with "skip": nothing.
        expect(await run('bo-qua', '2026-05-10T00:00:00.000Z')).toBe('skipped: 2026-05-10 is a day off (Weekend)');
        expect(await instancesWith('TND-bo-qua-2026-05-10')).toEqual([]);
        // Sunday 25 Jan 2026 with "run": on the day, not moved.
        const sunday = await run('dung-ngay', '2026-01-25T00:00:00.000Z');
        const history = (await t.http.get(`/api/v1/instances/${sunday}/history`).expect(200)).body.items;
        expect(history[0].actor.schedule).toEqual({ definition: 'test-ngay-nghi', key: 'dung-ngay', occurrence: '2026-01-25T00:00:00.000Z' });
      } finally {
        clock.set(new Date());
      }
    });
  });
});

describe('firesOn (does a moved occurrence land on a day the schedule has its own?)', () => {
  const at = (iso: string) => new Date(iso);
  it('reads the day-of-month, month and day-of-week fields in the schedule time zone', () => {
    expect(firesOn({ cron: '0 7 * * 1-5' }, at('2026-02-23T00:00:00Z'))).toBe(true); // Monday
    expect(firesOn({ cron: '0 7 * * 1-5' }, at('2026-02-21T00:00:00Z'))).toBe(false); // Saturday
    expect(firesOn({ cron: '0 7 * * 4' }, at('2026-02-23T00:00:00Z'))).toBe(false);
    expect(firesOn({ cron: '0 7 10,25 * *' }, at('2026-02-25T00:00:00Z'))).toBe(true);
    expect(firesOn({ cron: '0 7 10,25 * *' }, at('2026-02-26T00:00:00Z'))).toBe(false);
    expect(firesOn({ cron: '0 8 15 6,12 *' }, at('2026-12-15T01:00:00Z'))).toBe(true);
    expect(firesOn({ cron: '0 8 15 6,12 *' }, at('2026-11-15T01:00:00Z'))).toBe(false);
    expect(firesOn({ cron: '0 8 */5 * *' }, at('2026-03-16T01:00:00Z'))).toBe(true); // 1, 6, 11, 16…
    expect(firesOn({ cron: '0 8 1-10/3 * *' }, at('2026-03-07T01:00:00Z'))).toBe(true); // 1, 4, 7, 10
    // Sunday is 0 or 7.
    expect(firesOn({ cron: '0 7 * * 7' }, at('2026-02-22T00:00:00Z'))).toBe(true);
    expect(firesOn({ cron: '0 7 * * 0' }, at('2026-02-22T00:00:00Z'))).toBe(true);
    // Both day fields restricted: either matches (cron's rule).
    expect(firesOn({ cron: '0 7 1 * 1' }, at('2026-02-23T00:00:00Z'))).toBe(true);
    // The day is the schedule's: 20:00 UTC on Monday 23 Feb is Tuesday 24 Feb in Vietnam.
    expect(firesOn({ cron: '0 20 * * 1', timezone: 'UTC' }, at('2026-02-23T20:00:00Z'))).toBe(true);
    expect(firesOn({ cron: '0 20 * * 1' }, at('2026-02-23T20:00:00Z'))).toBe(false);
  });
});

describe('occurrencePlan (the ward calendar on one occurrence, pure)', () => {
  const calendar = new WorkingCalendar();
  const thursday = { key: 'chu-tich', cron: '0 7 * * 4' };
  it('starts on a working day, moves off a day off at the same time of day, and names the reason', () => {
    expect(occurrencePlan('citizen-reception', thursday, new Date('2026-03-05T00:00:00Z'), calendar)).toEqual({
      action: 'start',
      record: { definition: 'citizen-reception', key: 'chu-tich', occurrence: '2026-03-05T00:00:00.000Z' },
    });
    // Thu 19 Feb 2026 (mùng 3 Tết, announced): Mon 23 Feb, 07:00 in Vietnam.
    expect(occurrencePlan('citizen-reception', thursday, new Date('2026-02-19T00:00:00Z'), calendar)).toEqual({
      action: 'move',
      startOn: '2026-02-23',
      at: new Date('2026-02-23T00:00:00Z'),
      reason: { vi: 'Ngày nghỉ: Tết Nguyên đán (mùng 3 tháng Giêng)', en: 'Day off: Lunar New Year (Tết) — day 3' },
    });
    // The Party secretary's reception of Sat 25 Jan 2025: Tết Ất Tỵ as announced (27–31 Jan) follows the weekend, so Mon 3 Feb.
    expect(occurrencePlan('citizen-reception', { key: 'bi-thu', cron: '0 7 10,25 * *' }, new Date('2025-01-25T00:00:00Z'), calendar)).toMatchObject({
      action: 'move',
      startOn: '2025-02-03',
      reason: { vi: 'Ngày nghỉ hằng tuần', en: 'Weekend' },
    });
    // A working Saturday (10 Jan 2026, worked for 2 Jan) is a working day.
    expect(occurrencePlan('x', { key: 'k', cron: '0 7 10 * *' }, new Date('2026-01-10T00:00:00Z'), calendar).action).toBe('start');
  });

  it('skips, runs, joins the schedule\'s own occurrence, and moves on when the day it was moved to became a day off', () => {
    const sunday = new Date('2026-05-10T00:00:00Z');
    expect(occurrencePlan('x', { key: 'k', cron: '0 7 10 * *', onDayOff: 'skip' }, sunday, calendar)).toEqual({ action: 'skip', why: '2026-05-10 is a day off (Weekend)' });
    expect(occurrencePlan('x', { key: 'k', cron: '0 7 10 * *', onDayOff: 'run' }, sunday, calendar)).toMatchObject({ action: 'start', record: { occurrence: sunday.toISOString() } });
    expect(occurrencePlan('x', { key: 'k', cron: '0 7 * * 1-5' }, new Date('2026-02-16T00:00:00Z'), calendar)).toEqual({
      action: 'skip',
      why: "2026-02-16 is a day off; the schedule's own occurrence on 2026-02-23 is held instead",
    });
    const moved = { startOn: '2026-02-23', reason: { vi: 'Ngày nghỉ: Tết', en: 'Day off: Tết' } };
    expect(occurrencePlan('x', thursday, new Date('2026-02-19T00:00:00Z'), calendar, moved)).toEqual({
      action: 'start',
      record: { definition: 'x', key: 'chu-tich', occurrence: '2026-02-19T00:00:00.000Z', movedFrom: '2026-02-19', movedTo: '2026-02-23', reason: moved.reason },
    });
    const withOverride = new WorkingCalendar([{ date: '2026-02-23', kind: 'day-off' }]);
    expect(occurrencePlan('x', thursday, new Date('2026-02-19T00:00:00Z'), withOverride, moved)).toEqual({
      action: 'move',
      startOn: '2026-02-24',
      at: new Date('2026-02-24T00:00:00Z'),
      reason: moved.reason,
    });
  });
});
