// Arbitrary relationships' records for the health property tests.
import fc from 'fast-check';
import { addDays } from './cadence';
import type { HealthInput, PulseRound, Side } from './health';

export const TODAY = '2026-06-30';

/** A day within the year before TODAY. */
export const dayArb = fc.integer({ min: 0, max: 365 }).map((n) => addDays(TODAY, -n));
const sideArb = fc.constantFrom<Side>('provider', 'client');
const kindArb = fc.constantFrom('meeting', 'call', 'email', 'delivery', 'immersion', 'event', 'note');

const roundsArb = fc
  .array(fc.option(fc.integer({ min: 0, max: 100 }).map((n) => n / 10)), { maxLength: 4 })
  .map((avgs): PulseRound[] =>
    avgs.map((average, i) => ({
      pulseId: `p${i}`,
      title: `Round ${i + 1}`,
      closesOn: addDays(TODAY, -30 * (avgs.length - i)),
      average,
    })),
  );

export const inputArb: fc.Arbitrary<HealthInput> = fc
  .record({
    cadenceDays: fc.integer({ min: 7, max: 120 }),
    status: fc.constantFrom<HealthInput['relationship']['status']>('active', 'active', 'paused', 'ended'),
    startedAgo: fc.integer({ min: 0, max: 800 }),
    stage: fc.constantFrom<HealthInput['relationship']['stage']>(
      'transactional',
      'advisory',
      'partnership',
      'co_creation',
    ),
    stageAgo: fc.integer({ min: 0, max: 800 }),
    checkIns: fc.array(dayArb, { maxLength: 6 }),
    touchpoints: fc.array(fc.record({ on: dayArb, kind: kindArb, side: sideArb }), { maxLength: 20 }),
    topics: fc.array(fc.record({ on: dayArb, side: sideArb }), { maxLength: 8 }),
    experiments: fc.array(fc.record({ start: dayArb, len: fc.integer({ min: 0, max: 120 }) }), {
      maxLength: 3,
    }),
    clientPulse: roundsArb,
    teamPulse: roundsArb,
  })
  .map(
    (x): HealthInput => ({
      today: TODAY,
      relationship: {
        cadenceDays: x.cadenceDays,
        status: x.status,
        startedOn: addDays(TODAY, -x.startedAgo),
        stage: x.stage,
        stageSince: addDays(TODAY, -Math.min(x.stageAgo, x.startedAgo)),
      },
      checkIns: x.checkIns.map((d, i) => ({ id: `c${i}`, label: `Check-in ${i}`, heldOn: d })),
      touchpoints: x.touchpoints.map((t, i) => ({
        id: `t${i}`,
        label: `Touchpoint ${i}`,
        on: t.on,
        kind: t.kind,
        initiatedBy: t.side,
      })),
      topics: x.topics.map((t, i) => ({ id: `o${i}`, label: `Topic ${i}`, on: t.on, raisedBy: t.side })),
      experiments: x.experiments.map((e, i) => ({
        id: `e${i}`,
        label: `Experiment ${i}`,
        startsOn: e.start,
        endsOn: addDays(e.start, e.len),
        status: 'running',
      })),
      clientPulse: x.clientPulse,
      teamPulse: x.teamPulse,
    }),
  );
