import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';

let t: TestApp;
let owner: Session;
let teamId: string;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
  teamId = (await owner.post(owner.ws('/teams'), { name: uniq('Studio') })).json().id;
});
afterAll(() => t.close());

type Item = { id: string; name: string };
const names = (res: { json(): unknown }) => (res.json() as { items: Item[] }).items.map((x) => x.name);

describe('services', () => {
  it('creates, reads, updates, lists and deletes a service, naming its team', async () => {
    const name = uniq('Brand strategy');
    const created = await owner.post(owner.ws('/services'), {
      name,
      kind: 'external',
      teamId,
      description: 'Positioning for paying clients',
    });
    expect(created.statusCode).toBe(201);
    const service = created.json();
    const team = (await owner.get(owner.ws(`/teams/${teamId}`))).json();
    expect(service).toMatchObject({
      name,
      kind: 'external',
      teamId,
      team: { id: teamId, name: team.name },
      description: 'Positioning for paying clients',
    });

    const got = await owner.get(owner.ws(`/services/${service.id}`));
    expect(got.json()).toMatchObject({ name, team: { name: team.name } });

    const patched = await owner.patch(owner.ws(`/services/${service.id}`), { kind: 'internal' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name,
      kind: 'internal',
      description: 'Positioning for paying clients',
    });

    const list = await owner.get(owner.ws(`/services?q=${encodeURIComponent(name)}`));
    expect(list.json().items.map((x: Item) => x.id)).toEqual([service.id]);
    expect(list.json().items[0].team.name).toBe(team.name);

    expect((await owner.delete(owner.ws(`/services/${service.id}`))).statusCode).toBe(204);
    expect((await owner.get(owner.ws(`/services/${service.id}`))).statusCode).toBe(404);
    expect((await owner.delete(owner.ws(`/services/${service.id}`))).statusCode).toBe(404);
  });

  it('moves a service to another team', async () => {
    const other = (await owner.post(owner.ws('/teams'), { name: uniq('People team') })).json();
    const service = (
      await owner.post(owner.ws('/services'), { name: uniq('Onboarding'), kind: 'internal', teamId })
    ).json();
    const moved = await owner.patch(owner.ws(`/services/${service.id}`), { teamId: other.id });
    expect(moved.json()).toMatchObject({ teamId: other.id, team: { id: other.id, name: other.name } });
  });

  it('filters by team and kind, and pages by name, each service once', async () => {
    const ws = await t.signup();
    const a = (await ws.post(ws.ws('/teams'), { name: 'Leadership' })).json().id;
    const b = (await ws.post(ws.ws('/teams'), { name: 'Roastery' })).json().id;
    const made = [
      { name: 'Coaching', kind: 'internal', teamId: a },
      { name: 'Direction', kind: 'internal', teamId: a },
      { name: 'Barista training', kind: 'external', teamId: b },
      { name: 'Espresso blends', kind: 'external', teamId: b },
      { name: 'Budget planning', kind: 'internal', teamId: b },
    ];
    for (const s of made) expect((await ws.post(ws.ws('/services'), s)).statusCode).toBe(201);

    expect(names(await ws.get(ws.ws(`/services?teamId=${a}`)))).toEqual(['Coaching', 'Direction']);
    expect(names(await ws.get(ws.ws('/services?kind=external')))).toEqual([
      'Barista training',
      'Espresso blends',
    ]);
    expect(names(await ws.get(ws.ws(`/services?teamId=${b}&kind=internal`)))).toEqual(['Budget planning']);
    expect(names(await ws.get(ws.ws('/services?q=ES')))).toEqual(['Espresso blends']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await ws.get(ws.ws(`/services?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      const body = res.json() as { items: Item[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((x) => x.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made.map((s) => s.name).sort());
  });

  it('names the field at fault in a 400 problem', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'X', kind: 'freelance', teamId }, 'kind'],
      [{ name: '', kind: 'external', teamId }, 'name'],
      [{ name: '   ', kind: 'external', teamId }, 'name'],
      [{ name: 'X', kind: 'external' }, 'teamId'],
      [{ name: 'X', kind: 'external', teamId: 'not-an-id' }, 'teamId'],
    ];
    for (const [body, path] of cases) {
      const res = await owner.post(owner.ws('/services'), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await owner.get(owner.ws('/services?kind=both'))).json().errors[0].path).toBe('kind');
    expect((await owner.get(owner.ws('/services?teamId=nope'))).json().errors[0].path).toBe('teamId');
  });

  it('rejects a team that is not in this workspace with a 400 on teamId, not a 500', async () => {
    const elsewhere = await t.signup();
    const foreignTeam = (await elsewhere.post(elsewhere.ws('/teams'), { name: uniq('Theirs') })).json().id;
    for (const unknown of [foreignTeam, '01900000-0000-7000-8000-000000000000']) {
      const res = await owner.post(owner.ws('/services'), { name: 'X', kind: 'external', teamId: unknown });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('teamId');
    }
    const service = (
      await owner.post(owner.ws('/services'), { name: uniq('S'), kind: 'external', teamId })
    ).json();
    const res = await owner.patch(owner.ws(`/services/${service.id}`), { teamId: foreignTeam });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('teamId');
    expect((await owner.get(owner.ws(`/services/${service.id}`))).json().teamId).toBe(teamId);
  });

  it('lets only admins delete a service', async () => {
    const plain = await t.addMember(owner, 'member');
    const service = (
      await plain.post(plain.ws('/services'), { name: uniq('S'), kind: 'internal', teamId })
    ).json();
    expect((await plain.patch(plain.ws(`/services/${service.id}`), { description: 'ok' })).statusCode).toBe(
      200,
    );
    expect((await plain.delete(plain.ws(`/services/${service.id}`))).statusCode).toBe(403);
    expect((await plain.get(plain.ws(`/services/${service.id}`))).statusCode).toBe(200);
    const admin = await t.addMember(owner, 'admin');
    expect((await admin.delete(admin.ws(`/services/${service.id}`))).statusCode).toBe(204);
  });

  it('goes when its team is deleted', async () => {
    const team = (await owner.post(owner.ws('/teams'), { name: uniq('Short-lived') })).json();
    const service = (
      await owner.post(owner.ws('/services'), { name: uniq('S'), kind: 'external', teamId: team.id })
    ).json();
    expect((await owner.delete(owner.ws(`/teams/${team.id}`))).statusCode).toBe(204);
    expect((await owner.get(owner.ws(`/services/${service.id}`))).statusCode).toBe(404);
  });

  it('keeps services inside their workspace', async () => {
    const marker = uniq('secret-service');
    const service = (
      await owner.post(owner.ws('/services'), { name: marker, kind: 'external', teamId })
    ).json();
    const body = { name: 'x', kind: 'external', teamId };
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/services') },
        { method: 'GET', url: owner.ws(`/services?teamId=${teamId}`) },
        { method: 'POST', url: owner.ws('/services'), body },
        { method: 'GET', url: owner.ws(`/services/${service.id}`) },
        { method: 'PATCH', url: owner.ws(`/services/${service.id}`), body: { name: 'x' } },
        { method: 'DELETE', url: owner.ws(`/services/${service.id}`) },
      ],
      marker,
    );
    expect((await owner.get(owner.ws(`/services/${service.id}`))).json().name).toBe(marker);
  });
});
