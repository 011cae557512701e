import { describe, expect, it } from '@jest/globals';
import { addDuration, isLocalDate, localDateToInstant, parseIsoDuration, toLocalDate } from './index.js';
import { errorCode } from './calendar-error.test.js';


describe('toLocalDate', () => {
  it('converts instants to the Asia/Ho_Chi_Minh date around midnight UTC+7', () => {
    expect(toLocalDate('2026-02-11T16:59:59.999Z')).toBe('2026-02-11');
    expect(toLocalDate('2026-02-11T17:00:00Z')).toBe('2026-02-12');
    expect(toLocalDate(new Date('2026-02-11T17:00:00Z'))).toBe('2026-02-12');
    expect(toLocalDate('2026-02-12T00:30:00+07:00')).toBe('2026-02-12');
    expect(toLocalDate('2026-02-11T23:30:00-05:00')).toBe('2026-02-12'); // 04:30Z = 11:30 in Vietnam
    expect(toLocalDate('2025-12-31T17:00:00Z')).toBe('2026-01-01');
    expect(toLocalDate('2024-02-28T17:00:00Z')).toBe('2024-02-29');
  });

  it('passes a plain LocalDate through', () => {
    expect(toLocalDate('2026-02-12')).toBe('2026-02-12');
  });

  it('refuses strings without a zone, nonsense and invalid Dates', () => {
    expect(errorCode(() => toLocalDate('2026-02-12T10:00:00'))).toBe('INVALID_INSTANT');
    expect(errorCode(() => toLocalDate('yesterday'))).toBe('INVALID_INSTANT');
    expect(errorCode(() => toLocalDate(new Date('nope')))).toBe('INVALID_INSTANT');
    expect(errorCode(() => toLocalDate(1770000000000 as unknown as Date))).toBe('INVALID_INSTANT');
    expect(errorCode(() => toLocalDate('2026-02-30'))).toBe('INVALID_DATE');
    expect(errorCode(() => toLocalDate('2200-01-01T00:00:00Z'))).toBe('OUT_OF_RANGE');
  });
});

describe('localDateToInstant', () => {
  it('defaults to the end of the day, 24:00 in Vietnam (Civil Code art. 148(3))', () => {
    const end = localDateToInstant('2026-03-05');
    expect(end.toISOString()).toBe('2026-03-05T17:00:00.000Z');
    expect(toLocalDate(new Date(end.getTime() - 1))).toBe('2026-03-05');
    expect(toLocalDate(end)).toBe('2026-03-06');
  });

  it('takes an explicit local time', () => {
    expect(localDateToInstant('2026-03-05', '17:00').toISOString()).toBe('2026-03-05T10:00:00.000Z');
    expect(localDateToInstant('2026-03-05', '00:00').toISOString()).toBe('2026-03-04T17:00:00.000Z');
    expect(localDateToInstant('2026-03-05', '07:30:15').toISOString()).toBe('2026-03-05T00:30:15.000Z');
    expect(toLocalDate(localDateToInstant('2026-03-05', '23:59:59'))).toBe('2026-03-05');
  });

  it('refuses bad times and dates', () => {
    for (const time of ['24:01', '7:30', '12:60', '25:00', 'noon', '']) {
      expect(errorCode(() => localDateToInstant('2026-03-05', time))).toBe('INVALID_TIME');
    }
    expect(errorCode(() => localDateToInstant('2026-03-32'))).toBe('INVALID_DATE');
    expect(errorCode(() => localDateToInstant('1899-12-31'))).toBe('OUT_OF_RANGE');
  });
});

describe('isLocalDate', () => {
  it('accepts real days of 1900–2199 only', () => {
    expect(isLocalDate('2026-02-12')).toBe(true);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2100-02-29')).toBe(false);
    expect(isLocalDate('2026-02-12T00:00:00Z')).toBe(false);
    expect(isLocalDate('1899-12-31')).toBe(false);
    expect(isLocalDate(20260212)).toBe(false);
  });
});

describe('addDuration', () => {
  const at = (iso: string): Date => new Date(iso);

  it('adds days, hours and combinations', () => {
    expect(addDuration(at('2026-02-12T01:00:00Z'), 'P30D').toISOString()).toBe('2026-03-14T01:00:00.000Z');
    expect(addDuration(at('2026-02-12T01:00:00Z'), 'PT4H').toISOString()).toBe('2026-02-12T05:00:00.000Z');
    expect(addDuration(at('2026-02-12T01:00:00Z'), 'P1DT2H').toISOString()).toBe('2026-02-13T03:00:00.000Z');
    expect(addDuration(at('2026-02-12T01:00:00Z'), 'P2W').toISOString()).toBe('2026-02-26T01:00:00.000Z');
    expect(addDuration(at('2026-02-12T01:00:00Z'), 'PT1.5H').toISOString()).toBe('2026-02-12T02:30:00.000Z');
    expect(addDuration(at('2026-02-12T01:00:00Z'), 'PT90M30S').toISOString()).toBe('2026-02-12T02:30:30.000Z');
    expect(addDuration(at('2026-02-12T01:00:00Z'), '-P1D').toISOString()).toBe('2026-02-11T01:00:00.000Z');
    expect(addDuration('2026-02-12T08:00:00+07:00', 'PT0S').toISOString()).toBe('2026-02-12T01:00:00.000Z');
  });

  it('adds months and years on the Vietnam local calendar, clamping to the month end', () => {
    // 03:00 on 31 Jan in Vietnam is still 30 Jan in UTC: the month is added to the local date.
    expect(addDuration(at('2026-01-30T20:00:00Z'), 'P1M').toISOString()).toBe('2026-02-27T20:00:00.000Z');
    expect(toLocalDate(addDuration(at('2026-01-30T20:00:00Z'), 'P1M'))).toBe('2026-02-28');
    expect(addDuration(at('2024-02-29T03:00:00Z'), 'P1Y').toISOString()).toBe('2025-02-28T03:00:00.000Z');
    expect(addDuration(at('2026-03-31T03:00:00Z'), '-P1M').toISOString()).toBe('2026-02-28T03:00:00.000Z');
    expect(addDuration(at('2026-11-15T03:00:00Z'), 'P1Y3M').toISOString()).toBe('2028-02-15T03:00:00.000Z');
    expect(addDuration(at('2026-01-31T03:00:00Z'), 'P1M1D').toISOString()).toBe('2026-03-01T03:00:00.000Z');
  });

  it('parses durations into parts', () => {
    expect(parseIsoDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({
      sign: 1,
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7.5,
    });
    expect(parseIsoDuration('-PT0,5H').hours).toBe(0.5);
  });

  it('refuses what is not a supported ISO 8601 duration', () => {
    for (const bad of ['', 'P', 'PT', '30D', 'P1DT', 'P1.5D', 'PT1.5H30M', 'P1H', 'PT1D', 'p1d', 'P-1D']) {
      expect(errorCode(() => addDuration(at('2026-02-12T01:00:00Z'), bad))).toBe('INVALID_DURATION');
    }
    expect(errorCode(() => addDuration(new Date(Number.NaN), 'P1D'))).toBe('INVALID_INSTANT');
    expect(errorCode(() => addDuration(at('2199-12-31T00:00:00Z'), 'P1D'))).toBe('OUT_OF_RANGE');
  });
});
