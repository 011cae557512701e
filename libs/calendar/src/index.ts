/**
 * #libs/calendar — the Vietnamese working-day calendar (pure: no I/O, no clock).
 *
 * Dates are `YYYY-MM-DD` strings in Asia/Ho_Chi_Minh (UTC+7, no DST); instants are Dates or ISO
 * 8601 strings with a zone. See docs/calendar.md for the rules and their sources.
 */
export { CalendarError, type CalendarErrorCode } from './errors.js';
export { END_OF_DAY, isLocalDate, type LocalDate, localDateToInstant, MAX_YEAR, MIN_YEAR, startInstant, toLocalDate } from './dates.js';
export { type AnnouncementSource, type Holiday, type LocalizedName, type Occasion, OCCASIONS, type SwappedWorkingDay } from './holidays.js';
export { type AnnouncedDayOff, type AnnouncedWorkingDay, type Announcement, ANNOUNCEMENTS } from './announced.js';
export { type LunarDate, lunarToSolar, solarToLunar } from './lunar-dates.js';
export { addDuration, type IsoDuration, parseIsoDuration } from './duration.js';
export { type CalendarOverride, WorkingCalendar, type WorkingCalendarOptions, type YearAnnouncement } from './working-calendar.js';
