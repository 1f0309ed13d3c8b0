import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKER, plantWorkspace } from '../../reliability/fixtures';
import { createTestApp, openEmbeddedTestDatabase, type Session, type TestApp } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import type { Balance } from '../balance/balance.contract';
import { EXCLUDED_TABLES, exportedTables, tenantTables } from './transfer.catalog';
import type { WorkspaceDocument } from './transfer.contract';
import { exportWorkspace, restoreWorkspace } from './transfer.store';

// The source is always the embedded database; the target is the run's database — a PostgreSQL server when
// TEST_DATABASE_URL is set — so this file proves the move between the two.
let source: TestApp;
let target: TestApp;
let owner: Session;
let doc: WorkspaceDocument;

beforeAll(async () => {
  source = await createTestApp({}, undefined, undefined, await openEmbeddedTestDatabase());
  target = await createTestApp();
  owner = await source.signup();
  const planted = await plantWorkspace(source, owner);
  // The planted client round, answered and closed yesterday, so the balance's client pulse part has a reading
  // (its rollup, client_pulse_rounds, is another that no export carries).
  await source.database.db.execute(sql`INSERT INTO pulse_answers (workspace_id, id, pulse_id, relationship_id, score)
    VALUES (${owner.workspaceId}::uuid, gen_random_uuid(), ${planted.pulseId}::uuid, ${planted.relationshipId}::uuid, 8)`);
  await source.database.db.execute(
    sql`UPDATE pulses SET closes_on = current_date - 1 WHERE workspace_id = ${owner.workspaceId}::uuid AND id = ${planted.pulseId}::uuid`,
  );
  const res = await owner.get(owner.ws('/export'));
  expect(res.statusCode, res.body).toBe(200);
  doc = res.json() as WorkspaceDocument;
}, 60_000);
afterAll(async () => {
  await source.close();
  await target.close();
});

