import { describe, expect, it } from '@jest/globals';
import { parseAnchor, parsePeriod } from './period.js';

describe('reporting periods', () => {
  it('counts from 15 December by default: year, halves, quarters and months', () => {
    expect(parsePeriod('2026')).toMatchObject({ from: '2025-12-15', to: '2026-12-14' });
    expect(parsePeriod('2026-H1')).toMatchObject({ from: '2025-12-15', to: '2026-06-14', months: ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] });
    expect(parsePeriod('2026-H2')).toMatchObject({ from: '2026-06-15', to: '2026-12-14' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ from: '2025-12-15', to: '2026-03-14' });
    expect(parsePeriod('2026-Q3')).toMatchObject({ from: '2026-06-15', to: '2026-09-14' });
    expect(parsePeriod('2026-03')).toMatchObject({ from: '2026-02-15', to: '2026-03-14' });
    expect(parsePeriod('2026-01')).toMatchObject({ from: '2025-12-15', to: '2026-01-14' });
  });

  it('days are days in Vietnam: the period starts at local midnight', () => {
    const p = parsePeriod('2026-H1')!;
    expect(p.fromAt.toISOString()).toBe('2025-12-14T17:00:00.000Z');
    expect(p.toAt.toISOString()).toBe('2026-06-14T17:00:00.000Z');
  });

  it('follows a configured anchor; a calendar anchor gives calendar periods', () => {
    const calendar = parseAnchor('01-01')!;
    expect(parsePeriod('2026', calendar)).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(parsePeriod('2026-H2', calendar)).toMatchObject({ from: '2026-07-01', to: '2026-12-31' });
    expect(parsePeriod('2026-02', calendar)).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(parsePeriod('2026-Q2', parseAnchor('10-01')!)).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('refuses what it cannot read', () => {
    for (const bad of ['', '26', '2026-H3', '2026-Q5', '2026-13', '2026-00', '1999', 'năm 2026', '2026-h1']) expect(parsePeriod(bad)).toBeUndefined();
    for (const bad of ['12/15', '13-01', '02-30', '1-1']) expect(parseAnchor(bad)).toBeUndefined();
  });
});
