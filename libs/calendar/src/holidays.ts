import { assertYear, formatJdn, type LocalDate, weekdayOfJdn } from './dates.js';
import { jdnFromCivil, lunarToJdn, lunarYearMonths } from './lunar.js';

/** A bilingual label. */
export interface LocalizedName {
  vi: string;
  en: string;
}

/**
 * The occasions of the Labour Code's holidays (art. 112(1)). The government announces each year how
 * some of them are taken (which 5 days of Tết, the day next to 2 September, swapped working days);
 * an announcement replaces the rule for the occasions it covers (see announced.ts).
 */
export type Occasion = 'new-year' | 'tet' | 'hung-kings' | 'reunification-labour' | 'national-day';

export const OCCASIONS: readonly Occasion[] = ['new-year', 'tet', 'hung-kings', 'reunification-labour', 'national-day'];

/** The document a schedule was announced by: number and date, and what it is in both languages. */
export interface AnnouncementSource {
  /** The document's number and symbol as issued, e.g. `Thông báo số 9441/TB-BNV`. */
  document: string;
  /** The date it was signed. */
  date: LocalDate;
  vi: string;
  en: string;
}

/**
 * A day off other than an ordinary weekend:
 *  - `holiday`: a public holiday of the Labour Code 2019, art. 112;
 *  - `compensatory`: the day off given for a holiday that fell on a Saturday or Sunday (nghỉ bù,
 *    art. 111(3)); `compensatesFor` names that holiday's date;
 *  - `swapped`: a working day given off in exchange for a Saturday worked (hoán đổi ngày làm việc),
 *    as announced; `swappedWith` names the Saturday;
 *  - `override`: a day off from the caller's override list (government notices, local decisions).
 *
 * `basis` says where the entry comes from: `announced` (the government's schedule for that year,
 * with its `source`), `estimated` (worked out by the rule, for a year or an occasion no
 * announcement covers), or `override` (the caller's list).
 */
export interface Holiday {
  date: LocalDate;
  name: LocalizedName;
  kind: 'holiday' | 'compensatory' | 'swapped' | 'override';
  basis: 'announced' | 'estimated' | 'override';
  /** The holiday this day belongs to (absent for an override). */
  occasion?: Occasion;
  compensatesFor?: LocalDate;
  swappedWith?: LocalDate;
  source?: AnnouncementSource;
}

/**
 * A Saturday or Sunday that is a working day: worked in exchange for a swapped day off (làm bù), as
 * announced (`replaces` names that day), or made a working day by an override.
 */
export interface SwappedWorkingDay {
  date: LocalDate;
  name: LocalizedName;
  basis: 'announced' | 'override';
  occasion?: Occasion;
  replaces?: LocalDate;
  source?: AnnouncementSource;
}

/** A statutory or compensatory day off, by Julian Day Number (internal form). */
export interface StatutoryDay {
  jd: number;
  name: LocalizedName;
  kind: 'holiday' | 'compensatory';
  occasion: Occasion;
  compensatesFor?: number;
}

const TET_DAY_NAMES = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'];

/**
 * Which day next to 2 September is the second National Day holiday, by the weekday of 2 September
 * (0 = Sunday … 6 = Saturday): -1 = 1 September, +1 = 3 September.
 *
 * The Labour Code (art. 112(1)(đ)) grants "2 September and one day immediately before or after";
 * the Prime Minister picks the day each year (art. 112(3)). The default follows what was chosen for 2021–2025 —
 * the weekday that joins the holiday to a weekend (2021 Thu → 3 Sep, 2022 Fri → 1 Sep, 2023 Sat →
 * 1 Sep, 2024 Mon → 3 Sep, 2025 Tue → 1 Sep) — and, when 2 September is a Sunday, the Monday after.
 * A Wednesday took 1 September in 2026 (Thông báo 9441/TB-BNV). Announced years follow their
 * announcement (announced.ts); correct a later year with overrides until its data ships.
 */
const NATIONAL_DAY_ADJACENT: readonly number[] = [+1, +1, -1, -1, +1, -1, -1];

function isWeekendJdn(jd: number): boolean {
  const w = weekdayOfJdn(jd);
  return w === 0 || w === 6;
}

/**
 * The statutory days off of a solar year (Labour Code 2019, art. 112), compensatory days included,
 * sorted by date, by the rule. The same rules are applied to every year 1900–2199 (no historical
 * rule changes). `announced.replaced`: occasions an announcement covers, left out here (the caller
 * takes the announced days); `announced.reserved`: the announced days off, which compensatory days
 * of the remaining holidays avoid.
 */
