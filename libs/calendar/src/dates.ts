import { CalendarError } from './errors.js';
import { civilFromJdn, jdnFromCivil, JDN_UNIX_EPOCH, VIETNAM_TIME_ZONE } from './lunar.js';

/** A local calendar date in Asia/Ho_Chi_Minh, `YYYY-MM-DD`. */
export type LocalDate = string;

/** Years the calendar accepts (inputs and results). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** The default `time` of localDateToInstant(): the end of the day (Civil Code 2015, art. 148(3)). */
export const END_OF_DAY = '24:00';

const MS_PER_DAY = 86_400_000;
const OFFSET_MS = VIETNAM_TIME_ZONE * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const MIN_JDN = jdnFromCivil(MIN_YEAR, 1, 1);
export const MAX_JDN = jdnFromCivil(MAX_YEAR, 12, 31);

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
}

export function assertYear(year: number, what = 'year'): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarError('OUT_OF_RANGE', `${what} must be a whole number from ${MIN_YEAR} to ${MAX_YEAR} (got ${String(year)})`);
  }
}

/** Parses a `YYYY-MM-DD` string into its parts, or returns undefined if it is not a real calendar day. */
function parseParts(value: unknown): { y: number; m: number; d: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE_RE.exec(value);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return { y, m, d };
}

/** True if `value` is a `YYYY-MM-DD` string naming a real day in 1900–2199. */
export function isLocalDate(value: unknown): value is LocalDate {
  const parts = parseParts(value);
  return parts !== undefined && parts.y >= MIN_YEAR && parts.y <= MAX_YEAR;
}

/** Julian Day Number of a LocalDate; throws CalendarError if malformed or outside 1900–2199. */
export function parseLocalDate(value: unknown, what = 'date'): number {
  const parts = parseParts(value);
  if (!parts) {
    throw new CalendarError('INVALID_DATE', `${what} must be a YYYY-MM-DD calendar date (got ${JSON.stringify(value)})`);
  }
  if (parts.y < MIN_YEAR || parts.y > MAX_YEAR) {
    throw new CalendarError('OUT_OF_RANGE', `${what} ${String(value)} is outside the years ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return jdnFromCivil(parts.y, parts.m, parts.d);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** LocalDate of a Julian Day Number; throws CalendarError if outside 1900–2199. */
export function formatJdn(jd: number): LocalDate {
  if (jd < MIN_JDN || jd > MAX_JDN) {
    throw new CalendarError('OUT_OF_RANGE', `the resulting date is outside the years ${MIN_YEAR}–${MAX_YEAR}`);
  }
  const { year, month, day } = civilFromJdn(jd);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Day of the week of a Julian Day Number: 0 = Sunday … 6 = Saturday. */
export function weekdayOfJdn(jd: number): number {
  return (jd + 1) % 7;
}

// An ISO 8601 date-time with an explicit zone (Z or ±hh:mm); seconds and fraction optional.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** Milliseconds since the Unix epoch of a Date or an ISO 8601 date-time string with a zone. */
export function instantToMs(instant: Date | string, what = 'instant'): number {
  let ms: number;
  if (instant instanceof Date) {
    ms = instant.getTime();
  } else if (typeof instant === 'string' && INSTANT_RE.test(instant)) {
    ms = Date.parse(instant);
  } else {
    throw new CalendarError(
      'INVALID_INSTANT',
      `${what} must be a Date or an ISO 8601 date-time with a zone, e.g. 2026-02-12T08:30:00+07:00 (got ${JSON.stringify(instant)})`,
    );
  }
  if (!Number.isFinite(ms)) throw new CalendarError('INVALID_INSTANT', `${what} is not a valid point in time (got ${String(instant)})`);
  return ms;
}

/** Julian Day Number of the Vietnam-local day containing the instant `ms`. */
export function localJdnOfMs(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / MS_PER_DAY) + JDN_UNIX_EPOCH;
}

/**
 * The local date in Asia/Ho_Chi_Minh (UTC+7, no DST) of an instant: a Date, or an ISO 8601
 * date-time string with an explicit zone (`Z` or `±hh:mm`). A plain `YYYY-MM-DD` is returned as is
 * (after validation). Strings without a zone are refused: they would depend on the server's zone.
 */
export function toLocalDate(instant: Date | string): LocalDate {
  if (typeof instant === 'string' && DATE_RE.test(instant)) return formatJdn(parseLocalDate(instant));
  return formatJdn(localJdnOfMs(instantToMs(instant)));
}

const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant at local time `time` (`HH:mm` or `HH:mm:ss`, Asia/Ho_Chi_Minh) on `date`.
 *
 * The default is `24:00`, the end of the day: a deadline "by 2026-03-05" ends at 24:00 that day
 * (Civil Code 2015, art. 148(3)), i.e. the returned instant is the first moment that is late
 * (2026-03-05T17:00:00Z). Note that toLocalDate() of that instant is the NEXT day; pass '17:00' (or
 * the office's closing time) for an end-of-office-day instant instead.
 */
export function localDateToInstant(date: LocalDate, time: string = END_OF_DAY): Date {
  const jd = parseLocalDate(date);
  const match = typeof time === 'string' ? TIME_RE.exec(time) : null;
  const h = match ? Number(match[1]) : NaN;
  const m = match ? Number(match[2]) : NaN;
  const s = match?.[3] !== undefined ? Number(match[3]) : 0;
  const valid = match !== null && ((h < 24 && m < 60 && s < 60) || (h === 24 && m === 0 && s === 0));
  if (!valid) throw new CalendarError('INVALID_TIME', `time must be HH:mm or HH:mm:ss from 00:00 to 24:00 (got ${JSON.stringify(time)})`);
  return new Date((jd - JDN_UNIX_EPOCH) * MS_PER_DAY + ((h * 60 + m) * 60 + s) * 1000 - OFFSET_MS);
}

const LOCAL_DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

/**
 * The instant a limit counts from, as a case holds it: a date-time with a zone as it is; a
 * date-time without one in Việt Nam's time (the ward's, never the server's); a date alone (what a
 * date field holds: the day a letter was received) as the start of that day in Việt Nam.
 */
export function startInstant(value: Date | string): Date {
  if (typeof value === 'string' && isLocalDate(value)) return localDateToInstant(value, '00:00');
  if (typeof value === 'string' && LOCAL_DATE_TIME_RE.test(value)) return new Date(instantToMs(`${value}+07:00`));
  return new Date(instantToMs(value, 'a start point'));
}
