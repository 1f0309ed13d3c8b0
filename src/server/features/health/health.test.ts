import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { plantRelationship } from '../check-ins/check-ins.fixtures';
import type { Health, HealthHistory } from './health.contract';
import { runHealthPass } from './health.worker';
import type { Portfolio } from './portfolio.contract';

const DAY = 86_400_000;
let clock = new Date('2026-03-02T09:00:00.000Z');
let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp({}, () => clock);
  owner = await t.signup();
});
afterAll(() => t.close());

const advance = (days: number) => {
  clock = new Date(clock.getTime() + days * DAY);
};
const healthOf = async (s: Session, id: string) => {
  const res = await s.get(s.ws(`/relationships/${id}/health`));
  expect(res.statusCode).toBe(200);
  return res.json() as Health;
};
const part = (h: Health, key: string) => h.components.find((c) => c.key === key)!;
const touch = (
  s: Session,
  id: string,
  initiatedBy: 'client' | 'provider',
  kind = 'call',
  summary = 'Talked',
) =>
  s.post(s.ws(`/relationships/${id}/touchpoints`), {
    kind,
    initiatedBy,
    occurredAt: new Date(clock.getTime() - 3_600_000).toISOString(),
    summary,
    visibility: 'internal',
  });
const listedScore = async (s: Session, id: string) =>
  ((await s.get(s.ws(`/relationships/${id}`))).json() as { health: { score: number | null } }).health.score;

