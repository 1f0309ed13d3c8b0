import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../test/harness';

/**
 * Cursors carry timestamps as ISO strings (milliseconds), PostgreSQL keeps microseconds: a list keyed on a
 * timestamp the database filled with now() skips the rows that share the boundary row's millisecond.
 * The crash test found it in the audit log on PostgreSQL (PGlite's clock only has milliseconds, so these
 * tests bite in the PostgreSQL run). Platform writes (audit, outbox) now store milliseconds.
 */
let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

async function count(query: SQL): Promise<number> {
  const result = (await t.database.db.execute(query)) as unknown as { rows: Array<{ n: number | string }> };
  return Number(result.rows[0]?.n);
}

async function pageAll(path: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await owner.get(
      `${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.statusCode).toBe(200);
    const page = res.json() as { items: Array<{ id: string }>; nextCursor: string | null };
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('paging by timestamp', () => {
  it('stores audit and outbox timestamps at the precision their cursors carry', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => owner.post(owner.ws('/teams'), { name: `Team ${i}` })),
    );
    await owner.post(owner.ws('/invitations'), { email: `${uniq('paging')}@example.com`, role: 'member' });
    const ws = owner.workspaceId;
    expect(
      await count(sql`SELECT count(*) AS n FROM audit_events WHERE workspace_id = ${ws}`),
    ).toBeGreaterThan(8);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM audit_events WHERE workspace_id = ${ws} AND at <> date_trunc('milliseconds', at)`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`SELECT count(*) AS n FROM mail_messages WHERE workspace_id = ${ws} AND created_at <> date_trunc('milliseconds', created_at)`,
      ),
    ).toBe(0);
  });

  it('pages the audit log one row at a time to the same rows as one big page', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => owner.post(owner.ws('/teams'), { name: `More ${i}` })),
    );
    const whole = await pageAll(owner.ws('/audit'), 200);
    expect(whole.length).toBeGreaterThan(10);
    expect(await pageAll(owner.ws('/audit'), 1)).toEqual(whole);
    expect(await pageAll(owner.ws('/audit'), 3)).toEqual(whole);
  });
});
