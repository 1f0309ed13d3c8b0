import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BalanceInput, computeBalance } from './balance';
import { dayArb, inputArb, TODAY } from './balance.arbitraries';
import { addMonths, daysBetween, firstDay, lastDay, minDay } from './balance.calendar';
import { named } from './balance.parts';
import {
  CHECK_IN_GRACE_DAYS,
  checkInsByDue,
  firstWithin,
  onTime,
  pulseMonthsShown,
  pulsesByMonth,
  type Sorted,
  topicsByDay,
  within,
} from './balance.records';

const checkInArb = fc.record({ due: dayArb, held: fc.option(fc.integer({ min: -5, max: 20 })) });
const withRecords = fc
  .record({
    base: inputArb,
    checkIns: fc.array(checkInArb, { maxLength: 60 }),
    topics: fc.array(fc.record({ on: dayArb, client: fc.boolean() }), { maxLength: 60 }),
  })
  .map(({ base, checkIns, topics }) => ({
    ...base,
    checkIns: checkIns.map((c, i) => ({
      id: `c${i}`,
      relationshipId: 'rel0',
      label: `Check-in ${i}`,
      dueOn: c.due,
      heldOn:
        c.held === null ? null : new Date(Date.parse(c.due) + c.held * 86_400_000).toISOString().slice(0, 10),
    })),
    topics: topics.map((t, i) => ({
      id: `t${i}`,
      relationshipId: 'rel0',
      label: `Topic ${i}`,
      raisedBy: t.client ? ('client' as const) : ('provider' as const),
      raisedOn: t.on,
    })),
  }));

const addDays = (day: string, n: number) =>
  new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);

/** What a read model sends instead of every record: counts per day, as the rollup holds them. */
function dayCounts<T>(records: T[], dayOf: (t: T) => string, counts: (t: T) => boolean) {
  const days = new Map<string, { day: string; total: number; counted: number }>();
  for (const r of records) {
    const d = days.get(dayOf(r)) ?? { day: dayOf(r), total: 0, counted: 0 };
    d.total++;
    if (counts(r)) d.counted++;
    days.set(d.day, d);
  }
  return [...days.values()];
}

/** ...and the evidence: the first 50 records from each window's start (its scope's start for check-ins), in order. */
function firstOfEachWindow<T extends { id: string }>(
  input: BalanceInput,
  sorted: Sorted<T>,
  fromActive: boolean,
) {
  const keep = new Set<string>();
  for (const month of input.months) {
    const from = firstDay(addMonths(month, -2));
    const start = fromActive && input.activeSince > from ? input.activeSince : from;
    for (const r of firstWithin(sorted, start, minDay(lastDay(month), input.today), 50)) keep.add(r.id);
  }
  return sorted.items.filter((r) => keep.has(r.id));
}

