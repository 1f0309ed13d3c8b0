import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { makeRelationship, makeTeam } from '../relationships/relationships.fixtures';

let t: TestApp;
let owner: Session;
const clock = { now: new Date('2026-05-04T09:00:00Z') };
beforeAll(async () => {
  t = await createTestApp({}, () => clock.now);
  owner = await t.signup();
});
afterAll(() => t.close());

async function plan(s: Session, body: Record<string, unknown> = {}) {
  const rel = body.relationshipId ? null : await makeRelationship(s);
  const res = await s.post(s.ws('/experiments'), {
    relationshipId: rel?.id,
    teamId: rel?.teamId,
    title: uniq('Reorder tool pilot'),
    hypothesis: 'If baristas reorder from the bar, deliveries stop running short.',
    protectedHours: 40,
    safety: 'No billing targets for the pilot hours',
    commitment: 'Hanna sponsors it; two baristas join weekly',
    startsOn: '2026-05-01',
    endsOn: '2026-06-30',
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as {
    id: string;
    relationshipId: string;
    teamId: string;
    status: string;
    usedHours: number;
  };
}

describe('experiments', () => {
  it('plans an experiment on a relationship with protected hours', async () => {
    const e = await plan(owner);
    const got = (await owner.get(owner.ws(`/experiments/${e.id}`))).json();
    expect(got).toMatchObject({
      status: 'planned',
      protectedHours: 40,
      usedHours: 0,
      safety: 'No billing targets for the pilot hours',
      startedAt: null,
      endedAt: null,
      createdBy: { id: owner.user.id },
    });
    expect(got.relationship.clientName).toMatch(/^Client-/);
    expect(got.team.name).toMatch(/^Team-/);
  });

  it('counts partnership and learning time on its relationship, for its team, between its dates', async () => {
    const e = await plan(owner);
    const log = (body: Record<string, unknown>) =>
      owner.post(owner.ws('/time-entries'), { relationshipId: e.relationshipId, ...body }).then((r) => {
        expect(r.statusCode, r.body).toBe(201);
      });
    await log({ date: '2026-05-01', hours: 3, kind: 'partnership' });
    await log({ date: '2026-06-30', hours: 1.5, kind: 'learning' });
    // None of these count: billable, before the start, after the end, another team's hours.
    await log({ date: '2026-05-10', hours: 8, kind: 'billable' });
    await log({ date: '2026-04-30', hours: 2, kind: 'partnership' });
    await log({ date: '2026-07-01', hours: 2, kind: 'partnership' });
    const other = await makeTeam(owner);
    await log({ date: '2026-05-10', hours: 5, kind: 'partnership', teamId: other.id });
    // Nor time on another relationship.
    await owner.post(owner.ws('/time-entries'), { date: '2026-05-10', hours: 5, kind: 'partnership' });

    expect((await owner.get(owner.ws(`/experiments/${e.id}`))).json().usedHours).toBe(4.5);
    const listed = (await owner.get(owner.ws(`/experiments?relationshipId=${e.relationshipId}`))).json();
    expect(listed.items.map((x: { usedHours: number }) => x.usedHours)).toEqual([4.5]);
  });

  it('moves planned → running → concluded, recording when, and asks for learnings to conclude', async () => {
    const e = await plan(owner);
    clock.now = new Date('2026-05-05T10:00:00Z');
    const running = await owner.patch(owner.ws(`/experiments/${e.id}`), { status: 'running' });
    expect(running.json()).toMatchObject({
      status: 'running',
      startedAt: '2026-05-05T10:00:00.000Z',
      endedAt: null,
    });

    const noLearnings = await owner.patch(owner.ws(`/experiments/${e.id}`), { status: 'concluded' });
    expect(noLearnings.statusCode).toBe(400);
    expect(noLearnings.json().errors[0].path).toBe('learningsOutward');

    clock.now = new Date('2026-06-30T16:00:00Z');
    const concluded = await owner.patch(owner.ws(`/experiments/${e.id}`), {
      status: 'concluded',
      learningsOutward: 'Cafés reorder twice as often when it takes one tap.',
      learningsInward: 'We need a designer at the bar, not in the studio.',
    });
    expect(concluded.json()).toMatchObject({
      status: 'concluded',
      endedAt: '2026-06-30T16:00:00.000Z',
      learningsInward: 'We need a designer at the bar, not in the studio.',
    });
    const back = await owner.patch(owner.ws(`/experiments/${e.id}`), { status: 'running' });
    expect(back.statusCode).toBe(409);
    expect(back.json().errors).toEqual([
      { path: 'status', message: 'the experiment is concluded; that is final' },
    ]);
  });

  it('refuses to skip running, allows stopping a planned or running one', async () => {
    const a = await plan(owner);
    const skip = await owner.patch(owner.ws(`/experiments/${a.id}`), {
      status: 'concluded',
      learningsInward: 'x',
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().errors[0].path).toBe('status');
    expect((await owner.patch(owner.ws(`/experiments/${a.id}`), { status: 'stopped' })).json().status).toBe(
      'stopped',
    );
    const b = await plan(owner);
    await owner.patch(owner.ws(`/experiments/${b.id}`), { status: 'running' });
    expect((await owner.patch(owner.ws(`/experiments/${b.id}`), { status: 'stopped' })).json().status).toBe(
      'stopped',
    );
  });

  it('lists by status and team, latest start first', async () => {
    const ws = await t.signup();
    const rel = await makeRelationship(ws);
    const early = await plan(ws, {
      relationshipId: rel.id,
      teamId: rel.teamId,
      startsOn: '2026-01-01',
      endsOn: '2026-02-01',
    });
    const late = await plan(ws, {
      relationshipId: rel.id,
      teamId: rel.teamId,
      startsOn: '2026-03-01',
      endsOn: '2026-04-01',
    });
    await ws.patch(ws.ws(`/experiments/${late.id}`), { status: 'running' });
    const all = (await ws.get(ws.ws('/experiments'))).json();
    expect(all.items.map((x: { id: string }) => x.id)).toEqual([late.id, early.id]);
    const running = (await ws.get(ws.ws(`/experiments?status=running&teamId=${rel.teamId}`))).json();
    expect(running.items.map((x: { id: string }) => x.id)).toEqual([late.id]);
  });

  it('names the field at fault', async () => {
    const rel = await makeRelationship(owner);
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await owner.post(owner.ws('/experiments'), {
        relationshipId: rel.id,
        teamId: rel.teamId,
        title: 'x',
        hypothesis: 'y',
        protectedHours: 10,
        startsOn: '2026-01-01',
        endsOn: '2026-02-01',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    };
    await bad({ endsOn: '2025-12-31' }, 'endsOn');
    await bad({ protectedHours: 0 }, 'protectedHours');
    await bad({ hypothesis: ' ' }, 'hypothesis');
    await bad({ relationshipId: '00000000-0000-4000-8000-000000000000' }, 'relationshipId');
    await bad({ teamId: '00000000-0000-4000-8000-000000000000' }, 'teamId');
    const e = await plan(owner);
    const status = await owner.patch(owner.ws(`/experiments/${e.id}`), { status: 'paused' });
    expect(status.json().errors[0].path).toBe('status');
  });

  it('lets only admins delete an experiment', async () => {
    const plain = await t.addMember(owner, 'member');
    const e = await plan(owner);
    expect((await plain.delete(plain.ws(`/experiments/${e.id}`))).statusCode).toBe(403);
    expect((await owner.delete(owner.ws(`/experiments/${e.id}`))).statusCode).toBe(204);
    expect((await owner.get(owner.ws(`/experiments/${e.id}`))).statusCode).toBe(404);
  });

  it('keeps experiments inside their workspace', async () => {
    const marker = uniq('secret-hypothesis');
    const e = await plan(owner, { hypothesis: marker });
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/experiments') },
        {
          method: 'POST',
          url: owner.ws('/experiments'),
          body: {
            relationshipId: e.relationshipId,
            teamId: e.teamId,
            title: 'x',
            hypothesis: 'x',
            protectedHours: 1,
            startsOn: '2026-01-01',
            endsOn: '2026-01-02',
          },
        },
        { method: 'GET', url: owner.ws(`/experiments/${e.id}`) },
        { method: 'PATCH', url: owner.ws(`/experiments/${e.id}`), body: { status: 'running' } },
        { method: 'DELETE', url: owner.ws(`/experiments/${e.id}`) },
      ],
      marker,
    );
    expect((await owner.get(owner.ws(`/experiments/${e.id}`))).json()).toMatchObject({
      hypothesis: marker,
      status: 'planned',
    });
  });
});
