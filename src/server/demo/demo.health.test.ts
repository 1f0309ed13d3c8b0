import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health, HealthHistory } from '../features/health/health.contract';
import type { Portfolio } from '../features/health/portfolio.contract';
import { Client, cookieFrom, createTestApp, type TestApp, uniq } from '../test/harness';
import { type DemoSeeded, seedDemo } from './demo.seed';

let t: TestApp;
let demo: DemoSeeded;
let maya: Client;
const ws = (path: string) => `/api/v1/workspaces/${demo.workspaceId}${path}`;

beforeAll(async () => {
  t = await createTestApp();
  demo = await seedDemo(t.database.db, { tag: uniq('demo') });
  const login = await t.anonymous.post('/api/v1/auth/login', { email: demo.email, password: demo.password });
  maya = new Client(t.app, { cookie: cookieFrom(login) });
});
afterAll(() => t.close());

describe('demo health', () => {
  it('puts the neglected, one-sided relationships on top of the early-warning list, with their reasons', async () => {
    const p = (await maya.get(ws('/insights/portfolio'))).json() as Portfolio;
    const top = p.risks.slice(0, 3).map((r) => r.relationship.clientName);
    expect(top).toEqual(expect.arrayContaining(['Harbour Savings Bank', 'Fjordline Logistics']));
    const harbour = p.risks.find((r) => r.relationship.clientName === 'Harbour Savings Bank')!;
    const reasons = harbour.risks.map((r) => r.message);
    expect(reasons.some((m) => /^stuck in advisory for \d+ months/.test(m))).toBe(true);
    expect(
      reasons.some((m) => /^only the provider speaks: 1 in \d+ touchpoints came from the client$/.test(m)),
    ).toBe(true);
    expect(reasons.some((m) => /^check-in overdue by \d+ days$/.test(m))).toBe(true);
    // The growing relationships are not on the list.
    expect(p.risks.map((r) => r.relationship.clientName)).not.toContain('Ledgerly');
    expect(p.unscored).toBe(0);
  });

  it('has months of daily history, and every number of a relationship carries its records', async () => {
    const p = (await maya.get(ws('/insights/portfolio'))).json() as Portfolio;
    const id = p.risks.find((r) => r.relationship.clientName === 'Harbour Savings Bank')!.relationship.id;
    const history = (await maya.get(ws(`/relationships/${id}/health/history`))).json() as HealthHistory;
    expect(history.points.length).toBeGreaterThan(90);
    const h = (await maya.get(ws(`/relationships/${id}/health`))).json() as Health;
    expect(history.points.at(-1)!.score).toBe(h.score);
    for (const c of h.components.filter((x) => x.score !== null))
      expect(c.evidence.length).toBeGreaterThan(0);
  });
});
