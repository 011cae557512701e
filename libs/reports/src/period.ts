/**
 * Reporting periods. Vietnamese periodic reports count from an anchor day rather than from the
 * calendar: by default the year runs 15 December – 14 December, its halves 15 Dec – 14 Jun and
 * 15 Jun – 14 Dec, its quarters 15 Dec – 14 Mar and so on (the anchor is configurable). Days are
 * days in Vietnam (UTC+7, no daylight saving).
 */

export interface ReportPeriod {
  key: string;
  /** First day, local (YYYY-MM-DD). */
  from: string;
  /** Last day, local, inclusive. */
  to: string;
  /** Instants: [fromAt, toAt). */
  fromAt: Date;
  toAt: Date;
  /** The calendar months the period touches, `YYYY-MM`, for trends. */
  months: string[];
}

export interface PeriodAnchor {
  month: number;
  day: number;
}

export const DEFAULT_ANCHOR: PeriodAnchor = { month: 12, day: 15 };
const VN_OFFSET_MS = 7 * 3600_000;

/** `MM-DD` (e.g. `12-15`) -> anchor; undefined when malformed or not a day every year has. */
export function parseAnchor(text: string): PeriodAnchor | undefined {
  const m = /^(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 28) return undefined;
  return { month, day };
}

/** The first instant of a local day (months may overflow: 13 -> next year). */
function localStart(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - VN_OFFSET_MS);
}

function localDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Parses `YYYY`, `YYYY-H1|H2`, `YYYY-Q1..Q4` or `YYYY-MM`. The reporting year Y is the twelve
 * months from the anchor that hold most of calendar year Y (anchor 15 Dec: from 15 Dec of Y-1).
 */
export function parsePeriod(text: string, anchor: PeriodAnchor = DEFAULT_ANCHOR): ReportPeriod | undefined {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2200) return undefined;
  const part = m[2];
  const yearStartMonth = anchor.month >= 7 ? anchor.month - 12 : anchor.month; // months from Jan of `year`
  let startMonth: number;
  let length: number;
  if (!part) [startMonth, length] = [yearStartMonth, 12];
  else if (part[0] === 'H') [startMonth, length] = [yearStartMonth + 6 * (Number(part[1]) - 1), 6];
  else if (part[0] === 'Q') [startMonth, length] = [yearStartMonth + 3 * (Number(part[1]) - 1), 3];
  else {
    const month = Number(part);
    if (month < 1 || month > 12) return undefined;
    // The month-long period that ends in month MM: from the anchor day of the month before (or the 1st).
    [startMonth, length] = anchor.day === 1 ? [month, 1] : [month - 1, 1];
  }
  const fromAt = localStart(year, startMonth, anchor.day);
  const toAt = localStart(year, startMonth + length, anchor.day);
  const months: string[] = [];
  for (let d = new Date(fromAt.getTime() + VN_OFFSET_MS); d.getTime() < toAt.getTime() + VN_OFFSET_MS; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    months.push(d.toISOString().slice(0, 7));
  }
  return { key: text, from: localDay(fromAt), to: localDay(new Date(toAt.getTime() - 1)), fromAt, toAt, months };
}
