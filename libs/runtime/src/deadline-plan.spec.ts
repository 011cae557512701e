import { describe, expect, it } from '@jest/globals';
import { WorkingCalendar } from '#libs/calendar';
import type { DeadlineSpec, Effect } from '#libs/engine';
import { deadlineDue, dueBefore, dueOf, extendDue, jobIdOf, planTimers, reminderAt } from './deadline-plan.js';

// Tết 2026 as the government announced it for civil servants: 14–22 Feb.
const calendar = new WorkingCalendar(
  ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'].map((date) => ({
    date,
    kind: 'day-off' as const,
  })),
);

const spec = (over: Partial<DeadlineSpec> = {}): DeadlineSpec => ({ key: 'giaiQuyet', after: { days: 30 }, from: 'entry', event: 'QUA_HAN', reminders: [], ...over });
const arm = (state: string, deadline: DeadlineSpec, startAt: string): Effect => ({ type: 'timer.arm', state, deadline, startAt, at: startAt });

let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

describe('due dates', () => {
  it('counts calendar days from the day after, and moves a last day off to the next working day', () => {
    // 30 days from Fri 6 Feb 2026 is Sun 8 Mar -> Mon 9 Mar; the limit is over at the end of that day (UTC+7).
    expect(dueOf(calendar, '2026-02-06T03:00:00Z', { days: 30 })).toEqual({ dueDate: '2026-03-09', dueAt: new Date('2026-03-09T17:00:00.000Z') });
  });

  it('counts working days across Tết', () => {
    expect(dueOf(calendar, '2026-02-12T02:00:00Z', { workingDays: 10 }).dueDate).toBe('2026-03-05');
  });

  it('adds an ISO duration exactly', () => {
    expect(dueOf(calendar, '2026-02-12T02:00:00Z', { duration: 'PT90S' }).dueAt.toISOString()).toBe('2026-02-12T02:01:30.000Z');
  });

  it('counts a duration from a date alone from the start of that day in Việt Nam, and a date-time without a zone in Việt Nam time', () => {
    // What a date field holds (ngayNhan: "2026-04-13"): 48 hours from 00:00 +07:00.
    expect(dueOf(calendar, '2026-04-13', { duration: 'PT48H' })).toEqual({ dueDate: null, dueAt: new Date('2026-04-14T17:00:00.000Z') });
    expect(dueOf(calendar, '2026-04-13T08:00', { duration: 'PT2H' }).dueAt.toISOString()).toBe('2026-04-13T03:00:00.000Z');
    expect(dueOf(calendar, '2026-04-13T08:00', { workingDays: 1 }).dueDate).toBe('2026-04-14');
  });

  it('puts a reminder days before a limit in hours on an office morning of a working day, not at the time of day it is due', () => {
    // Due Monday 9 Mar 2026 at 10:00 (+07:00); one working day before is Friday 6 Mar, at 07:30.
    const due = dueOf(calendar, '2026-03-06T10:00:00+07:00', { duration: 'PT72H' });
    expect(reminderAt(calendar, due, { workingDays: 1 }).toISOString()).toBe('2026-03-06T00:30:00.000Z');
    expect(reminderAt(calendar, due, { duration: 'PT2H' }).toISOString()).toBe('2026-03-09T01:00:00.000Z');
  });

  it('answers a deadline the calendar cannot compute as the definition\'s fault (a 4xx naming it), not a crash', () => {
    const effects = [arm('xuLy', spec({ key: 'hanXuLy', after: { duration: 'P200Y' } }), '2026-04-13T01:00:00Z')];
    expect(() => planTimers({ effects, deadlines: {}, calendar, at: '2026-04-13T01:00:00Z', newId, specOf: () => undefined })).toThrow(
      expect.objectContaining({ code: 'DEFINITION_INVALID', details: { issues: [expect.objectContaining({ path: '/machine/states/xuLy/meta/deadlines', code: 'deadline_not_computable' })] } }),
    );
  });

  it('counts a limit back from a date in the case: working days, calendar days moved back to a working day, or a duration', () => {
    // The event is on Monday 9 Mar 2026.
    expect(dueBefore(calendar, '2026-03-09', { workingDays: 2 })).toEqual({ dueDate: '2026-03-05', dueAt: new Date('2026-03-05T17:00:00.000Z') });
    expect(dueBefore(calendar, '2026-03-09', { days: 2 }).dueDate).toBe('2026-03-06'); // Saturday 7 Mar is not a working day: Friday
    expect(dueBefore(calendar, '2026-03-09T08:00:00+07:00', { duration: 'PT2H' }).dueAt.toISOString()).toBe('2026-03-08T23:00:00.000Z'); // 06:00 +07:00
    // Across Tết: 3 working days before Tuesday 24 Feb 2026 is Thursday 12 Feb.
    expect(deadlineDue(calendar, '2026-02-24', { before: { workingDays: 3 } }).dueDate).toBe('2026-02-12');
    expect(deadlineDue(calendar, '2026-02-12T02:00:00Z', { after: { workingDays: 10 } }).dueDate).toBe('2026-03-05');
  });

  it('reminds on the morning of a working day before a limit counted back from a date', () => {
    const effects = [arm('chuanBi', spec({ key: 'chuanBiHoiTruong', after: undefined, before: { workingDays: 2 }, from: { context: 'ngaySuKien' }, reminders: [{ before: { workingDays: 1 } }] }), '2026-03-09')];
    const plan = planTimers({ effects, deadlines: {}, calendar, at: '2026-03-02T01:00:00Z', newId, specOf: () => undefined });
    expect(plan.deadlines.chuanBiHoiTruong).toMatchObject({ dueDate: '2026-03-05', dueAt: '2026-03-05T17:00:00.000Z' });
    expect(plan.arm.find((t) => t.kind === 'reminder')!.fireAt).toBe('2026-03-04T00:30:00.000Z'); // Wednesday 4 Mar, 07:30
  });

  it('extends from the current last day, not from today', () => {
    const d = { timerId: 'x', state: 's', startAt: '2026-03-02T02:00:00Z', dueDate: '2026-04-01', dueAt: '2026-04-01T17:00:00.000Z', generation: 1, extensions: [] };
    expect(extendDue(calendar, d, { days: 15 }).dueDate).toBe('2026-04-16');
    expect(extendDue(calendar, d, { days: 30 }).dueDate).toBe('2026-05-04'); // 1 May is a holiday, 2–3 May a weekend
  });

  it('extends from the legal last day, not from the day a weekend moved it to (issue 17)', () => {
    // Accepted Fri 6 Feb 2026: 30 days end Sun 8 Mar, so the limit is Mon 9 Mar; 15 more days end Mon 23 Mar.
    const plan = planTimers({ effects: [arm('giaiQuyet', spec({ key: 'giaiQuyet', after: { days: 30 } }), '2026-02-06')], deadlines: {}, calendar, at: '2026-02-06T02:00:00Z', newId, specOf: () => undefined });
    expect(plan.deadlines.giaiQuyet).toMatchObject({ dueDate: '2026-03-09', legalDate: '2026-03-08' });
    const extended = extendDue(calendar, plan.deadlines.giaiQuyet, { days: 15 });
    expect(extended).toMatchObject({ dueDate: '2026-03-23', legalDate: '2026-03-23' });
    // A row written before the legal day was kept: it is recomputed from the start and the definition.
    const { legalDate: _, ...old } = plan.deadlines.giaiQuyet;
    expect(extendDue(calendar, old, { days: 15 }, { after: { days: 30 } }).dueDate).toBe('2026-03-23');
    // Twice: the second counts on from the first's legal day (23 Mar + 10 = Thu 2 Apr).
    expect(extendDue(calendar, { ...plan.deadlines.giaiQuyet, ...extended, dueAt: extended.dueAt.toISOString() }, { days: 10 }).dueDate).toBe('2026-04-02');
    // Working days are counted after the legal last day too: after Sun 8 Mar, five end Fri 13 Mar.
    expect(extendDue(calendar, plan.deadlines.giaiQuyet, { workingDays: 5 }).dueDate).toBe('2026-03-13');
  });

  it('extends across weekends and the announced holidays (issue 17: Tết as announced)', () => {
    // The shipped calendar: the government's announced schedules (libs/calendar/src/announced.ts).
    const ward = new WorkingCalendar();
    const running = (startAt: string, legalDate: string, dueDate: string) => ({
      timerId: 'x',
      state: 's',
      startAt,
      dueDate,
      legalDate,
      dueAt: `${dueDate}T17:00:00.000Z`,
      generation: 1,
      extensions: [],
    });
    // Accepted Mon 30 Dec 2024, 30 days: Wed 29 Jan 2025 is mùng 1 Tết; the 25 Jan – 2 Feb break
    // (Thông báo 6150/TB-LĐTBXH) makes the limit Mon 3 Feb (the rule would have said Tue 4 Feb).
    const tet2025 = planTimers({ effects: [arm('giaiQuyet', spec({ key: 'giaiQuyet', after: { days: 30 } }), '2024-12-30')], deadlines: {}, calendar: ward, at: '2024-12-30T02:00:00Z', newId, specOf: () => undefined });
    expect(tet2025.deadlines.giaiQuyet).toMatchObject({ dueDate: '2025-02-03', legalDate: '2025-01-29' });
    expect(dueOf(new WorkingCalendar([], { announcements: [] }), '2024-12-30', { days: 30 }).dueDate).toBe('2025-02-04');
    // +15 days counts on from 29 Jan, over the break: Thu 13 Feb (not 18 Feb, 15 days after 3 Feb).
    expect(extendDue(ward, tet2025.deadlines.giaiQuyet, { days: 15 })).toMatchObject({ dueDate: '2025-02-13', legalDate: '2025-02-13' });
    // +5 working days after 29 Jan: 3–7 Feb (nothing of the break counts).
    expect(extendDue(ward, tet2025.deadlines.giaiQuyet, { workingDays: 5 }).dueDate).toBe('2025-02-07');
    // An extension ending on Fri 2 May 2025, swapped off for 30 April – 1 May, ends after the weekend: Mon 5 May.
    expect(extendDue(ward, running('2025-03-03', '2025-04-17', '2025-04-17'), { days: 15 }).dueDate).toBe('2025-05-05');
    // One ending on Sat 26 Apr 2025, worked in exchange, ends that Saturday.
    expect(extendDue(ward, running('2025-03-03', '2025-04-11', '2025-04-11'), { days: 15 }).dueDate).toBe('2025-04-26');
    // Working days across National Day 2026: Mon 31 Aug swapped, 1–2 Sep holidays; Sat 22 Aug worked.
    expect(extendDue(ward, running('2026-08-03', '2026-08-26', '2026-08-26'), { workingDays: 5 }).dueDate).toBe('2026-09-07'); // 27, 28 Aug, 3, 4, 7 Sep
    expect(extendDue(ward, running('2026-08-03', '2026-08-20', '2026-08-20'), { workingDays: 2 }).dueDate).toBe('2026-08-22'); // Fri 21, Sat 22 Aug
    // A limit whose legal last day was a Sunday before Tết 2026 (Sun 8 Feb), extended by 10 days: Wed 18 Feb is
    // mùng 2, so the limit is Mon 23 Feb, the first working day after the break.
    expect(extendDue(ward, running('2026-01-09', '2026-02-08', '2026-02-09'), { days: 10 })).toMatchObject({ dueDate: '2026-02-23', legalDate: '2026-02-18' });
  });

  it('puts a working-day reminder on an office morning before the last day', () => {
    const due = { dueDate: '2026-03-05', dueAt: new Date('2026-03-05T17:00:00Z') };
    expect(reminderAt(calendar, due, { workingDays: 2 }).toISOString()).toBe('2026-03-03T00:30:00.000Z');
    expect(reminderAt(calendar, { dueDate: '2026-02-24', dueAt: new Date('2026-02-24T17:00:00Z') }, { workingDays: 2 }).toISOString()).toBe(
      '2026-02-13T00:30:00.000Z', // the 2 working days before 24 Feb are 23 Feb and, back over Tết, 13 Feb
    );
  });
});

