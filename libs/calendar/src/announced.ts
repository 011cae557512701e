import { type LocalDate, parseLocalDate, weekdayOfJdn } from './dates.js';
import { CalendarError } from './errors.js';
import { type AnnouncementSource, type LocalizedName, type Occasion, OCCASIONS } from './holidays.js';

/**
 * The days off the government announced for state bodies (cán bộ, công chức, viên chức), year by
 * year. The Labour Code leaves to the Prime Minister which 5 days of Tết are taken and which day
 * next to 2 September is the second National Day holiday (art. 112(3)), and the government often
 * swaps a working day next to a holiday for a Saturday (hoán đổi ngày làm việc, làm bù). The
 * schedule is decided by the Prime Minister (or a Deputy Prime Minister) in a letter of the
 * Government Office (Văn phòng Chính phủ, `…/VPCP-KGVX`) and notified by the ministry in charge:
 * the Ministry of Labour, Invalids and Social Affairs (Bộ Lao động – Thương binh và Xã hội,
 * `…/TB-LĐTBXH`) until 2025, the Ministry of Home Affairs (Bộ Nội vụ, `…/TB-BNV`) after the two
 * merged in March 2025.
 *
 * An announcement covers the occasions its days belong to: for those occasions of its year the
 * calendar takes these days instead of the rule in holidays.ts (which stays for every other occasion
 * and year). Days are listed as the notice lists them: the holidays themselves (weekend ones too),
 * compensatory days and swapped days off; plain weekend days of the break are not listed. A
 * Saturday worked in exchange is in `workingDays`. Admins' overrides still win over both.
 *
 * Adding a year: add its announcement here with the document's number and date (docs/calendar.md,
 * "Announced schedules"), or, until a release ships it, enter the days as admin overrides.
 */
export interface AnnouncedDayOff {
  date: LocalDate;
  occasion: Occasion;
  kind: 'holiday' | 'compensatory' | 'swapped';
  name: LocalizedName;
  /** For a compensatory day: the holiday (on a weekend) it makes up for. */
  compensatesFor?: LocalDate;
  /** For a swapped day off: the Saturday worked in its place. */
  swappedWith?: LocalDate;
}

export interface AnnouncedWorkingDay {
  date: LocalDate;
  occasion: Occasion;
  name: LocalizedName;
  /** The swapped day off this Saturday is worked for. */
  replaces: LocalDate;
}

export interface Announcement {
  /** The year of the holidays it sets (a swapped Saturday may fall in another year). */
  year: number;
  source: AnnouncementSource;
  daysOff: readonly AnnouncedDayOff[];
  workingDays: readonly AnnouncedWorkingDay[];
}

// ---- helpers that name the days the way the rule does (holidays.ts) ----

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function spelled(date: LocalDate): { vi: string; en: string } {
  const w = weekdayOfJdn(parseLocalDate(date));
  const [y, m, d] = date.split('-');
  return { vi: `${WEEKDAY_VI[w]} ${d}/${m}/${y}`, en: `${WEEKDAY_EN[w]} ${Number(d)} ${MONTH_EN[Number(m) - 1]} ${y}` };
}

/** A day of Tết: `lunar` is its lunar date as the notice gives it ("29 tháng Chạp", "mùng 1 tháng Giêng"). */
function tet(date: LocalDate, lunar: string, en: string): AnnouncedDayOff {
  return { date, occasion: 'tet', kind: 'holiday', name: { vi: `Tết Nguyên đán (${lunar})`, en: `Lunar New Year (Tết) — ${en}` } };
}

function holiday(date: LocalDate, occasion: Occasion, vi: string, en: string): AnnouncedDayOff {
  return { date, occasion, kind: 'holiday', name: { vi, en } };
}

const NEW_YEAR = (date: LocalDate) => holiday(date, 'new-year', 'Tết Dương lịch', "New Year's Day");
const REUNIFICATION = (date: LocalDate) =>
  holiday(date, 'reunification-labour', 'Ngày Giải phóng miền Nam, thống nhất đất nước (30/4)', 'Reunification Day (30 April)');
