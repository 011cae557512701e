import { describe, expect, it } from '@jest/globals';
import { lunarToSolar, solarToLunar } from './index.js';
import { civilFromJdn, jdnFromCivil, jdnToLunar, lunarToJdn, lunarYearMonths } from './lunar.js';
import { LUNAR_REFERENCE } from './lunar-reference.fixture.js';
import { errorCode } from './calendar-error.test.js';

const iso = (jd: number): string => {
  const { year, month, day } = civilFromJdn(jd);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

// Tết Nguyên đán as printed on Vietnamese calendars (and announced holiday schedules).
const TET: Array<[number, string]> = [
  [2000, '2000-02-05'],
  [2001, '2001-01-24'],
  [2002, '2002-02-12'],
  [2003, '2003-02-01'],
  [2004, '2004-01-22'],
  [2005, '2005-02-09'],
  [2006, '2006-01-29'],
  [2007, '2007-02-17'],
  [2008, '2008-02-07'],
  [2009, '2009-01-26'],
  [2010, '2010-02-14'],
  [2011, '2011-02-03'],
  [2012, '2012-01-23'],
  [2013, '2013-02-10'],
  [2014, '2014-01-31'],
  [2015, '2015-02-19'],
  [2016, '2016-02-08'],
  [2017, '2017-01-28'],
  [2018, '2018-02-16'],
  [2019, '2019-02-05'],
  [2020, '2020-01-25'],
  [2021, '2021-02-12'],
  [2022, '2022-02-01'],
  [2023, '2023-01-22'],
  [2024, '2024-02-10'],
  [2025, '2025-01-29'],
  [2026, '2026-02-17'],
  [2027, '2027-02-06'],
  [2028, '2028-01-26'],
  [2029, '2029-02-13'],
  [2030, '2030-02-02'], // not 02-03: that is the Chinese (UTC+8) date
  [2031, '2031-01-23'],
  [2032, '2032-02-11'],
  [2033, '2033-01-31'],
  [2034, '2034-02-19'],
  [2035, '2035-02-08'],
];

// Giỗ Tổ Hùng Vương (10/3 lunar).
const HUNG_KINGS: Array<[number, string]> = [
  [2012, '2012-03-31'],
  [2019, '2019-04-14'],
  [2020, '2020-04-02'],
  [2021, '2021-04-21'],
  [2022, '2022-04-10'],
  [2023, '2023-04-29'],
  [2024, '2024-04-18'],
  [2025, '2025-04-07'],
  [2026, '2026-04-26'],
  [2027, '2027-04-16'],
  [2028, '2028-04-04'],
  [2029, '2029-04-23'],
  [2030, '2030-04-12'],
];

describe('Vietnamese lunar calendar', () => {
  it.each(TET)('Tết %i is %s', (year, date) => {
    expect(lunarToSolar(1, 1, year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it.each(HUNG_KINGS)("Hùng Kings' day %i is %s", (year, date) => {
    expect(lunarToSolar(10, 3, year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 10, month: 3, year, leap: false });
  });

  it('matches the independent reference for Tết and Hùng Kings, 1968–2174', () => {
    expect(LUNAR_REFERENCE).toHaveLength(207);
    const wrong = LUNAR_REFERENCE.filter(({ year, tet, hungKings }) => lunarToSolar(1, 1, year) !== tet || lunarToSolar(10, 3, year) !== hungKings);
    expect(wrong).toEqual([]);
  });

  it('differs from the Chinese (UTC+8) calendar where the new moon falls between 16:00 and 17:00 UTC', () => {
    const tet = (year: number, tz: number): string => iso(lunarToJdn(1, 1, year, false, tz)!);
    // Tết Mậu Thân 1968, Ất Sửu 1985 (a different leap month: a whole month apart), Đinh Hợi 2007, Canh Tuất 2030.
    expect([1968, 1985, 2007, 2030].map((y) => [tet(y, 7), tet(y, 8)])).toEqual([
      ['1968-01-29', '1968-01-30'],
      ['1985-01-21', '1985-02-20'],
      ['2007-02-17', '2007-02-18'],
      ['2030-02-02', '2030-02-03'],
    ]);
    // ...and agrees in ordinary years.
    expect(tet(2026, 7)).toBe(tet(2026, 8));
  });

  it('places leap months (tháng nhuận) as Vietnamese calendars do', () => {
    const leap = (year: number): number | undefined => lunarYearMonths(year).find((m) => m.leap)?.month;
    expect([2020, 2023, 2025, 2028, 2031, 2033].map(leap)).toEqual([4, 2, 6, 5, 3, 11]);
    expect(leap(2024)).toBeUndefined();
    expect(leap(2026)).toBeUndefined();
    // Leap month 6 of Ất Tỵ (2025) ran 2025-07-25 .. 2025-08-22.
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(solarToLunar('2025-08-22')).toEqual({ day: 29, month: 6, year: 2025, leap: true });
    expect(solarToLunar('2025-08-23')).toEqual({ day: 1, month: 7, year: 2025, leap: false });
  });

  it('puts days before Tết in the previous lunar year (tháng Chạp)', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar('2026-01-01')).toEqual({ day: 13, month: 11, year: 2025, leap: false });
    expect(lunarToSolar(23, 12, 2025)).toBe('2026-02-10'); // ông Công ông Táo
  });

  it('has 12 or 13 months of 29 or 30 days in every year 1900–2199, tiling the time line', () => {
    let expectedStart = lunarYearMonths(1900)[0]!.start;
    for (let year = 1900; year <= 2199; year++) {
      const months = lunarYearMonths(year);
      const leaps = months.filter((m) => m.leap);
      expect([12, 13]).toContain(months.length);
      expect(leaps.length).toBe(months.length - 12);
      for (const m of months) {
        expect(m.start).toBe(expectedStart);
        expect([29, 30]).toContain(m.length);
        expectedStart += m.length;
      }
      expect(months.filter((m) => !m.leap).map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    }
  });

  it('round-trips every day of 1900–2199', () => {
    const first = jdnFromCivil(1900, 1, 1);
    const last = jdnFromCivil(2199, 12, 31);
    let failures = 0;
    for (let jd = first; jd <= last; jd++) {
      const l = jdnToLunar(jd);
      if (lunarToJdn(l.day, l.month, l.year, l.leap) !== jd) failures++;
    }
    expect(failures).toBe(0);
  });

  it('refuses lunar dates that do not exist', () => {
    const code = errorCode;
    expect(code(() => lunarToSolar(30, 12, 2025))).toBe('INVALID_LUNAR_DATE'); // tháng Chạp Ất Tỵ has 29 days
    expect(code(() => lunarToSolar(1, 3, 2026, true))).toBe('INVALID_LUNAR_DATE'); // 2026 has no leap month
    expect(code(() => lunarToSolar(1, 13, 2026))).toBe('INVALID_LUNAR_DATE');
    expect(code(() => lunarToSolar(0, 1, 2026))).toBe('INVALID_LUNAR_DATE');
    expect(code(() => lunarToSolar(1.5, 1, 2026))).toBe('INVALID_LUNAR_DATE');
    expect(code(() => lunarToSolar(1, 1, 1899))).toBe('OUT_OF_RANGE');
    expect(code(() => lunarToSolar(1, 1, 2200))).toBe('OUT_OF_RANGE');
    expect(code(() => lunarToSolar(1, 12, 2199))).toBe('OUT_OF_RANGE'); // falls in January 2200
    expect(code(() => solarToLunar('2026-02-30'))).toBe('INVALID_DATE');
    expect(code(() => solarToLunar('1899-12-31'))).toBe('OUT_OF_RANGE');
  });
});
