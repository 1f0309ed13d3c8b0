import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './cadence';
import { type ComponentKey, computeHealth, type HealthInput, weights } from './health';
import { dayArb, inputArb, TODAY } from './health.arbitraries';

const scoreOf = (input: HealthInput, key: ComponentKey) =>
  computeHealth(input).components.find((c) => c.key === key)!.score;

const active = (input: HealthInput): HealthInput => ({
  ...input,
  relationship: { ...input.relationship, status: 'active' },
});

const base: HealthInput = {
  today: TODAY,
  relationship: {
    cadenceDays: 30,
    status: 'active',
    startedOn: '2025-01-01',
    stage: 'advisory',
    stageSince: '2025-01-01',
  },
  checkIns: [],
  touchpoints: [],
  topics: [],
  experiments: [],
  clientPulse: [],
  teamPulse: [],
};

describe('relationship health', () => {
  it('keeps every score within 0–100, whole, or null; the total is null only when no component has data', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const h = computeHealth(input);
        for (const c of [h.score, ...h.components.map((x) => x.score)]) {
          if (c === null) continue;
          expect(Number.isInteger(c)).toBe(true);
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(100);
        }
        expect(h.score === null).toBe(h.components.every((c) => c.score === null));
      }),
    );
  });

  it('never raises cadence as a check-in grows more overdue', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 400 }), (input, later) => {
        const a = active(input);
        const next = { ...a, today: addDays(TODAY, later) };
        expect(scoreOf(next, 'cadence')!).toBeLessThanOrEqual(scoreOf(a, 'cadence')!);
      }),
    );
  });

  it('restores cadence in full when a check-in is held', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = active(input);
        const held = { ...a, checkIns: [...a.checkIns, { id: 'new', label: 'Held today', heldOn: TODAY }] };
        expect(scoreOf(held, 'cadence')).toBe(100);
        expect(scoreOf(held, 'cadence')!).toBeGreaterThanOrEqual(scoreOf(a, 'cadence')!);
      }),
    );
  });

  it('never lowers two-way flow when the client starts more touchpoints or topics', () => {
    fc.assert(
      fc.property(inputArb, dayArb, fc.boolean(), (input, on, asTopic) => {
        const more: HealthInput = asTopic
          ? { ...input, topics: [...input.topics, { id: 'x', label: 'Theirs', on, raisedBy: 'client' }] }
          : {
              ...input,
              touchpoints: [
                ...input.touchpoints,
                { id: 'x', label: 'Theirs', on, kind: 'call', initiatedBy: 'client' },
              ],
            };
        const before = scoreOf(input, 'twoWay');
        const after = scoreOf(more, 'twoWay');
        if (before !== null) expect(after!).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('never lowers momentum for one more topic, experiment or immersion', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 89 }), (input, ago) => {
        const on = addDays(TODAY, -ago);
        const more = {
          ...input,
          touchpoints: [
            ...input.touchpoints,
            { id: 'i', label: 'Behind the bar', on, kind: 'immersion', initiatedBy: 'provider' as const },
          ],
        };
        const before = scoreOf(input, 'momentum');
        expect(scoreOf(more, 'momentum')!).toBeGreaterThanOrEqual(before ?? 0);
      }),
    );
  });

  it('lowers client pulse on a falling trend, at the same latest level', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (latestTenths, fallTenths) => {
          const latest = latestTenths / 10;
          const prev = Math.min(10, latest + fallTenths / 10);
          const rounds = (p: number) => [
            { pulseId: 'a', title: 'Spring', closesOn: '2026-03-01', average: p },
            { pulseId: 'b', title: 'Summer', closesOn: '2026-06-01', average: latest },
          ];
          const falling = scoreOf({ ...base, clientPulse: rounds(prev) }, 'clientPulse')!;
          const level = scoreOf({ ...base, clientPulse: rounds(latest) }, 'clientPulse')!;
          if (prev > latest) expect(falling).toBeLessThan(level + (latest * 10 === 0 ? 1 : 0));
          else expect(falling).toBe(level);
        },
      ),
    );
  });

  it('says "no data" for a component without data, and leaves it out of the score instead of counting zero', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const h = computeHealth(input);
        const scored = h.components.filter((c) => c.score !== null);
        for (const c of h.components.filter((x) => x.score === null))
          expect(c.explanation).toMatch(/^No data/);
        if (scored.length === 0) return;
        const w = scored.reduce((s, c) => s + weights[c.key], 0);
        const mean = scored.reduce((s, c) => s + c.score! * weights[c.key], 0) / w;
        expect(h.score).toBe(Math.round(mean));
        expect(h.score!).toBeGreaterThanOrEqual(Math.min(...scored.map((c) => c.score!)));
      }),
    );
  });

  it('follows the serving team’s latest employee pulse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b) => {
        const at = (avg: number) =>
          scoreOf(
            {
              ...base,
              teamPulse: [{ pulseId: 't', title: 'Team', closesOn: '2026-06-01', average: avg / 10 }],
            },
            'teamPulse',
          )!;
        if (a <= b) expect(at(a)).toBeLessThanOrEqual(at(b));
      }),
    );
  });
});

describe('risk flags in words', () => {
  it('names missed cadences, a falling client pulse and a one-sided conversation', () => {
    const tps = Array.from({ length: 14 }, (_, i) => ({
      id: `t${i}`,
      label: `Touchpoint ${i}`,
      on: addDays(TODAY, -5 * i - 1),
      kind: 'email',
      initiatedBy: i === 3 ? ('client' as const) : ('provider' as const),
    }));
    const h = computeHealth({
      ...base,
      checkIns: [{ id: 'c', label: 'Last check-in', heldOn: addDays(TODAY, -95) }],
      touchpoints: tps,
      clientPulse: [
        { pulseId: 'a', title: 'Spring', closesOn: '2026-03-01', average: 8.5 },
        { pulseId: 'b', title: 'Summer', closesOn: '2026-06-01', average: 6 },
      ],
    });
    const messages = h.risks.map((r) => r.message);
    expect(messages).toContain('no check-in for 3 cadences: the last was on 27 Mar 2026');
    expect(messages).toContain('client pulse fell from 8.5 to 6.0');
    expect(messages).toContain('only the provider speaks: 1 in 14 touchpoints came from the client');
    expect(messages.some((m) => m.startsWith('stuck in advisory for'))).toBe(true);
  });

  it('has nothing to say about a relationship without any records but its cadence', () => {
    const h = computeHealth({
      ...base,
      relationship: { ...base.relationship, startedOn: addDays(TODAY, -3), stageSince: addDays(TODAY, -3) },
    });
    expect(h.risks).toEqual([]);
    expect(h.score).toBe(100);
    expect(h.components.filter((c) => c.score === null).map((c) => c.key)).toEqual([
      'twoWay',
      'clientPulse',
      'momentum',
      'teamPulse',
    ]);
  });
});
