import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Balance,
  type BalanceInput,
  type BalancePart,
  computeBalance,
  indexChange,
  indexOf,
  latestBalance,
  type MonthBalance,
  type PyramidLevel,
  type Stage,
  shareOf,
  type TimeKind,
} from './balance';
import { dayArb, inputArb, MONTHS, stages, TODAY } from './balance.arbitraries';
import { addMonths, monthsBetween } from './balance.calendar';
import { position } from './balance.parts';

const indices = (s: MonthBalance[]) => s.map((m) => m.index);
const indexChangeOf = (s: MonthBalance[]) => Math.abs(s.at(-1)!.index! - s.at(-4)!.index!);
const partOf = (m: MonthBalance, key: string) => m.parts.find((p) => p.key === key)!;

/** `a` is at least `b` month by month, where both have a value. */
function neverBelow(a: (number | null)[], b: (number | null)[]) {
  a.forEach((x, i) => {
    const y = b[i];
    if (x !== null && y !== null && y !== undefined) expect(x).toBeGreaterThanOrEqual(y);
  });
}

describe('the balance', () => {
  it('keeps every index and every part within 0–100 (or null when there is no data)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const b = computeBalance(input, 'Team');
        for (const m of [...b.outward, ...b.inward]) {
          if (m.index !== null) expect(m.index).toBeGreaterThanOrEqual(0);
          if (m.index !== null) expect(m.index).toBeLessThanOrEqual(100);
          for (const p of m.parts) {
            if (p.score === null) continue;
            expect(p.score).toBeGreaterThanOrEqual(0);
            expect(p.score).toBeLessThanOrEqual(100);
            expect(Number.isInteger(p.score)).toBe(true);
          }
        }
      }),
    );
  });

  it('gives the last month, its change and its flags the same from it and the month three before as from twelve', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const full = computeBalance(input, 'Team');
        const latest = latestBalance(input, 'Team');
        expect(latest.outward.map((m) => m.month)).toEqual([MONTHS.at(-4), MONTHS.at(-1)]);
        expect(latest.outward.at(-1)).toEqual(full.outward.at(-1));
        expect(latest.inward.at(-1)).toEqual(full.inward.at(-1));
        expect(indexChange(latest.outward)).toBe(indexChange(full.outward));
        expect(indexChange(latest.inward)).toBe(indexChange(full.inward));
        expect(latest.flags).toEqual(full.flags);
      }),
    );
  });

  it('lists the records of the months asked for only, and scores, explains and counts every month the same', () => {
    fc.assert(
      fc.property(inputArb, fc.subarray(MONTHS), (input, listed) => {
        const full = computeBalance(input, 'Team');
        const some = computeBalance(input, 'Team', listed);
        const unlisted = (b: Balance) => ({
          outward: b.outward.map((m) => ({ ...m, parts: m.parts.map((p) => ({ ...p, evidence: [] })) })),
          inward: b.inward.map((m) => ({ ...m, parts: m.parts.map((p) => ({ ...p, evidence: [] })) })),
          flags: b.flags.map((f) => ({ ...f, evidence: [] })),
        });
        expect(unlisted(some)).toEqual(unlisted(full));
        for (const movement of ['outward', 'inward'] as const)
          for (const [i, m] of some[movement].entries())
            for (const [j, p] of m.parts.entries())
              if (listed.includes(m.month)) expect(p.evidence).toEqual(full[movement][i]!.parts[j]!.evidence);
              else expect(p.evidence).toEqual([]);
      }),
    );
  });

  it('never lowers inward when more partnership (or learning) time is logged', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.constantFrom(...MONTHS),
        fc.constantFrom<TimeKind>('partnership', 'learning'),
        fc.integer({ min: 1, max: 400 }),
        (input, month, kind, hours) => {
          const more = { ...input, time: [...input.time, { month, kind, hours, entries: 1 }] };
          neverBelow(indices(computeBalance(more, 'T').inward), indices(computeBalance(input, 'T').inward));
        },
      ),
    );
  });

  it('never lowers inward when another reflection is held or another experiment runs', () => {
    fc.assert(
      fc.property(inputArb, dayArb, (input, day) => {
        const before = indices(computeBalance(input, 'T').inward);
        const reflected = {
          ...input,
          reflections: [...input.reflections, { id: 'new', heldOn: day, label: 'New' }],
          lastReflectionOn: [input.lastReflectionOn ?? '', day].sort().at(-1)!,
        };
        neverBelow(indices(computeBalance(reflected, 'T').inward), before);
        const experimented = {
          ...input,
          experiments: [
            ...input.experiments,
            { id: 'new', title: 'New', relationshipId: 'rel0', startedOn: day, endedOn: null },
          ],
        };
        neverBelow(indices(computeBalance(experimented, 'T').inward), before);
      }),
    );
  });

  it('lists the same reflections in the same order, whatever order they arrive in (same-day ones by id)', () => {
    fc.assert(
      fc.property(inputArb, dayArb, (input, day) => {
        // Two held on one day: the database may send rows of equal keys in any order.
        const sameDay = [
          { id: 'b', heldOn: day, label: 'Second' },
          { id: 'a', heldOn: day, label: 'First' },
        ];
        const one = { ...input, reflections: [...input.reflections, ...sameDay] };
        const other = {
          ...input,
          reflections: [...sameDay].reverse().concat([...input.reflections].reverse()),
        };
        const evidence = (i: BalanceInput) =>
          computeBalance(i, 'T').inward.map((m) => partOf(m, 'reflections')?.evidence.map((e) => e.id));
        expect(evidence(other)).toEqual(evidence(one));
      }),
    );
  });

  it('never lowers outward when a relationship steps up a stage', () => {
    fc.assert(
      fc.property(inputArb, dayArb, (input, day) => {
        fc.pre(input.relationships.length > 0);
        const at = `${day}T23:59:59.999Z`;
        // The step up is the newest assessment of its relationship from its day on.
        const history = input.assessments
          .filter((a) => a.relationshipId === 'rel0' && a.at <= at)
          .sort((a, b) => (a.at < b.at ? -1 : 1));
        const current = history.at(-1) ?? {
          stage: 'transactional' as Stage,
          pyramidLevel: 'expectations' as PyramidLevel,
        };
        const later = input.assessments.filter((a) => a.relationshipId === 'rel0' && a.at > at);
        fc.pre(later.length === 0);
        const next = stages[Math.min(3, stages.indexOf(current.stage) + 1)]!;
        const stepped = {
          ...input,
          assessments: [
            ...input.assessments,
            { id: 'zz-step', relationshipId: 'rel0', at, stage: next, pyramidLevel: current.pyramidLevel },
          ],
        };
        neverBelow(
          indices(computeBalance(stepped, 'T').outward),
          indices(computeBalance(input, 'T').outward),
        );
      }),
    );
  });

  it('leaves a part with no data out of the index instead of counting it as zero', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const b = computeBalance(input, 'T');
        for (const m of [...b.outward, ...b.inward]) {
          const withData = m.parts.filter((p) => p.score !== null);
          if (withData.length === 0) {
            expect(m.index).toBeNull();
            continue;
          }
          const w = withData.reduce((s, p) => s + p.weight, 0);
          expect(m.index).toBe(Math.round(withData.reduce((s, p) => s + p.score! * p.weight, 0) / w));
          for (const p of m.parts.filter((x) => x.score === null)) {
            expect(p.explanation).toMatch(/^No /);
            expect(p.evidence).toEqual([]);
          }
        }
      }),
    );
  });

  it('says which sources are not recorded yet, and scores them the day they are given', () => {
    const input: BalanceInput = {
      months: ['2025-06'],
      today: TODAY,
      activeSince: '2024-01-01',
      teamCount: 1,
      relationships: [{ id: 'rel0', label: 'Kestrel', startedOn: '2024-01-01' }],
      assessments: [
        {
          id: 'a1',
          relationshipId: 'rel0',
          at: '2024-01-01T00:00:00Z',
          stage: 'partnership',
          pyramidLevel: 'desires',
        },
      ],
      time: [],
      experiments: [],
      reflections: [],
      lastReflectionOn: null,
      reflectionCadenceDays: [30],
    };
    const [month] = computeBalance(input, 'T').outward;
    expect(partOf(month!, 'checkIns')).toMatchObject({
      score: null,
      explanation: expect.stringMatching(/No check-ins recorded yet/),
    });
    expect(partOf(month!, 'clientTopics').score).toBeNull();
    expect(partOf(month!, 'clientPulse').score).toBeNull();
    // Only the progression part has data, so the index is exactly its score, not dragged down by the others.
    expect(month!.index).toBe(partOf(month!, 'progression').score);
    expect(month!.index).toBe(Math.round(position('partnership', 'desires')));

    const withCheckIns = computeBalance(
      {
        ...input,
        checkIns: [
          { id: 'c1', relationshipId: 'rel0', label: 'June', dueOn: '2025-06-10', heldOn: '2025-06-12' },
          { id: 'c2', relationshipId: 'rel0', label: 'May', dueOn: '2025-05-10', heldOn: null },
        ],
      },
      'T',
    ).outward[0]!;
    expect(partOf(withCheckIns, 'checkIns')).toMatchObject({ score: 50, evidenceTotal: 2 });
    expect(withCheckIns.index).toBe(indexOf(withCheckIns.parts));
  });

  it('explains the time part with utilisation beside partnership and learning time, and its evidence sums', () => {
    const input: BalanceInput = {
      months: ['2025-03'],
      today: TODAY,
      activeSince: '2024-01-01',
      teamCount: 1,
      relationships: [],
      assessments: [],
      time: [
        { month: '2025-01', kind: 'billable', hours: 150, entries: 20 },
        { month: '2025-02', kind: 'partnership', hours: 20, entries: 5 },
        { month: '2025-03', kind: 'learning', hours: 10, entries: 2 },
        { month: '2025-03', kind: 'internal', hours: 20, entries: 4 },
        { month: '2024-12', kind: 'partnership', hours: 999, entries: 9 },
      ],
      experiments: [],
      reflections: [],
      lastReflectionOn: null,
      reflectionCadenceDays: [30],
    };
    const time = partOf(computeBalance(input, 'T').inward[0]!, 'time') as BalancePart;
    // 30 of 200 hours = 15%, and 25% scores 100 → 60.
    expect(time.score).toBe(60);
    expect(shareOf(time)).toBe(15);
    expect(time.evidenceTotal).toBe(31);
    expect(time.explanation).toContain('75% utilisation');
    expect(time.explanation).toContain('partnership 20 h, learning 10 h');
    expect(time.evidence.map((e) => e.time?.hours)).toEqual([30, 150, 20, 200]);
  });

  it('flags one movement advancing while the other stands still, in words', () => {
    const months = monthsBetween('2025-06', '2025-12');
    const input: BalanceInput = {
      months,
      today: TODAY,
      activeSince: '2024-01-01',
      teamCount: 1,
      relationships: [
        { id: 'rel0', label: 'Finance', startedOn: '2024-01-01' },
        { id: 'rel1', label: 'Sales', startedOn: '2024-01-01' },
      ],
      assessments: [
        {
          id: 'a0',
          relationshipId: 'rel0',
          at: '2024-01-01T00:00:00Z',
          stage: 'transactional',
          pyramidLevel: 'expectations',
        },
        {
          id: 'a1',
          relationshipId: 'rel1',
          at: '2024-01-01T00:00:00Z',
          stage: 'transactional',
          pyramidLevel: 'expectations',
        },
        {
          id: 'a2',
          relationshipId: 'rel0',
          at: '2025-10-05T00:00:00Z',
          stage: 'partnership',
          pyramidLevel: 'desires',
        },
        {
          id: 'a3',
          relationshipId: 'rel1',
          at: '2025-11-05T00:00:00Z',
          stage: 'advisory',
          pyramidLevel: 'expectations',
        },
      ],
      time: months.flatMap((month) => [
        { month, kind: 'billable' as const, hours: 96, entries: 12 },
        { month, kind: 'partnership' as const, hours: 4, entries: 1 },
      ]),
      experiments: [],
      reflections: [{ id: 'r1', heldOn: '2025-08-14', label: 'August' }],
      lastReflectionOn: '2025-08-14',
      reflectionCadenceDays: [30],
    };
    const b = computeBalance(input, 'People & Operations');
    expect(b.flags).toHaveLength(1);
    const [flag] = b.flags;
    expect(flag!.key).toBe('outwardOnly');
    expect(flag!.outwardChange).toBeGreaterThanOrEqual(10);
    expect(flag!.message).toBe(
      `People & Operations: outward +${flag!.outwardChange} in 3 months, inward ${flag!.inwardChange === 0 ? 'flat' : `down ${-flag!.inwardChange}`} — no reflection since August, partnership + learning time 4%, no experiment running`,
    );
    expect(b.outward.at(-1)!.index! - b.outward.at(-4)!.index!).toBe(flag!.outwardChange);

    // Both moving: no flag.
    const both = computeBalance(
      {
        ...input,
        reflections: ['2025-10-01', '2025-11-01', '2025-12-01'].map((d, i) => ({
          id: `x${i}`,
          heldOn: d,
          label: d,
        })),
        lastReflectionOn: '2025-12-01',
        experiments: [
          { id: 'e', title: 'Pilot', relationshipId: 'rel0', startedOn: '2025-10-01', endedOn: null },
        ],
      },
      'Design',
    );
    expect(both.flags).toEqual([]);

    // A high, flat inward index is sustained movement, not stagnation: no flag either.
    const steady = computeBalance(
      {
        ...input,
        time: months.flatMap((month) => [
          { month, kind: 'billable' as const, hours: 70, entries: 9 },
          { month, kind: 'partnership' as const, hours: 30, entries: 4 },
        ]),
        reflections: monthsBetween('2025-04', '2025-12').map((m, i) => ({
          id: `s${i}`,
          heldOn: `${m}-10`,
          label: m,
        })),
        lastReflectionOn: '2025-12-10',
        experiments: [
          { id: 'e', title: 'Pilot', relationshipId: 'rel0', startedOn: '2025-01-01', endedOn: null },
        ],
      },
      'Design',
    );
    expect(indexChangeOf(steady.inward)).toBeLessThan(5);
    expect(steady.inward.at(-1)!.index!).toBeGreaterThan(steady.outward.at(-1)!.index!);
    expect(steady.flags).toEqual([]);
  });

  it('gives the workspace the same answer as one team when it has one team', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const single = { ...input, teamCount: 1, reflectionCadenceDays: [input.reflectionCadenceDays[0]!] };
        const a = computeBalance(single, 'Team');
        const b = computeBalance(single, 'Workspace');
        expect(indices(a.outward)).toEqual(indices(b.outward));
        expect(indices(a.inward)).toEqual(indices(b.inward));
      }),
      { numRuns: 30 },
    );
  });

  it('scores nothing before the scope existed', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const b = computeBalance({ ...input, activeSince: addMonths('2026-01', 0).concat('-01') }, 'T');
        for (const m of [...b.outward, ...b.inward]) expect(m.index).toBeNull();
      }),
      { numRuns: 20 },
    );
  });
});
