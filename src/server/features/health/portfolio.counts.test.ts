import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { plantRelationship } from '../check-ins/check-ins.fixtures';
import { runHealthPass } from './health.worker';
import type { Portfolio } from './portfolio.contract';

const DAY = 86_400_000;
let clock = new Date('2026-03-02T09:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, () => clock);
});
afterAll(() => t.close());

type Count = { stage: string; pyramid_level: string; band: number | null; at_risk: boolean; n: number };
const rowsOf = async (query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: Count[] }).rows;

/** The rollup as the database keeps it, and the same counts made afresh from the relationships. */
const kept = (workspaceId: string) =>
  rowsOf(sql`SELECT stage, pyramid_level, band, at_risk, relationships AS n FROM portfolio_counts
    WHERE workspace_id = ${workspaceId} ORDER BY 1, 2, 3, 4`);
const recounted = (workspaceId: string) =>
  rowsOf(sql`SELECT stage, pyramid_level, least(health_score, 99) / 20 AS band, health_at_risk AS at_risk,
      count(*)::int AS n
    FROM relationships WHERE workspace_id = ${workspaceId} AND status = 'active'
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
const expectKept = async (s: Session) => {
  const now = await kept(s.workspaceId);
  expect(now).toEqual(await recounted(s.workspaceId));
  return now;
};
const touch = (s: Session, id: string) =>
  s.post(s.ws(`/relationships/${id}/touchpoints`), {
    kind: 'call',
    initiatedBy: 'provider',
    occurredAt: new Date(clock.getTime() - 3_600_000).toISOString(),
    summary: 'Talked',
    visibility: 'internal',
  });

describe('the portfolio’s counts', () => {
  it('stay equal to the active relationships through creates, steps, health, pauses and deletes', async () => {
    const s = await t.signup();
    const other = await t.signup();
    const others = await plantRelationship(other);
    const [a, b, c] = [await plantRelationship(s), await plantRelationship(s), await plantRelationship(s)];
    expect((await expectKept(s)).reduce((n, r) => n + r.n, 0)).toBe(3);

    const stepped = await s.post(s.ws(`/relationships/${a.relationship.id}/assessments`), {
      stage: 'partnership',
      pyramidLevel: 'desires',
      note: 'A shared roadmap',
    });
    expect(stepped.statusCode).toBe(201);
    await expectKept(s);

    // Scored and flagged by the daily pass: the bands and the risk move the counts too.
    clock = new Date(clock.getTime() + 40 * DAY);
    for (let i = 0; i < 3; i++) await touch(s, b.relationship.id);
    await runHealthPass(t.deps.db, clock);
    const scored = await expectKept(s);
    expect(scored.some((r) => r.band !== null)).toBe(true);
    expect(scored.some((r) => r.at_risk)).toBe(true);

    expect(
      (await s.patch(s.ws(`/relationships/${b.relationship.id}`), { status: 'paused' })).statusCode,
    ).toBe(200);
    expect((await expectKept(s)).reduce((n, r) => n + r.n, 0)).toBe(2);
    expect(
      (await s.patch(s.ws(`/relationships/${b.relationship.id}`), { status: 'active' })).statusCode,
    ).toBe(200);
    await expectKept(s);
    expect((await s.delete(s.ws(`/relationships/${c.relationship.id}`))).statusCode).toBe(204);
    const last = await expectKept(s);
    expect(last.reduce((n, r) => n + r.n, 0)).toBe(2);

    // The portfolio shows what the rollup keeps; another workspace keeps its own.
    const p = (await s.get(s.ws('/insights/portfolio'))).json() as Portfolio;
    expect(p.active).toBe(2);
    expect(p.unscored + p.distribution.reduce((n, d) => n + d.count, 0)).toBe(2);
    expect(p.atRisk).toBe(last.filter((r) => r.at_risk).reduce((n, r) => n + r.n, 0));
    expect((await expectKept(other)).reduce((n, r) => n + r.n, 0)).toBe(1);
    expect((await other.get(other.ws('/insights/portfolio'))).json().active).toBe(1);
    expect(others.relationship.id).not.toBe(a.relationship.id);
  });
});
