import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { makeClient, makeRelationship, makeTeam } from '../relationships/relationships.fixtures';
import { ensureSearchIndexed, reindexWorkspace } from './search.backfill';
import type { SearchGroup, SearchResult } from './search.contract';
import { plainPrefixQuery, searchWorkspace, tokenisedByPostgres } from './search.store';
import { searchDocuments, searchIndexState } from './search.table';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

async function search(s: Session, q: string, extra = ''): Promise<SearchResult> {
  const res = await s.get(s.ws(`/search?q=${encodeURIComponent(q)}${extra}`));
  if (res.statusCode !== 200) throw new Error(`search: ${res.statusCode} ${res.body}`);
  return res.json() as SearchResult;
}
const group = (r: SearchResult | SearchGroup[], kind: string) =>
  ('groups' in r ? r.groups : r).find((g) => g.kind === kind);
const titles = (r: SearchResult, kind: string) => group(r, kind)?.hits.map((h) => h.title) ?? [];

describe('search', () => {
  it('finds clients, contacts, relationships, knowledge and events by the start of a word, grouped by kind', async () => {
    const ws = await t.signup();
    const team = await makeTeam(ws, 'Roastery partners');
    const client = await makeClient(ws, 'Fjordline Logistics');
    await ws.post(ws.ws(`/clients/${client.id}/contacts`), {
      name: 'Ingrid Fjellstad',
      email: 'ingrid@fjordline.example',
      role: 'Head of operations',
    });
    await makeRelationship(ws, {
      clientId: client.id,
      teamId: team.id,
      ambition: 'Move freight planning from spreadsheets to a shared fjord-wide rhythm',
    });
    await ws.post(ws.ws('/knowledge'), {
      title: 'Immersion at Fjordline',
      body: 'We spent a day on the **night shift** at the terminal.',
      visibility: 'internal',
    });
    await ws.post(ws.ws('/events'), {
      title: 'Fjord breakfast',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      audience: 'community',
    });

    const r = await search(ws, 'fj');
    expect(new Set(r.groups.map((g) => g.kind))).toEqual(
      new Set(['client', 'contact', 'relationship', 'knowledge', 'event']),
    );
    expect(titles(r, 'client')).toEqual(['Fjordline Logistics']);
    expect(titles(r, 'contact')).toEqual(['Ingrid Fjellstad']);
    expect(titles(r, 'relationship')).toEqual(['Fjordline Logistics — Roastery partners']);
    const contact = group(r, 'contact')!.hits[0]!;
    expect(contact).toMatchObject({
      subtitle: 'Head of operations, Fjordline Logistics · ingrid@fjordline.example',
      clientId: client.id,
    });

    // Every word must match; a word in the body is highlighted in the snippet, as text runs.
    const night = await search(ws, 'night shift');
    expect(titles(night, 'knowledge')).toEqual(['Immersion at Fjordline']);
    const snippet = group(night, 'knowledge')!.hits[0]!.snippet;
    expect(snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['night', 'shift']);
    expect(snippet.map((p) => p.text).join('')).toContain('spent a day on the night shift');
    expect(await search(ws, 'night freight')).toEqual({ q: 'night freight', groups: [] });

    // Only some kinds, on request.
    const onlyEvents = await search(ws, 'fj', '&kind=event,knowledge');
    expect(onlyEvents.groups.map((g) => g.kind).sort()).toEqual(['event', 'knowledge']);
  });

  it('ranks title matches first and caps each kind, saying when there is more', async () => {
    const ws = await t.signup();
    for (let i = 0; i < 4; i++)
      await ws.post(ws.ws('/knowledge'), {
        title: `Note ${i}`,
        body: 'Some words about onboarding and more',
        visibility: 'internal',
      });
    await ws.post(ws.ws('/knowledge'), {
      title: 'Onboarding playbook',
      body: 'Steps.',
      visibility: 'internal',
    });
    const r = await search(ws, 'onboarding', '&limit=3');
    const g = group(r, 'knowledge')!;
    expect(g.hits).toHaveLength(3);
    expect(g.more).toBe(true);
    expect(g.hits[0]!.title).toBe('Onboarding playbook');
    expect(g.hits[0]!.rank).toBeGreaterThan(g.hits[1]!.rank);
    const all = await search(ws, 'onboarding', '&limit=50');
    expect(group(all, 'knowledge')!.more).toBe(false);
  });

  it('still puts names first when a word matches more than can be ranked at once', async () => {
    const ws = await t.signup();
    const db = t.database.db;
    // 1,200 topics that all mention the word, written before the two records whose titles carry it.
    await db.execute(sql`
      INSERT INTO search_documents (workspace_id, entity_type, entity_id, title, body, visibility)
      SELECT ${ws.workspaceId}::uuid, 'topic', gen_random_uuid(), 'Note ' || g, 'a commonplace remark ' || g, 'shared'
      FROM generate_series(1, 1200) g`);
    await ws.post(ws.ws('/knowledge'), { title: 'Commonwealth guide', body: 'x', visibility: 'internal' });
    await ws.post(ws.ws('/events'), {
      title: 'Common room breakfast',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 7_200_000).toISOString(),
      audience: 'internal',
    });
    const r = await search(ws, 'common');
    expect(titles(r, 'knowledge')).toEqual(['Commonwealth guide']);
    expect(titles(r, 'event')).toEqual(['Common room breakfast']);
    expect(group(r, 'topic')).toMatchObject({ more: true });
    expect(group(r, 'topic')!.hits).toHaveLength(5);
    // Narrowed to one kind, the same query pages further into it.
    expect(group(await search(ws, 'common', '&kind=topic&limit=50'), 'topic')!.hits).toHaveLength(50);
  });

  it('keeps the index current on every write: rename, delete, cascade', async () => {
    const ws = await t.signup();
    const team = await makeTeam(ws, 'Atlas team');
    const client = await makeClient(ws, 'Quillon Bakery');
    const rel = await makeRelationship(ws, { clientId: client.id, teamId: team.id });
    await ws.post(ws.ws(`/clients/${client.id}/contacts`), {
      name: 'Quentin Baker',
      email: 'q@quillon.example',
    });
    expect(titles(await search(ws, 'quillon'), 'relationship')).toEqual(['Quillon Bakery — Atlas team']);

    await ws.patch(ws.ws(`/clients/${client.id}`), { name: 'Zephyr Bakery' });
    await ws.patch(ws.ws(`/teams/${team.id}`), { name: 'Orion team' });
    expect((await search(ws, 'quillon')).groups).toEqual([]);
    expect(titles(await search(ws, 'zephyr'), 'relationship')).toEqual(['Zephyr Bakery — Orion team']);
    await ws.patch(ws.ws(`/relationships/${rel.id}`), { ambition: 'Sourdough subscriptions together' });
    expect(titles(await search(ws, 'sourdough'), 'relationship')).toHaveLength(1);

    await ws.delete(ws.ws(`/teams/${team.id}`));
    expect(group(await search(ws, 'zephyr'), 'relationship')).toBeUndefined();
    await ws.delete(ws.ws(`/clients/${client.id}`));
    expect((await search(ws, 'zephyr quentin')).groups).toEqual([]);
    expect((await search(ws, 'quentin')).groups).toEqual([]);
  });

  it('treats the query as words, whatever it contains', async () => {
    const ws = await t.signup();
    await ws.post(ws.ws('/knowledge'), {
      title: "O'Brien's <b>bold</b> \\ notes",
      body: 'tips & tricks',
      visibility: 'internal',
    });
    await ws.post(ws.ws('/events'), {
      title: 'Tasting',
      description: 'Bring snacks <img src=x onerror=alert(1)> and <script>alert(2)</script> stories',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 7_200_000).toISOString(),
      audience: 'internal',
    });
    for (const q of [
      "o'brien",
      '\\',
      "'",
      '&',
      '!',
      '|',
      ':*',
      'tips & !tricks',
      '(((',
      '<b>',
      'a:*b',
      '"""',
      '%',
      '_',
    ]) {
      const res = await ws.get(ws.ws(`/search?q=${encodeURIComponent(q)}`));
      expect(res.statusCode, q).toBe(200);
    }
    expect(titles(await search(ws, "o'brien"), 'knowledge')).toHaveLength(1);
    expect(titles(await search(ws, 'tips & !tricks'), 'knowledge')).toHaveLength(1);
    // Markup in a document comes back inside plain text runs, which the web renders as text.
    const hit = group(await search(ws, 'onerror'), 'event')!.hits[0]!;
    expect(hit.snippet.find((p) => p.match)?.text).toBe('onerror');
    expect(hit.snippet.map((p) => p.text).join('')).toContain('<img src=x onerror=alert(1)>');
    expect((await search(ws, '!!!')).groups).toEqual([]);
    const empty = await ws.get(ws.ws('/search?q=%20'));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('q');
    const badKind = await ws.get(ws.ws('/search?q=x&kind=client,secrets'));
    expect(badKind.json().errors[0].path).toBe('kind');
  });

  it('never crosses workspaces, and a client contact finds only what is shared with their client', async () => {
    const a = await t.signup();
    const b = await t.signup();
    const word = `zebrafish${Date.now().toString(36)}`;
    const clientA = await makeClient(a, `${word} A`);
    const otherClient = await makeClient(a, `Other ${word}`);
    await makeClient(b, `${word} B`);
    await a.post(a.ws('/knowledge'), { title: `${word} internal`, body: 'x', visibility: 'internal' });
    await a.post(a.ws('/knowledge'), { title: `${word} shared`, body: 'x', visibility: 'shared' });
    await b.post(b.ws('/knowledge'), { title: `${word} of B`, body: 'x', visibility: 'shared' });
    const ev = (hours: number, audience: string) => ({
      title: `${word} ${audience}`,
      startsAt: new Date(Date.now() + hours * 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + (hours + 1) * 3_600_000).toISOString(),
      audience,
    });
    await a.post(a.ws('/events'), ev(5, 'internal'));
    await a.post(a.ws('/events'), ev(6, 'clients'));

    const seenByA = await search(a, word, '&limit=50');
    expect(JSON.stringify(seenByA)).not.toContain(`${word} B`);
    expect(JSON.stringify(seenByA)).not.toContain(`${word} of B`);
    expect(titles(seenByA, 'client').sort()).toEqual([`${word} A`, `Other ${word}`].sort());
    expect(titles(seenByA, 'knowledge').sort()).toEqual([`${word} internal`, `${word} shared`]);
    const seenByB = await search(b, word, '&limit=50');
    expect(titles(seenByB, 'client')).toEqual([`${word} B`]);
    expect(titles(seenByB, 'knowledge')).toEqual([`${word} of B`]);

    // Topics (issue 3) will carry their client; plant one as its store will, to prove the portal scope.
    await t.database.db.insert(searchDocuments).values([
      {
        workspaceId: a.workspaceId,
        entityType: 'topic',
        entityId: crypto.randomUUID(),
        title: `${word} topic of A's client`,
        visibility: 'shared',
        clientId: clientA.id,
      },
      {
        workspaceId: a.workspaceId,
        entityType: 'topic',
        entityId: crypto.randomUUID(),
        title: `${word} topic of another client`,
        visibility: 'shared',
        clientId: otherClient.id,
      },
    ]);
    const portal = await searchWorkspace(t.database.db, a.workspaceId, {
      q: word,
      limit: 50,
      audience: { kind: 'contact', clientId: clientA.id },
    });
    const portalTitles = portal.flatMap((g) => g.hits.map((h) => h.title)).sort();
    expect(portalTitles).toEqual([`${word} clients`, `${word} shared`, `${word} topic of A's client`].sort());
    const wrongWorkspace = await searchWorkspace(t.database.db, b.workspaceId, {
      q: word,
      limit: 50,
      audience: { kind: 'contact', clientId: clientA.id },
    });
    expect(wrongWorkspace.flatMap((g) => g.hits.map((h) => h.title))).toEqual([`${word} of B`]);
  });

  it('rebuilds a workspace from its records (the backfill), once per index version', async () => {
    const ws = await t.signup();
    await makeClient(ws, 'Backfilled Brewers');
    await ws.post(ws.ws('/knowledge'), { title: 'Backfilled brew guide', body: 'x', visibility: 'internal' });
    const db = t.database.db;
    await db.delete(searchDocuments).where(eq(searchDocuments.workspaceId, ws.workspaceId));
    expect((await search(ws, 'backfilled')).groups).toEqual([]);
    expect(await reindexWorkspace(db, ws.workspaceId)).toBe(2);
    const r = await search(ws, 'backfilled');
    expect(titles(r, 'client')).toEqual(['Backfilled Brewers']);
    expect(titles(r, 'knowledge')).toEqual(['Backfilled brew guide']);

    // The start step does every workspace without an up-to-date index, and then none.
    await db.delete(searchDocuments).where(eq(searchDocuments.workspaceId, ws.workspaceId));
    await db.delete(searchIndexState).where(eq(searchIndexState.workspaceId, ws.workspaceId));
    // (Scoped to this workspace: under TEST_DATABASE_URL other files' workspaces share the database.)
    const only = { workspaceIds: [ws.workspaceId] };
    expect(await ensureSearchIndexed(db, only)).toBe(1);
    expect(titles(await search(ws, 'backfilled'), 'client')).toEqual(['Backfilled Brewers']);
    expect(await ensureSearchIndexed(db, only)).toBe(0);
    const [state] = await db
      .select()
      .from(searchIndexState)
      .where(and(eq(searchIndexState.workspaceId, ws.workspaceId)));
    expect(state?.version).toBeGreaterThanOrEqual(1);
  });

  it('keeps search inside its workspace', async () => {
    const marker = uniq('secretsearch');
    await makeClient(owner, marker);
    await expectIsolated(t, [{ method: 'GET', url: owner.ws(`/search?q=${marker}`) }], marker);
    expect(titles(await search(owner, marker), 'client')).toEqual([marker]);
  });
});

describe('plain words without a round trip', () => {
  it('builds the same prefix query as PostgreSQL for ASCII letters and digits between spaces', async () => {
    const plain = fc.stringMatching(/^[A-Za-z0-9 ]{0,40}$/);
    await fc.assert(
      fc.asyncProperty(plain, async (q) => {
        expect(plainPrefixQuery(q)).toBe(await tokenisedByPostgres(t.database.db, q));
      }),
      { numRuns: 200, seed: 9 },
    );
    for (const q of ['Fjordline Logistics', 'silver SILVER 2026', 'a1b2 3c 007', '   ', 'x'.repeat(100)])
      expect(plainPrefixQuery(q)).toBe(await tokenisedByPostgres(t.database.db, q));
  });

  it('leaves anything else to PostgreSQL', () => {
    for (const q of ['Björk', 'o’brien', 'co-create', 'a.b@c.d', 'tab\there', 'x'.repeat(101)])
      expect(plainPrefixQuery(q)).toBeUndefined();
  });
});