/** The document with `map` applied to every id, and the parts that name the export itself left out. */
function comparable(d: WorkspaceDocument, map: Map<string, string> = new Map()) {
  const text = JSON.stringify({ tables: d.tables, members: d.members, name: d.workspace.name });
  const mapped = JSON.parse(text.replace(/[0-9a-f-]{36}/g, (u) => map.get(u) ?? u));
  // Fresh ids need not sort like the old ones within one millisecond: compare rows as sets.
  for (const [t, rows] of Object.entries(mapped.tables as Record<string, unknown[]>)) {
    mapped.tables[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return mapped;
}

describe('workspace export', () => {
  it('is one versioned document holding every record, members by email', () => {
    expect(doc).toMatchObject({ format: 'twofold.workspace', version: 1 });
    expect(doc.members.map((m) => m.email)).toContain(owner.user.email);
    for (const t of ['clients', 'contacts', 'relationships', 'touchpoints', 'check_ins', 'topics']) {
      expect(doc.tables[t]?.length, t).toBeGreaterThan(0);
    }
    expect(JSON.stringify(doc.tables.clients)).toContain(MARKER);
    expect(doc.tables).not.toHaveProperty('api_tokens');
    expect(doc.tables).not.toHaveProperty('search_documents');
  });

  it('is audited', async () => {
    const audit = (await owner.get(owner.ws('/audit'))).json() as { items: { action: string }[] };
    expect(audit.items.map((a) => a.action)).toContain('workspace.exported');
  });

  it('carries every tenant table unless it is excluded with a reason', async () => {
    const all = (await tenantTables(source.database.db)).map((t) => t.name);
    const exported = (await exportedTables(source.database.db)).map((t) => t.name);
    for (const name of all) {
      expect(exported.includes(name) || Boolean(EXCLUDED_TABLES[name]), name).toBe(true);
    }
    // An exclusion for a table that no longer exists would hide a renamed one.
    expect(Object.keys(EXCLUDED_TABLES).filter((n) => !all.includes(n))).toEqual([]);
    expect(Object.keys(doc.tables).sort()).toEqual([...exported].sort());
  });

  it('is for admins only', async () => {
    const member = await source.addMember(owner, 'member');
    expect((await member.get(member.ws('/export'))).statusCode).toBe(403);
    expect((await member.post(member.ws('/restore'), doc)).statusCode).toBe(403);
  });
});

describe('workspace restore', () => {
  it('round trip: export → restore into an empty workspace → export gives the same document', async () => {
    const admin = await target.signup();
    const db = target.database.db;
    const restored = await db.transaction((tx) => restoreWorkspace(tx, admin.workspaceId, doc));
    const again = await exportWorkspace(db, admin.workspaceId, new Date());
    // The restoring admin is a member of the new workspace too; everything else must match exactly.
    again.members = again.members.filter((m) => m.email !== admin.user.email);
    const map = new Map([...restored.idMap].map(([a, b]) => [a, b]));
    expect(comparable(again)).toEqual(comparable(doc, map));
    // Every id is fresh.
    const oldIds = new Set(doc.tables.clients?.map((c) => c.id));
    expect(again.tables.clients?.some((c) => oldIds.has(c.id))).toBe(false);
  }, 60_000);

  it('fills the balance again: the copy shows the same time, topics and client pulse as the original', async () => {
    // The balance reads rollups the database keeps (time_months, balance_days, client_pulse_rounds) that no
    // export carries.
    const admin = await target.signup();
    const restored = await target.database.db.transaction((tx) =>
      restoreWorkspace(tx, admin.workspaceId, doc),
    );
    const original = await owner.get(owner.ws('/insights/balance'));
    const copy = await admin.get(admin.ws('/insights/balance'));
    expect(copy.statusCode, copy.body).toBe(200);
    const mapped = original.body.replace(/[0-9a-f-]{36}/g, (u) => restored.idMap.get(u) ?? u);
    expect(JSON.parse(copy.body)).toEqual(JSON.parse(mapped));
    // Not two empty balances: the planted time entry (time_months), topic (balance_days) and client pulse
    // answer (client_pulse_rounds) count. Its only
    // check-in is next week's, so the check-ins part has nothing due on either side.
    const { outward, inward } = copy.json() as Balance;
    const parts = [...outward.at(-1)!.parts, ...inward.at(-1)!.parts];
    const total = (key: string) => parts.find((p) => p.key === key)?.evidenceTotal ?? 0;
    expect(total('time')).toBeGreaterThan(0);
    expect(total('clientTopics')).toBeGreaterThan(0);
    expect(total('clientPulse')).toBeGreaterThan(0);
  }, 60_000);

  it('restores through the API, rebuilds search and audits it', async () => {
    const admin = await target.signup();
    const res = await admin.post(admin.ws('/restore'), doc);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { tables: Record<string, number>; membersCreated: number };
    expect(body.tables.clients).toBe(doc.tables.clients?.length);
    const found = (await admin.get(admin.ws(`/search?q=${MARKER}`))).json() as { groups: unknown[] };
    expect(found.groups.length).toBeGreaterThan(0);
    const audit = (await admin.get(admin.ws('/audit'))).json() as { items: { action: string }[] };
    expect(audit.items.map((a) => a.action)).toContain('workspace.restored');
    const relationships = (await admin.get(admin.ws('/relationships'))).json() as { items: unknown[] };
    expect(relationships.items).toHaveLength(doc.tables.relationships?.length ?? -1);
  }, 60_000);

  it('links members to existing accounts by email on the same installation', async () => {
    const admin = await source.signup();
    const res = await admin.post(admin.ws('/restore'), doc);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ membersCreated: 0 });
    // The original owner now sees the copy among their workspaces.
    const me = (await owner.get('/api/v1/me')).json() as { workspaces: { id: string }[] };
    expect(me.workspaces.map((w) => w.id)).toContain(admin.workspaceId);
  }, 60_000);

  it('refuses a workspace that holds data (409) and a document it cannot read (400)', async () => {
    const res = await owner.post(owner.ws('/restore'), doc);
    expect(res.statusCode).toBe(409);
    const admin = await target.signup();
    const wrong = await admin.post(admin.ws('/restore'), { ...doc, version: 2 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('version');
    const stranger = await admin.post(admin.ws('/restore'), { ...doc, tables: { nope: [{}] } });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('tables.nope');
    const broken = await admin.post(admin.ws('/restore'), {
      ...doc,
      tables: { teams: [{ id: 'not-an-id', name: 'x' }] },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain('tables.teams');
    // Nothing of a refused restore stays behind.
    expect((await admin.get(admin.ws('/teams'))).json()).toMatchObject({ items: [] });
  });

  it('keeps other workspaces out', async () => {
    await expectIsolated(
      source,
      [
        { method: 'GET', url: owner.ws('/export') },
        { method: 'POST', url: owner.ws('/restore'), body: doc as unknown as Record<string, unknown> },
      ],
      MARKER,
    );
  });
});
