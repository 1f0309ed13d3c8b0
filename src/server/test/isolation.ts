import { expect } from 'vitest';
import type { Client, TestApp } from './harness';

export type RouteCall = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: Record<string, unknown>;
};

/**
 * Every route of a feature, tried by an anonymous caller (→ 401) and by a member of another workspace
 * (→ 404, and nothing of the target in the body). `marker` is a string planted in the target's data.
 */
export async function expectIsolated(t: TestApp, calls: RouteCall[], marker: string): Promise<void> {
  const outsider = await t.signup();
  const tries: Array<[string, Client, number]> = [
    ['anonymous', t.anonymous, 401],
    ['member of another workspace', outsider, 404],
  ];
  for (const call of calls) {
    for (const [who, client, status] of tries) {
      const res = await client.request(call.method, call.url, call.body);
      expect(res.statusCode, `${who} → ${call.method} ${call.url}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain(marker);
    }
  }
}