export function statutoryDaysOff(year: number, announced: { replaced?: ReadonlySet<Occasion>; reserved?: ReadonlySet<number> } = {}): StatutoryDay[] {
  assertYear(year);
  let days: StatutoryDay[] = [];
  let occasion: Occasion = 'new-year';
  const add = (jd: number, vi: string, en: string): void => {
    days.push({ jd, name: { vi, en }, kind: 'holiday', occasion });
  };

  // (a) Tết Dương lịch: 1 January.
  add(jdnFromCivil(year, 1, 1), 'Tết Dương lịch', "New Year's Day");

  occasion = 'tet';
  // (b) Tết Nguyên đán: 5 days. The government sets the exact days each year; the default is the
  // last day of the old lunar year (29 or 30 tháng Chạp) and days 1–4 of the first lunar month.
  const tet = lunarToJdn(1, 1, year)!;
  const lastMonthOfOldYear = lunarYearMonths(year - 1).at(-1)!;
  add(tet - 1, `Tết Nguyên đán (${lastMonthOfOldYear.length} tháng Chạp)`, 'Lunar New Year (Tết) — last day of the old lunar year');
  TET_DAY_NAMES.forEach((label, i) => add(tet + i, `Tết Nguyên đán (${label} tháng Giêng)`, `Lunar New Year (Tết) — day ${i + 1}`));

  occasion = 'hung-kings';
  // (e) Giỗ Tổ Hùng Vương: 10th day of the 3rd lunar month.
  add(lunarToJdn(10, 3, year)!, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)");

  occasion = 'reunification-labour';
  // (c) Ngày Chiến thắng 30/4 and (d) Ngày Quốc tế Lao động 1/5.
  add(jdnFromCivil(year, 4, 30), 'Ngày Giải phóng miền Nam, thống nhất đất nước (30/4)', 'Reunification Day (30 April)');
  add(jdnFromCivil(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)', 'International Labour Day (1 May)');

  occasion = 'national-day';
  // (đ) Quốc khánh: 2 September and one adjacent day.
  const nationalDay = jdnFromCivil(year, 9, 2);
  add(nationalDay, 'Quốc khánh (2/9)', 'National Day (2 September)');
  const adjacent = nationalDay + NATIONAL_DAY_ADJACENT[weekdayOfJdn(nationalDay)]!;
  add(
    adjacent,
    `Quốc khánh (ngày liền kề, ${adjacent < nationalDay ? '1/9' : '3/9'})`,
    `National Day (adjacent day, ${adjacent < nationalDay ? '1' : '3'} September)`,
  );

  // The occasions an announcement covers are taken as announced, not by this rule.
  const replaced = announced.replaced;
  if (replaced?.size) days = days.filter((d) => !replaced.has(d.occasion));
  days.sort((a, b) => a.jd - b.jd);

  // Art. 111(3): a holiday on a weekly day off (Saturday, Sunday) gives the next working day off.
  // Taken in date order, each such holiday gets the first weekday after it that is neither a
  // holiday nor already a compensatory day (so a Tết spanning a weekend pushes its compensatory
  // days past its end). Two holidays on one date (Hùng Kings' day on 30 April: 1947 only, in
  // 1900–2199) are treated the same way: the second one gets a compensatory day. Announced days off
  // (`reserved`) are taken too.
  const taken = new Set([...days.map((d) => d.jd), ...(announced.reserved ?? [])]);
  const seen = new Set<number>();
  const compensatory: StatutoryDay[] = [];
  for (const day of days) {
    const coincides = seen.has(day.jd);
    seen.add(day.jd);
    if (!isWeekendJdn(day.jd) && !coincides) continue;
    let jd = day.jd + 1;
    while (isWeekendJdn(jd) || taken.has(jd)) jd++;
    taken.add(jd);
    compensatory.push({
      jd,
      name: { vi: `Nghỉ bù ${day.name.vi}`, en: `Compensatory day off for ${day.name.en}` },
      kind: 'compensatory',
      occasion: day.occasion,
      compensatesFor: day.jd,
    });
  }
  return [...days, ...compensatory].sort((a, b) => a.jd - b.jd);
}

/** A statutory day off worked out by the rule, in its public form. */
export function toHoliday(day: StatutoryDay): Holiday {
  const holiday: Holiday = { date: formatJdn(day.jd), name: { ...day.name }, kind: day.kind, basis: 'estimated', occasion: day.occasion };
  if (day.compensatesFor !== undefined) holiday.compensatesFor = formatJdn(day.compensatesFor);
  return holiday;
}
