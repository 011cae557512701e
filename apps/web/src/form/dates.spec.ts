import { describe, expect, it } from '@jest/globals';
import { formatDay, isIsoDay, isIsoInstant, parseDay } from './dates.ts';

describe('days as people write them (dd/mm/yyyy) and as the API keeps them (yyyy-mm-dd)', () => {
  it('reads the day first, with slashes, dashes or dots, one or two digits', () => {
    expect(parseDay('20/11/2026')).toBe('2026-11-20');
    expect(parseDay('2/3/2026')).toBe('2026-03-02');
    expect(parseDay(' 02-03-2026 ')).toBe('2026-03-02');
    expect(parseDay('02.03.2026')).toBe('2026-03-02');
    expect(parseDay('29/02/2028')).toBe('2028-02-29');
  });

  it('takes the ISO form as it is', () => {
    expect(parseDay('2026-11-20')).toBe('2026-11-20');
    expect(parseDay('2026-02-30')).toBeNull();
  });

  it('refuses what is not a real day', () => {
    for (const text of ['', '30/02/2026', '29/02/2026', '31/04/2026', '00/01/2026', '12/13/2026', '20/11/26', '20112026', 'hôm nay', '1/1/999'])
      expect({ text, day: parseDay(text) }).toEqual({ text, day: null });
  });

  it('writes an ISO day as dd/mm/yyyy and leaves other text alone', () => {
    expect(formatDay('2026-11-20')).toBe('20/11/2026');
    expect(formatDay('2026-11-20T09:30:00+07:00')).toBe('20/11/2026');
    expect(formatDay('2026-11-20T01:30:00+07:00')).toBe('20/11/2026');
    expect(formatDay('2026-11-19T20:00:00.000Z')).toBe('20/11/2026'); // 03:00 on the 20th in Việt Nam
    expect(formatDay('không rõ')).toBe('không rõ');
  });

  it('tells days from instants', () => {
    expect(isIsoDay('2026-11-20')).toBe(true);
    expect(isIsoDay('2026-11-20T09:30:00+07:00')).toBe(false);
    expect(isIsoDay(20261120)).toBe(false);
    expect(isIsoInstant('2026-11-20T09:30:00+07:00')).toBe(true);
    expect(isIsoInstant('2026-11-20T02:30:00.123Z')).toBe(true);
    expect(isIsoInstant('2026-11-20')).toBe(false);
  });
});
