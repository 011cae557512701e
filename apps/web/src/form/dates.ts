// Calendar days as people in Vietnam write them (dd/mm/yyyy), whatever the browser's locale, and as
// the API keeps them (ISO yyyy-mm-dd). Pure: the date field of the forms and every page that shows
// a date use these.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year-month-day names a real day of the calendar (no 30/02, 29/02 only in leap years). */
function realDay(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What a person typed as a day, as ISO `yyyy-mm-dd`; null when it is not a real day. Accepts
 * `20/11/2026`, `2/3/2026`, `20-11-2026`, `20.11.2026` (day first, as written in Vietnam) and the
 * ISO form itself.
 */
export function parseDay(text: string): string | null {
  const s = text.trim();
  const iso = ISO_DAY.exec(s);
  if (iso) return realDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? s : null;
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (!dmy) return null;
  const [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  return realDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** An ISO day (`2026-11-20`, or the day part of a longer ISO text) as `20/11/2026`; other text unchanged. */
export function formatDay(iso: string): string {
  // An instant (with a zone) is dated where the ward is: 20:00 UTC on 4 March is 5 March there.
  const local = isIsoInstant(iso) ? new Date(Date.parse(iso) + 7 * 3600_000).toISOString() : iso;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(local);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Whether a value is an ISO day (`yyyy-mm-dd`, nothing more). */
export const isIsoDay = (v: unknown): v is string => typeof v === 'string' && ISO_DAY.test(v);

/** Whether a value is an ISO instant with a time (`2026-11-20T09:30:00+07:00`, `…Z`). */
export const isIsoInstant = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