const LABOUR_DAY = (date: LocalDate) => holiday(date, 'reunification-labour', 'Ngày Quốc tế Lao động (1/5)', 'International Labour Day (1 May)');
const NATIONAL_DAY = (date: LocalDate) => holiday(date, 'national-day', 'Quốc khánh (2/9)', 'National Day (2 September)');
const NATIONAL_DAY_ADJACENT = (date: LocalDate) => {
  const before = date.endsWith('-09-01');
  return holiday(date, 'national-day', `Quốc khánh (ngày liền kề, ${before ? '1/9' : '3/9'})`, `National Day (adjacent day, ${before ? '1' : '3'} September)`);
};

/** A compensatory day (nghỉ bù) for `day`, a holiday that fell on a weekend. */
function compensatory(date: LocalDate, day: AnnouncedDayOff): AnnouncedDayOff {
  return {
    date,
    occasion: day.occasion,
    kind: 'compensatory',
    compensatesFor: day.date,
    name: { vi: `Nghỉ bù ${day.name.vi}`, en: `Compensatory day off for ${day.name.en}` },
  };
}

/** A working day given off (`date`) in exchange for a Saturday worked (`workedOn`): both sides of the swap. */
function swap(occasion: Occasion, date: LocalDate, workedOn: LocalDate): { dayOff: AnnouncedDayOff; workingDay: AnnouncedWorkingDay } {
  const off = spelled(date);
  const on = spelled(workedOn);
  return {
    dayOff: {
      date,
      occasion,
      kind: 'swapped',
      swappedWith: workedOn,
      name: { vi: `Nghỉ hoán đổi (làm bù ${on.vi})`, en: `Swapped day off (worked on ${on.en})` },
    },
    workingDay: {
      date: workedOn,
      occasion,
      replaces: date,
      name: { vi: `Làm bù cho ngày nghỉ hoán đổi ${off.vi}`, en: `Working day in exchange for ${off.en}` },
    },
  };
}

// ---- the announced schedules ----

const tet2023 = [
  tet('2023-01-20', '29 tháng Chạp', '29th day of the 12th lunar month'),
  tet('2023-01-21', '30 tháng Chạp', 'last day of the old lunar year'),
  tet('2023-01-22', 'mùng 1 tháng Giêng', 'day 1'),
  tet('2023-01-23', 'mùng 2 tháng Giêng', 'day 2'),
  tet('2023-01-24', 'mùng 3 tháng Giêng', 'day 3'),
];
const nationalDay2023 = [NATIONAL_DAY_ADJACENT('2023-09-01'), NATIONAL_DAY('2023-09-02')];

const tet2024 = [
  tet('2024-02-08', '29 tháng Chạp', '29th day of the 12th lunar month'),
  tet('2024-02-09', '30 tháng Chạp', 'last day of the old lunar year'),
  tet('2024-02-10', 'mùng 1 tháng Giêng', 'day 1'),
  tet('2024-02-11', 'mùng 2 tháng Giêng', 'day 2'),
  tet('2024-02-12', 'mùng 3 tháng Giêng', 'day 3'),
];
const labourDay2024 = swap('reunification-labour', '2024-04-29', '2024-05-04');
const labourDay2025 = swap('reunification-labour', '2025-05-02', '2025-04-26');
const newYear2026 = swap('new-year', '2026-01-02', '2026-01-10');
const nationalDay2026 = swap('national-day', '2026-08-31', '2026-08-22');

