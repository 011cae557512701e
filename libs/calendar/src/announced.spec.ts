import { describe, expect, it } from '@jest/globals';
import { type Announcement, ANNOUNCEMENTS, indexAnnouncements } from './announced.js';
import { type Holiday, WorkingCalendar } from './index.js';
import { errorCode } from './calendar-error.test.js';

/** The ward's calendar: announced schedules (announced.ts) where there are some, the rule elsewhere. */
const calendar = new WorkingCalendar();
/** The rule alone, as for a year nobody has announced yet. */
const rule = new WorkingCalendar([], { announcements: [] });

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const weekday = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
/** `2025-01-27 Mon holiday`: date, weekday and kind, so the tables below say which day of the week each one is. */
const line = (h: { date: string; kind?: string }) => `${h.date} ${weekday(h.date)} ${h.kind ?? 'working'}`;
const announced = (year: number) => calendar.holidays(year).filter((h) => h.basis === 'announced');
const documentOf = (h: Holiday | undefined) => h?.source?.document;


/** The days from `from` to `to` (inclusive) that are not working days. */
function daysOff(cal: WorkingCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    const date = d.toISOString().slice(0, 10);
    if (!cal.isWorkingDay(date)) out.push(date);
  }
  return out;
}

describe('announced schedules: Tết and the other occasions, 2023–2026', () => {
  it('2023 (Công văn 8056/VPCP-KGVX, 1 Dec 2022): Tết Quý Mão Fri 20 – Thu 26 Jan, National Day Fri 1 – Mon 4 Sep', () => {
    expect(announced(2023).map(line)).toEqual([
      '2023-01-20 Fri holiday', // 29 tháng Chạp
      '2023-01-21 Sat holiday', // 30 tháng Chạp
      '2023-01-22 Sun holiday', // mùng 1
      '2023-01-23 Mon holiday',
      '2023-01-24 Tue holiday', // mùng 3
      '2023-01-25 Wed compensatory', // for Saturday 21 Jan
      '2023-01-26 Thu compensatory', // for Sunday 22 Jan
      '2023-09-01 Fri holiday', // the adjacent day
      '2023-09-02 Sat holiday',
      '2023-09-04 Mon compensatory',
    ]);
    expect(calendar.workingDays(2023)).toEqual([]);
    expect(daysOff(calendar, '2023-01-19', '2023-01-27')).toEqual([
      '2023-01-20',
      '2023-01-21',
      '2023-01-22',
      '2023-01-23',
      '2023-01-24',
      '2023-01-25',
      '2023-01-26',
    ]);
    expect(daysOff(calendar, '2023-08-31', '2023-09-05')).toEqual(['2023-09-01', '2023-09-02', '2023-09-03', '2023-09-04']);
    const h = calendar.holidays(2023);
    expect(h.find((x) => x.date === '2023-01-20')).toMatchObject({
      name: { vi: 'Tết Nguyên đán (29 tháng Chạp)' },
      occasion: 'tet',
      source: { document: 'Công văn số 8056/VPCP-KGVX', date: '2022-12-01' },
    });
    expect(h.find((x) => x.date === '2023-01-25')).toMatchObject({ compensatesFor: '2023-01-21', name: { vi: 'Nghỉ bù Tết Nguyên đán (30 tháng Chạp)' } });
    // New Year's Day and Hùng Kings' day, 30 April and 1 May were not announced differently: by the rule.
    expect(h.filter((x) => x.basis === 'estimated').map(line)).toEqual([
      '2023-01-01 Sun holiday',
      '2023-01-02 Mon compensatory',
      '2023-04-29 Sat holiday', // Hùng Kings
      '2023-04-30 Sun holiday',
      '2023-05-01 Mon holiday',
      '2023-05-02 Tue compensatory',
      '2023-05-03 Wed compensatory',
    ]);
  });

  it('2024 (Thông báo 5015/TB-LĐTBXH; Công văn 2450/VPCP-KGVX): Tết Giáp Thìn Thu 8 – Wed 14 Feb, 27 Apr – 1 May with Saturday 4 May worked', () => {
    expect(announced(2024).map(line)).toEqual([
      '2024-02-08 Thu holiday', // 29 tháng Chạp
      '2024-02-09 Fri holiday', // 30 tháng Chạp
      '2024-02-10 Sat holiday', // mùng 1
      '2024-02-11 Sun holiday',
      '2024-02-12 Mon holiday', // mùng 3
      '2024-02-13 Tue compensatory',
      '2024-02-14 Wed compensatory',
      '2024-04-29 Mon swapped',
      '2024-04-30 Tue holiday',
      '2024-05-01 Wed holiday',
      '2024-09-02 Mon holiday',
      '2024-09-03 Tue holiday', // the adjacent day
    ]);
    expect(calendar.workingDays(2024).map(line)).toEqual(['2024-05-04 Sat working']);
    expect(calendar.workingDays(2024)[0]).toMatchObject({
      basis: 'announced',
      replaces: '2024-04-29',
      occasion: 'reunification-labour',
      source: { document: 'Công văn số 2450/VPCP-KGVX', date: '2024-04-12' },
    });
    expect(calendar.isWorkingDay('2024-05-04')).toBe(true);
    expect(daysOff(calendar, '2024-02-07', '2024-02-15')).toEqual([
      '2024-02-08',
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
    ]);
    expect(daysOff(calendar, '2024-04-26', '2024-05-06')).toEqual(['2024-04-27', '2024-04-28', '2024-04-29', '2024-04-30', '2024-05-01', '2024-05-05']);
    expect(daysOff(calendar, '2024-08-30', '2024-09-04')).toEqual(['2024-08-31', '2024-09-01', '2024-09-02', '2024-09-03']);
    const h = calendar.holidays(2024);
    expect(documentOf(h.find((x) => x.date === '2024-02-08'))).toBe('Thông báo số 5015/TB-LĐTBXH');
    expect(documentOf(h.find((x) => x.date === '2024-04-29'))).toBe('Công văn số 2450/VPCP-KGVX');
    expect(h.find((x) => x.date === '2024-04-29')).toMatchObject({
      kind: 'swapped',
      swappedWith: '2024-05-04',
      name: { vi: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)' },
    });
    // The rule would have taken Fri 9 – Thu 15 Feb (30 Chạp + mùng 1–4, and two compensatory days).
    expect(daysOff(rule, '2024-02-07', '2024-02-16')).toEqual([
      '2024-02-09',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
    ]);
  });

  it('2025 (Thông báo 6150/TB-LĐTBXH): Tết Ất Tỵ Sat 25 Jan – Sun 2 Feb, 30 Apr – 4 May with Saturday 26 Apr worked, National Day 30 Aug – 2 Sep', () => {
    expect(announced(2025).map(line)).toEqual([
      '2025-01-27 Mon holiday', // 28 tháng Chạp
      '2025-01-28 Tue holiday', // 29 tháng Chạp, the last day of the year
      '2025-01-29 Wed holiday', // mùng 1
      '2025-01-30 Thu holiday',
      '2025-01-31 Fri holiday', // mùng 3
      '2025-04-30 Wed holiday',
      '2025-05-01 Thu holiday',
      '2025-05-02 Fri swapped',
      '2025-09-01 Mon holiday', // the adjacent day
      '2025-09-02 Tue holiday',
    ]);
    expect(calendar.workingDays(2025).map(line)).toEqual(['2025-04-26 Sat working']);
    expect(daysOff(calendar, '2025-01-24', '2025-02-03')).toEqual([
      '2025-01-25',
      '2025-01-26',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
    ]);
    expect(calendar.isWorkingDay('2025-02-03')).toBe(true); // back on Monday 3 Feb
    expect(calendar.isWorkingDay('2025-02-08')).toBe(false); // and no Saturday worked for Tết
    expect(daysOff(calendar, '2025-04-25', '2025-05-05')).toEqual(['2025-04-27', '2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04']);
    expect(daysOff(calendar, '2025-08-29', '2025-09-03')).toEqual(['2025-08-30', '2025-08-31', '2025-09-01', '2025-09-02']);
    expect(new Set(announced(2025).map(documentOf))).toEqual(new Set(['Thông báo số 6150/TB-LĐTBXH']));
    expect(calendar.holidays(2025).find((x) => x.date === '2025-01-27')?.name).toEqual({
      vi: 'Tết Nguyên đán (28 tháng Chạp)',
      en: 'Lunar New Year (Tết) — 28th day of the 12th lunar month',
    });
    // The rule would have taken Tue 28 Jan – Sat 1 Feb and, for the Saturday, Monday 3 Feb.
    expect(rule.isWorkingDay('2025-01-27')).toBe(true);
    expect(rule.isWorkingDay('2025-02-03')).toBe(false);
  });

  it('2026 (Công văn 12729/VPCP-KGVX; Thông báo 9441/TB-BNV): 1–4 Jan with Saturday 10 Jan worked, Tết Bính Ngọ 14–22 Feb, National Day 29 Aug – 2 Sep with Saturday 22 Aug worked', () => {
    expect(announced(2026).map(line)).toEqual([
      '2026-01-01 Thu holiday',
      '2026-01-02 Fri swapped',
      '2026-02-16 Mon holiday', // 29 tháng Chạp
      '2026-02-17 Tue holiday', // mùng 1
      '2026-02-18 Wed holiday',
      '2026-02-19 Thu holiday',
      '2026-02-20 Fri holiday', // mùng 4
      '2026-08-31 Mon swapped',
      '2026-09-01 Tue holiday', // the adjacent day
      '2026-09-02 Wed holiday',
    ]);
    expect(calendar.workingDays(2026).map(line)).toEqual(['2026-01-10 Sat working', '2026-08-22 Sat working']);
    expect(calendar.workingDays(2026).map((w) => [w.replaces, w.source?.document])).toEqual([
      ['2026-01-02', 'Công văn số 12729/VPCP-KGVX'],
      ['2026-08-31', 'Thông báo số 9441/TB-BNV'],
    ]);
    expect(daysOff(calendar, '2026-01-01', '2026-01-11')).toEqual(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-11']);
    expect(daysOff(calendar, '2026-02-13', '2026-02-23')).toEqual([
      '2026-02-14',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
    ]);
    expect(daysOff(calendar, '2026-08-21', '2026-09-03')).toEqual(['2026-08-23', '2026-08-29', '2026-08-30', '2026-08-31', '2026-09-01', '2026-09-02']);
    expect(calendar.holidays(2026).find((x) => x.date === '2026-02-17')).toMatchObject({
      basis: 'announced',
      source: { document: 'Thông báo số 9441/TB-BNV', date: '2025-10-16' },
    });
    // Tết as announced is the rule's Tết: the same days off.
    expect(daysOff(rule, '2026-02-13', '2026-02-23')).toEqual(daysOff(calendar, '2026-02-13', '2026-02-23'));
    // Hùng Kings' day (a Sunday, so Monday 27 Apr off) and 30 April – 1 May were not announced: by the rule.
    expect(
      calendar
        .holidays(2026)
        .filter((h) => h.basis === 'estimated')
        .map(line),
    ).toEqual(['2026-04-26 Sun holiday', '2026-04-27 Mon compensatory', '2026-04-30 Thu holiday', '2026-05-01 Fri holiday']);
  });

  it('says which occasions of a year are announced, and by which document', () => {
    expect(calendar.announcements(2024)).toEqual([
      { occasions: ['tet', 'national-day'], source: expect.objectContaining({ document: 'Thông báo số 5015/TB-LĐTBXH', date: '2023-11-22' }) },
      { occasions: ['reunification-labour'], source: expect.objectContaining({ document: 'Công văn số 2450/VPCP-KGVX', date: '2024-04-12' }) },
    ]);
    expect(calendar.announcements(2025).map((a) => a.occasions)).toEqual([['tet', 'reunification-labour', 'national-day']]);
    expect(calendar.announcements(2026).map((a) => [a.source.document, a.occasions])).toEqual([
      ['Công văn số 12729/VPCP-KGVX', ['new-year']],
      ['Thông báo số 9441/TB-BNV', ['tet', 'national-day']],
    ]);
    expect(calendar.announcements(2027)).toEqual([]);
    expect(calendar.announcements(2022)).toEqual([]);
  });

  it('keeps the 11 statutory holidays of every announced year, and lists every announced day exactly once', () => {
    for (const year of [2023, 2024, 2025, 2026]) {
      expect(calendar.holidays(year).filter((h) => h.kind === 'holiday')).toHaveLength(11);
      const dates = calendar.holidays(year).map((h) => h.date);
      expect(new Set(dates).size).toBe(dates.length);
    }
    for (const a of ANNOUNCEMENTS) {
      for (const d of a.daysOff) expect(calendar.isWorkingDay(d.date)).toBe(false);
      for (const w of a.workingDays) {
        expect(calendar.isWorkingDay(w.date)).toBe(true);
        expect(weekday(w.date)).toBe('Sat');
      }
    }
  });
});

describe('the rule for the years and occasions nobody announced', () => {
  it('falls back to the rule for a year without data, marked estimated', () => {
    for (const year of [2022, 2027, 2030]) {
      const holidays = calendar.holidays(year);
      expect(holidays).toEqual(rule.holidays(year));
      expect(holidays.every((h) => h.basis === 'estimated' && h.source === undefined)).toBe(true);
      expect(calendar.workingDays(year)).toEqual([]);
    }
    // Tết Đinh Mùi 2027 (mùng 1 = Saturday 6 Feb) by the rule: 30 Chạp Fri 5 Feb, mùng 1–4, and two compensatory days.
    expect(
      calendar
        .holidays(2027)
        .filter((h) => h.occasion === 'tet')
        .map(line),
    ).toEqual([
      '2027-02-05 Fri holiday',
      '2027-02-06 Sat holiday',
      '2027-02-07 Sun holiday',
      '2027-02-08 Mon holiday',
      '2027-02-09 Tue holiday',
      '2027-02-10 Wed compensatory',
      '2027-02-11 Thu compensatory',
    ]);
  });

  it('takes only the occasions an announcement covers: the others of that year stay by the rule', () => {
    const only2026Tet: Announcement[] = [
      {
        ...ANNOUNCEMENTS.find((a) => a.source.document === 'Thông báo số 9441/TB-BNV')!,
        workingDays: [],
        daysOff: ANNOUNCEMENTS.find((a) => a.source.document === 'Thông báo số 9441/TB-BNV')!.daysOff.filter((d) => d.occasion === 'tet'),
      },
    ];
    const cal = new WorkingCalendar([], { announcements: only2026Tet });
    expect(
      cal
        .holidays(2026)
        .filter((h) => h.occasion === 'tet')
        .every((h) => h.basis === 'announced'),
    ).toBe(true);
    expect(
      cal
        .holidays(2026)
        .filter((h) => h.occasion === 'national-day')
        .map((h) => `${h.date} ${h.basis}`),
    ).toEqual(['2026-09-01 estimated', '2026-09-02 estimated']);
    expect(cal.isWorkingDay('2026-08-31')).toBe(true);
    expect(cal.isWorkingDay('2026-01-02')).toBe(true);
  });
});

describe('admins overrides win over the announced schedule too', () => {
  it('a working-day override takes a day off back, a day-off override takes a working Saturday off', () => {
    const cal = new WorkingCalendar([
      { date: '2025-01-27', kind: 'working-day', name: { vi: 'Trực Tết', en: 'On duty' } },
      { date: '2025-04-26', kind: 'day-off' },
      { date: '2025-02-03', kind: 'day-off', name: { vi: 'Nghỉ thêm', en: 'Extra day off' } },
    ]);
    expect(cal.isWorkingDay('2025-01-27')).toBe(true);
    expect(cal.holidays(2025).find((h) => h.date === '2025-01-27')).toBeUndefined();
    expect(cal.isWorkingDay('2025-04-26')).toBe(false);
    expect(cal.isWorkingDay('2025-02-03')).toBe(false);
    expect(cal.holidays(2025).find((h) => h.date === '2025-02-03')).toEqual({
      date: '2025-02-03',
      kind: 'override',
      basis: 'override',
      name: { vi: 'Nghỉ thêm', en: 'Extra day off' },
    });
    // The working days: the announced Saturday is gone (an override made it a day off); the override's working day is listed.
    expect(cal.workingDays(2025)).toEqual([{ date: '2025-01-27', basis: 'override', name: { vi: 'Trực Tết', en: 'On duty' } }]);
    // A day-off override on an announced day adds no second entry.
    const same = new WorkingCalendar([{ date: '2026-02-17', kind: 'day-off' }]);
    expect(same.holidays(2026).filter((h) => h.date === '2026-02-17')).toEqual([expect.objectContaining({ basis: 'announced' })]);
    // A working-day override on a plain weekend is listed under its default name.
    expect(new WorkingCalendar([{ date: '2027-03-06', kind: 'working-day' }]).workingDays(2027)).toEqual([
      { date: '2027-03-06', basis: 'override', name: { vi: 'Ngày làm việc theo thông báo điều chỉnh', en: 'Working day (calendar override)' } },
    ]);
  });
});

describe('counting across an announced Tết', () => {
  it('10 working days from Thursday 12 Feb 2026 end on Thursday 5 Mar, over the 14–22 Feb break', () => {
    // Fri 13 Feb (1), the break, 23–27 Feb (2–6), 2–5 Mar (7–10).
    expect(calendar.addWorkingDays('2026-02-12', 10)).toBe('2026-03-05');
    expect(calendar.workingDaysBetween('2026-02-12', '2026-03-05')).toBe(10);
  });

  it('counts where the announced days differ from the rule', () => {
    // The day after Wednesday 7 Feb 2024 that is a working day: Thursday 15 Feb as announced (Thursday 8 Feb by the rule).
    expect(calendar.addWorkingDays('2024-02-07', 1)).toBe('2024-02-15');
    expect(rule.addWorkingDays('2024-02-07', 1)).toBe('2024-02-08');
    // From the last day of the 2024 break: Thursday 15 Feb (the rule made it a compensatory day: Friday 16).
    expect(calendar.addWorkingDays('2024-02-14', 1)).toBe('2024-02-15');
    expect(rule.addWorkingDays('2024-02-14', 1)).toBe('2024-02-16');
    // Friday 24 Jan 2025 + 1: Monday 3 Feb (27 Jan was a Tết day, 3 Feb a working day).
    expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
    expect(rule.addWorkingDays('2025-01-24', 1)).toBe('2025-01-27');
    // 10 working days from Thursday 19 Jan 2023: 27 Jan, 30 Jan – 3 Feb, 6–9 Feb.
    expect(calendar.addWorkingDays('2023-01-19', 10)).toBe('2023-02-09');
    // A working Saturday counts: 2 working days from Thursday 20 Aug 2026 are Friday 21 and Saturday 22 Aug.
    expect(calendar.addWorkingDays('2026-08-20', 2)).toBe('2026-08-22');
  });

  it('moves a limit in calendar days off an announced day off, onto a working Saturday when there is one', () => {
    // 30 days from 9 Jan 2024 end Thursday 8 Feb, the first day of the break: the limit is Thursday 15 Feb.
    expect(calendar.addCalendarDays('2024-01-09', 30)).toBe('2024-02-15');
    expect(rule.addCalendarDays('2024-01-09', 30)).toBe('2024-02-08');
    // 30 days from 2 Apr 2025 end Friday 2 May, swapped off: Monday 5 May.
    expect(calendar.addCalendarDays('2025-04-02', 30)).toBe('2025-05-05');
    // 30 days from 27 Mar 2025 end Saturday 26 Apr, worked in exchange: the limit ends that Saturday.
    expect(calendar.addCalendarDays('2025-03-27', 30)).toBe('2025-04-26');
    expect(rule.addCalendarDays('2025-03-27', 30)).toBe('2025-04-28');
    // 15 days from 16 Aug 2026 end Monday 31 Aug, swapped for National Day: Thursday 3 Sep.
    expect(calendar.addCalendarDays('2026-08-16', 15)).toBe('2026-09-03');
  });
});

describe('checking announcements', () => {
  const base: Announcement = {
    year: 2030,
    source: { document: 'Thông báo số 1/TB-BNV', date: '2029-10-01', vi: 'Thử', en: 'Test' },
    daysOff: [{ date: '2030-09-02', occasion: 'national-day', kind: 'holiday', name: { vi: 'Quốc khánh (2/9)', en: 'National Day' } }],
    workingDays: [],
  };

  it('accepts the shipped data and a well-formed announcement', () => {
    expect(() => indexAnnouncements(ANNOUNCEMENTS)).not.toThrow();
    expect(
      new WorkingCalendar([], { announcements: [base] })
        .holidays(2030)
        .filter((h) => h.occasion === 'national-day')
        .map((h) => `${h.date} ${h.basis}`),
    ).toEqual(['2030-09-02 announced']);
  });

  it('refuses a malformed one with INVALID_ANNOUNCEMENT', () => {
    const swapOff = {
      date: '2030-09-03',
      occasion: 'national-day' as const,
      kind: 'swapped' as const,
      swappedWith: '2030-09-07',
      name: { vi: 'Nghỉ hoán đổi', en: 'Swapped' },
    };
    const swapOn = { date: '2030-09-07', occasion: 'national-day' as const, replaces: '2030-09-03', name: { vi: 'Làm bù', en: 'Make-up' } };
    const bad: unknown[] = [
      'not an array',
      [null],
      [{ ...base, year: '2030' }],
      [{ ...base, source: { document: '', date: '2029-10-01', vi: 'x', en: 'y' } }],
      [{ ...base, source: { ...base.source, date: '2029-13-01' } }],
      [{ ...base, daysOff: [{ ...base.daysOff[0], date: '2030-02-30' }] }],
      [{ ...base, daysOff: [{ ...base.daysOff[0], occasion: 'christmas' }] }],
      [{ ...base, daysOff: [{ ...base.daysOff[0], kind: 'override' }] }],
      [{ ...base, daysOff: [{ ...base.daysOff[0], name: { vi: 'x' } }] }],
      // a compensatory or swapped day on a weekend; a working day on a weekday
      [{ ...base, daysOff: [{ ...base.daysOff[0], date: '2030-09-01', kind: 'compensatory', compensatesFor: '2030-08-31' }] }],
      [{ ...base, daysOff: [...base.daysOff, { ...swapOff, date: '2030-09-08' }], workingDays: [{ ...swapOn, replaces: '2030-09-08' }] }],
      [{ ...base, daysOff: [...base.daysOff, { ...swapOff, swappedWith: '2030-09-06' }], workingDays: [{ ...swapOn, date: '2030-09-06' }] }],
      // the two sides of a swap must name each other
      [{ ...base, daysOff: [...base.daysOff, swapOff], workingDays: [] }],
      [{ ...base, workingDays: [swapOn] }],
      // a date twice; two announcements of one year covering one occasion
      [{ ...base, daysOff: [...base.daysOff, base.daysOff[0]] }],
      [base, { ...base, daysOff: [{ ...base.daysOff[0], date: '2030-09-03' }] }],
    ];
    for (const announcements of bad) {
      expect(errorCode(() => new WorkingCalendar([], { announcements: announcements as Announcement[] }))).toBe('INVALID_ANNOUNCEMENT');
    }
    expect(
      new WorkingCalendar([], { announcements: [{ ...base, daysOff: [...base.daysOff, swapOff], workingDays: [swapOn] }] }).isWorkingDay('2030-09-07'),
    ).toBe(true);
  });
});