describe('relationship health', () => {
  it('says "no data" for components without records and scores only those with data', async () => {
    const { relationship } = await plantRelationship(owner);
    const h = await healthOf(owner, relationship.id);
    expect(h.components.map((c) => c.key)).toEqual([
      'cadence',
      'twoWay',
      'clientPulse',
      'momentum',
      'teamPulse',
    ]);
    for (const key of ['twoWay', 'clientPulse', 'momentum', 'teamPulse']) {
      expect(part(h, key).score).toBeNull();
      expect(part(h, key).explanation).toMatch(/^No data/);
    }
    expect(part(h, 'cadence').score).toBe(100);
    // The other components are left out, not counted as zero.
    expect(h.score).toBe(100);
    expect(h.risks).toEqual([]);
  });

  it('falls while a check-in is overdue and recovers when one is held, in the list too', async () => {
    const { relationship } = await plantRelationship(owner, { cadenceDays: 30 });
    advance(80);
    const late = await healthOf(owner, relationship.id);
    expect(part(late, 'cadence').score).toBeLessThan(50);
    expect(late.risks.map((r) => r.message)).toContain('no check-in held since the start 80 days ago');

    const scheduled = await owner.post(owner.ws(`/relationships/${relationship.id}/check-ins`), {
      scheduledFor: new Date(clock.getTime() - 2 * 3_600_000).toISOString(),
      sendInvites: false,
    });
    expect(scheduled.statusCode).toBe(201);
    const held = await owner.patch(
      owner.ws(`/relationships/${relationship.id}/check-ins/${scheduled.json().id}`),
      { status: 'held' },
    );
    expect(held.statusCode).toBe(200);
    const after = await healthOf(owner, relationship.id);
    expect(part(after, 'cadence').score).toBe(100);
    expect(part(after, 'cadence').evidence[0]).toMatchObject({
      kind: 'checkIn',
      id: scheduled.json().id,
      relationshipId: relationship.id,
    });
    expect(after.risks.find((r) => r.key === 'checkInOverdue')).toBeUndefined();
    // The relationship's own score (the rollup) moved with the write.
    expect(await listedScore(owner, relationship.id)).toBe(after.score);
  });

  it('rises with client-initiated touchpoints and names a one-sided conversation', async () => {
    const { relationship } = await plantRelationship(owner);
    for (let i = 0; i < 6; i++)
      expect((await touch(owner, relationship.id, 'provider')).statusCode).toBe(201);
    const oneSided = await healthOf(owner, relationship.id);
    expect(part(oneSided, 'twoWay').score).toBe(0);
    expect(oneSided.risks.map((r) => r.message)).toContain(
      'only the provider speaks: 0 in 6 touchpoints came from the client',
    );
    const before = await listedScore(owner, relationship.id);

    const theirs = await touch(owner, relationship.id, 'client', 'call', 'They called about the rollout');
    const after = await healthOf(owner, relationship.id);
    expect(part(after, 'twoWay').score).toBeGreaterThan(0);
    expect(part(after, 'twoWay').explanation).toContain('The client started 1 of 7');
    expect(part(after, 'twoWay').evidence[0]).toMatchObject({ kind: 'touchpoint', id: theirs.json().id });
    expect(await listedScore(owner, relationship.id)).toBeGreaterThan(before!);
  });

  it('counts topics and immersions as momentum, with each record as evidence', async () => {
    const { relationship } = await plantRelationship(owner);
    advance(100);
    expect(part(await healthOf(owner, relationship.id), 'momentum').score).toBe(0);
    const topic = await owner.post(owner.ws(`/relationships/${relationship.id}/topics`), {
      title: 'Joint pricing pilot',
      raisedBy: 'client',
    });
    expect(topic.statusCode).toBe(201);
    await touch(owner, relationship.id, 'provider', 'immersion', 'A day on their shop floor');
    const h = await healthOf(owner, relationship.id);
    expect(part(h, 'momentum').score).toBe(30);
    expect(
      part(h, 'momentum')
        .evidence.map((e) => e.kind)
        .sort(),
    ).toEqual(['topic', 'touchpoint']);
  });

  it('counts an experiment on the relationship as momentum as soon as it is planned to run now', async () => {
    const { relationship, team } = await plantRelationship(owner);
    advance(100);
    const today = clock.toISOString().slice(0, 10);
    const res = await owner.post(owner.ws('/experiments'), {
      relationshipId: relationship.id,
      teamId: team.id,
      title: 'Co-design sprint with their branch staff',
      hypothesis: 'Working in their branches shows needs they have not named',
      protectedHours: 40,
      startsOn: today,
      endsOn: today,
    });
    expect(res.statusCode).toBe(201);
    const m = part(await healthOf(owner, relationship.id), 'momentum');
    expect(m.score).toBe(25);
    expect(m.evidence).toEqual([
      expect.objectContaining({
        kind: 'experiment',
        id: res.json().id,
        label: 'Co-design sprint with their branch staff',
      }),
    ]);
  });

  it('answers 404 for an unknown relationship and 400 naming the field for a bad range', async () => {
    const res = await owner.get(owner.ws('/relationships/00000000-0000-4000-8000-000000000000/health'));
    expect(res.statusCode).toBe(404);
    const { relationship } = await plantRelationship(owner);
    const bad = await owner.get(
      owner.ws(`/relationships/${relationship.id}/health/history?from=2026-05-01&to=2026-01-01`),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('from');
    const notADate = await owner.get(owner.ws(`/relationships/${relationship.id}/health/history?from=soon`));
    expect(notADate.statusCode).toBe(400);
  });

  it('keeps one snapshot a day from the daily pass, and serves them as history', async () => {
    const s = await t.signup();
    const { relationship } = await plantRelationship(s, { cadenceDays: 14 });
    await runHealthPass(t.deps.db, clock);
    const first = await healthOf(s, relationship.id);
    for (let d = 0; d < 3; d++) {
      advance(10);
      await runHealthPass(t.deps.db, clock);
      // A second pass the same day changes nothing.
      await runHealthPass(t.deps.db, clock);
    }
    const res = await s.get(s.ws(`/relationships/${relationship.id}/health/history`));
    expect(res.statusCode).toBe(200);
    const history = res.json() as HealthHistory;
    expect(history.points).toHaveLength(4);
    const scores = history.points.map((p) => p.score!);
    expect(scores[0]).toBe(first.score);
    // Nothing held: cadence decays day by day, and so does the score.
    expect(scores[3]).toBeLessThan(scores[0]!);
    expect(await listedScore(s, relationship.id)).toBe(scores[3]);
  });
});

describe('the portfolio', () => {
  it('puts the neglected relationship first, with its reasons, next to the grid and the check-ins', async () => {
    const s = await t.signup();
    const neglected = await plantRelationship(s, { cadenceDays: 14 });
    const cared = await plantRelationship(s, { cadenceDays: 60 });
    const moved = await s.post(s.ws(`/relationships/${cared.relationship.id}/assessments`), {
      stage: 'advisory',
      pyramidLevel: 'desires',
      note: 'They asked us to shape next year',
    });
    expect(moved.statusCode).toBe(201);
    advance(40);
    for (let i = 0; i < 5; i++) await touch(s, neglected.relationship.id, 'provider');
    for (const side of ['client', 'provider', 'client'] as const) await touch(s, cared.relationship.id, side);
    await runHealthPass(t.deps.db, clock);

    const res = await s.get(s.ws('/insights/portfolio'));
    expect(res.statusCode).toBe(200);
    const p = res.json() as Portfolio;
    expect(p.active).toBe(2);
    expect(p.grid).toEqual(
      expect.arrayContaining([
        { stage: 'transactional', pyramidLevel: 'expectations', count: 1 },
        { stage: 'advisory', pyramidLevel: 'desires', count: 1 },
      ]),
    );
    expect(p.distribution.reduce((n, b) => n + b.count, 0) + p.unscored).toBe(2);
    expect(p.risks[0]!.relationship.id).toBe(neglected.relationship.id);
    expect(p.risks[0]!.relationship.clientName).toBe(neglected.client.name);
    expect(p.risks[0]!.risks.map((r) => r.message)).toEqual(
      expect.arrayContaining([
        'no check-in held since the start 40 days ago',
        'only the provider speaks: 0 in 5 touchpoints came from the client',
      ]),
    );
    expect(p.overdue.items.map((o) => o.relationship.id)).toEqual([neglected.relationship.id]);
    expect(p.overdue).toMatchObject({ count: 1 });
    expect(p.overdue.items[0]!.daysOverdue).toBe(26);
    // Every relationship whose health names a risk is counted, and no other.
    expect(p.atRisk).toBe(p.risks.length);
    expect(p.atRisk).toBeGreaterThanOrEqual(1);
    expect(p.movements.up).toBe(1);
    expect(p.movements.items[0]).toMatchObject({
      relationship: { id: cared.relationship.id },
      fromStage: 'transactional',
      toStage: 'advisory',
      direction: 'up',
    });

    // A step back down the pyramid at the same stage counts as down, and is shown first (newest first).
    advance(1);
    const back = await s.post(s.ws(`/relationships/${cared.relationship.id}/assessments`), {
      stage: 'advisory',
      pyramidLevel: 'expectations',
      note: 'The new sponsor wants the basics first',
    });
    expect(back.statusCode).toBe(201);
    const stepped = (await s.get(s.ws('/insights/portfolio'))).json() as Portfolio;
    expect(stepped.movements).toMatchObject({ up: 1, down: 1 });
    expect(stepped.movements.items.map((m) => [m.fromLevel, m.toLevel, m.direction])).toEqual([
      ['desires', 'expectations', 'down'],
      ['expectations', 'desires', 'up'],
    ]);

    // A paused relationship leaves every count, its risk included, without waiting for a health pass.
    const paused = await s.patch(s.ws(`/relationships/${neglected.relationship.id}`), { status: 'paused' });
    expect(paused.statusCode).toBe(200);
    const after = (await s.get(s.ws('/insights/portfolio'))).json() as Portfolio;
    expect(after.active).toBe(1);
    expect(after.atRisk).toBe(p.atRisk - 1);
    expect(after.risks.map((r) => r.relationship.id)).not.toContain(neglected.relationship.id);
    expect(after.overdue).toEqual({ count: 0, items: [] });
  });

  it('counts a relationship at risk while its health names a risk, and not once the risks are gone', async () => {
    const s = await t.signup();
    const { relationship } = await plantRelationship(s, { cadenceDays: 14 });
    advance(40);
    for (let i = 0; i < 3; i++) await touch(s, relationship.id, 'provider');
    await runHealthPass(t.deps.db, clock);
    const risky = (await s.get(s.ws('/insights/portfolio'))).json() as Portfolio;
    expect(risky.atRisk).toBe(1);
    expect(risky.risks).toHaveLength(1);

    // A check-in held and the client speaking up: the risks clear, and the count with them.
    const scheduled = await s.post(s.ws(`/relationships/${relationship.id}/check-ins`), {
      scheduledFor: new Date(clock.getTime() - 2 * 3_600_000).toISOString(),
      sendInvites: false,
    });
    const held = await s.patch(s.ws(`/relationships/${relationship.id}/check-ins/${scheduled.json().id}`), {
      status: 'held',
    });
    expect(held.statusCode).toBe(200);
    for (let i = 0; i < 6; i++) await touch(s, relationship.id, 'client');
    expect((await healthOf(s, relationship.id)).risks).toEqual([]);
    const clear = (await s.get(s.ws('/insights/portfolio'))).json() as Portfolio;
    expect(clear.atRisk).toBe(0);
    expect(clear.risks).toEqual([]);
  });

  it('shows an empty portfolio without errors', async () => {
    const s = await t.signup();
    const p = (await s.get(s.ws('/insights/portfolio'))).json() as Portfolio;
    expect(p).toMatchObject({ active: 0, grid: [], risks: [], unscored: 0, atRisk: 0 });
    expect(p.overdue).toEqual({ count: 0, items: [] });
  });

  it('is reachable by members only of its own workspace', async () => {
    const { relationship } = await plantRelationship(owner, { marker: 'HEALTHMARK' });
    await touch(owner, relationship.id, 'client', 'call', 'HEALTHMARK call');
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws(`/relationships/${relationship.id}/health`) },
        { method: 'GET', url: owner.ws(`/relationships/${relationship.id}/health/history`) },
        { method: 'GET', url: owner.ws('/insights/portfolio') },
      ],
      'HEALTHMARK',
    );
  });
});

describe('health served from the rollup', () => {
  it('answers from the rollup computed today, and computes afresh once the day has turned', async () => {
    const { relationship } = await plantRelationship(owner);
    expect(
      (await touch(owner, relationship.id, 'client', 'call', 'Asked about the roadmap')).statusCode,
    ).toBe(201);
    const written = clock.toISOString();
    advance(1 / 24);
    const sameDay = await healthOf(owner, relationship.id);
    // The touchpoint's transaction stored it; an hour later that is still the answer, evidence and all.
    expect(sameDay.computedAt).toBe(written);
    expect(JSON.stringify(part(sameDay, 'twoWay').evidence)).toContain('Asked about the roadmap');
    advance(1);
    const nextDay = await healthOf(owner, relationship.id);
    expect(nextDay.computedAt).toBe(clock.toISOString());
    expect(part(nextDay, 'twoWay').score).toBe(part(sameDay, 'twoWay').score);
  });
});
