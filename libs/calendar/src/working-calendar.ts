import { assertYear, formatJdn, type LocalDate, MAX_JDN, MAX_YEAR, MIN_JDN, MIN_YEAR, parseLocalDate, weekdayOfJdn } from './dates.js';
import { type Announcement, ANNOUNCEMENTS, type AnnouncementIndex, indexAnnouncements } from './announced.js';
import { CalendarError } from './errors.js';
import { type AnnouncementSource, type Holiday, type LocalizedName, type Occasion, statutoryDaysOff, type SwappedWorkingDay, toHoliday } from './holidays.js';
import { civilFromJdn, jdnFromCivil } from './lunar.js';

/**
 * An exception to the computed calendar, as announced by the government or decided locally:
 *  - `day-off`: the date is not a working day (e.g. an extra Tết day, a swapped Monday);
 *  - `working-day`: the date is a working day even if it is a weekend or a computed holiday
 *    (e.g. a Saturday worked in exchange for a swapped day off).
 * An override always wins over the computed status of its date.
 */
export interface CalendarOverride {
  date: LocalDate;
  kind: 'day-off' | 'working-day';
  name?: LocalizedName;
}

const DEFAULT_OVERRIDE_NAME: LocalizedName = { vi: 'Ngày nghỉ theo thông báo điều chỉnh', en: 'Day off (calendar override)' };
const DEFAULT_WORKING_OVERRIDE_NAME: LocalizedName = { vi: 'Ngày làm việc theo thông báo điều chỉnh', en: 'Working day (calendar override)' };

export interface WorkingCalendarOptions {
  /**
   * The government's announced schedules (announced.ts): taken instead of the rule for the
   * occasions and years they cover. Default: the shipped ones (`ANNOUNCEMENTS`); `[]` for the rule alone.
   */
  announcements?: readonly Announcement[];
}

/** The occasions of a year taken as announced, with the document of each. */
export interface YearAnnouncement {
  occasions: Occasion[];
  source: AnnouncementSource;
}

interface YearTable {
  first: number; // JDN of 1 January
  working: Uint8Array; // 1 = working day, by day of the year (0-based)
  holidays: readonly Holiday[];
  workingDays: readonly SwappedWorkingDay[];
}

let shippedIndex: AnnouncementIndex | undefined;
function indexOf(announcements: readonly Announcement[] | undefined): AnnouncementIndex {
  if (announcements === undefined || announcements === ANNOUNCEMENTS) return (shippedIndex ??= indexAnnouncements(ANNOUNCEMENTS));
  return indexAnnouncements(announcements);
}

function isWeekend(jd: number): boolean {
  const w = weekdayOfJdn(jd);
  return w === 0 || w === 6;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function assertCount(days: unknown, what: string): asserts days is number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) {
    throw new CalendarError('INVALID_ARGUMENT', `${what} must be a whole number >= 0 (got ${String(days)})`);
  }
}

/**
 * The working-day calendar of a Vietnamese state body: Monday–Friday, less the public holidays of
 * the Labour Code 2019 (art. 112) and their compensatory days (art. 111(3)) — as the government
 * announced them for the years and occasions it did (announced.ts), by the rule otherwise — with
 * the caller's overrides applied on top. Immutable; the per-year tables are computed once per
 * instance on first use.
 */
export class WorkingCalendar {
  private readonly overrides: ReadonlyMap<number, Readonly<CalendarOverride>>;
  private readonly announced: AnnouncementIndex;
  private readonly years = new Map<number, YearTable>();
  private lastTable: YearTable | undefined; // the table used last: most lookups stay in one year

  constructor(overrides: readonly CalendarOverride[] = [], options: WorkingCalendarOptions = {}) {
    this.announced = indexOf(options.announcements);
    if (!Array.isArray(overrides)) throw new CalendarError('INVALID_OVERRIDE', 'overrides must be an array');
    const byDate = new Map<number, Readonly<CalendarOverride>>();
    overrides.forEach((override, index) => {
      const where = `overrides[${index}]`;
      if (typeof override !== 'object' || override === null) throw new CalendarError('INVALID_OVERRIDE', `${where} must be an object`);
      let jd: number;
      try {
        jd = parseLocalDate(override.date, `${where}.date`);
      } catch (error) {
        throw new CalendarError('INVALID_OVERRIDE', (error as Error).message);
      }
      if (override.kind !== 'day-off' && override.kind !== 'working-day') {
        throw new CalendarError('INVALID_OVERRIDE', `${where}.kind must be "day-off" or "working-day" (got ${JSON.stringify(override.kind)})`);
      }
      const name = override.name;
      if (name !== undefined && (typeof name !== 'object' || name === null || !isNonEmptyString(name.vi) || !isNonEmptyString(name.en))) {
        throw new CalendarError('INVALID_OVERRIDE', `${where}.name must be { vi, en } with two non-empty strings`);
      }
      if (byDate.has(jd)) throw new CalendarError('INVALID_OVERRIDE', `${where}: a second override for ${override.date}`);
      byDate.set(jd, Object.freeze({ date: override.date, kind: override.kind, ...(name ? { name: Object.freeze({ vi: name.vi, en: name.en }) } : {}) }));
    });
    this.overrides = byDate;
  }

