import { describe, expect, it } from 'vitest';
import { type BalanceInput, latestBalance } from './balance';
import { monthsBetween } from './balance.calendar';
import { recordsFlagsShow } from './balance.flag-records';
import { standingChanges } from './balance.standings';

const TODAY = '2025-12-20';
const months = monthsBetween('2025-06', '2025-12');

/**
 * A team in the server's form (standings, check-ins per day) with every record given: `relationships` of them,
 * all still transactional, and ten check-ins a month, all held on time, so outward stands still; inward rises
 * from October (partnership time, experiments, reflections). Its flag is inward-only.
 */
function risingInward(relationships: number): BalanceInput {
  const rels = Array.from({ length: relationships }, (_, i) => ({
    id: `rel${String(i).padStart(3, '0')}`,
    label: `Client ${i}`,
    startedOn: '2024-01-01',
  }));
  const assessments = rels.map((r, i) => ({
    id: `a${i}`,
    relationshipId: r.id,
    at: '2024-01-01T00:00:00.000Z',
    stage: 'transactional' as const,
    pyramidLevel: 'expectations' as const,
  }));
  const checkIns = months.flatMap((m) =>
    Array.from({ length: 10 }, (_, i) => ({
      id: `c${m}-${i}`,
      relationshipId: rels[i % rels.length]!.id,
      label: `Check-in ${m} ${i}`,
      dueOn: `${m}-05`,
      heldOn: `${m}-05`,
    })),
  );
  const late = (m: string) => m >= '2025-10';
  return {
    months,
    today: TODAY,
    activeSince: '2024-01-01',
    teamCount: 1,
    relationships: rels,
    assessments,
    standingDays: standingChanges(rels, assessments),
    time: months.flatMap((month) => [
      { month, kind: 'billable' as const, hours: late(month) ? 60 : 96, entries: 12 },
      { month, kind: 'partnership' as const, hours: late(month) ? 40 : 4, entries: 2 },
    ]),
    experiments: ['e1', 'e2'].map((id) => ({
      id,
      title: `Experiment ${id}`,
      relationshipId: rels[0]!.id,
      startedOn: '2025-10-01',
      endedOn: null,
    })),
    reflections: ['2025-10-10', '2025-11-10', '2025-12-10'].map((d) => ({ id: d, heldOn: d, label: d })),
    lastReflectionOn: '2025-12-10',
    reflectionCadenceDays: [30],
    checkIns,
    checkInDays: months.map((m) => ({ day: `${m}-05`, total: 10, counted: 10 })),
  };
}

/** The input as the server first builds it: counts only, none of the records the evidence read brings. */
const withoutOutwardRecords = (input: BalanceInput): BalanceInput => ({
  ...input,
  relationships: [],
  assessments: [],
  checkIns: [],
  topics: [],
  clientPulses: [],
});

describe('the records a balance’s flags show', () => {
  it('needs only the progression’s records for an inward-only flag once fifty relationships have started', () => {
    const input = risingInward(60);
    const full = latestBalance(input, 'Delivery');
    expect(full.flags.map((f) => f.key)).toEqual(['inwardOnly']);
    expect(recordsFlagsShow(latestBalance(withoutOutwardRecords(input), 'Delivery', false), input)).toBe(
      'progression',
    );
    // Read without the check-ins (as the server then reads them), the flag shows the same fifty records.
    const progressionOnly = latestBalance({ ...input, checkIns: [] }, 'Delivery');
    expect(progressionOnly.flags).toEqual(full.flags);
    expect(full.flags[0]!.evidence).toHaveLength(50);
    expect(new Set(full.flags[0]!.evidence.map((e) => e.type))).toEqual(new Set(['assessment']));
  });

  it('needs every outward record when fewer relationships than that leave room for the check-ins', () => {
    const input = risingInward(40);
    const full = latestBalance(input, 'Delivery');
    expect(full.flags.map((f) => f.key)).toEqual(['inwardOnly']);
    expect(recordsFlagsShow(latestBalance(withoutOutwardRecords(input), 'Delivery', false), input)).toBe(
      'outward',
    );
    expect(full.flags[0]!.evidence.filter((e) => e.type === 'checkIn')).toHaveLength(10);
    expect(latestBalance({ ...input, checkIns: [] }, 'Delivery').flags).not.toEqual(full.flags);
  });

  it('needs no outward record for an outward-only flag, nor without a flag', () => {
    const rising = risingInward(60);
    // Swap the movements: outward climbs (check-ins now held on time after a run of late ones), inward stands.
    const input: BalanceInput = {
      ...rising,
      time: months.flatMap((month) => [
        { month, kind: 'billable' as const, hours: 96, entries: 12 },
        { month, kind: 'partnership' as const, hours: 4, entries: 1 },
      ]),
      experiments: [],
      reflections: [],
      lastReflectionOn: null,
      checkInDays: months.map((m) => ({ day: `${m}-05`, total: 10, counted: m >= '2025-10' ? 10 : 0 })),
    };
    const full = latestBalance(input, 'People');
    expect(full.flags.map((f) => f.key)).toEqual(['outwardOnly']);
    const counted = latestBalance(withoutOutwardRecords(input), 'People', false);
    expect(recordsFlagsShow(counted, input)).toBe('none');
    expect(latestBalance(withoutOutwardRecords(input), 'People').flags).toEqual(full.flags);

    const calm = latestBalance(
      withoutOutwardRecords({ ...input, checkInDays: rising.checkInDays }),
      'Calm',
      false,
    );
    expect(calm.flags).toEqual([]);
    expect(recordsFlagsShow(calm, input)).toBe('none');
  });
});
