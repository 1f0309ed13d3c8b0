import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalContact } from '../features/portal/portal.fixtures';
import { type Client, createTestApp, type Session, type TestApp } from '../test/harness';
import { fillPath, plantWorkspace } from './fixtures';
import { brokenBody, brokenQuery, hostileId, type JsonSchema } from './schema-arbitraries';

let t: TestApp;
let owner: Session;
let params: Record<string, string>;
let contact: Client | undefined;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
  params = await plantWorkspace(t, owner);
});
afterAll(() => t.close());

type Operation = {
  parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
const RUNS_PER_ROUTE = 30;

describe('fuzzing every route from its schema', () => {
  it('never answers 5xx, and every 400 is problem+json naming the field', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const ids = Object.values(params);
    const routes = t.app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/v1/') && !r.hidden && !r.url.includes('logout'),
    );
    const failures: string[] = [];
    let requests = 0;
    let fiveHundreds = 0;

    for (const route of routes) {
      // Portal routes are fuzzed as a signed-in client contact, so requests get past the portal's guard;
      // signed in only now, as the workspace routes before may have deleted the planted contact.
      const portal = route.url.startsWith('/api/v1/portal/');
      if (portal && !contact) contact = await portalContact(t, owner);
      const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const body = op?.requestBody?.content?.['application/json']?.schema;
      const query = (op?.parameters ?? []).filter((p) => p.in === 'query');
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
      const pathParams = [...route.url.matchAll(/:(\w+)/g)]
        .map((m) => m[1]!)
        .filter((n) => n !== 'workspaceId');

      await fc
        .assert(
          fc.asyncProperty(
            hasBody ? brokenBody(body, ids) : fc.constant(undefined),
            brokenQuery(query, ids),
            fc.boolean(),
            hostileId,
            async (payload, qs, breakPath, badId) => {
              let url = fillPath(route.url, params);
              if (breakPath && pathParams.length)
                url = url.replace(params[pathParams.at(-1)!]!, encodeURIComponent(badId));
              requests++;
              const caller = portal && contact ? contact : owner;
              const res = await caller.request(
                route.method as 'GET',
                `${url}${qs}`,
                payload as Record<string, unknown> | undefined,
              );
              const where = `${route.method} ${route.url}${qs.slice(0, 80)} ${JSON.stringify(payload)?.slice(0, 160)}`;
              if (res.statusCode >= 500) {
                fiveHundreds++;
                failures.push(`${res.statusCode} ← ${where}`);
                return false;
              }
              if (res.statusCode === 400) {
                const problem = res.json() as { errors?: Array<{ path?: string }> };
                const named =
                  String(res.headers['content-type']).includes('application/problem+json') &&
                  problem.errors?.[0]?.path;
                if (!named) {
                  failures.push(`400 without a named field ← ${where}: ${res.body.slice(0, 200)}`);
                  return false;
                }
              }
              return true;
            },
          ),
          { numRuns: RUNS_PER_ROUTE, seed: 20261122, endOnFailure: true },
        )
        .catch(() => {});
    }
    console.log(`fuzz: ${routes.length} routes, ${requests} requests tried, ${fiveHundreds} 5xx seen`);
    expect(failures).toEqual([]);
  }, 240_000); // every route × 30 runs: it grows with each feature and shares two cores with the suite

  it('refuses a body over the size limit with 413', async () => {
    const res = await owner.post(owner.ws('/teams'), { name: 'x', description: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