describe('planTimers', () => {
  const base = { calendar, newId, specOf: () => undefined, deadlines: {} };

  it('arms a deadline with its reminders and records it as the next due', () => {
    const plan = planTimers({ ...base, at: '2026-03-02T02:00:00Z', effects: [arm('xuLy', spec({ after: { workingDays: 10 }, reminders: [{ before: { workingDays: 2 } }] }), '2026-03-02T02:00:00Z')] });
    expect(plan.arm.map((t) => [t.kind, t.fireAt])).toEqual([
      ['deadline', '2026-03-16T17:00:00.000Z'],
      ['reminder', '2026-03-12T00:30:00.000Z'],
    ]);
    expect(plan.arm[0].jobId).toBe(jobIdOf(plan.arm[0].id, 1));
    expect(plan.deadlines.giaiQuyet).toMatchObject({ state: 'xuLy', dueDate: '2026-03-16', generation: 1 });
    expect(plan.nextDueAt?.toISOString()).toBe('2026-03-16T17:00:00.000Z');
  });

  it('cancels the timers of a state that is left and forgets its deadline', () => {
    const armed = planTimers({ ...base, at: '2026-03-02T02:00:00Z', effects: [arm('xuLy', spec(), '2026-03-02T02:00:00Z')] });
    const left = planTimers({ ...base, deadlines: armed.deadlines, at: '2026-03-05T02:00:00Z', effects: [{ type: 'timer.cancel', state: 'xuLy', deadlineKey: 'giaiQuyet', at: '2026-03-05T02:00:00Z' }] });
    expect(left.cancelStates).toEqual(['xuLy']);
    expect(left.deadlines).toEqual({});
    expect(left.nextDueAt).toBeNull();
  });

  it('moves a running deadline on extension with a new job id and re-arms its reminders', () => {
    const s = spec({ reminders: [{ before: { days: 3 } }] });
    const armed = planTimers({ ...base, at: '2026-03-02T02:00:00Z', effects: [arm('xuLy', s, '2026-03-02T02:00:00Z')] });
    const timerId = armed.deadlines.giaiQuyet.timerId;
    const extended = planTimers({
      ...base,
      specOf: () => s,
      deadlines: armed.deadlines,
      at: '2026-03-20T02:00:00Z',
      effects: [{ type: 'timer.extend', deadlineKey: 'giaiQuyet', by: { days: 15 }, reason: 'Vụ việc phức tạp', at: '2026-03-20T02:00:00Z' }],
    });
    expect(extended.extend).toEqual([{ id: timerId, fireAt: '2026-04-16T17:00:00.000Z', generation: 2, jobId: jobIdOf(timerId, 2) }]);
    expect(extended.cancelReminderKeys).toEqual(['giaiQuyet']);
    expect(extended.arm.map((t) => [t.kind, t.fireAt])).toEqual([['reminder', '2026-04-13T00:30:00.000Z']]);
    expect(extended.deadlines.giaiQuyet.extensions).toEqual([
      { by: { days: 15 }, at: '2026-03-20T02:00:00Z', previousDueAt: '2026-04-01T17:00:00.000Z', reason: 'Vụ việc phức tạp' },
    ]);
  });

  it('keeps a passed deadline that moved nothing, so the instance shows as overdue', () => {
    const armed = planTimers({ ...base, at: '2026-03-02T02:00:00Z', effects: [arm('xuLy', spec({ event: undefined }), '2026-03-02T02:00:00Z')] });
    const timerId = armed.deadlines.giaiQuyet.timerId;
    const fired = planTimers({ ...base, deadlines: armed.deadlines, at: '2026-04-01T17:00:01Z', effects: [], fire: { timerId, deadlineKey: 'giaiQuyet' } });
    expect(fired.fire).toBe(timerId);
    expect(fired.deadlines.giaiQuyet.firedAt).toBe('2026-04-01T17:00:01Z');
    expect(fired.nextDueAt?.toISOString()).toBe('2026-04-01T17:00:00.000Z');
  });

  it('skips a reminder whose moment has already passed when the deadline is armed', () => {
    const plan = planTimers({ ...base, at: '2026-03-02T02:00:00Z', effects: [arm('xuLy', spec({ after: { duration: 'PT1H' }, reminders: [{ before: { duration: 'PT2H' } }] }), '2026-03-02T02:00:00Z')] });
    expect(plan.arm.map((t) => t.kind)).toEqual(['deadline']);
  });
});

