import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/demo.seed';
import { cookieFrom, createTestApp, Session, type TestApp, uniq } from '../../test/harness';
import type { Balance } from './balance.contract';

const NOW = new Date('2026-11-20T10:00:00Z');
let t: TestApp;
let s: Session;
beforeAll(async () => {
  t = await createTestApp({}, () => NOW);
  const demo = await seedDemo(t.database.db, { tag: uniq('evidence'), now: NOW });
  const login = await t.anonymous.post('/api/v1/auth/login', { email: demo.email, password: demo.password });
  s = new Session(t.app, { cookie: cookieFrom(login) }, login.json().user, demo.workspaceId);
}, 120_000);
afterAll(() => t.close());

const counts = (b: Balance) =>
  [...b.outward, ...b.inward].map((m) => m.parts.map((p) => [p.key, p.score, p.evidenceTotal]));

describe('the balance’s evidence', () => {
  it('lists the last month’s records by default, every month’s when asked, and an earlier month’s when it is asked for alone', async () => {
    const teamId = ((await s.get(s.ws('/teams?limit=1'))).json().items as { id: string }[])[0]!.id;
    for (const scope of ['', `&teamId=${teamId}`]) {
      const every = (await s.get(s.ws(`/insights/balance?evidence=all${scope}`))).json() as Balance;
      const plain = (await s.get(s.ws(`/insights/balance?evidence=latest${scope}`))).json() as Balance;
      expect(counts(plain)).toEqual(counts(every));
      expect([plain.outward.at(-1), plain.inward.at(-1)]).toEqual([
        every.outward.at(-1),
        every.inward.at(-1),
      ]);
      expect(plain.flags).toEqual(every.flags);
      const earlier = [...plain.outward.slice(0, -1), ...plain.inward.slice(0, -1)];
      expect(earlier.every((m) => m.parts.every((p) => p.evidence.length === 0))).toBe(true);
      expect(every.outward.slice(0, -1).some((m) => m.parts.some((p) => p.evidence.length > 0))).toBe(true);

      const opened = every.months.length - 4;
      const month = every.months[opened]!;
      const one = (
        await s.get(s.ws(`/insights/balance?from=${month}&to=${month}${scope}`))
      ).json() as Balance;
      expect(one.months).toEqual([month]);
      expect(one.outward[0]!.parts.some((p) => p.evidence.length > 0)).toBe(true);
      expect([one.outward[0]!.parts, one.inward[0]!.parts]).toEqual([
        every.outward[opened]!.parts,
        every.inward[opened]!.parts,
      ]);
    }
    const bad = await s.get(s.ws('/insights/balance?evidence=some'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('evidence');
  });
});