  /**
   * Every day off of `year` other than plain weekends, sorted by date: statutory holidays,
   * compensatory days and swapped days off — `basis: 'announced'` with their `source` where an
   * announcement covers them, `'estimated'` by the rule otherwise — and the `day-off` overrides of
   * that year (a `day-off` override on a date that already has an entry adds nothing). Dates turned
   * into working days by a `working-day` override are left out. Weekend days are listed only when
   * they are holidays or `day-off` overrides.
   */
  holidays(year: number): Holiday[] {
    return this.table(year).holidays.map(copy);
  }

  /**
   * The days of `year` that are working days though a weekend or holiday would make them days off,
   * sorted by date: the Saturdays worked in exchange for a swapped day off (làm bù) as announced,
   * and the `working-day` overrides of days that would otherwise be off.
   */
  workingDays(year: number): SwappedWorkingDay[] {
    return this.table(year).workingDays.map(copy);
  }

  /** The announcements of `year`'s holidays this calendar takes, with the occasions each covers (empty: every day of the year is by the rule). */
  announcements(year: number): YearAnnouncement[] {
    assertYear(year);
    return (this.announced.byYear.get(year) ?? []).map((a) => ({ occasions: [...a.occasions], source: { ...a.source } }));
  }

  /** True if `date` is a working day. */
  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingJdn(parseLocalDate(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return formatJdn(this.nextWorkingJdn(parseLocalDate(date)));
  }

  /**
   * The date `days` working days after `from` (Civil Code 2015, art. 147: counting starts on the day
   * after `from`). `days` = 0 gives `from` itself if it is a working day, else the next working day.
   * E.g. 10 working days from Thursday 2026-02-12, across Tết Bính Ngọ, is 2026-03-05.
   */
  addWorkingDays(from: LocalDate, days: number): LocalDate {
    let jd = parseLocalDate(from, 'from');
    assertCount(days, 'days');
    if (days === 0) return formatJdn(this.isWorkingJdn(jd) ? jd : this.nextWorkingJdn(jd));
    let table = this.tableOfJdn(jd);
    let index = jd - table.first;
    let remaining = days;
    while (remaining > 0) {
      index++;
      if (index >= table.working.length) {
        table = this.tableOfJdn(table.first + table.working.length);
        index = 0;
      }
      remaining -= table.working[index]!;
    }
    jd = table.first + index;
    return formatJdn(jd);
  }

  /**
   * The end of a limit of `days` calendar days from `from`: counting starts on the day after
   * `from` (art. 147), and when the last day is not a working day the limit ends on the next
   * working day (art. 148(2)). `days` = 0 gives `from` if it is a working day, else the next one.
   */
  addCalendarDays(from: LocalDate, days: number): LocalDate {
    const jd = parseLocalDate(from, 'from');
    assertCount(days, 'days');
    const end = jd + days;
    if (end > MAX_JDN) throw new CalendarError('OUT_OF_RANGE', `the resulting date is after ${MAX_YEAR}-12-31`);
    return formatJdn(this.isWorkingJdn(end) ? end : this.nextWorkingJdn(end));
  }

  /**
   * The number of working days in (from, to]: the inverse of addWorkingDays, so
   * workingDaysBetween(d, addWorkingDays(d, n)) === n for n >= 1. Negative when `to` is before
   * `from` (minus the count in (to, from]); 0 when they are equal.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const a = parseLocalDate(from, 'from');
    const b = parseLocalDate(to, 'to');
    if (a === b) return 0;
    const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    let jd = lo + 1;
    while (jd <= hi) {
      const table = this.tableOfJdn(jd);
      const end = Math.min(hi, table.first + table.working.length - 1);
      for (let i = jd - table.first, last = end - table.first; i <= last; i++) count += table.working[i]!;
      jd = end + 1;
    }
    return sign * count;
  }

  private isWorkingJdn(jd: number): boolean {
    const table = this.tableOfJdn(jd);
    return table.working[jd - table.first] === 1;
  }

  private nextWorkingJdn(jd: number): number {
    let next = jd + 1;
    while (!this.isWorkingJdn(next)) next++;
    return next;
  }

  private tableOfJdn(jd: number): YearTable {
    const last = this.lastTable;
    if (last && jd >= last.first && jd < last.first + last.working.length) return last;
    if (jd < MIN_JDN || jd > MAX_JDN) {
      throw new CalendarError('OUT_OF_RANGE', `the calendar covers ${MIN_YEAR}-01-01 to ${MAX_YEAR}-12-31 only`);
    }
    this.lastTable = this.table(civilFromJdn(jd).year);
    return this.lastTable;
  }

  private table(year: number): YearTable {
    const cached = this.years.get(year);
    if (cached) return cached;
    assertYear(year);
    const first = jdnFromCivil(year, 1, 1);
    const length = jdnFromCivil(year + 1, 1, 1) - first;
    const working = new Uint8Array(length);
    for (let i = 0; i < length; i++) working[i] = isWeekend(first + i) ? 0 : 1;
    const inYear = (jd: number) => jd >= first && jd < first + length;
    const announcedOff = [...this.announced.daysOff].filter(([jd]) => inYear(jd));
    const announcedWorking = [...this.announced.workingDays].filter(([jd]) => inYear(jd));
    const statutory = statutoryDaysOff(year, { replaced: this.announced.covered.get(year), reserved: new Set(announcedOff.map(([jd]) => jd)) });
    for (const day of statutory) working[day.jd - first] = 0;
    for (const [jd] of announcedOff) working[jd - first] = 0;
    for (const [jd] of announcedWorking) working[jd - first] = 1;

    const holidays: Holiday[] = [];
    const listed = new Set<number>();
    const keep = (jd: number, holiday: Holiday) => {
      listed.add(jd);
      if (this.overrides.get(jd)?.kind !== 'working-day') holidays.push(Object.freeze(holiday));
    };
    for (const day of statutory) keep(day.jd, toHoliday(day));
    for (const [jd, { entry, source }] of announcedOff) {
      const { date, name, kind, occasion, compensatesFor, swappedWith } = entry;
      keep(jd, {
        date,
        name,
        kind,
        basis: 'announced',
        occasion,
        ...(compensatesFor ? { compensatesFor } : {}),
        ...(swappedWith ? { swappedWith } : {}),
        source,
      });
    }
    const workingDays: SwappedWorkingDay[] = [];
    for (const [jd, { entry, source }] of announcedWorking) {
      if (this.overrides.get(jd)?.kind === 'day-off') continue;
      workingDays.push(
        Object.freeze({ date: entry.date, name: entry.name, basis: 'announced' as const, occasion: entry.occasion, replaces: entry.replaces, source }),
      );
    }
    for (const [jd, override] of this.overrides) {
      if (!inYear(jd)) continue;
      const wasWorking = working[jd - first] === 1;
      working[jd - first] = override.kind === 'working-day' ? 1 : 0;
      if (override.kind === 'day-off' && !listed.has(jd)) {
        holidays.push(
          Object.freeze({ date: override.date, name: override.name ?? DEFAULT_OVERRIDE_NAME, kind: 'override' as const, basis: 'override' as const }),
        );
      }
      if (override.kind === 'working-day' && !wasWorking) {
        const at = workingDays.findIndex((w) => w.date === override.date);
        if (at >= 0) workingDays.splice(at, 1);
        workingDays.push(Object.freeze({ date: override.date, name: override.name ?? DEFAULT_WORKING_OVERRIDE_NAME, basis: 'override' as const }));
      }
    }
    const byDate = (x: { date: string }, y: { date: string }) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0);
    holidays.sort(byDate);
    workingDays.sort(byDate);

    const table: YearTable = { first, working, holidays, workingDays };
    this.years.set(year, table);
    return table;
  }
}

/** A copy of a frozen entry, so callers may change what they get. */
function copy<T extends { name: LocalizedName; source?: AnnouncementSource }>(entry: T): T {
  return { ...entry, name: { ...entry.name }, ...(entry.source ? { source: { ...entry.source } } : {}) };
}
