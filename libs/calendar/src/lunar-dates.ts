import { assertYear, formatJdn, type LocalDate, parseLocalDate } from './dates.js';
import { CalendarError } from './errors.js';
import { jdnToLunar, lunarToJdn } from './lunar.js';

/** A date of the Vietnamese lunar calendar. `leap` marks the intercalary month (tháng nhuận). */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

/**
 * Solar (Gregorian) date of a Vietnamese lunar date. `year` is the lunar year that begins at Tết
 * of that solar year (lunarToSolar(1, 1, 2026) = '2026-02-17'). Throws CalendarError for a day the
 * month does not have (30 in a 29-day month), a leap month the year does not have, or a year
 * outside 1900–2199.
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false): LocalDate {
  assertYear(year, 'lunar year');
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new CalendarError('INVALID_LUNAR_DATE', `lunar month must be a whole number from 1 to 12 (got ${String(month)})`);
  }
  if (!Number.isInteger(day) || day < 1 || day > 30) {
    throw new CalendarError('INVALID_LUNAR_DATE', `lunar day must be a whole number from 1 to 30 (got ${String(day)})`);
  }
  const jd = lunarToJdn(day, month, year, leap === true);
  if (jd === undefined) {
    throw new CalendarError(
      'INVALID_LUNAR_DATE',
      leap ? `lunar year ${year} has no leap month ${month}, or that month has no day ${day}` : `lunar month ${month}/${year} has no day ${day}`,
    );
  }
  return formatJdn(jd);
}

/** Vietnamese lunar date of a solar date `YYYY-MM-DD` (1900–2199). */
export function solarToLunar(date: LocalDate): LunarDate {
  return jdnToLunar(parseLocalDate(date));
}
