// Shared inputs of the balance property tests: the calendar they run over and arbitrary workspaces' records.
import fc from 'fast-check';
import { type BalanceInput, type PyramidLevel, type Stage, timeKinds } from './balance';
import { monthsBetween } from './balance.calendar';

export const stages: Stage[] = ['transactional', 'advisory', 'partnership', 'co_creation'];
export const levels: PyramidLevel[] = ['expectations', 'desires', 'unrecognized_needs'];
export const MONTHS = monthsBetween('2025-01', '2025-12');
export const TODAY = '2025-12-20';

/** A day in 2024–2025 as YYYY-MM-DD. */
export const dayArb = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 11, 20) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

export const inputArb: fc.Arbitrary<BalanceInput> = fc
  .record({
    relCount: fc.integer({ min: 0, max: 4 }),
    assessments: fc.array(
      fc.record({
        rel: fc.integer({ min: 0, max: 3 }),
        on: dayArb,
        stage: fc.constantFrom(...stages),
        level: fc.constantFrom(...levels),
      }),
      { maxLength: 12 },
    ),
    time: fc.array(
      fc.record({
        month: fc.constantFrom(...monthsBetween('2024-10', '2025-12')),
        kind: fc.constantFrom(...timeKinds),
        hours: fc.integer({ min: 1, max: 4000 }).map((n) => n / 4),
      }),
      { maxLength: 20 },
    ),
    experiments: fc.array(fc.record({ start: dayArb, len: fc.option(fc.integer({ min: 0, max: 200 })) }), {
      maxLength: 5,
    }),
    reflections: fc.array(dayArb, { maxLength: 10 }),
    cadences: fc.array(fc.integer({ min: 7, max: 120 }), { minLength: 1, maxLength: 3 }),
    activeSince: fc.constantFrom('2023-06-01', '2025-03-15'),
  })
  .map((x) => {
    const reflections = x.reflections.map((d, i) => ({ id: `r${i}`, heldOn: d, label: `Reflection ${i}` }));
    return {
      months: MONTHS,
      today: TODAY,
      activeSince: x.activeSince,
      teamCount: x.cadences.length,
      relationships: Array.from({ length: x.relCount }, (_, i) => ({
        id: `rel${i}`,
        label: `Client ${i}`,
        startedOn: '2024-01-01',
      })),
      assessments: x.assessments.map((a, i) => ({
        id: `a${i}`,
        relationshipId: `rel${a.rel}`,
        at: `${a.on}T10:00:00.000Z`,
        stage: a.stage,
        pyramidLevel: a.level,
      })),
      time: x.time.map((t) => ({ ...t, entries: 1 })),
      experiments: x.experiments.map((e, i) => ({
        id: `e${i}`,
        title: `Experiment ${i}`,
        relationshipId: 'rel0',
        startedOn: e.start,
        endedOn:
          e.len === null
            ? null
            : new Date(Date.parse(e.start) + e.len * 86_400_000).toISOString().slice(0, 10),
      })),
      reflections,
      lastReflectionOn:
        reflections
          .map((r) => r.heldOn)
          .sort()
          .at(-1) ?? null,
      reflectionCadenceDays: x.cadences,
    } satisfies BalanceInput;
  });
