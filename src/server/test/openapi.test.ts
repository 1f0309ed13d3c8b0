import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Operation = {
  requestBody?: unknown;
  responses?: Record<string, { content?: unknown }>;
  tags?: string[];
  summary?: string;
};
const toOpenApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1');

describe('OpenAPI document', () => {
  it('describes every API route, with a summary, request schema and response schema', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json() as {
      openapi: string;
      paths: Record<string, Record<string, Operation>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const apiRoutes = t.app.routeCatalog.filter((r) => r.url.startsWith('/api/v1/') && !r.hidden);
    expect(apiRoutes.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const r of apiRoutes) {
      const op = doc.paths[toOpenApiPath(r.url)]?.[r.method.toLowerCase()];
      const name = `${r.method} ${r.url}`;
      if (!op) {
        missing.push(`${name}: not in the document`);
        continue;
      }
      if (!op.summary) missing.push(`${name}: no summary`);
      if (!op.tags?.length) missing.push(`${name}: no tag`);
      if (['POST', 'PUT', 'PATCH'].includes(r.method) && !op.requestBody && !r.url.includes('logout')) {
        missing.push(`${name}: no request body schema`);
      }
      const ok = Object.entries(op.responses ?? {}).find(([code]) => code.startsWith('2'));
      // A documented 204 has no body by definition (e.g. answering a pulse: PUT → 204).
      if (r.method !== 'DELETE' && !r.url.endsWith('/logout') && !ok?.[1].content && ok?.[0] !== '204') {
        missing.push(`${name}: no success response schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('serves browsable docs at /api/docs', async () => {
    const res = await t.anonymous.get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});
