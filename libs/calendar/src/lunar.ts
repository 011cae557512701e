/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7.
 *
 * This is Hồ Ngọc Đức's public algorithm ("Thuật toán tính âm lịch",
 * https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html), which is the reference used by
 * Vietnamese calendar software:
 *  - a lunar month starts on the (local) day that contains the astronomical new moon;
 *  - month 11 is the month that contains the winter solstice;
 *  - a year with 13 months between two months 11 has a leap month: the first month after month 11
 *    that contains no major solar term (trung khí); it takes the number of the month before it.
 *
 * The new moon and sun longitude formulas come from Jean Meeus, "Astronomical Algorithms" (1998),
 * as simplified by Hồ Ngọc Đức. Because days are cut at midnight UTC+7, Vietnamese dates differ from
 * the Chinese (UTC+8) calendar when a new moon falls between 16:00 and 17:00 UTC (Tết 1968, 2007,
 * 2030, 2053), and a shifted month boundary can move the leap month (Tết 1985 is a month apart).
 *
 * Checked for every day of 1900–2199 against two independent sources (see docs/calendar.md):
 * Hồ Ngọc Đức's precomputed table and a calendar built from the astronomy-engine ephemeris. All
 * Tết and Hùng Kings' days of 1968–2174 agree. The few months that differ start on a new moon
 * within two minutes of midnight UTC+7 (2054, 2072, 2077, 2085, ...), beyond what any model can
 * settle that far ahead (and, once, a solar term near midnight that places the 1938 leap month);
 * before 1968 Vietnam reckoned in UTC+8, which this module does not model.
 *
 * Pure: no I/O, no clock. Day numbers here are Julian Day Numbers (JDN, integer, noon-based).
 */

/** Vietnam's time zone offset in hours (Asia/Ho_Chi_Minh has no DST). */
export const VIETNAM_TIME_ZONE = 7;

/** Julian Day Number of 1970-01-01. */
export const JDN_UNIX_EPOCH = 2440588;

const INT = Math.floor;
const PI = Math.PI;
const DR = PI / 180;

/** Julian date (fractional) of the k-th new moon after the new moon of 1900-01-01 13:52 UTC. */
export function newMoon(k: number): number {
  const T = k / 1236.85; // time in Julian centuries from 1900-01-00.5
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DR); // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * DR) + 0.0021 * Math.sin(2 * DR * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * DR) + 0.0161 * Math.sin(DR * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(DR * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(DR * 2 * F) - 0.0051 * Math.sin(DR * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(DR * (M - Mpr)) + 0.0004 * Math.sin(DR * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(DR * (2 * F - M)) - 0.0006 * Math.sin(DR * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(DR * (2 * F - Mpr)) + 0.0005 * Math.sin(DR * (2 * Mpr + M));
  let deltaT: number;
  if (T < -11) {
    deltaT = 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3;
  } else {
    deltaT = -0.000278 + 0.000265 * T + 0.000262 * T2;
  }
  return jd1 + C1 - deltaT;
}

/** Sun's apparent longitude in radians [0, 2π) at the fractional Julian date `jdn`. */
export function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525; // Julian centuries from 2000-01-01 12:00 TT
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly, degrees
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude, degrees
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DR * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(DR * 2 * M) + 0.00029 * Math.sin(DR * 3 * M);
  let L = (L0 + DL) * DR;
  L = L - PI * 2 * INT(L / (PI * 2));
  return L;
}

/** Local day (JDN) on which the k-th new moon falls, for a time zone `tz` hours east of UTC. */
function newMoonDay(k: number, tz: number): number {
  return INT(newMoon(k) + 0.5 + tz / 24);
}

/** Sector 0..11 (30° each) of the sun's longitude at the start of local day `dayNumber`. */
function sunLongitudeSector(dayNumber: number, tz: number): number {
  return INT((sunLongitude(dayNumber - 0.5 - tz / 24) / PI) * 6);
}

/** JDN of the first day of lunar month 11 (the month containing the winter solstice) of solar year `yy`. */
function lunarMonth11(yy: number, tz: number): number {
  const off = jdnFromCivil(yy, 12, 31) - 2415021;
  const k = INT(off / 29.530588853);
  let nm = newMoonDay(k, tz);
  if (sunLongitudeSector(nm, tz) >= 9) nm = newMoonDay(k - 1, tz);
  return nm;
}