export const ANNOUNCEMENTS: readonly Announcement[] = [
  {
    // Tết Quý Mão: Fri 20 – Thu 26 Jan 2023 (5 days of Tết, 2 of them on the weekend, so 2 compensatory
    // days); National Day: Fri 1 – Mon 4 Sep 2023.
    year: 2023,
    source: {
      document: 'Công văn số 8056/VPCP-KGVX',
      date: '2022-12-01',
      vi: 'Văn phòng Chính phủ truyền đạt ý kiến Phó Thủ tướng Vũ Đức Đam đồng ý đề nghị của Bộ Lao động – Thương binh và Xã hội về nghỉ Tết Âm lịch và Quốc khánh năm 2023',
      en: "Government Office: the Deputy Prime Minister approves the Ministry of Labour, Invalids and Social Affairs' schedule for Tết and National Day 2023",
    },
    daysOff: [
      ...tet2023,
      compensatory('2023-01-25', tet2023[1]!),
      compensatory('2023-01-26', tet2023[2]!),
      ...nationalDay2023,
      compensatory('2023-09-04', nationalDay2023[1]!),
    ],
    workingDays: [],
  },
  {
    // Tết Giáp Thìn: Thu 8 – Wed 14 Feb 2024 (5 days of Tết and 2 compensatory days for the weekend);
    // National Day: Sat 31 Aug – Tue 3 Sep 2024.
    year: 2024,
    source: {
      document: 'Thông báo số 5015/TB-LĐTBXH',
      date: '2023-11-22',
      vi: 'Bộ Lao động – Thương binh và Xã hội thông báo nghỉ Tết Âm lịch và Quốc khánh năm 2024 (theo ý kiến Thủ tướng, Công văn 8662/VPCP-KGVX ngày 03/11/2023)',
      en: 'Ministry of Labour, Invalids and Social Affairs: Tết and National Day 2024 (as the Prime Minister approved, letter 8662/VPCP-KGVX of 3 Nov 2023)',
    },
    daysOff: [
      ...tet2024,
      compensatory('2024-02-13', tet2024[2]!),
      compensatory('2024-02-14', tet2024[3]!),
      NATIONAL_DAY('2024-09-02'),
      NATIONAL_DAY_ADJACENT('2024-09-03'),
    ],
    workingDays: [],
  },
  {
    // 30 April – 1 May: Sat 27 Apr – Wed 1 May 2024; Monday 29 Apr swapped for Saturday 4 May.
    year: 2024,
    source: {
      document: 'Công văn số 2450/VPCP-KGVX',
      date: '2024-04-12',
      vi: 'Văn phòng Chính phủ truyền đạt ý kiến Thủ tướng đồng ý hoán đổi ngày làm việc dịp nghỉ lễ 30/4 và 1/5 năm 2024',
      en: 'Government Office: the Prime Minister approves swapping a working day for 30 April – 1 May 2024',
    },
    daysOff: [labourDay2024.dayOff, REUNIFICATION('2024-04-30'), LABOUR_DAY('2024-05-01')],
    workingDays: [labourDay2024.workingDay],
  },
  {
    // Tết Ất Tỵ: Sat 25 Jan – Sun 2 Feb 2025, the 5 days of Tết being Mon 27 – Fri 31 Jan (28 tháng
    // Chạp – mùng 3); 30 April – 1 May: Wed 30 Apr – Sun 4 May, Friday 2 May swapped for Saturday 26
    // Apr; National Day: Sat 30 Aug – Tue 2 Sep 2025.
    year: 2025,
    source: {
      document: 'Thông báo số 6150/TB-LĐTBXH',
      date: '2024-12-03',
      vi: 'Bộ Lao động – Thương binh và Xã hội thông báo nghỉ Tết Âm lịch, Quốc khánh, 30/4 và 1/5 năm 2025 (theo ý kiến Thủ tướng, Công văn 8726/VPCP-KGVX ngày 26/11/2024)',
      en: 'Ministry of Labour, Invalids and Social Affairs: Tết, National Day, 30 April and 1 May 2025 (as the Prime Minister approved, letter 8726/VPCP-KGVX of 26 Nov 2024)',
    },
    daysOff: [
      tet('2025-01-27', '28 tháng Chạp', '28th day of the 12th lunar month'),
      tet('2025-01-28', '29 tháng Chạp', 'last day of the old lunar year'),
      tet('2025-01-29', 'mùng 1 tháng Giêng', 'day 1'),
      tet('2025-01-30', 'mùng 2 tháng Giêng', 'day 2'),
      tet('2025-01-31', 'mùng 3 tháng Giêng', 'day 3'),
      REUNIFICATION('2025-04-30'),
      LABOUR_DAY('2025-05-01'),
      labourDay2025.dayOff,
      NATIONAL_DAY_ADJACENT('2025-09-01'),
      NATIONAL_DAY('2025-09-02'),
    ],
    workingDays: [labourDay2025.workingDay],
  },
  {
    // New Year's Day: Thu 1 – Sun 4 Jan 2026, Friday 2 Jan swapped for Saturday 10 Jan.
    year: 2026,
    source: {
      document: 'Công văn số 12729/VPCP-KGVX',
      date: '2025-12-25',
      vi: 'Văn phòng Chính phủ truyền đạt ý kiến Phó Thủ tướng Phạm Thị Thanh Trà đồng ý đề xuất của Bộ Nội vụ về nghỉ Tết Dương lịch năm 2026',
      en: "Government Office: the Deputy Prime Minister approves the Ministry of Home Affairs' proposal for New Year's Day 2026",
    },
    daysOff: [NEW_YEAR('2026-01-01'), newYear2026.dayOff],
    workingDays: [newYear2026.workingDay],
  },
  {
    // Tết Bính Ngọ: Sat 14 – Sun 22 Feb 2026, the 5 days of Tết being Mon 16 – Fri 20 Feb (29 tháng
    // Chạp – mùng 4); National Day: Sat 29 Aug – Wed 2 Sep 2026, Monday 31 Aug swapped for Saturday 22 Aug.
    year: 2026,
    source: {
      document: 'Thông báo số 9441/TB-BNV',
      date: '2025-10-16',
      vi: 'Bộ Nội vụ thông báo lịch nghỉ Tết Âm lịch và Quốc khánh năm 2026 đối với cán bộ, công chức, viên chức và người lao động',
      en: 'Ministry of Home Affairs: Tết and National Day 2026 for officials, civil servants, public employees and workers',
    },
    daysOff: [
      tet('2026-02-16', '29 tháng Chạp', 'last day of the old lunar year'),
      tet('2026-02-17', 'mùng 1 tháng Giêng', 'day 1'),
      tet('2026-02-18', 'mùng 2 tháng Giêng', 'day 2'),
      tet('2026-02-19', 'mùng 3 tháng Giêng', 'day 3'),
      tet('2026-02-20', 'mùng 4 tháng Giêng', 'day 4'),
      nationalDay2026.dayOff,
      NATIONAL_DAY_ADJACENT('2026-09-01'),
      NATIONAL_DAY('2026-09-02'),
    ],
    workingDays: [nationalDay2026.workingDay],
  },
];