describe('the balance’s sorted records', () => {
  it('finds exactly the records of a window, and counts the same ones a filter would', () => {
    fc.assert(
      fc.property(withRecords, dayArb, dayArb, (input, a, b) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        const due = input.checkIns.filter((c) => c.dueOn >= from && c.dueOn <= to);
        const onTime = due.filter(
          (c) => c.heldOn !== null && daysBetween(c.dueOn, c.heldOn) <= CHECK_IN_GRACE_DAYS,
        );
        const byDue = checkInsByDue(input.checkIns);
        const found = within(byDue, from, to);
        expect(found.total).toBe(due.length);
        expect(found.counted).toBe(onTime.length);
        expect(
          byDue.items
            .slice(found.start, found.end)
            .map((c) => c.id)
            .sort(),
        ).toEqual(due.map((c) => c.id).sort());
        const raised = input.topics.filter((t) => t.raisedOn >= from && t.raisedOn <= to);
        const topics = within(topicsByDay(input.topics), from, to);
        expect([topics.total, topics.counted]).toEqual([
          raised.length,
          raised.filter((t) => t.raisedBy === 'client').length,
        ]);
      }),
    );
  });

  it('scores check-ins and client topics from every record of the window, whatever order they came in', () => {
    fc.assert(
      fc.property(withRecords, (input) => {
        const reversed = {
          ...input,
          checkIns: [...input.checkIns].reverse(),
          topics: [...input.topics].reverse(),
        };
        const parts = (b: ReturnType<typeof computeBalance>) =>
          b.outward.map((m) => m.parts.map((p) => [p.key, p.score, p.explanation, p.evidenceTotal]));
        expect(parts(computeBalance(reversed, 'T'))).toEqual(parts(computeBalance(input, 'T')));
        for (const m of computeBalance(input, 'T').outward) {
          const part = m.parts.find((p) => p.key === 'checkIns')!;
          const due = input.checkIns.filter(
            (c) => c.dueOn >= m.from && c.dueOn <= m.to && c.dueOn >= input.activeSince,
          );
          if (part.score !== null) expect(part.evidenceTotal).toBe(due.length);
          expect(part.evidence.length).toBe(Math.min(50, part.score === null ? 0 : due.length));
        }
      }),
    );
  });

  it('scores the same from daily counts and each window’s first records as from every record', () => {
    // Dense: a quarter with up to 240 records, so windows hold more than the 50 the evidence shows.
    const quarterDay = fc
      .integer({ min: Date.UTC(2025, 8, 1), max: Date.UTC(2025, 11, 20) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    const dense = fc
      .record({
        input: withRecords,
        due: fc.array(fc.record({ on: quarterDay, held: fc.option(fc.integer({ min: -3, max: 12 })) }), {
          minLength: 60,
          maxLength: 240,
        }),
        raised: fc.array(fc.record({ on: quarterDay, client: fc.boolean() }), {
          minLength: 60,
          maxLength: 240,
        }),
      })
      .map(({ input, due, raised }) => ({
        ...input,
        checkIns: [
          ...input.checkIns,
          ...due.map((c, i) => ({
            id: `d${i}`,
            relationshipId: 'rel1',
            label: `Due ${i}`,
            dueOn: c.on,
            heldOn: c.held === null ? null : addDays(c.on, c.held),
          })),
        ],
        topics: [
          ...input.topics,
          ...raised.map((t, i) => ({
            id: `r${i}`,
            relationshipId: 'rel1',
            label: `Raised ${i}`,
            raisedBy: t.client ? ('client' as const) : ('provider' as const),
            raisedOn: t.on,
          })),
        ],
      }));
    let trimmed = 0;
    fc.assert(
      fc.property(dense, (input) => {
        const compact = {
          ...input,
          checkInDays: dayCounts(
            input.checkIns,
            (c) => c.dueOn,
            (c) => onTime(c.dueOn, c.heldOn),
          ),
          checkIns: firstOfEachWindow(input, checkInsByDue(input.checkIns), true),
          topicDays: dayCounts(
            input.topics,
            (t) => t.raisedOn,
            (t) => t.raisedBy === 'client',
          ),
          topics: firstOfEachWindow(input, topicsByDay(input.topics), false),
        };
        if (compact.checkIns.length < input.checkIns.length && compact.topics.length < input.topics.length)
          trimmed++;
        expect(computeBalance(compact, 'T')).toEqual(computeBalance(input, 'T'));
      }),
      { numRuns: 60 },
    );
    expect(trimmed).toBeGreaterThan(10); // most runs leave records out, so the evidence really is a subset
  });

  it('scores client pulses the same from monthly counts and each shown month’s first rounds as from every round', () => {
    // Closed by today, up to 240 rounds over the year: months hold more rounds than the 50 the evidence shows.
    const closedDay = fc
      .integer({ min: Date.UTC(2024, 9, 1), max: Date.parse(`${TODAY}T00:00:00Z`) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    const withRounds = fc
      .record({
        input: inputArb,
        rounds: fc.array(
          fc.record({ on: closedDay, responses: fc.integer({ min: 0, max: 6 }), score: fc.nat({ max: 10 }) }),
          { minLength: 1, maxLength: 240 },
        ),
      })
      .map(({ input, rounds }) => ({
        ...input,
        clientPulses: rounds.map((r, i) => ({
          id: `p${String(i).padStart(3, '0')}`,
          label: `Round ${i}`,
          closedOn: r.on,
          responses: r.responses,
          scoreSum: r.responses * r.score,
        })),
      }));
    let trimmed = 0;
    fc.assert(
      fc.property(withRounds, (input) => {
        const months = new Map<
          string,
          { month: string; rounds: number; responses: number; scoreSum: number }
        >();
        for (const r of input.clientPulses) {
          if (r.responses === 0) continue; // a round nobody answered is not a reading
          const m = months.get(r.closedOn.slice(0, 7)) ?? {
            month: r.closedOn.slice(0, 7),
            rounds: 0,
            responses: 0,
            scoreSum: 0,
          };
          m.rounds++;
          m.responses += r.responses;
          m.scoreSum += r.scoreSum;
          months.set(m.month, m);
        }
        const shown = new Set(pulseMonthsShown([...months.keys()].sort(), input.months));
        const { months: byMonth, rounds } = pulsesByMonth(input.clientPulses);
        const evidence = byMonth.flatMap((m, i) => (shown.has(m) ? rounds[i]!.slice(0, 50) : []));
        const compact = { ...input, clientPulseMonths: [...months.values()], clientPulses: evidence };
        if (evidence.length < input.clientPulses.length) trimmed++;
        expect(computeBalance(compact, 'T')).toEqual(computeBalance(input, 'T'));
      }),
      { numRuns: 80 },
    );
    expect(trimmed).toBeGreaterThan(20); // most runs leave rounds out, so the evidence really is a subset
  });

  it('counts days between two dates across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-07')).toBe(7);
    expect(daysBetween('2026-03-10', '2026-03-02')).toBe(-8);
  });
});

describe('the experiments part', () => {
  it('names the first five experiments that ran and counts the rest', () => {
    expect(named(['A', 'B'])).toBe('A; B');
    expect(named(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toBe('A; B; C; D; E; and 2 more (in the evidence)');
  });
});
