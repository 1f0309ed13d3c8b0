import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { promoteToKnowledge } from './knowledge.promote';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

const article = (over: Record<string, unknown> = {}) => ({
  title: uniq('Working behind the bar'),
  body: '# Why immersion\n\nSpend a **day** in the client’s world. See [the guide](https://example.com).',
  tags: ['Immersion', 'cafés', 'immersion'],
  visibility: 'shared',
  ...over,
});

describe('knowledge library', () => {
  it('creates, reads, updates, lists and deletes an item', async () => {
    const body = article();
    const created = await owner.post(owner.ws('/knowledge'), body);
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      title: body.title,
      body: body.body,
      tags: ['immersion', 'cafés'],
      visibility: 'shared',
      source: null,
      createdBy: { id: owner.user.id },
      updatedBy: { id: owner.user.id },
    });
    expect(item.excerpt).toBe('Why immersion Spend a day in the client’s world. See the guide.');

    const patched = await owner.patch(owner.ws(`/knowledge/${item.id}`), { visibility: 'internal' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ visibility: 'internal', title: body.title });

    const list = (await owner.get(owner.ws(`/knowledge?q=${encodeURIComponent(body.title)}`))).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([item.id]);
    expect(list.items[0]).not.toHaveProperty('body');

    expect((await owner.delete(owner.ws(`/knowledge/${item.id}`))).statusCode).toBe(204);
    expect((await owner.get(owner.ws(`/knowledge/${item.id}`))).statusCode).toBe(404);
  });

  it('filters by tag and visibility, counts tags, and pages newest change first', async () => {
    const ws = await t.signup();
    const a = (
      await ws.post(ws.ws('/knowledge'), article({ tags: ['pricing'], visibility: 'internal' }))
    ).json();
    const b = (await ws.post(ws.ws('/knowledge'), article({ tags: ['pricing', 'cafés'] }))).json();
    const c = (await ws.post(ws.ws('/knowledge'), article({ tags: ['cafés'] }))).json();
    const ids = async (qs: string) =>
      (await ws.get(ws.ws(`/knowledge${qs}`))).json().items.map((x: { id: string }) => x.id);
    expect(await ids('?tag=pricing')).toEqual([b.id, a.id]);
    expect(await ids('?tag=Pricing&visibility=shared')).toEqual([b.id]);
    const tags = (await ws.get(ws.ws('/knowledge/tags'))).json();
    expect(tags.items).toEqual([
      { tag: 'cafés', count: 2 },
      { tag: 'pricing', count: 2 },
    ]);
    const first = (await ws.get(ws.ws('/knowledge?limit=2'))).json();
    expect(first.items.map((x: { id: string }) => x.id)).toEqual([c.id, b.id]);
    const second = (await ws.get(ws.ws(`/knowledge?limit=2&cursor=${first.nextCursor}`))).json();
    expect(second.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('names the field at fault', async () => {
    const noTitle = await owner.post(owner.ws('/knowledge'), article({ title: '' }));
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().errors[0].path).toBe('title');
    const blank = await owner.post(owner.ws('/knowledge'), article({ body: '   ' }));
    expect(blank.json().errors[0].path).toBe('body');
    const vis = await owner.post(owner.ws('/knowledge'), article({ visibility: 'public' }));
    expect(vis.json().errors[0].path).toBe('visibility');
    const tag = await owner.post(owner.ws('/knowledge'), article({ tags: ['a,b'] }));
    expect(tag.json().errors[0].path).toBe('tags.0');
  });

  it('lets the author or an admin delete an item, not another member', async () => {
    const plain = await t.addMember(owner, 'member');
    const mine = (await owner.post(owner.ws('/knowledge'), article())).json();
    expect((await plain.delete(plain.ws(`/knowledge/${mine.id}`))).statusCode).toBe(403);
    // Anyone may improve it.
    expect(
      (await plain.patch(plain.ws(`/knowledge/${mine.id}`), { title: 'Better title' })).json(),
    ).toMatchObject({
      updatedBy: { id: plain.user.id },
      createdBy: { id: owner.user.id },
    });
    const theirs = (await plain.post(plain.ws('/knowledge'), article())).json();
    expect((await plain.delete(plain.ws(`/knowledge/${theirs.id}`))).statusCode).toBe(204);
    expect((await owner.delete(owner.ws(`/knowledge/${mine.id}`))).statusCode).toBe(204);
  });

  it('promotes a learning once: the hook for reflections and experiments', async () => {
    const source = { kind: 'learning' as const, id: '0190a3b2-0000-7000-8000-000000000001' };
    const db = t.database.db;
    const first = await promoteToKnowledge(db, owner.workspaceId, owner.user.id, new Date(), {
      title: 'Clients open up in their own kitchen',
      body: 'Immersion days surfaced three needs nobody had named.',
      tags: ['Immersion'],
      source,
    });
    expect(first.created).toBe(true);
    expect(first.item).toMatchObject({ visibility: 'internal', tags: ['immersion'], source });
    const again = await promoteToKnowledge(db, owner.workspaceId, owner.user.id, new Date(), {
      title: 'Something else',
      body: 'x',
      source,
    });
    expect(again).toMatchObject({ created: false, item: { id: first.item.id } });
    const found = (await owner.get(owner.ws('/search?q=kitchen&kind=knowledge'))).json();
    expect(found.groups[0].hits[0].id).toBe(first.item.id);
  });

  it('keeps the library inside its workspace', async () => {
    const marker = uniq('secret-knowledge');
    const item = (
      await owner.post(owner.ws('/knowledge'), article({ title: marker, tags: [marker.slice(0, 40)] }))
    ).json();
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/knowledge') },
        { method: 'GET', url: owner.ws('/knowledge/tags') },
        { method: 'POST', url: owner.ws('/knowledge'), body: article() },
        { method: 'GET', url: owner.ws(`/knowledge/${item.id}`) },
        { method: 'PATCH', url: owner.ws(`/knowledge/${item.id}`), body: { title: 'x' } },
        { method: 'DELETE', url: owner.ws(`/knowledge/${item.id}`) },
      ],
      marker,
    );
    expect((await owner.get(owner.ws(`/knowledge/${item.id}`))).json().title).toBe(marker);
  });
});
