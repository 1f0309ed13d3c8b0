import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BalanceInput, computeBalance, type StandingDay, WINDOW_MONTHS } from './balance';
import { dayArb, inputArb, levels, stages } from './balance.arbitraries';
import { addMonths, firstDay, lastDay, maxDay, minDay } from './balance.calendar';
import { pastLast, stageRank } from './balance.records';
import {
  assessmentHistories,
  lastStepUpOn,
  movesWithin,
  relationshipsByStart,
  standingChanges,
  standingOn,
  standingsOn,
  unitsOf,
} from './balance.standings';

/** Relationships that start on different days, some after their first assessments. */
const withStarts = fc
  .record({ input: inputArb, starts: fc.array(dayArb, { minLength: 4, maxLength: 4 }) })
  .map(({ input, starts }) => ({
    ...input,
    relationships: input.relationships.map((r, i) => ({ ...r, startedOn: starts[i]! })),
  }));

describe('the relationships’ standings (the progression part’s prefix sums)', () => {
  it('equal each relationship’s latest assessment on the day, summed, for every day', () => {
    fc.assert(
      fc.property(withStarts, fc.array(dayArb, { minLength: 1, maxLength: 8 }), (input, days) => {
        const h = assessmentHistories(input.assessments);
        for (const day of days) {
          const started = input.relationships.filter((r) => r.startedOn <= day);
          const stages = [0, 0, 0, 0];
          let units = 0;
          for (const r of started) {
            const a = standingOn(h, r.id, day);
            units += a ? unitsOf(a.stage, a.pyramidLevel) : 0;
            stages[a ? stageRank[a.stage] : 0]!++;
          }
          expect(standingsOn(input, day)).toEqual({ count: started.length, units, stages });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('count the moves of a span and the last step up as the relationships’ histories show them', () => {
    fc.assert(
      fc.property(withStarts, dayArb, dayArb, (input, a, b) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        const starts = new Map(input.relationships.map((r) => [r.id, r.startedOn]));
        // Each relationship's assessments in order, compared pairwise.
        const moves = [...assessmentHistories(input.assessments).byRelationship].flatMap(([id, h]) =>
          h.assessments.slice(1).flatMap((x, i) => {
            const before = h.assessments[i]!;
            const steps =
              unitsOf(x.stage, 'expectations') / 14 -
              unitsOf(before.stage, 'expectations') / 14 +
              (unitsOf('transactional', x.pyramidLevel) - unitsOf('transactional', before.pyramidLevel)) / 9;
            const startedOn = starts.get(id);
            const day = x.at.slice(0, 10);
            return steps !== 0 && startedOn !== undefined && day >= startedOn ? [{ day, steps }] : [];
          }),
        );
        const inSpan = moves.filter((m) => m.day >= from && m.day <= to);
        expect(movesWithin(input, from, to)).toEqual({
          moves: inSpan.length,
          up: inSpan.reduce((n, m) => n + Math.max(m.steps, 0), 0),
          down: inSpan.reduce((n, m) => n + Math.max(-m.steps, 0), 0),
        });
        const ups = moves.filter((m) => m.steps > 0 && m.day <= to).map((m) => m.day);
        expect(lastStepUpOn(input, to)).toBe(ups.sort().at(-1) ?? null);
      }),
      { numRuns: 300 },
    );
  });

  it('score the same from changes summed per month and the evidence’s relationships as from every record', () => {
    // Dense: up to 150 relationships and 300 assessments, most in the last quarter, so windows hold more moves
    // than the 50 the evidence shows, and more relationships than the 50 it lists.
    const recentDay = fc
      .integer({ min: Date.UTC(2025, 7, 1), max: Date.UTC(2025, 11, 20) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    const dense = fc
      .record({
        input: inputArb,
        starts: fc.array(dayArb, { minLength: 80, maxLength: 150 }),
        assessed: fc.array(
          fc.record({
            rel: fc.nat(),
            on: fc.oneof(recentDay, dayArb),
            stage: fc.constantFrom(...stages),
            level: fc.constantFrom(...levels),
          }),
          { minLength: 100, maxLength: 300 },
        ),
      })
      .map(({ input, starts, assessed }) => ({
        ...input,
        relationships: starts.map((on, i) => ({ id: `rel${i}`, label: `Client ${i}`, startedOn: on })),
        assessments: assessed.map((a, i) => ({
          id: `a${i}`,
          relationshipId: `rel${a.rel % starts.length}`,
          at: `${a.on}T${String(i % 24).padStart(2, '0')}:00:00.000Z`,
          stage: a.stage,
          pyramidLevel: a.level,
        })),
      }));
    let trimmed = 0;
    fc.assert(
      fc.property(dense, (input) => {
        const compact = { ...input, ...evidenceOnly(input), standingDays: perMonth(input) };
        if (compact.assessments.length < input.assessments.length) trimmed++;
        expect(computeBalance(compact, 'T')).toEqual(computeBalance(input, 'T'));
      }),
      { numRuns: 60 },
    );
    expect(trimmed).toBeGreaterThan(10); // most runs leave records out, so the evidence really is a subset
  });
});

/**
 * The changes summed per month, each month's keyed on its last day (today for the current one), and the months
 * before the first window's first day on the day before it, as the server reads them.
 */
function perMonth(input: BalanceInput): StandingDay[] {
  const before = lastDay(addMonths(input.months[0]!, -WINDOW_MONTHS));
  return standingChanges(input.relationships, input.assessments).map((d) => ({
    ...d,
    day: maxDay(minDay(lastDay(d.day.slice(0, 7)), input.today), before),
  }));
}

/**
 * What the server reads as evidence: each window's 50 latest moves, and as many of the first relationships to
 * start as the window with the fewest moves leaves room for.
 */
function evidenceOnly(input: BalanceInput) {
  const keep = new Set<string>();
  const starts = new Map(input.relationships.map((r) => [r.id, r.startedOn]));
  const { moves } = assessmentHistories(input.assessments);
  let fewest = 50;
  for (const month of input.months) {
    const from = firstDay(addMonths(month, -(WINDOW_MONTHS - 1)));
    const to = minDay(lastDay(month), input.today);
    let shown = 0;
    for (let i = pastLast(moves.keys, to) - 1; i >= 0 && moves.keys[i]! >= from && shown < 50; i--) {
      const m = moves.items[i]!;
      const startedOn = starts.get(m.assessment.relationshipId);
      if (startedOn === undefined || m.day < startedOn) continue;
      keep.add(m.assessment.relationshipId);
      shown++;
    }
    fewest = Math.min(fewest, shown);
  }
  for (const r of relationshipsByStart(input.relationships).slice(0, 50 - fewest)) keep.add(r.id);
  return {
    relationships: input.relationships.filter((r) => keep.has(r.id)),
    assessments: input.assessments.filter((a) => keep.has(a.relationshipId)),
  };
}
