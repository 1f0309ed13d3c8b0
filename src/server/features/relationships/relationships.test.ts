import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import {
  allPages,
  makeClient,
  makeRelationship,
  makeService,
  makeTeam,
  type RelationshipBody,
} from './relationships.fixtures';

// A clock that starts on 1 March 2026 and ticks one second per call, so dates are known and
// every write has its own updatedAt.
let clock = Date.parse('2026-03-01T10:00:00.000Z');
const now = () => {
  clock += 1000;
  return new Date(clock);
};

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp({}, now);
  owner = await t.signup();
});
afterAll(() => t.close());

const ids = (items: { id: string }[]) => items.map((x) => x.id);

describe('relationships', () => {
  it('creates a relationship with defaults, reads, updates and deletes it', async () => {
    const team = await makeTeam(owner);
    const client = await makeClient(owner, uniq('Café Mokka'));
    const [s1, s2] = [await makeService(owner, team.id), await makeService(owner, team.id)];
    const res = await owner.post(owner.ws('/relationships'), {
      clientId: client.id,
      teamId: team.id,
      serviceIds: [s1.id],
      ownerId: owner.user.id,
      cadenceDays: 30,
      ambition: 'Better coffee, together',
    });
    expect(res.statusCode).toBe(201);
    const rel = res.json();
    expect(rel).toMatchObject({
      clientId: client.id,
      teamId: team.id,
      client: { id: client.id, name: client.name, kind: 'external' },
      team: { id: team.id, name: team.name },
      services: [{ id: s1.id, name: s1.name, kind: 'external' }],
      serviceIds: [s1.id],
      owner: { id: owner.user.id, name: owner.user.name },
      cadenceDays: 30,
      ambition: 'Better coffee, together',
      stage: 'transactional',
      pyramidLevel: 'expectations',
      status: 'active',
      nextCheckInDue: '2026-03-31',
      lastCheckInAt: null,
      lastTouchpointAt: null,
      health: { score: null },
    });

    expect((await owner.get(owner.ws(`/relationships/${rel.id}`))).json()).toEqual(rel);

    const patched = await owner.patch(owner.ws(`/relationships/${rel.id}`), {
      cadenceDays: 14,
      ambition: 'Co-create the seasonal menu',
      serviceIds: [s2.id],
      ownerId: null,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      cadenceDays: 14,
      nextCheckInDue: '2026-03-15',
      ambition: 'Co-create the seasonal menu',
      serviceIds: [s2.id],
      owner: null,
      stage: 'transactional',
    });

    const paused = (await owner.patch(owner.ws(`/relationships/${rel.id}`), { status: 'paused' })).json();
    expect(paused).toMatchObject({ status: 'paused', nextCheckInDue: null });
    const resumed = (await owner.patch(owner.ws(`/relationships/${rel.id}`), { status: 'active' })).json();
    expect(resumed.nextCheckInDue).toBe('2026-03-15');

    expect((await owner.delete(owner.ws(`/relationships/${rel.id}`))).statusCode).toBe(204);
    expect((await owner.get(owner.ws(`/relationships/${rel.id}`))).statusCode).toBe(404);
    expect((await owner.delete(owner.ws(`/relationships/${rel.id}`))).statusCode).toBe(404);
  });

  it('names the field at fault for bad or unknown references', async () => {
    const team = await makeTeam(owner);
    const client = await makeClient(owner);
    const otherTeam = await makeTeam(owner);
    const foreignService = await makeService(owner, otherTeam.id);
    const stranger = await t.signup();
    const unknown = '0190d5e0-0000-7000-8000-000000000000';
    const base = { clientId: client.id, teamId: team.id, cadenceDays: 30 };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, clientId: unknown }, 'clientId'],
      [{ ...base, clientId: 'not-an-id' }, 'clientId'],
      [{ ...base, teamId: unknown }, 'teamId'],
      [{ ...base, serviceIds: [unknown] }, 'serviceIds'],
      [{ ...base, serviceIds: [foreignService.id] }, 'serviceIds'],
      [{ ...base, ownerId: stranger.user.id }, 'ownerId'],
      [{ ...base, cadenceDays: 6 }, 'cadenceDays'],
      [{ ...base, cadenceDays: 366 }, 'cadenceDays'],
      [{ ...base, cadenceDays: 10.5 }, 'cadenceDays'],
      [{ clientId: client.id, teamId: team.id }, 'cadenceDays'],
      [{ ...base, stage: 'friends' }, 'stage'],
      [{ ...base, pyramidLevel: 'top' }, 'pyramidLevel'],
    ];
    for (const [body, path] of cases) {
      const res = await owner.post(owner.ws('/relationships'), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    // A team serves a client once.
    await makeRelationship(owner, base);
    const dup = await owner.post(owner.ws('/relationships'), base);
    expect(dup.statusCode).toBe(409);

    const rel = await makeRelationship(owner);
    for (const [body, path] of [
      [{ ownerId: stranger.user.id }, 'ownerId'],
      [{ serviceIds: [foreignService.id] }, 'serviceIds'],
      [{ status: 'closed' }, 'status'],
      [{ cadenceDays: 0 }, 'cadenceDays'],
    ] as const) {
      const res = await owner.patch(owner.ws(`/relationships/${rel.id}`), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    // A cursor from one sort does not fit another.
    const clientCursor = (await owner.get(owner.ws('/relationships?limit=1'))).json().nextCursor;
    expect(clientCursor).toBeTruthy();
    const forged = Buffer.from(JSON.stringify(['x', 'not-an-id'])).toString('base64url');
    for (const [query, path] of [
      [`sort=updated&cursor=${clientCursor}`, 'cursor'],
      [`sort=nextCheckInDue&cursor=${clientCursor}`, 'cursor'],
      [`sort=stage&cursor=${clientCursor}`, 'cursor'],
      [`cursor=${forged}`, 'cursor'],
      ['sort=health', 'sort'],
      ['order=up', 'order'],
      ['stage=friends', 'stage'],
      ['cursor=garbage', 'cursor'],
      ['limit=201', 'limit'],
    ]) {
      const res = await owner.get(owner.ws(`/relationships?${query}`));
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
  });

  it('starts the history when the relationship starts, and records every stage change', async () => {
    const rel = await makeRelationship(owner, { stage: 'advisory' });
    const url = owner.ws(`/relationships/${rel.id}/assessments`);
    const start = (await owner.get(url)).json();
    expect(start.items).toHaveLength(1);
    expect(start.items[0]).toMatchObject({
      stage: 'advisory',
      pyramidLevel: 'expectations',
      previousStage: null,
      note: 'Relationship started',
      assessedBy: { id: owner.user.id, name: owner.user.name },
    });

    const recorded = await owner.post(url, {
      stage: 'partnership',
      pyramidLevel: 'desires',
      note: '  They asked us into their planning days  ',
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({
      relationshipId: rel.id,
      stage: 'partnership',
      pyramidLevel: 'desires',
      previousStage: 'advisory',
      previousPyramidLevel: 'expectations',
      note: 'They asked us into their planning days',
      assessedBy: { id: owner.user.id },
    });
    const after = (await owner.get(owner.ws(`/relationships/${rel.id}`))).json();
    expect(after).toMatchObject({ stage: 'partnership', pyramidLevel: 'desires' });

    // Through PATCH, a change of stage is kept in the history as well.
    await owner.patch(owner.ws(`/relationships/${rel.id}`), { stage: 'co_creation', note: 'Joint product' });
    // …and a PATCH that does not change stage or level adds nothing.
    await owner.patch(owner.ws(`/relationships/${rel.id}`), { stage: 'co_creation', cadenceDays: 60 });

    const history = await allPages<{ id: string; stage: string; previousStage: string | null; note: string }>(
      owner,
      url,
      1,
    );
    expect(history.map((h) => [h.previousStage, h.stage, h.note])).toEqual([
      ['partnership', 'co_creation', 'Joint product'],
      ['advisory', 'partnership', 'They asked us into their planning days'],
      [null, 'advisory', 'Relationship started'],
    ]);
  });

  it('requires a reason for an assessment and a known relationship', async () => {
    const rel = await makeRelationship(owner);
    const url = owner.ws(`/relationships/${rel.id}/assessments`);
    for (const [body, path] of [
      [{ stage: 'advisory', pyramidLevel: 'desires', note: '   ' }, 'note'],
      [{ stage: 'advisory', pyramidLevel: 'desires' }, 'note'],
      [{ stage: 'best', pyramidLevel: 'desires', note: 'x' }, 'stage'],
      [{ stage: 'advisory', pyramidLevel: 'peak', note: 'x' }, 'pyramidLevel'],
    ] as const) {
      const res = await owner.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    expect((await owner.get(owner.ws(`/relationships/${rel.id}`))).json().stage).toBe('transactional');
    const forged = Buffer.from(JSON.stringify(['yesterday', rel.id])).toString('base64url');
    expect((await owner.get(`${url}?cursor=${forged}`)).json().errors[0].path).toBe('cursor');
    const unknown = owner.ws('/relationships/0190d5e0-0000-7000-8000-000000000000/assessments');
    expect((await owner.get(unknown)).statusCode).toBe(404);
    expect(
      (await owner.post(unknown, { stage: 'advisory', pyramidLevel: 'desires', note: 'x' })).statusCode,
    ).toBe(404);
  });

  it('filters by stage, level, team, client, client kind, status, owner and client name', async () => {
    const ws = await t.signup();
    const teamA = await makeTeam(ws, 'Roastery');
    const teamB = await makeTeam(ws, 'People');
    const cafe = await makeClient(ws, 'Café Mokka');
    const bakery = await makeClient(ws, 'Bakery Brot');
    const finance = await makeClient(ws, 'Finance department', 'internal');
    const r1 = await makeRelationship(ws, { teamId: teamA.id, clientId: cafe.id, ownerId: ws.user.id });
    const r2 = await makeRelationship(ws, {
      teamId: teamA.id,
      clientId: bakery.id,
      stage: 'partnership',
      pyramidLevel: 'desires',
    });
    const r3 = await makeRelationship(ws, { teamId: teamB.id, clientId: finance.id, stage: 'partnership' });
    await ws.patch(ws.ws(`/relationships/${r3.id}`), { status: 'paused' });

    const find = async (query: string) =>
      ids((await ws.get(ws.ws(`/relationships?${query}`))).json().items).sort();
    expect(await find('')).toEqual([r1.id, r2.id, r3.id].sort());
    expect(await find('stage=partnership')).toEqual([r2.id, r3.id].sort());
    expect(await find('pyramidLevel=desires')).toEqual([r2.id]);
    expect(await find(`teamId=${teamA.id}`)).toEqual([r1.id, r2.id].sort());
    expect(await find(`clientId=${cafe.id}`)).toEqual([r1.id]);
    expect(await find('clientKind=internal')).toEqual([r3.id]);
    expect(await find('clientKind=external')).toEqual([r1.id, r2.id].sort());
    expect(await find('status=paused')).toEqual([r3.id]);
    expect(await find('status=active&stage=partnership')).toEqual([r2.id]);
    expect(await find(`ownerId=${ws.user.id}`)).toEqual([r1.id]);
    expect(await find('q=mokka')).toEqual([r1.id]);
    expect(await find('q=%25')).toEqual([]);
  });

  it('sorts by client, stage, next check-in and last update, paging across pages with each row once', async () => {
    const ws = await t.signup();
    const team = await makeTeam(ws);
    const made: RelationshipBody[] = [];
    const specs = [
      { name: 'Delta', stage: 'partnership', cadenceDays: 60 },
      { name: 'Alpha', stage: 'co_creation', cadenceDays: 7 },
      { name: 'Charlie', stage: 'transactional', cadenceDays: 30 },
      { name: 'Bravo', stage: 'advisory', cadenceDays: 90 },
      { name: 'Echo', stage: 'transactional', cadenceDays: 14 },
    ];
    for (const s of specs) {
      const client = await makeClient(ws, s.name);
      made.push(
        await makeRelationship(ws, {
          teamId: team.id,
          clientId: client.id,
          stage: s.stage,
          cadenceDays: s.cadenceDays,
        }),
      );
    }
    // Paused: no due date, so it comes after every dated one.
    await ws.patch(ws.ws(`/relationships/${made[1]!.id}`), { status: 'paused' });
    // Touched last, so it leads "recently updated".
    await ws.patch(ws.ws(`/relationships/${made[3]!.id}`), { ambition: 'More together' });

    type Item = RelationshipBody & { updatedAt: string };
    const names = async (query: string) =>
      (await allPages<Item>(ws, ws.ws(`/relationships?${query}`), 2)).map((r) => r.client.name);
    const byName = made.map((r) => r.client.name).sort();
    expect(await names('sort=client')).toEqual(byName);
    expect(await names('sort=client&order=desc')).toEqual([...byName].reverse());
    expect(await names('sort=stage')).toEqual(['Charlie', 'Echo', 'Bravo', 'Delta', 'Alpha']);
    expect(await names('sort=stage&order=desc')).toEqual(['Alpha', 'Delta', 'Bravo', 'Echo', 'Charlie']);
    expect(await names('sort=nextCheckInDue')).toEqual(['Echo', 'Charlie', 'Delta', 'Bravo', 'Alpha']);
    expect(await names('sort=nextCheckInDue&order=desc')).toEqual([
      'Alpha',
      'Bravo',
      'Delta',
      'Charlie',
      'Echo',
    ]);
    expect(await names('sort=updated')).toEqual(['Bravo', 'Alpha', 'Echo', 'Charlie', 'Delta']);
    expect(await names('sort=updated&order=asc')).toEqual(['Delta', 'Charlie', 'Echo', 'Alpha', 'Bravo']);
    // Filters and paging together.
    expect(await names('sort=stage&stage=transactional')).toEqual(['Charlie', 'Echo']);
  });

  it('lets only admins delete a relationship', async () => {
    const plain = await t.addMember(owner, 'member');
    const rel = await makeRelationship(owner);
    expect((await plain.delete(plain.ws(`/relationships/${rel.id}`))).statusCode).toBe(403);
    expect((await plain.get(plain.ws(`/relationships/${rel.id}`))).statusCode).toBe(200);
    // A member may still work with it: change the cadence and make them the owner.
    const patched = await plain.patch(plain.ws(`/relationships/${rel.id}`), {
      ownerId: plain.user.id,
      cadenceDays: 21,
    });
    expect(patched.json()).toMatchObject({ owner: { id: plain.user.id }, cadenceDays: 21 });
  });

  it('keeps relationships and their history inside their workspace', async () => {
    const marker = uniq('secret-client');
    const client = await makeClient(owner, marker);
    const rel = await makeRelationship(owner, { clientId: client.id, ambition: marker });
    const assess = { stage: 'advisory', pyramidLevel: 'desires', note: 'x' };
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/relationships') },
        {
          method: 'POST',
          url: owner.ws('/relationships'),
          body: { clientId: client.id, teamId: rel.teamId, cadenceDays: 30 },
        },
        { method: 'GET', url: owner.ws(`/relationships/${rel.id}`) },
        { method: 'PATCH', url: owner.ws(`/relationships/${rel.id}`), body: { cadenceDays: 7 } },
        { method: 'GET', url: owner.ws(`/relationships/${rel.id}/assessments`) },
        { method: 'POST', url: owner.ws(`/relationships/${rel.id}/assessments`), body: assess },
        { method: 'DELETE', url: owner.ws(`/relationships/${rel.id}`) },
      ],
      marker,
    );
    const after = (await owner.get(owner.ws(`/relationships/${rel.id}`))).json();
    expect(after).toMatchObject({ ambition: marker, cadenceDays: 30, stage: 'transactional' });
  });
});
