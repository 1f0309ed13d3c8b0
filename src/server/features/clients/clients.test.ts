import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { relationships } from '../relationships/relationships.table';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

type Item = { id: string; name: string };
const names = (res: { json(): unknown }) => (res.json() as { items: Item[] }).items.map((x) => x.name);

describe('clients', () => {
  it('creates, reads, updates, lists and deletes a client', async () => {
    const name = uniq('Café Central');
    const created = await owner.post(owner.ws('/clients'), {
      name,
      kind: 'external',
      industry: 'Hospitality',
      website: '  cafecentral.example.com ',
    });
    expect(created.statusCode).toBe(201);
    const client = created.json();
    expect(client).toMatchObject({
      name,
      kind: 'external',
      industry: 'Hospitality',
      website: 'cafecentral.example.com',
      contactCount: 0,
      relationshipCount: 0,
    });

    expect((await owner.get(owner.ws(`/clients/${client.id}`))).json().name).toBe(name);

    const patched = await owner.patch(owner.ws(`/clients/${client.id}`), {
      website: 'https://cafecentral.example.com/about',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name,
      industry: 'Hospitality',
      website: 'https://cafecentral.example.com/about',
    });

    const cleared = await owner.patch(owner.ws(`/clients/${client.id}`), { industry: '', website: null });
    expect(cleared.json()).toMatchObject({ industry: null, website: null });

    const list = await owner.get(owner.ws(`/clients?q=${encodeURIComponent(name)}`));
    expect(list.json().items.map((x: Item) => x.id)).toEqual([client.id]);

    expect((await owner.delete(owner.ws(`/clients/${client.id}`))).statusCode).toBe(204);
    expect((await owner.get(owner.ws(`/clients/${client.id}`))).statusCode).toBe(404);
    expect((await owner.patch(owner.ws(`/clients/${client.id}`), { name: 'x' })).statusCode).toBe(404);
  });

  it('counts its contacts and relationships', async () => {
    const client = (
      await owner.post(owner.ws('/clients'), { name: uniq('Finance'), kind: 'internal' })
    ).json();
    const other = (await owner.post(owner.ws('/clients'), { name: uniq('Other'), kind: 'internal' })).json();
    for (const n of ['Ada', 'Grace'])
      await owner.post(owner.ws(`/clients/${client.id}/contacts`), {
        name: n,
        email: `${uniq(n)}@example.com`,
      });
    await owner.post(owner.ws(`/clients/${other.id}/contacts`), {
      name: 'Not hers',
      email: `${uniq('o')}@example.com`,
    });
    // Relationships have their own feature; one row is enough to see it counted.
    const teamId = (await owner.post(owner.ws('/teams'), { name: uniq('Controlling') })).json().id;
    await t.deps.db.insert(relationships).values({
      workspaceId: owner.workspaceId,
      id: newId(),
      clientId: client.id,
      teamId,
      cadenceDays: 30,
      stage: 'transactional',
      pyramidLevel: 'expectations',
    });
    const got = (await owner.get(owner.ws(`/clients/${client.id}`))).json();
    expect(got).toMatchObject({ contactCount: 2, relationshipCount: 1 });
    const listed = (await owner.get(owner.ws(`/clients?q=${encodeURIComponent(client.name)}`))).json();
    expect(listed.items[0]).toMatchObject({ contactCount: 2, relationshipCount: 1 });
    expect((await owner.get(owner.ws(`/clients/${other.id}`))).json()).toMatchObject({
      contactCount: 1,
      relationshipCount: 0,
    });
  });

  it('describes every client and contact route in the OpenAPI document', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, object> };
    const base = '/api/v1/workspaces/{workspaceId}/clients';
    for (const path of [
      base,
      `${base}/{clientId}`,
      `${base}/{clientId}/contacts`,
      `${base}/{clientId}/contacts/{contactId}`,
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    expect(Object.keys(doc.paths[`${base}/{clientId}`] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
  });

  it('filters by kind and name, and pages by name, each client once', async () => {
    const ws = await t.signup();
    const made = [
      { name: 'Acme Roasters', kind: 'external' },
      { name: 'Bakery Brot', kind: 'external' },
      { name: 'Controlling', kind: 'internal' },
      { name: 'Dept of People', kind: 'internal' },
      { name: 'Espresso Bar', kind: 'external' },
    ];
    for (const c of made) expect((await ws.post(ws.ws('/clients'), c)).statusCode).toBe(201);

    expect(names(await ws.get(ws.ws('/clients?kind=internal')))).toEqual(['Controlling', 'Dept of People']);
    expect(names(await ws.get(ws.ws('/clients?kind=external&q=r')))).toEqual([
      'Acme Roasters',
      'Bakery Brot',
      'Espresso Bar',
    ]);
    expect(names(await ws.get(ws.ws('/clients?q=PEOPLE')))).toEqual(['Dept of People']);
    // A literal % matches only itself, not everything.
    expect(names(await ws.get(ws.ws('/clients?q=%25')))).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await ws.get(ws.ws(`/clients?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      const body = res.json() as { items: Item[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((x) => x.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made.map((c) => c.name));
  });

  it('accepts a website as a URL or a bare domain, and nothing else', async () => {
    for (const website of [
      'example.com',
      'www.example.co.uk/',
      'https://example.com/a?b=c',
      'http://localhost:8080',
    ]) {
      const res = await owner.post(owner.ws('/clients'), { name: uniq('W'), kind: 'external', website });
      expect(res.statusCode, website).toBe(201);
      expect(res.json().website).toBe(website);
    }
    for (const website of ['not a website', 'ftp://example.com', 'example', 'javascript:alert(1)']) {
      const res = await owner.post(owner.ws('/clients'), { name: uniq('W'), kind: 'external', website });
      expect(res.statusCode, website).toBe(400);
      expect(res.json().errors[0].path).toBe('website');
    }
  });

  it('names the field at fault in a 400 problem', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'X', kind: 'partner' }, 'kind'],
      [{ name: 'X' }, 'kind'],
      [{ name: '', kind: 'external' }, 'name'],
      [{ name: 'X', kind: 'external', industry: 'i'.repeat(201) }, 'industry'],
    ];
    for (const [body, path] of cases) {
      const res = await owner.post(owner.ws('/clients'), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path).toBe(path);
    }
    expect((await owner.get(owner.ws('/clients?kind=nope'))).json().errors[0].path).toBe('kind');
    expect((await owner.get(owner.ws('/clients/not-an-id'))).statusCode).toBe(400);
  });

  it('lets only admins delete a client', async () => {
    const plain = await t.addMember(owner, 'member');
    const client = (await plain.post(plain.ws('/clients'), { name: uniq('C'), kind: 'external' })).json();
    expect((await plain.delete(plain.ws(`/clients/${client.id}`))).statusCode).toBe(403);
    expect((await plain.get(plain.ws(`/clients/${client.id}`))).statusCode).toBe(200);
    expect((await owner.delete(owner.ws(`/clients/${client.id}`))).statusCode).toBe(204);
  });

  it('keeps clients inside their workspace', async () => {
    const marker = uniq('secret-client');
    const client = (await owner.post(owner.ws('/clients'), { name: marker, kind: 'external' })).json();
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/clients') },
        { method: 'POST', url: owner.ws('/clients'), body: { name: 'x', kind: 'external' } },
        { method: 'GET', url: owner.ws(`/clients/${client.id}`) },
        { method: 'PATCH', url: owner.ws(`/clients/${client.id}`), body: { name: 'x' } },
        { method: 'DELETE', url: owner.ws(`/clients/${client.id}`) },
      ],
      marker,
    );
    expect((await owner.get(owner.ws(`/clients/${client.id}`))).json().name).toBe(marker);
  });
});
