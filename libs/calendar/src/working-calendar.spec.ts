import { describe, expect, it } from '@jest/globals';
import { type CalendarOverride, type Holiday, WorkingCalendar } from './index.js';
import { errorCode } from './calendar-error.test.js';

/** The ward's calendar: the announced schedules where there are some (announced.ts), the rule elsewhere. */
const calendar = new WorkingCalendar();
/** The rule alone (holidays.ts), as for a year with no announcement. */
const rule = new WorkingCalendar([], { announcements: [] });

const brief = (holidays: Holiday[]): string[] => holidays.map((h) => `${h.date} ${h.kind}`);


/** Tết Bính Ngọ 2026 for civil servants: Saturday 14 Feb – Sunday 22 Feb. */
const TET_2026: CalendarOverride[] = ['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((d) => ({
  date: `2026-02-${d}`,
  kind: 'day-off',
  name: { vi: 'Nghỉ Tết Nguyên đán Bính Ngọ', en: 'Lunar New Year break' },
}));

describe('WorkingCalendar.holidays', () => {
  it('lists the statutory days off of 2026 by the rule, with Vietnamese and English names', () => {
    const E = { basis: 'estimated' } as const;
    expect(rule.holidays(2026)).toEqual([
      { ...E, occasion: 'new-year', date: '2026-01-01', kind: 'holiday', name: { vi: 'Tết Dương lịch', en: "New Year's Day" } },
      {
        ...E,
        occasion: 'tet',
        date: '2026-02-16',
        kind: 'holiday',
        name: { vi: 'Tết Nguyên đán (29 tháng Chạp)', en: 'Lunar New Year (Tết) — last day of the old lunar year' },
      },
      { ...E, occasion: 'tet', date: '2026-02-17', kind: 'holiday', name: { vi: 'Tết Nguyên đán (mùng 1 tháng Giêng)', en: 'Lunar New Year (Tết) — day 1' } },
      { ...E, occasion: 'tet', date: '2026-02-18', kind: 'holiday', name: { vi: 'Tết Nguyên đán (mùng 2 tháng Giêng)', en: 'Lunar New Year (Tết) — day 2' } },
      { ...E, occasion: 'tet', date: '2026-02-19', kind: 'holiday', name: { vi: 'Tết Nguyên đán (mùng 3 tháng Giêng)', en: 'Lunar New Year (Tết) — day 3' } },
      { ...E, occasion: 'tet', date: '2026-02-20', kind: 'holiday', name: { vi: 'Tết Nguyên đán (mùng 4 tháng Giêng)', en: 'Lunar New Year (Tết) — day 4' } },
      {
        ...E,
        occasion: 'hung-kings',
        date: '2026-04-26',
        kind: 'holiday',
        name: { vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', en: "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)" },
      },
      {
        ...E,
        occasion: 'hung-kings',
        date: '2026-04-27',
        kind: 'compensatory',
        compensatesFor: '2026-04-26',
        name: {
          vi: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
          en: "Compensatory day off for Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)",
        },
      },
      {
        ...E,
        occasion: 'reunification-labour',
        date: '2026-04-30',
        kind: 'holiday',
        name: { vi: 'Ngày Giải phóng miền Nam, thống nhất đất nước (30/4)', en: 'Reunification Day (30 April)' },
      },
      {
        ...E,
        occasion: 'reunification-labour',
        date: '2026-05-01',
        kind: 'holiday',
        name: { vi: 'Ngày Quốc tế Lao động (1/5)', en: 'International Labour Day (1 May)' },
      },
      {
        ...E,
        occasion: 'national-day',
        date: '2026-09-01',
        kind: 'holiday',
        name: { vi: 'Quốc khánh (ngày liền kề, 1/9)', en: 'National Day (adjacent day, 1 September)' },
      },
      { ...E, occasion: 'national-day', date: '2026-09-02', kind: 'holiday', name: { vi: 'Quốc khánh (2/9)', en: 'National Day (2 September)' } },
    ]);
    expect(rule.workingDays(2026)).toEqual([]);
    expect(rule.announcements(2026)).toEqual([]);
  });

  it('names Tết eve 30 tháng Chạp when the old year ends with a 30-day month', () => {
    expect(rule.holidays(2023).find((h) => h.date === '2023-01-21')?.name.vi).toBe('Tết Nguyên đán (30 tháng Chạp)');
  });

  it('gives a compensatory day (nghỉ bù) for holidays on weekends', () => {
    // 2022: 1 Jan on Saturday; Hùng Kings (10 Apr) on Sunday; 30 Apr Saturday and 1 May Sunday.
    const y2022 = calendar.holidays(2022).filter((h) => h.kind === 'compensatory');
    expect(y2022.map((h) => [h.date, h.compensatesFor])).toEqual([
      ['2022-01-03', '2022-01-01'],
      ['2022-04-11', '2022-04-10'],
      ['2022-05-02', '2022-04-30'],
      ['2022-05-03', '2022-05-01'],
    ]);
    expect(y2022.find((h) => h.date === '2022-05-02')?.name.vi).toBe('Nghỉ bù Ngày Giải phóng miền Nam, thống nhất đất nước (30/4)');
    expect(y2022.find((h) => h.date === '2022-05-03')?.name.vi).toBe('Nghỉ bù Ngày Quốc tế Lao động (1/5)');
    // 2 Sep 2023 was a Saturday: 1 Sep (Friday) is the adjacent day, Monday 4 Sep the compensatory day.
    expect(brief(calendar.holidays(2023).filter((h) => h.date >= '2023-08-01'))).toEqual([
      '2023-09-01 holiday',
      '2023-09-02 holiday',
      '2023-09-04 compensatory',
    ]);
    expect(calendar.isWorkingDay('2023-09-04')).toBe(false);
    expect(calendar.isWorkingDay('2023-09-05')).toBe(true);
  });

  it('pushes the compensatory days of a Tết that spans a weekend past its end (by the rule)', () => {
    // Tết Quý Mão: 30 Chạp = Saturday 21 Jan 2023, mùng 1 = Sunday 22 Jan. (The announced break was
    // 20–26 Jan: see the announced schedules below.)
    expect(brief(rule.holidays(2023).filter((h) => h.date.startsWith('2023-01')))).toEqual([
      '2023-01-01 holiday',
      '2023-01-02 compensatory',
      '2023-01-21 holiday',
      '2023-01-22 holiday',
      '2023-01-23 holiday',
      '2023-01-24 holiday',
      '2023-01-25 holiday',
      '2023-01-26 compensatory',
      '2023-01-27 compensatory',
    ]);
  });

  it('picks the National Day adjacent day as chosen in 2021–2025', () => {
    const adjacent = (year: number): string | undefined => calendar.holidays(year).find((h) => h.name.vi.startsWith('Quốc khánh (ngày liền kề'))?.date;
    expect([2021, 2022, 2023, 2024, 2025].map(adjacent)).toEqual(['2021-09-03', '2022-09-01', '2023-09-01', '2024-09-03', '2025-09-01']);
    // 2 Sep 2029 is a Sunday: Monday 3 Sep is the adjacent day, Tuesday 4 Sep the compensatory day.
    expect(brief(calendar.holidays(2029).filter((h) => h.date >= '2029-09-01'))).toEqual([
      '2029-09-02 holiday',
      '2029-09-03 holiday',
      '2029-09-04 compensatory',
    ]);
  });

  it('has at least 11 statutory holidays a year, all on distinct dates except 30 Apr 1947', () => {
    for (let year = 1900; year <= 2199; year++) {
      const holidays = calendar.holidays(year).filter((h) => h.kind === 'holiday');
      expect(holidays).toHaveLength(11);
      const distinct = new Set(holidays.map((h) => h.date)).size;
      expect(distinct).toBe(year === 1947 ? 10 : 11);
      for (const h of holidays) expect(h.date.startsWith(`${year}-`)).toBe(true);
    }
    expect(
      calendar
        .holidays(1947)
        .filter((h) => h.date === '1947-04-30')
        .map((h) => h.kind),
    ).toEqual(['holiday', 'holiday']);
  });

  it('includes day-off overrides and drops dates made working days', () => {
    const overrides: CalendarOverride[] = [
      ...TET_2026,
      { date: '2026-02-16', kind: 'day-off' }, // duplicates nothing: the statutory entry is kept
      { date: '2026-09-01', kind: 'working-day' },
      { date: '2026-09-03', kind: 'day-off', name: { vi: 'Nghỉ Quốc khánh (3/9)', en: 'National Day break (3 September)' } },
    ];
    const cal = new WorkingCalendar(overrides.filter((o, i, all) => all.findIndex((x) => x.date === o.date) === i));
    const y2026 = cal.holidays(2026);
    expect(brief(y2026.filter((h) => h.date.startsWith('2026-02')))).toEqual([
      '2026-02-14 override',
      '2026-02-15 override',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-02-21 override',
      '2026-02-22 override',
    ]);
    expect(y2026.find((h) => h.date === '2026-02-14')?.name).toEqual({ vi: 'Nghỉ Tết Nguyên đán Bính Ngọ', en: 'Lunar New Year break' });
    expect(brief(y2026.filter((h) => h.date.startsWith('2026-09')))).toEqual(['2026-09-02 holiday', '2026-09-03 override']);
    // Other years are untouched, and the default name is used when none is given.
    expect(calendar.holidays(2027)).toEqual(cal.holidays(2027));
    const named = new WorkingCalendar([{ date: '2027-03-08', kind: 'day-off' }]).holidays(2027).find((h) => h.kind === 'override');
    expect(named?.name.vi).toBe('Ngày nghỉ theo thông báo điều chỉnh');
  });

  it('returns copies that callers cannot use to corrupt the cache', () => {
    const first = calendar.holidays(2026);
    first[0]!.name.vi = 'changed';
    first.pop();
    expect(calendar.holidays(2026)[0]!.name.vi).toBe('Tết Dương lịch');
    expect(calendar.holidays(2026)).toHaveLength(14);
    const source = calendar.holidays(2026)[0]!.source!;
    source.document = 'changed';
    expect(calendar.holidays(2026)[0]!.source!.document).toBe('Công văn số 12729/VPCP-KGVX');
    const working = calendar.workingDays(2026);
    working[0]!.name.vi = 'changed';
    expect(calendar.workingDays(2026)[0]!.name.vi).toMatch(/^Làm bù/);
  });
});

describe('WorkingCalendar.isWorkingDay / nextWorkingDay', () => {
  it('knows weekends, holidays and ordinary days', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-02-14')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-02-17')).toBe(false); // mùng 1 Tết
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false); // nghỉ bù Giỗ Tổ
    expect(calendar.isWorkingDay('2026-04-28')).toBe(true);
  });

  it('nextWorkingDay is strictly after', () => {
    expect(calendar.nextWorkingDay('2026-02-12')).toBe('2026-02-13');
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    expect(rule.nextWorkingDay('2025-12-31')).toBe('2026-01-02');
    // As announced, Friday 2 Jan 2026 was swapped for Saturday 10 Jan (Công văn 12729/VPCP-KGVX).
    expect(calendar.nextWorkingDay('2025-12-31')).toBe('2026-01-05');
    expect(calendar.nextWorkingDay('2026-01-09')).toBe('2026-01-10');
    expect(calendar.nextWorkingDay('2026-04-24')).toBe('2026-04-28');
  });

  it('lets a working-day override make a Saturday count, and a day-off override remove a weekday', () => {
    const cal = new WorkingCalendar([
      { date: '2026-02-28', kind: 'working-day' },
      { date: '2026-02-23', kind: 'day-off' },
    ]);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-02-23')).toBe(false);
    expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-24');
    expect(calendar.isWorkingDay('2026-02-28')).toBe(false); // other instances are unaffected
  });
});