// ---- checking and indexing (for WorkingCalendar) ----

export interface AnnouncedEntry<T> {
  entry: T;
  source: AnnouncementSource;
}

export interface AnnouncementIndex {
  /** By year of the announcement: the occasions whose rule it replaces. */
  covered: ReadonlyMap<number, ReadonlySet<Occasion>>;
  /** By year of the announcement: its sources and the occasions each covers. */
  byYear: ReadonlyMap<number, ReadonlyArray<{ occasions: Occasion[]; source: AnnouncementSource }>>;
  /** By JDN: announced days off and working days. */
  daysOff: ReadonlyMap<number, AnnouncedEntry<AnnouncedDayOff>>;
  workingDays: ReadonlyMap<number, AnnouncedEntry<AnnouncedWorkingDay>>;
}

function fail(where: string, message: string): never {
  throw new CalendarError('INVALID_ANNOUNCEMENT', `${where}: ${message}`);
}

function isName(value: unknown): boolean {
  const n = value as LocalizedName;
  return typeof n === 'object' && n !== null && typeof n.vi === 'string' && n.vi.trim() !== '' && typeof n.en === 'string' && n.en.trim() !== '';
}

function dateOf(value: unknown, where: string): number {
  try {
    return parseLocalDate(value, where);
  } catch (error) {
    return fail(where, (error as Error).message);
  }
}

/**
 * Checks a list of announcements and indexes it. Refused with INVALID_ANNOUNCEMENT: a malformed
 * entry, a day off that is not a weekday (a swapped or compensatory day) or a working day that is
 * not a weekend day, a swap whose two sides do not name each other, and a date given twice.
 */
