import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

describe('teams', () => {
  it('creates, reads, updates, lists and deletes a team', async () => {
    const name = uniq('Strategy');
    const created = await owner.post(owner.ws('/teams'), { name, description: 'Brand and strategy' });
    expect(created.statusCode).toBe(201);
    const team = created.json();
    expect(team).toMatchObject({ name, description: 'Brand and strategy' });

    const got = await owner.get(owner.ws(`/teams/${team.id}`));
    expect(got.json().name).toBe(name);

    const patched = await owner.patch(owner.ws(`/teams/${team.id}`), { name: `${name} 2` });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().name).toBe(`${name} 2`);
    expect(patched.json().description).toBe('Brand and strategy');

    const list = await owner.get(owner.ws(`/teams?q=${encodeURIComponent(name)}`));
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([team.id]);

    expect((await owner.delete(owner.ws(`/teams/${team.id}`))).statusCode).toBe(204);
    expect((await owner.get(owner.ws(`/teams/${team.id}`))).statusCode).toBe(404);
  });

  it('pages through teams with a cursor, each team once', async () => {
    const ws = await t.signup();
    const names = Array.from({ length: 7 }, (_, i) => `Team ${String.fromCharCode(65 + i)}`);
    for (const name of names) await ws.post(ws.ws('/teams'), { name });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await ws.get(ws.ws(`/teams?limit=3${cursor ? `&cursor=${cursor}` : ''}`));
      const body = res.json() as { items: { name: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((x) => x.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names);
  });

  it('names the field at fault in a 400 problem', async () => {
    const res = await owner.post(owner.ws('/teams'), { name: '' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].path).toBe('name');
    const badCursor = await owner.get(owner.ws('/teams?cursor=garbage'));
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0].path).toBe('cursor');
    const badLimit = await owner.get(owner.ws('/teams?limit=500'));
    expect(badLimit.json().errors[0].path).toBe('limit');
  });

  it('lets only admins delete a team', async () => {
    const plain = await t.addMember(owner, 'member');
    const team = (await owner.post(owner.ws('/teams'), { name: uniq('Team') })).json();
    expect((await plain.delete(plain.ws(`/teams/${team.id}`))).statusCode).toBe(403);
    expect((await plain.get(plain.ws(`/teams/${team.id}`))).statusCode).toBe(200);
  });

  it('keeps teams inside their workspace', async () => {
    const marker = uniq('secret-team');
    const team = (await owner.post(owner.ws('/teams'), { name: marker })).json();
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/teams') },
        { method: 'POST', url: owner.ws('/teams'), body: { name: 'x' } },
        { method: 'GET', url: owner.ws(`/teams/${team.id}`) },
        { method: 'PATCH', url: owner.ws(`/teams/${team.id}`), body: { name: 'x' } },
        { method: 'DELETE', url: owner.ws(`/teams/${team.id}`) },
      ],
      marker,
    );
    expect((await owner.get(owner.ws(`/teams/${team.id}`))).json().name).toBe(marker);
  });
});
