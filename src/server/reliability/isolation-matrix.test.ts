import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type Session, type TestApp } from '../test/harness';
import { fillPath, MARKER, plantWorkspace } from './fixtures';

let t: TestApp;
let owner: Session;
let params: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
  params = await plantWorkspace(t, owner);
});
afterAll(() => t.close());

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A body that passes most schemas, so a refusal is the guard's and not the validator's. */
const plausibleBody = {
  name: 'x',
  email: 'x@example.com',
  role: 'member',
  kind: 'external',
  note: 'x',
  summary: 'x',
};

describe('isolation matrix', () => {
  it('refuses every workspace route to every actor who may not use it, and leaks nothing', async () => {
    const outsider = await t.signup();
    const lowRole = await t.addMember(owner, 'member');
    const readOnly = await t.tokenClient(owner, 'read');
    const revoked = await t.tokenClient(owner, 'read_write');
    expect((await owner.delete(owner.ws(`/tokens/${revoked.tokenId}`))).statusCode).toBe(204);

    type Actor = {
      name: string;
      client: Client;
      expect: (route: { method: string; minRole?: string }) => number | undefined;
    };
    const actors: Actor[] = [
      { name: 'anonymous', client: t.anonymous, expect: () => 401 },
      { name: 'member of another workspace', client: outsider, expect: () => 404 },
      { name: 'revoked API token', client: revoked, expect: () => 401 },
      {
        name: 'member with too low a role',
        client: lowRole,
        expect: (r) => (r.minRole && r.minRole !== 'member' ? 403 : undefined),
      },
      {
        name: 'read-only token on a write',
        client: readOnly,
        expect: (r) => (WRITE.has(r.method) ? 403 : undefined),
      },
    ];
    const routes = t.app.routeCatalog.filter((r) => r.url.startsWith('/api/v1/workspaces/:workspaceId'));
    expect(routes.length).toBeGreaterThan(25);

    const leaks: string[] = [];
    let tried = 0;
    for (const route of routes) {
      const url = fillPath(route.url, params);
      for (const actor of actors) {
        const expected = actor.expect({ method: route.method, minRole: route.minRole });
        if (expected === undefined) continue;
        tried++;
        const res = await actor.client.request(
          route.method as 'GET',
          url,
          WRITE.has(route.method) ? plausibleBody : undefined,
        );
        const where = `${actor.name}: ${route.method} ${route.url}`;
        if (res.statusCode !== expected) leaks.push(`${where} → ${res.statusCode}, expected ${expected}`);
        if (res.body.includes(MARKER)) leaks.push(`${where} → body carries the target's data`);
      }
    }
    console.log(
      `isolation matrix: ${routes.length} routes × ${actors.length} actors, ${tried} requests tried, ${leaks.length} leaks found`,
    );
    expect(leaks).toEqual([]);
    // The target is intact: nothing above changed it.
    expect((await owner.get(owner.ws(`/teams/${params.teamId}`))).json().description).toBe(MARKER);
  });
});
