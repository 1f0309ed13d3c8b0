import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { movesTogether, pearson, pulseStatus, reminderAt, summarize } from './pulse';

describe('a round', () => {
  it('is open all of its closing day and closed the day after', () => {
    expect(pulseStatus('2026-11-30', new Date('2026-11-30T23:59:59Z'))).toBe('open');
    expect(pulseStatus('2026-11-30', new Date('2026-12-01T00:00:00Z'))).toBe('closed');
  });

  it('reminds two days before the close, or halfway on a short round', () => {
    const sent = new Date('2026-11-01T00:00:00Z');
    expect(reminderAt(sent, '2026-11-02')?.toISOString()).toBe('2026-11-02T00:00:00.000Z');
    expect(reminderAt(sent, '2026-11-30')?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(reminderAt(sent, '2026-10-30')).toBeNull();
  });

  it('reminds while the round is still open', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 90 }), (mins, days) => {
        const sent = new Date(Date.parse('2026-11-01T00:00:00Z') + mins * 60_000);
        const closesOn = new Date(Date.parse('2026-11-01T00:00:00Z') + days * 86_400_000 + 8 * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const at = reminderAt(sent, closesOn);
        if (at) {
          expect(at.getTime()).toBeGreaterThanOrEqual(sent.getTime());
          expect(pulseStatus(closesOn, at)).toBe('open');
        }
      }),
    );
  });
});

describe('summarize', () => {
  it('counts every score 0–10 and averages to one decimal', () => {
    const s = summarize([10, 9, 9, 6, 0]);
    expect(s.responses).toBe(5);
    expect(s.average).toBe(6.8);
    expect(s.distribution).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, 2, 1]);
    expect(summarize([]).average).toBeNull();
  });
});

describe('pearson', () => {
  it('is 1 for a rising line, −1 for a falling one, null when one side is flat', () => {
    expect(
      pearson([
        [1, 2],
        [2, 4],
        [3, 6],
      ]),
    ).toBeCloseTo(1);
    expect(
      pearson([
        [1, 3],
        [2, 2],
        [3, 1],
      ]),
    ).toBeCloseTo(-1);
    expect(
      pearson([
        [1, 5],
        [2, 5],
      ]),
    ).toBeNull();
  });

  it('stays between −1 and 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), {
          minLength: 2,
        }),
        (pairs) => {
          const r = pearson(pairs);
          if (r !== null) expect(Math.abs(r)).toBeLessThanOrEqual(1 + 1e-9);
        },
      ),
    );
  });
});

describe('movesTogether', () => {
  const round = (month: string, average: number | null) => ({ closesOn: `${month}-28`, average });

  it('makes no claim below four paired months', () => {
    const t = movesTogether(
      [round('2026-08', 7), round('2026-09', 8), round('2026-10', 6)],
      [round('2026-08', 7), round('2026-09', 8), round('2026-10', 6)],
    );
    expect(t).toMatchObject({ n: 3, correlation: null });
    expect(t.statement).toContain('Too few rounds to say');
  });

  it('pairs by month, skips hidden rounds and says when both fall together', () => {
    const employee = [
      round('2026-07', 8),
      round('2026-08', 7.5),
      round('2026-09', null),
      round('2026-10', 6.5),
      round('2026-11', 6),
    ];
    const client = [
      round('2026-07', 8.5),
      round('2026-08', 8),
      round('2026-09', 7.5),
      round('2026-10', 7),
      round('2026-11', 6),
    ];
    const t = movesTogether(employee, client);
    expect(t.n).toBe(4);
    expect(t.correlation).toBeGreaterThan(0.9);
    expect(t.statement).toContain('move closely together');
    expect(t.statement).toContain('4 paired months');
  });
});
