import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestBalance } from '../../../domain/balance';
import { newId } from '../../platform/ids';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { makeRelationship } from '../relationships/relationships.fixtures';
import type { Balance, BalancePart, TeamBalance } from './balance.contract';
import { loadBalanceInputs } from './balance.inputs';
import { monthsOf } from './balance.store';

let t: TestApp;
let owner: Session;
const clock = { now: new Date() };
beforeAll(async () => {
  t = await createTestApp({}, () => clock.now);
  owner = await t.signup();
});
afterAll(() => t.close());

const today = () => clock.now.toISOString().slice(0, 10);
const part = (b: Balance, movement: 'outward' | 'inward', key: string): BalancePart =>
  b[movement].at(-1)!.parts.find((p) => p.key === key)!;

describe('the balance', () => {
  it('builds this month’s indices from named parts, leaving the parts with no data out', async () => {
    const ws = await t.signup();
    const rel = await makeRelationship(ws, { stage: 'partnership', pyramidLevel: 'desires' });
    const log = (hours: number, kind: string) =>
      ws.post(ws.ws('/time-entries'), { relationshipId: rel.id, date: today(), hours, kind });
    await log(6, 'billable');
    await log(2, 'partnership');
    const res = await ws.get(ws.ws(`/insights/balance?teamId=${rel.teamId}`));
    expect(res.statusCode).toBe(200);
    const b = res.json() as Balance;
    expect(b.scope).toEqual({ teamId: rel.teamId, name: (rel.team as { name: string }).name });
    expect(b.months).toHaveLength(12);
    expect(b.months.at(-1)).toBe(today().slice(0, 7));

    // A team made today has nothing to score in earlier months.
    expect(b.outward.slice(0, -1).every((m) => m.index === null)).toBe(true);

    const progression = part(b, 'outward', 'progression');
    // partnership (2 of 3 stages up) × 70% + desires (1 of 2 levels up) × 30% = 61.67
    expect(progression.score).toBe(62);
    expect(progression.evidence[0]).toMatchObject({ type: 'assessment', relationshipId: rel.id });
    for (const key of ['checkIns', 'clientTopics', 'clientPulse'])
      expect(part(b, 'outward', key)).toMatchObject({ score: null, evidence: [] });
    expect(b.outward.at(-1)!.index).toBe(62);

    const time = part(b, 'inward', 'time');
    // 2 of 8 hours = 25%: the share that scores 100.
    expect(time).toMatchObject({ score: 100, evidenceTotal: 2 });
    expect(time.evidence[0]!.time).toEqual({
      from: b.inward.at(-1)!.from,
      to: today(),
      kinds: ['partnership', 'learning'],
      hours: 2,
    });
    expect(part(b, 'inward', 'experiments')).toMatchObject({ score: 0, evidenceTotal: 0 });
    expect(part(b, 'inward', 'reflections').score).toBeNull(); // the first cadence has not passed
    expect(part(b, 'inward', 'teamPulse').score).toBeNull();
    // (100 × 40 + 0 × 20) / 60
    expect(b.inward.at(-1)!.index).toBe(67);
  });

  it('moves inward as experiments run and reflections are held', async () => {
    const ws = await t.signup();
    const rel = await makeRelationship(ws);
    const before = (await ws.get(ws.ws(`/insights/balance?teamId=${rel.teamId}`))).json() as Balance;
    const e = (
      await ws.post(ws.ws('/experiments'), {
        relationshipId: rel.id,
        teamId: rel.teamId,
        title: 'Pilot',
        hypothesis: 'x',
        protectedHours: 10,
        startsOn: today(),
        endsOn: today(),
      })
    ).json();
    // Planned does not count; running does.
    const planned = (await ws.get(ws.ws(`/insights/balance?teamId=${rel.teamId}`))).json() as Balance;
    expect(part(planned, 'inward', 'experiments').score).toBe(0);
    await ws.patch(ws.ws(`/experiments/${e.id}`), { status: 'running' });
    await ws.post(ws.ws('/reflections'), {
      teamId: rel.teamId,
      heldOn: today(),
      happening: 'x',
      emerging: '',
      surprisinglyWell: '',
      harderThanExpected: '',
      needs: '',
    });
    const after = (await ws.get(ws.ws(`/insights/balance?teamId=${rel.teamId}`))).json() as Balance;
    expect(part(after, 'inward', 'experiments')).toMatchObject({
      score: 50,
      evidence: [expect.objectContaining({ type: 'experiment', id: e.id, label: 'Pilot' })],
    });
    expect(part(after, 'inward', 'reflections').score).toBe(100);
    expect(after.inward.at(-1)!.index!).toBeGreaterThan(before.inward.at(-1)!.index ?? 0);
  });

  it('gives the workspace and each team for the quadrant', async () => {
    const ws = await t.signup();
    const a = await makeRelationship(ws);
    const b = await makeRelationship(ws, { stage: 'co_creation', pyramidLevel: 'unrecognized_needs' });
    const whole = (await ws.get(ws.ws('/insights/balance'))).json() as Balance;
    expect(whole.scope).toEqual({ teamId: null, name: 'The workspace' });
    expect(part(whole, 'outward', 'progression').score).toBe(50);
    const teams = (await ws.get(ws.ws('/insights/balance/teams'))).json() as { items: TeamBalance[] };
    const byTeam = new Map(teams.items.map((x) => [x.team.id, x]));
    expect(byTeam.get(a.teamId)).toMatchObject({ outward: 0, inward: 0, outwardChange: null, flags: [] });
    expect(byTeam.get(b.teamId)).toMatchObject({ outward: 100, month: whole.months.at(-1) });
  });

  it('counts every check-in and topic of a busy window and shows the first fifty, for a team and the workspace', async () => {
    const ws = await t.signup();
    const [a, b] = [await makeRelationship(ws), await makeRelationship(ws)];
    // 120 check-ins and 120 topics over the next 40 days, two for one team to one for the other; then look back.
    const start = clock.now.getTime() + 3_600_000;
    const rows = Array.from({ length: 120 }, (_, i) => ({
      id: newId(),
      rel: i % 3 === 2 ? b : a,
      at: new Date(start + i * 8 * 3_600_000).toISOString(),
      held: i % 3 === 0,
      client: i % 4 === 0,
    }));
    for (const r of rows) {
      await t.database.db.execute(sql`INSERT INTO check_ins (workspace_id, id, relationship_id, scheduled_for,
          status, held_at, agenda, attendees)
        VALUES (${ws.workspaceId}::uuid, ${r.id}::uuid, ${r.rel.id}::uuid, ${r.at}::timestamptz,
          ${r.held ? 'held' : 'scheduled'}, ${r.held ? r.at : null}::timestamptz, '[]'::jsonb, '[]'::jsonb)`);
      await t.database.db.execute(sql`INSERT INTO topics (workspace_id, id, relationship_id, title, raised_by,
          status, author_kind, author_name, created_at)
        VALUES (${ws.workspaceId}::uuid, ${r.id}::uuid, ${r.rel.id}::uuid, ${`Topic ${r.id}`},
          ${r.client ? 'client' : 'provider'}, 'proposed', 'member', 'Ada', ${r.at}::timestamptz)`);
    }
    const real = clock.now;
    clock.now = new Date(real.getTime() + 45 * 86_400_000);
    try {
      const expectFirstFifty = (b: Balance, of: typeof rows) => {
        const m = b.outward.at(-1)!;
        const inWindow = of.filter((r) => r.at.slice(0, 10) >= m.from && r.at.slice(0, 10) <= m.to);
        const due = part(b, 'outward', 'checkIns');
        expect(due.evidenceTotal).toBe(inWindow.length);
        expect(due.score).toBe(Math.round((100 * inWindow.filter((r) => r.held).length) / inWindow.length));
        expect(due.evidence.map((e) => e.id)).toEqual(inWindow.slice(0, 50).map((r) => r.id));
        const raised = part(b, 'outward', 'clientTopics');
        expect(raised.evidenceTotal).toBe(inWindow.length);
        expect(raised.evidence.map((e) => e.id)).toEqual(inWindow.slice(0, 50).map((r) => r.id));
        return inWindow.length;
      };
      const whole = (await ws.get(ws.ws('/insights/balance'))).json() as Balance;
      expect(expectFirstFifty(whole, rows)).toBeGreaterThan(50);
      const team = (await ws.get(ws.ws(`/insights/balance?teamId=${a.teamId}`))).json() as Balance;
      expect(
        expectFirstFifty(
          team,
          rows.filter((r) => r.rel === a),
        ),
      ).toBeGreaterThan(50);

      // Within the workspace's answer a team carries no evidence until its flag asks for its last month's,
      // read with the workspace's in one round trip: then its own first 50, whatever the workspace's windows
      // read of its records besides.
      const today = clock.now.toISOString().slice(0, 10);
      const inputs = await loadBalanceInputs(t.database.db, ws.workspaceId, {
        months: monthsOf({}, today),
        today,
      });
      const lastOfA = () =>
        part(
          { outward: latestBalance(inputs.byTeam.get(a.teamId)!, 'A').outward } as Balance,
          'outward',
          'checkIns',
        );
      expect(lastOfA().evidence.length).toBeLessThan(50);
      await inputs.readEvidence([a.teamId]);
      const ofA = rows.filter((r) => r.rel === a);
      expect(lastOfA().evidence.map((e) => e.id)).toEqual(ofA.slice(0, 50).map((r) => r.id));
    } finally {
      clock.now = real;
    }
  });

  it('names the field at fault', async () => {
    const bad = async (q: string, path: string) => {
      const res = await owner.get(owner.ws(`/insights/balance${q}`));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    };
    await bad('?from=2026-13', 'from');
    await bad('?from=2020-01&to=2026-01', 'from');
    await bad('?from=2026-05&to=2026-01', 'from');
    await bad('?teamId=00000000-0000-4000-8000-000000000000', 'teamId');
    await bad('?teamId=nope', 'teamId');
    const ok = await owner.get(owner.ws('/insights/balance?from=2026-01-15&to=2026-03'));
    expect(ok.json().months).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('keeps the balance inside its workspace', async () => {
    const marker = uniq('Secret client');
    const rel = await makeRelationship(owner, {
      clientId: (await owner.post(owner.ws('/clients'), { name: marker, kind: 'external' })).json().id,
    });
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/insights/balance') },
        { method: 'GET', url: owner.ws(`/insights/balance?teamId=${rel.teamId}`) },
        { method: 'GET', url: owner.ws('/insights/balance/teams') },
      ],
      marker,
    );
    expect((await owner.get(owner.ws(`/insights/balance?teamId=${rel.teamId}`))).body).toContain(marker);
  });
});
