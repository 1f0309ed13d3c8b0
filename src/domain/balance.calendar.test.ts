import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, lastDay, monthName, shortDate } from './balance.calendar';

// The calendar reads years and months off their positions; the Date object is the reference it must agree with.
// Months are `YYYY-MM`: the years drawn stay four-digit within the ±36 months added (Date writes year 10000 as
// +010000).
const monthArb = fc
  .record({ y: fc.integer({ min: 1003, max: 9996 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);
const viaDate = (month: string, n: number) => {
  const d = new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};

describe('balance calendar', () => {
  it('adds months as the calendar does, across years', () => {
    fc.assert(
      fc.property(monthArb, fc.integer({ min: -36, max: 36 }), (month, n) => {
        expect(addMonths(month, n)).toBe(viaDate(month, n));
      }),
    );
  });

  it('gives each month its last day, leap years included', () => {
    fc.assert(
      fc.property(monthArb, (month) => {
        const next = new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 1));
        expect(lastDay(month)).toBe(new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10));
      }),
    );
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(lastDay('2100-02')).toBe('2100-02-28');
    expect(lastDay('2000-02')).toBe('2000-02-29');
  });

  it('names months and days in words', () => {
    expect(monthName('2026-08-12', '2026-11-22')).toBe('August');
    expect(monthName('2025-08-12', '2026-11-22')).toBe('August 2025');
    expect(shortDate('2026-08-02')).toBe('2 Aug 2026');
  });
});