describe('WorkingCalendar.addWorkingDays', () => {
  it('counts from the day after, skipping Tết: a complaint accepted on 2026-02-12 + 10 working days', () => {
    // Fri 13 Feb (1), Tết break 14–22 Feb, 23–27 Feb (2–6), 2–5 Mar (7–10).
    expect(calendar.addWorkingDays('2026-02-12', 10)).toBe('2026-03-05');
    // The government's Tết 2026 decision (14–22 Feb) matches the statutory default, so the override changes nothing.
    expect(new WorkingCalendar(TET_2026).addWorkingDays('2026-02-12', 10)).toBe('2026-03-05');
    // A working Saturday shortens it; an extra day off lengthens it.
    expect(new WorkingCalendar([...TET_2026, { date: '2026-02-28', kind: 'working-day' }]).addWorkingDays('2026-02-12', 10)).toBe('2026-03-04');
    expect(new WorkingCalendar([...TET_2026, { date: '2026-02-23', kind: 'day-off' }]).addWorkingDays('2026-02-12', 10)).toBe('2026-03-06');
  });

  it('handles 1 and 0 working days and starts on non-working days', () => {
    expect(calendar.addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Friday -> Monday
    expect(calendar.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Saturday -> Monday
    expect(calendar.addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
    expect(calendar.addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-02-17', 0)).toBe('2026-02-23');
  });

  it('crosses year boundaries and long spans', () => {
    expect(rule.addWorkingDays('2025-12-30', 3)).toBe('2026-01-05'); // 31 Dec, 2 Jan, 5 Jan
    expect(calendar.addWorkingDays('2025-12-30', 3)).toBe('2026-01-06'); // 31 Dec, 5 Jan, 6 Jan: 2 Jan was swapped
    expect(calendar.workingDaysBetween('2020-01-01', calendar.addWorkingDays('2020-01-01', 2500))).toBe(2500);
  });

  it('refuses bad input', () => {
    expect(errorCode(() => calendar.addWorkingDays('2026-02-12', -1))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => calendar.addWorkingDays('2026-02-12', 1.5))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => calendar.addWorkingDays('2026-02-12', Number.NaN))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => calendar.addWorkingDays('12/02/2026', 1))).toBe('INVALID_DATE');
    expect(errorCode(() => calendar.addWorkingDays('2199-12-30', 5))).toBe('OUT_OF_RANGE');
  });
});

describe('WorkingCalendar.addCalendarDays', () => {
  it('moves a limit that ends on a weekend to the next working day (Civil Code art. 148)', () => {
    expect(calendar.addCalendarDays('2026-02-06', 30)).toBe('2026-03-09'); // 8 Mar is a Sunday
    expect(calendar.addCalendarDays('2026-03-02', 30)).toBe('2026-04-01'); // a Wednesday: unchanged
  });

  it('moves a limit that ends on a holiday past the holidays', () => {
    expect(calendar.addCalendarDays('2026-03-31', 30)).toBe('2026-05-04'); // 30 Apr, 1 May, weekend
    expect(calendar.addCalendarDays('2026-01-17', 30)).toBe('2026-02-23'); // lands on Tết eve
    expect(calendar.addCalendarDays('2026-03-28', 29)).toBe('2026-04-28'); // Hùng Kings + nghỉ bù
  });

  it('ends on a working Saturday, and handles 0 days', () => {
    const cal = new WorkingCalendar([{ date: '2026-03-07', kind: 'working-day' }]);
    expect(cal.addCalendarDays('2026-02-05', 30)).toBe('2026-03-07');
    expect(calendar.addCalendarDays('2026-03-07', 0)).toBe('2026-03-09');
    expect(calendar.addCalendarDays('2026-03-06', 0)).toBe('2026-03-06');
  });

  it('refuses bad input', () => {
    expect(errorCode(() => calendar.addCalendarDays('2026-02-12', -30))).toBe('INVALID_ARGUMENT');
    expect(errorCode(() => calendar.addCalendarDays('2026-13-01', 30))).toBe('INVALID_DATE');
    expect(errorCode(() => calendar.addCalendarDays('2199-12-01', 60))).toBe('OUT_OF_RANGE');
  });
});

describe('WorkingCalendar.workingDaysBetween', () => {
  it('counts working days in (from, to], the inverse of addWorkingDays', () => {
    expect(calendar.workingDaysBetween('2026-02-12', '2026-03-05')).toBe(10);
    expect(calendar.workingDaysBetween('2026-03-05', '2026-02-12')).toBe(-10);
    expect(calendar.workingDaysBetween('2026-02-12', '2026-02-12')).toBe(0);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-22')).toBe(0);
    expect(rule.workingDaysBetween('2025-12-31', '2026-01-02')).toBe(1);
    expect(calendar.workingDaysBetween('2025-12-31', '2026-01-02')).toBe(0); // 2 Jan 2026 swapped
    // 2026 has 261 weekdays; 11 are days off: 10 holidays on weekdays and the nghỉ bù for Hùng Kings (a Sunday).
    expect(rule.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
    // As announced: 2 swapped weekdays off (2 Jan, 31 Aug) and 2 Saturdays worked (10 Jan, 22 Aug).
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
    for (const n of [1, 5, 10, 30, 90]) {
      expect(calendar.workingDaysBetween('2026-04-24', calendar.addWorkingDays('2026-04-24', n))).toBe(n);
    }
  });
});

describe('WorkingCalendar validation', () => {
  it('refuses malformed overrides', () => {
    const bad: unknown[] = [
      [{ date: '2026-02-30', kind: 'day-off' }],
      [{ date: '2026-02-14', kind: 'holiday' }],
      [{ date: '2026-02-14', kind: 'day-off', name: { vi: 'Nghỉ' } }],
      [
        { date: '2026-02-14', kind: 'day-off' },
        { date: '2026-02-14', kind: 'working-day' },
      ],
      [null],
      'not an array',
    ];
    for (const overrides of bad) {
      expect(errorCode(() => new WorkingCalendar(overrides as CalendarOverride[]))).toBe('INVALID_OVERRIDE');
    }
  });

  it('refuses bad dates and years outside 1900–2199', () => {
    expect(errorCode(() => calendar.isWorkingDay('2026-2-14'))).toBe('INVALID_DATE');
    expect(errorCode(() => calendar.isWorkingDay('2025-02-29'))).toBe('INVALID_DATE');
    expect(errorCode(() => calendar.isWorkingDay(20260214 as unknown as string))).toBe('INVALID_DATE');
    expect(errorCode(() => calendar.isWorkingDay('1899-12-29'))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => calendar.holidays(2200))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => calendar.holidays(2026.5))).toBe('OUT_OF_RANGE');
    expect(errorCode(() => calendar.nextWorkingDay('2199-12-31'))).toBe('OUT_OF_RANGE');
    expect(calendar.isWorkingDay('2024-02-29')).toBe(true);
  });
});
