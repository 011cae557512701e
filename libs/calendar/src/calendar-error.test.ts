// For the calendar's specs: the code of the CalendarError a call throws (a test helper, not built).
import { expect } from '@jest/globals';
import { CalendarError } from './errors.js';

export function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError);
    return (error as CalendarError).code;
  }
  return undefined;
}