describe('planTimers after a deadline passed', () => {
  it('an extension of a passed deadline arms a new timer, and the state\'s tasks follow the new due date', () => {
    const s = spec({ event: undefined });
    const base = { calendar, newId, specOf: () => s };
    const armed = planTimers({ ...base, deadlines: {}, at: '2026-03-02T02:00:00Z', effects: [arm('xuLy', s, '2026-03-02T02:00:00Z')] });
    const first = armed.deadlines.giaiQuyet.timerId;
    const fired = planTimers({ ...base, deadlines: armed.deadlines, at: '2026-04-01T17:00:01Z', effects: [], fire: { timerId: first, deadlineKey: 'giaiQuyet' } });
    const extended = planTimers({
      ...base,
      deadlines: fired.deadlines,
      at: '2026-04-02T02:00:00Z',
      effects: [{ type: 'timer.extend', deadlineKey: 'giaiQuyet', by: { days: 15 }, at: '2026-04-02T02:00:00Z' }],
    });
    expect(extended.extend).toEqual([]);
    expect(extended.arm).toEqual([expect.objectContaining({ kind: 'deadline', deadlineKey: 'giaiQuyet', fireAt: '2026-04-16T17:00:00.000Z', generation: 1 })]);
    expect(extended.deadlines.giaiQuyet.timerId).not.toBe(first);
    expect(extended.deadlines.giaiQuyet.firedAt).toBeUndefined();
    expect(extended.moved).toEqual([{ state: 'xuLy', dueAt: '2026-04-16T17:00:00.000Z' }]);
  });
});
