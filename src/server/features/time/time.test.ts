import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { makeRelationship, makeTeam } from '../relationships/relationships.fixtures';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

type Entry = {
  id: string;
  hours: number;
  kind: string;
  teamId: string | null;
  memberId: string;
  date: string;
};

describe('time entries', () => {
  it('logs time for the caller, on a relationship, with its team, and reads it back', async () => {
    const rel = await makeRelationship(owner);
    const res = await owner.post(owner.ws('/time-entries'), {
      relationshipId: rel.id,
      date: '2026-03-02',
      hours: 1.75,
      kind: 'partnership',
      note: 'Morning at the roastery',
    });
    expect(res.statusCode).toBe(201);
    const entry = res.json();
    expect(entry).toMatchObject({
      memberId: owner.user.id,
      member: { id: owner.user.id, name: owner.user.name },
      relationshipId: rel.id,
      relationship: { clientName: rel.client.name },
      teamId: rel.teamId,
      hours: 1.75,
      kind: 'partnership',
      date: '2026-03-02',
    });
    expect((await owner.get(owner.ws(`/time-entries/${entry.id}`))).json().note).toBe(
      'Morning at the roastery',
    );

    const patched = await owner.patch(owner.ws(`/time-entries/${entry.id}`), { hours: 2, kind: 'learning' });
    expect(patched.json()).toMatchObject({ hours: 2, kind: 'learning', teamId: rel.teamId });
    expect((await owner.delete(owner.ws(`/time-entries/${entry.id}`))).statusCode).toBe(204);
    expect((await owner.get(owner.ws(`/time-entries/${entry.id}`))).statusCode).toBe(404);
  });

  it('filters by member, team, relationship, kind and days, newest first, and pages', async () => {
    const ws = await t.signup();
    const colleague = await t.addMember(ws, 'member');
    const rel = await makeRelationship(ws);
    const other = await makeTeam(ws);
    const log = (s: Session, body: Record<string, unknown>) =>
      s.post(s.ws('/time-entries'), body).then((r) => {
        if (r.statusCode !== 201) throw new Error(r.body);
        return r.json() as Entry;
      });
    await log(ws, { relationshipId: rel.id, date: '2026-01-05', hours: 3, kind: 'billable' });
    await log(ws, { relationshipId: rel.id, date: '2026-01-06', hours: 1, kind: 'partnership' });
    await log(ws, { teamId: other.id, date: '2026-01-07', hours: 2, kind: 'learning' });
    await log(colleague, { date: '2026-02-01', hours: 4, kind: 'internal' });

    const list = async (q: string) =>
      ((await ws.get(ws.ws(`/time-entries${q}`))).json() as { items: Entry[] }).items;
    expect((await list('')).map((e) => e.date)).toEqual([
      '2026-02-01',
      '2026-01-07',
      '2026-01-06',
      '2026-01-05',
    ]);
    expect((await list(`?memberId=${colleague.user.id}`)).map((e) => e.kind)).toEqual(['internal']);
    expect((await list(`?teamId=${rel.teamId}`)).map((e) => e.hours)).toEqual([1, 3]);
    expect((await list(`?relationshipId=${rel.id}&kind=billable`)).map((e) => e.hours)).toEqual([3]);
    expect((await list('?from=2026-01-06&to=2026-01-07')).map((e) => e.date)).toEqual([
      '2026-01-07',
      '2026-01-06',
    ]);

    const first = (await ws.get(ws.ws('/time-entries?limit=3'))).json();
    expect(first.items).toHaveLength(3);
    const second = (await ws.get(ws.ws(`/time-entries?limit=3&cursor=${first.nextCursor}`))).json();
    expect(second.items.map((e: Entry) => e.date)).toEqual(['2026-01-05']);
    expect(second.nextCursor).toBeNull();
  });

  it('sums hours by kind per month, with utilisation only beside partnership and learning', async () => {
    const ws = await t.signup();
    const rel = await makeRelationship(ws);
    for (const [date, hours, kind] of [
      ['2026-01-05', 6, 'billable'],
      ['2026-01-06', 1.5, 'partnership'],
      ['2026-01-20', 0.5, 'learning'],
      ['2026-02-02', 2, 'billable'],
    ] as const)
      await ws.post(ws.ws('/time-entries'), { relationshipId: rel.id, date, hours, kind });
    const res = await ws.get(ws.ws(`/time-entries/summary?teamId=${rel.teamId}`));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      periods: [
        {
          period: '2026-01-01',
          billable: 6,
          partnership: 1.5,
          learning: 0.5,
          internal: 0,
          total: 8,
          entries: 3,
        },
        { period: '2026-02-01', billable: 2, partnership: 0, learning: 0, internal: 0, total: 2, entries: 1 },
      ],
      totals: {
        billable: 8,
        partnership: 1.5,
        learning: 0.5,
        internal: 0,
        total: 10,
        entries: 4,
        utilisation: 80,
        partnershipShare: 15,
        learningShare: 5,
      },
    });
    const weeks = (
      await ws.get(ws.ws('/time-entries/summary?groupBy=week&from=2026-01-01&to=2026-01-31'))
    ).json();
    expect(weeks.periods.map((p: { period: string }) => p.period)).toEqual(['2026-01-05', '2026-01-19']);
  });

  it('exports the filtered entries as CSV, escaping formulas', async () => {
    const ws = await t.signup();
    await ws.post(ws.ws('/time-entries'), {
      date: '2026-04-01',
      hours: 2.25,
      kind: 'learning',
      note: '=HYPERLINK("x")',
    });
    await ws.post(ws.ws('/time-entries'), {
      date: '2026-03-01',
      hours: 1,
      kind: 'internal',
      note: 'Planning, "Q2"',
    });
    const res = await ws.get(ws.ws('/time-entries.csv?from=2026-01-01'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="time-entries-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('date,member,client,team,kind,hours,note,id');
    expect(lines[1]).toMatch(/^2026-03-01,.*,,,internal,1,"Planning, ""Q2""",/);
    expect(lines[2]).toMatch(/^2026-04-01,.*,learning,2.25,"'=HYPERLINK\(""x""\)",/);
    const learning = (await ws.get(ws.ws('/time-entries.csv?kind=learning'))).body.split('\r\n');
    expect(learning).toHaveLength(2);
  });

  it('lets members log only their own hours; admins may log for anyone', async () => {
    const ws = await t.signup();
    const plain = await t.addMember(ws, 'member');
    const forOwner = await plain.post(plain.ws('/time-entries'), {
      memberId: ws.user.id,
      date: '2026-01-01',
      hours: 1,
      kind: 'billable',
    });
    expect(forOwner.statusCode).toBe(403);
    const byAdmin = await ws.post(ws.ws('/time-entries'), {
      memberId: plain.user.id,
      date: '2026-01-01',
      hours: 1,
      kind: 'billable',
    });
    expect(byAdmin.statusCode).toBe(201);
    const entry = byAdmin.json();
    expect(entry.memberId).toBe(plain.user.id);
    // The member may fix their own entry; nobody else's.
    expect((await plain.patch(plain.ws(`/time-entries/${entry.id}`), { hours: 3 })).statusCode).toBe(200);
    const mine = (
      await ws.post(ws.ws('/time-entries'), { date: '2026-01-01', hours: 1, kind: 'internal' })
    ).json();
    expect((await plain.delete(plain.ws(`/time-entries/${mine.id}`))).statusCode).toBe(403);
  });

  it('names the field at fault', async () => {
    const bad = async (body: Record<string, unknown>, path: string, status = 400) => {
      const res = await owner.post(owner.ws('/time-entries'), {
        date: '2026-01-01',
        hours: 1,
        kind: 'billable',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().errors[0].path).toBe(path);
    };
    await bad({ hours: 0 }, 'hours');
    await bad({ hours: 25 }, 'hours');
    await bad({ hours: 1.234 }, 'hours');
    await bad({ kind: 'overtime' }, 'kind');
    await bad({ date: '2026-02-30' }, 'date');
    await bad({ date: '0001-01-01' }, 'date');
    await bad({ relationshipId: '00000000-0000-4000-8000-000000000000' }, 'relationshipId');
    await bad({ teamId: '00000000-0000-4000-8000-000000000000' }, 'teamId');
    await bad({ memberId: '00000000-0000-4000-8000-000000000000' }, 'memberId');
    const range = await owner.get(owner.ws('/time-entries?from=2026-02-01&to=2026-01-01'));
    expect(range.json().errors[0].path).toBe('to');
  });

  it('keeps time entries inside their workspace', async () => {
    const marker = `secret-note-${Date.now()}`;
    const rel = await makeRelationship(owner);
    const entry = (
      await owner.post(owner.ws('/time-entries'), {
        relationshipId: rel.id,
        date: '2026-01-01',
        hours: 1,
        kind: 'partnership',
        note: marker,
      })
    ).json();
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/time-entries') },
        { method: 'GET', url: owner.ws('/time-entries.csv') },
        { method: 'GET', url: owner.ws('/time-entries/summary') },
        {
          method: 'POST',
          url: owner.ws('/time-entries'),
          body: { date: '2026-01-01', hours: 1, kind: 'billable' },
        },
        { method: 'GET', url: owner.ws(`/time-entries/${entry.id}`) },
        { method: 'PATCH', url: owner.ws(`/time-entries/${entry.id}`), body: { hours: 2 } },
        { method: 'DELETE', url: owner.ws(`/time-entries/${entry.id}`) },
      ],
      marker,
    );
    expect((await owner.get(owner.ws(`/time-entries/${entry.id}`))).json().note).toBe(marker);
  });
});