export function indexAnnouncements(list: readonly Announcement[]): AnnouncementIndex {
  if (!Array.isArray(list)) fail('announcements', 'must be an array');
  const covered = new Map<number, Set<Occasion>>();
  const byYear = new Map<number, Array<{ occasions: Occasion[]; source: AnnouncementSource }>>();
  const daysOff = new Map<number, AnnouncedEntry<AnnouncedDayOff>>();
  const workingDays = new Map<number, AnnouncedEntry<AnnouncedWorkingDay>>();
  const seen = (jd: number) => daysOff.has(jd) || workingDays.has(jd);
  list.forEach((a, i) => {
    const where = `announcements[${i}]`;
    if (typeof a !== 'object' || a === null) fail(where, 'must be an object');
    if (!Number.isInteger(a.year)) fail(`${where}.year`, 'must be a whole number');
    const s = a.source;
    if (typeof s !== 'object' || s === null || typeof s.document !== 'string' || !s.document.trim() || !isName(s)) {
      fail(`${where}.source`, 'must be { document, date, vi, en } with non-empty strings');
    }
    dateOf(s.date, `${where}.source.date`);
    const source: AnnouncementSource = Object.freeze({ document: s.document, date: s.date, vi: s.vi, en: s.en });
    const offList: readonly AnnouncedDayOff[] = a.daysOff;
    const workList: readonly AnnouncedWorkingDay[] = a.workingDays;
    if (!Array.isArray(offList) || !Array.isArray(workList)) fail(where, 'daysOff and workingDays must be arrays');
    const occasions = new Set<Occasion>();
    offList.forEach((d, j) => {
      const at = `${where}.daysOff[${j}]`;
      const jd = dateOf(d?.date, `${at}.date`);
      if (!OCCASIONS.includes(d.occasion)) fail(`${at}.occasion`, `must be one of ${OCCASIONS.join(', ')}`);
      if (d.kind !== 'holiday' && d.kind !== 'compensatory' && d.kind !== 'swapped') fail(`${at}.kind`, 'must be "holiday", "compensatory" or "swapped"');
      if (!isName(d.name)) fail(`${at}.name`, 'must be { vi, en } with two non-empty strings');
      const weekday = weekdayOfJdn(jd);
      if (d.kind !== 'holiday' && (weekday === 0 || weekday === 6)) fail(at, `a ${d.kind} day off must be a weekday (${d.date} is a weekend day)`);
      if (d.kind === 'compensatory') dateOf(d.compensatesFor, `${at}.compensatesFor`);
      if (d.kind === 'swapped') {
        const w = workList.find((x) => x?.date === d.swappedWith);
        if (!w || w.replaces !== d.date) fail(at, `a swapped day off needs its working day in workingDays (swappedWith ${JSON.stringify(d.swappedWith)})`);
      }
      if (seen(jd)) fail(at, `${d.date} is given twice`);
      occasions.add(d.occasion);
      daysOff.set(jd, Object.freeze({ entry: Object.freeze({ ...d, name: Object.freeze({ ...d.name }) }), source }));
    });
    workList.forEach((d, j) => {
      const at = `${where}.workingDays[${j}]`;
      const jd = dateOf(d?.date, `${at}.date`);
      if (!OCCASIONS.includes(d.occasion)) fail(`${at}.occasion`, `must be one of ${OCCASIONS.join(', ')}`);
      if (!isName(d.name)) fail(`${at}.name`, 'must be { vi, en } with two non-empty strings');
      const weekday = weekdayOfJdn(jd);
      if (weekday !== 0 && weekday !== 6) fail(at, `a working day in exchange must be a Saturday or Sunday (${d.date} is not)`);
      const off = offList.find((x) => x?.date === d.replaces);
      if (!off || off.kind !== 'swapped' || off.swappedWith !== d.date)
        fail(at, `replaces ${JSON.stringify(d.replaces)}, which is no swapped day off of this announcement`);
      if (seen(jd)) fail(at, `${d.date} is given twice`);
      workingDays.set(jd, Object.freeze({ entry: Object.freeze({ ...d, name: Object.freeze({ ...d.name }) }), source }));
    });
    const set = covered.get(a.year) ?? new Set<Occasion>();
    for (const o of occasions) {
      if (set.has(o)) fail(where, `a second announcement of ${a.year} covers ${o}`);
      set.add(o);
    }
    covered.set(a.year, set);
    byYear.set(a.year, [...(byYear.get(a.year) ?? []), { occasions: OCCASIONS.filter((o) => occasions.has(o)), source }]);
  });
  return { covered, byYear, daysOff, workingDays };
}