/** Offset (in months after month 11 starting at `a11`) of the leap month of a 13-month year. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let last: number;
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Julian Day Number of a proleptic Gregorian date. */
export function jdnFromCivil(y: number, m: number, d: number): number {
  const a = INT((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return d + INT((153 * mm + 2) / 5) + 365 * yy + INT(yy / 4) - INT(yy / 100) + INT(yy / 400) - 32045;
}

/** Proleptic Gregorian date of a Julian Day Number. */
export function civilFromJdn(jd: number): { year: number; month: number; day: number } {
  const a = jd + 32044;
  const b = INT((4 * a + 3) / 146097);
  const c = a - INT((b * 146097) / 4);
  const d = INT((4 * c + 3) / 1461);
  const e = c - INT((1461 * d) / 4);
  const m = INT((5 * e + 2) / 153);
  return {
    day: e - INT((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * INT(m / 10),
    year: b * 100 + d - 4800 + INT(m / 10),
  };
}

/** One lunar month: its number (1..12), whether it is the leap month, its first day (JDN) and length. */
export interface LunarMonth {
  month: number;
  leap: boolean;
  start: number;
  length: number;
}

const yearCache = new Map<number, LunarMonth[]>();

/**
 * The months of lunar year `year` (the year whose month 1 begins at Tết of solar year `year`), in
 * order, months 1..12 plus the leap month if the year has one. Memoised (the algorithm is
 * deterministic, so a module-level cache keeps the lib pure).
 */
export function lunarYearMonths(year: number, tz: number = VIETNAM_TIME_ZONE): LunarMonth[] {
  if (tz === VIETNAM_TIME_ZONE) {
    const hit = yearCache.get(year);
    if (hit) return hit;
  }
  // Month 11 of the previous lunar year starts at a11 = lunarMonth11(year - 1); months run
  // 11, 12, 1, 2, ... up to the next month 11 at b11 = lunarMonth11(year). Months 11 and 12 after
  // b11 also belong to `year`: they run up to c11 = lunarMonth11(year + 1).
  const spans: Array<{ a11: number; b11: number }> = [{ a11: lunarMonth11(year - 1, tz), b11: lunarMonth11(year, tz) }];
  spans.push({ a11: spans[0]!.b11, b11: lunarMonth11(year + 1, tz) });
  const months: LunarMonth[] = [];
  spans.forEach(({ a11, b11 }, spanIndex) => {
    const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853);
    const leapOff = b11 - a11 > 365 ? leapMonthOffset(a11, tz) : -1;
    const count = b11 - a11 > 365 ? 13 : 12;
    for (let off = 0; off < count; off++) {
      const start = newMoonDay(k + off, tz);
      const end = off + 1 < count ? newMoonDay(k + off + 1, tz) : b11;
      let month = off + 11;
      let leap = false;
      if (leapOff >= 0 && off >= leapOff) {
        month = off + 10;
        leap = off === leapOff;
      }
      if (month > 12) month -= 12;
      // First span: keep months 1..10 (and their leap months), which follow months 11 and 12.
      // Second span: keep the months 11 and 12 (and a leap 11 or 12) at its start.
      const diff = off; // months since a11
      const belongsToPreviousYear = month >= 11 && diff < 4;
      if (spanIndex === 0 && !belongsToPreviousYear) months.push({ month, leap, start, length: end - start });
      if (spanIndex === 1 && belongsToPreviousYear) months.push({ month, leap, start, length: end - start });
    }
  });
  if (tz === VIETNAM_TIME_ZONE) yearCache.set(year, months);
  return months;
}

/** JDN of the given lunar date, or undefined if it does not exist (no such leap month, day too large). */
export function lunarToJdn(day: number, month: number, year: number, leap = false, tz: number = VIETNAM_TIME_ZONE): number | undefined {
  const m = lunarYearMonths(year, tz).find((x) => x.month === month && x.leap === leap);
  if (!m || day < 1 || day > m.length) return undefined;
  return m.start + day - 1;
}

/** Lunar date of a JDN. */
export function jdnToLunar(jd: number, tz: number = VIETNAM_TIME_ZONE): { day: number; month: number; year: number; leap: boolean } {
  const { year: solarYear } = civilFromJdn(jd);
  // The lunar year is the solar year, or the one before (days before Tết); months 11 and 12 of a
  // lunar year never reach into the solar year after next.
  for (const year of [solarYear, solarYear - 1]) {
    const months = lunarYearMonths(year, tz);
    const first = months[0]!;
    const last = months[months.length - 1]!;
    if (jd < first.start || jd >= last.start + last.length) continue;
    for (const m of months) {
      if (jd >= m.start && jd < m.start + m.length) return { day: jd - m.start + 1, month: m.month, year, leap: m.leap };
    }
  }
  /* istanbul ignore next -- unreachable: consecutive lunar years tile the time line */
  throw new Error(`internal: no lunar date for JDN ${jd}`);
}
