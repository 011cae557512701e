import { daysInMonth, instantToMs, MAX_YEAR, MIN_YEAR } from './dates.js';
import { CalendarError } from './errors.js';
import { VIETNAM_TIME_ZONE } from './lunar.js';

/** The parts of an ISO 8601 duration (`PnYnMnWnDTnHnMnS`). Only hours, minutes, seconds may be fractional. */
export interface IsoDuration {
  sign: 1 | -1;
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION_RE =
  /^([+-])?P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const MS_PER_DAY = 86_400_000;
const OFFSET_MS = VIETNAM_TIME_ZONE * 3_600_000;

/**
 * Parses an ISO 8601 duration such as `P30D`, `PT4H`, `P1DT2H`, `P1Y2M`, `P2W`, `PT1.5H`, `-P1D`.
 * A fraction is allowed on the last component only, and only on hours, minutes or seconds.
 */
export function parseIsoDuration(text: string): IsoDuration {
  const match = typeof text === 'string' ? DURATION_RE.exec(text) : null;
  if (!match) {
    throw new CalendarError('INVALID_DURATION', `not an ISO 8601 duration such as P30D, PT4H or P1DT2H (got ${JSON.stringify(text)})`);
  }
  const parts = match.slice(2, 9);
  const lastPresent = parts.reduce((last, part, i) => (part !== undefined ? i : last), -1);
  parts.forEach((part, i) => {
    if (part !== undefined && /[.,]/.test(part) && i !== lastPresent) {
      throw new CalendarError('INVALID_DURATION', `only the last component of a duration may have a fraction (got ${JSON.stringify(text)})`);
    }
  });
  const num = (part: string | undefined): number => (part === undefined ? 0 : Number(part.replace(',', '.')));
  return {
    sign: match[1] === '-' ? -1 : 1,
    years: num(parts[0]),
    months: num(parts[1]),
    weeks: num(parts[2]),
    days: num(parts[3]),
    hours: num(parts[4]),
    minutes: num(parts[5]),
    seconds: num(parts[6]),
  };
}

/**
 * `instant` plus an ISO 8601 duration, computed in Vietnam local time (UTC+7, no DST):
 *  1. years and months move the local calendar date (keeping the local time of day); a day the
 *     target month lacks is clamped to its last day (2026-01-31 + P1M = 2026-02-28);
 *  2. weeks and days add local calendar days (always 24 h, as Vietnam has no DST);
 *  3. hours, minutes and seconds add elapsed time.
 * A leading `-` subtracts each part in the same order. This is plain duration arithmetic: it does
 * not skip weekends or holidays (use WorkingCalendar for legal time limits).
 */
export function addDuration(instant: Date | string, iso8601: string): Date {
  const ms = instantToMs(instant);
  const d = parseIsoDuration(iso8601);
  let local = ms + OFFSET_MS;
  const months = d.sign * (d.years * 12 + d.months);
  if (months !== 0) {
    const day0 = Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
    const timeOfDay = local - day0;
    const date = new Date(day0);
    const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
    const year = Math.floor(total / 12);
    const month = total - year * 12; // 0-based
    const day = Math.min(date.getUTCDate(), daysInMonth(year, month + 1));
    const target = new Date(0);
    target.setUTCFullYear(year, month, day);
    local = target.getTime() + timeOfDay;
  }
  local += d.sign * (d.weeks * 7 + d.days) * MS_PER_DAY;
  local += Math.round(d.sign * ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
  const result = new Date(local - OFFSET_MS);
  const year = new Date(local).getUTCFullYear();
  if (!Number.isFinite(result.getTime()) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `${String(instant instanceof Date ? instant.toISOString() : instant)} + ${iso8601} is outside the years ${MIN_YEAR}–${MAX_YEAR}`,
    );
  }
  return result;
}
