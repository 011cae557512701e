/** Why a calendar function refused its input. */
export type CalendarErrorCode =
  | 'INVALID_DATE' // not a YYYY-MM-DD string naming a real day
  | 'INVALID_INSTANT' // not a Date / ISO 8601 date-time with a zone
  | 'INVALID_TIME' // not HH:mm[:ss] (00:00–24:00)
  | 'OUT_OF_RANGE' // a year outside 1900–2199 (input or result)
  | 'INVALID_ARGUMENT' // e.g. a negative or fractional day count
  | 'INVALID_LUNAR_DATE' // no such lunar day / leap month
  | 'INVALID_DURATION' // not an ISO 8601 duration this lib supports
  | 'INVALID_OVERRIDE' // a malformed or duplicated calendar override
  | 'INVALID_ANNOUNCEMENT'; // a malformed announced schedule (announced.ts, or one passed to WorkingCalendar)

/** Thrown by every function of `#libs/calendar` when an input is invalid or out of range. */
export class CalendarError extends Error {
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
  }
}
