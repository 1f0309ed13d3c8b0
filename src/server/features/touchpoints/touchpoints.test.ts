import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { allPages, makeRelationship } from '../relationships/relationships.fixtures';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

type Tp = { id: string; summary: string; occurredAt: string; initiatedBy: string; kind: string };

const touch = (over: Record<string, unknown> = {}) => ({
  kind: 'meeting',
  initiatedBy: 'provider',
  occurredAt: '2026-10-01T09:00:00.000Z',
  summary: 'Quarterly coffee tasting',
  visibility: 'internal',
  ...over,
});

async function log(s: Session, relationshipId: string, over: Record<string, unknown> = {}): Promise<Tp> {
  const res = await s.post(s.ws(`/relationships/${relationshipId}/touchpoints`), touch(over));
  if (res.statusCode !== 201) throw new Error(`touchpoint: ${res.statusCode} ${res.body}`);
  return res.json() as Tp;
}

describe('touchpoints', () => {
  it('logs, reads, updates and deletes a touchpoint on the timeline', async () => {
    const rel = await makeRelationship(owner);
    const base = owner.ws(`/relationships/${rel.id}/touchpoints`);
    const created = await owner.post(
      base,
      touch({
        kind: 'immersion',
        initiatedBy: 'client',
        summary: '  A morning behind their bar  ',
        discoveries: 'The grinder is the bottleneck at 8am',
        visibility: 'shared',
      }),
    );
    expect(created.statusCode).toBe(201);
    const tp = created.json();
    expect(tp).toMatchObject({
      relationshipId: rel.id,
      kind: 'immersion',
      initiatedBy: 'client',
      occurredAt: '2026-10-01T09:00:00.000Z',
      summary: 'A morning behind their bar',
      discoveries: 'The grinder is the bottleneck at 8am',
      visibility: 'shared',
      createdBy: { id: owner.user.id, name: owner.user.name },
    });
    expect((await owner.get(`${base}/${tp.id}`)).json()).toEqual(tp);

    const patched = await owner.patch(`${base}/${tp.id}`, { visibility: 'internal', discoveries: '' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ visibility: 'internal', discoveries: null, kind: 'immersion' });

    const relAfter = (await owner.get(owner.ws(`/relationships/${rel.id}`))).json();
    expect(relAfter.lastTouchpointAt).toBe('2026-10-01T09:00:00.000Z');

    expect((await owner.delete(`${base}/${tp.id}`)).statusCode).toBe(204);
    expect((await owner.get(`${base}/${tp.id}`)).statusCode).toBe(404);
    expect((await owner.get(owner.ws(`/relationships/${rel.id}`))).json().lastTouchpointAt).toBeNull();
  });

  it('reads the timeline newest first by when it happened, page by page, each touchpoint once', async () => {
    const rel = await makeRelationship(owner);
    // Logged out of order, and two at the same moment.
    const days = ['2026-05-03', '2026-01-15', '2026-09-30', '2026-05-03', '2026-07-01'];
    for (const [i, day] of days.entries())
      await log(owner, rel.id, { occurredAt: `${day}T12:00:00.000Z`, summary: `#${i}` });
    const items = await allPages<Tp>(owner, owner.ws(`/relationships/${rel.id}/touchpoints`), 2);
    expect(items.map((x) => x.occurredAt.slice(0, 10))).toEqual([
      '2026-09-30',
      '2026-07-01',
      '2026-05-03',
      '2026-05-03',
      '2026-01-15',
    ]);
    expect(new Set(items.map((x) => x.id)).size).toBe(5);
  });

  it('filters the timeline by kind, side and visibility, and counts both sides', async () => {
    const rel = await makeRelationship(owner);
    const a = await log(owner, rel.id, { kind: 'call', initiatedBy: 'client' });
    const b = await log(owner, rel.id, { kind: 'immersion', visibility: 'shared' });
    const c = await log(owner, rel.id, { kind: 'call', occurredAt: '2026-11-01T08:00:00.000Z' });
    const find = async (q: string) =>
      (await owner.get(owner.ws(`/relationships/${rel.id}/touchpoints?${q}`)))
        .json()
        .items.map((x: Tp) => x.id);
    expect(await find('kind=call')).toEqual([c.id, a.id]);
    expect(await find('initiatedBy=client')).toEqual([a.id]);
    expect(await find('visibility=shared')).toEqual([b.id]);
    expect(await find('kind=call&initiatedBy=provider')).toEqual([c.id]);

    const summary = (await owner.get(owner.ws(`/relationships/${rel.id}/touchpoints/summary`))).json();
    expect(summary).toMatchObject({
      total: 3,
      byInitiator: { provider: 2, client: 1 },
      byKind: { call: 2, immersion: 1, meeting: 0 },
      lastAt: '2026-11-01T08:00:00.000Z',
    });
  });

  it('names the field at fault', async () => {
    const rel = await makeRelationship(owner);
    const base = owner.ws(`/relationships/${rel.id}/touchpoints`);
    const cases: [Record<string, unknown>, string][] = [
      [touch({ kind: 'lunch' }), 'kind'],
      [touch({ initiatedBy: 'both' }), 'initiatedBy'],
      [touch({ occurredAt: 'yesterday' }), 'occurredAt'],
      [touch({ summary: '   ' }), 'summary'],
      [touch({ visibility: 'public' }), 'visibility'],
      [touch({ visibility: undefined }), 'visibility'],
    ];
    for (const [body, path] of cases) {
      const res = await owner.post(base, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const tp = await log(owner, rel.id);
    const bad = await owner.patch(`${base}/${tp.id}`, { kind: 'lunch' });
    expect(bad.json().errors[0].path).toBe('kind');
    expect((await owner.get(`${base}?kind=lunch`)).json().errors[0].path).toBe('kind');
    const forged = Buffer.from(JSON.stringify(['Monday', tp.id])).toString('base64url');
    const badCursor = await owner.get(`${base}?cursor=${forged}`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0].path).toBe('cursor');
  });

  it('answers 404 for a touchpoint under another relationship, or an unknown relationship', async () => {
    const a = await makeRelationship(owner);
    const b = await makeRelationship(owner);
    const tp = await log(owner, a.id);
    const wrong = owner.ws(`/relationships/${b.id}/touchpoints/${tp.id}`);
    expect((await owner.get(wrong)).statusCode).toBe(404);
    expect((await owner.patch(wrong, { summary: 'moved?' })).statusCode).toBe(404);
    expect((await owner.delete(wrong)).statusCode).toBe(404);
    expect((await owner.get(owner.ws(`/relationships/${b.id}/touchpoints`))).json().items).toEqual([]);
    expect((await owner.get(owner.ws(`/relationships/${a.id}/touchpoints/${tp.id}`))).json().summary).toBe(
      'Quarterly coffee tasting',
    );

    const unknown = owner.ws('/relationships/0190d5e0-0000-7000-8000-000000000000/touchpoints');
    expect((await owner.get(unknown)).statusCode).toBe(404);
    expect((await owner.post(unknown, touch())).statusCode).toBe(404);
    expect((await owner.get(`${unknown}/summary`)).statusCode).toBe(404);
  });

  it('lets the person who logged a touchpoint, or an admin, delete it', async () => {
    const rel = await makeRelationship(owner);
    const base = owner.ws(`/relationships/${rel.id}/touchpoints`);
    const alice = await t.addMember(owner, 'member');
    const bob = await t.addMember(owner, 'member');
    const admin = await t.addMember(owner, 'admin');
    const byAlice = await log(alice, rel.id);
    expect((await bob.delete(`${base}/${byAlice.id}`)).statusCode).toBe(403);
    // Anyone may correct it, though.
    expect((await bob.patch(`${base}/${byAlice.id}`, { summary: 'Fixed typo' })).statusCode).toBe(200);
    expect((await alice.delete(`${base}/${byAlice.id}`)).statusCode).toBe(204);
    const byBob = await log(bob, rel.id);
    expect((await admin.delete(`${base}/${byBob.id}`)).statusCode).toBe(204);
  });

  it('keeps touchpoints inside their workspace', async () => {
    const marker = uniq('secret-discovery');
    const rel = await makeRelationship(owner);
    const tp = await log(owner, rel.id, { summary: marker, discoveries: marker });
    const base = owner.ws(`/relationships/${rel.id}/touchpoints`);
    await expectIsolated(
      t,
      [
        { method: 'GET', url: base },
        { method: 'GET', url: `${base}/summary` },
        { method: 'POST', url: base, body: touch() },
        { method: 'GET', url: `${base}/${tp.id}` },
        { method: 'PATCH', url: `${base}/${tp.id}`, body: { summary: 'x' } },
        { method: 'DELETE', url: `${base}/${tp.id}` },
      ],
      marker,
    );
    expect((await owner.get(`${base}/${tp.id}`)).json().summary).toBe(marker);
  });
});
