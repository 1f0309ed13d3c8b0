import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type Session, type TestApp } from '../test/harness';
import { fillPath, MARKER, plantPortal, plantWorkspace } from './fixtures';

let t: TestApp;
let owner: Session;
let params: Record<string, string>;
let portal: Awaited<ReturnType<typeof plantPortal>>;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
  params = await plantWorkspace(t, owner);
  portal = await plantPortal(t, owner, params);
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
  title: 'x',
  body: 'x',
  response: 'yes',
  score: 7,
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
      // A portal session is no member session: the workspace guard does not know its cookie.
      { name: 'portal contact of another client', client: portal.otherClient, expect: () => 401 },
      { name: 'portal contact of this workspace', client: portal.target, expect: () => 401 },
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

  it('refuses every portal route to a member session and to contacts of another client or workspace', async () => {
    const routes = t.app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/v1/portal/') && !/\/(magic-link|session)$/.test(r.url),
    );
    expect(routes.length).toBeGreaterThan(15);
    const leaks: string[] = [];
    let tried = 0;
    for (const route of routes) {
      // Search is tried with the planted words themselves.
      const url = fillPath(route.url, params) + (route.url.endsWith('/search') ? '?q=planted+marker' : '');
      // A relationship or a pulse round names something of the target's: anyone else's is not found.
      const ofRelationship = /:(relationshipId|pulseId)\b/.test(route.url);
      const actors: Array<[string, Client, number | undefined]> = [
        ['member session', owner, 401],
        ['API token', await t.tokenClient(owner), 401],
        ['anonymous', t.anonymous, 401],
      ];
      // Signing out would end the contacts' sessions for the routes after it; the member's 401 covers it.
      if (!route.url.endsWith('/logout'))
        actors.push(
          ['portal contact of another client', portal.otherClient, ofRelationship ? 404 : undefined],
          ['portal contact of another workspace', portal.otherWorkspace, ofRelationship ? 404 : undefined],
        );
      for (const [name, client, expected] of actors) {
        tried++;
        const res = await client.request(
          route.method as 'GET',
          url,
          WRITE.has(route.method) ? plausibleBody : undefined,
        );
        const where = `${name}: ${route.method} ${route.url}`;
        if (expected !== undefined && res.statusCode !== expected)
          leaks.push(`${where} → ${res.statusCode}, expected ${expected}`);
        if (expected === undefined && res.statusCode >= 300) leaks.push(`${where} → ${res.statusCode}`);
        const seen = name === 'portal contact of another client' ? withoutWorkspaceWide(res.body) : res.body;
        if (seen.includes(MARKER)) leaks.push(`${where} → body carries the target's data`);
      }
    }
    console.log(
      `isolation matrix (portal): ${routes.length} routes, ${tried} requests tried, ${leaks.length} leaks found`,
    );
    expect(leaks).toEqual([]);
    // The planted contact does reach its own relationship through every one of those routes.
    expect(
      (await portal.target.get(fillPath('/api/v1/portal/relationships/:relationshipId', params))).statusCode,
    ).toBe(200);
  });
});

/**
 * What every client contact of the provider sees alike — its purpose, events open to clients, shared
 * knowledge — taken out, so what is left must hold nothing of another client's relationships.
 */
function withoutWorkspaceWide(body: string): string {
  const json = JSON.parse(body || 'null') as {
    workspace?: { purpose?: unknown };
    hits?: Array<{ kind: string }>;
  } | null;
  if (json?.workspace) json.workspace.purpose = null;
  if (json?.hits) json.hits = json.hits.filter((h) => h.kind !== 'event' && h.kind !== 'knowledge');
  return JSON.stringify(json);
}
