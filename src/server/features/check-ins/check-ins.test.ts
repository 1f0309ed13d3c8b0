import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { plantRelationship } from './check-ins.fixtures';

const DAY = 86_400_000;
let clock = new Date('2026-03-02T09:00:00.000Z');
let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp({}, () => clock);
  owner = await t.signup();
});
afterAll(() => t.close());

const later = (days: number, hour = 10) => {
  const d = new Date(clock.getTime() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

type Outbox = {
  items: {
    to: string;
    subject: string;
    text: string;
    attachments: { filename: string; contentType: string }[];
  }[];
};

describe('check-ins', () => {
  it('schedules a check-in with the agenda and emails everyone invited a calendar invite', async () => {
    const { relationship, contacts } = await plantRelationship(owner);
    const res = await owner.post(owner.ws(`/relationships/${relationship.id}/check-ins`), {
      scheduledFor: later(5),
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'scheduled', durationMinutes: 60, sequence: 0, heldAt: null });
    expect(c.agenda.unusedCapacity.questions.length).toBeGreaterThan(0);
    // The partner lead organises; then every contact of the client.
    expect(c.attendees[0]).toEqual({ name: owner.user.name, email: owner.user.email, kind: 'owner' });
    expect(
      c.attendees
        .slice(1)
        .map((a: { email: string }) => a.email)
        .sort(),
    ).toEqual(contacts.map((x) => x.email).sort());
    expect(c.context).toEqual({ provider: null, client: null });

    const outbox = (await owner.get(owner.ws('/outbox?limit=200'))).json() as Outbox;
    const invites = outbox.items.filter((m) => m.attachments.some((a) => a.filename === 'check-in.ics'));
    expect(invites.map((m) => m.to).sort()).toEqual(
      c.attendees.map((a: { email: string }) => a.email).sort(),
    );
    expect(invites[0]!.attachments[0]!.contentType).toBe('text/calendar; method=REQUEST');
    const toLead = invites.find((m) => m.to === owner.user.email)!;
    expect(toLead.text).toContain('Agenda');
    expect(toLead.text).toContain(`/relationships/${relationship.id}/check-ins/${c.id}`);
    // Contacts get no link into the provider's app.
    const toContact = invites.find((m) => m.to === contacts[0]!.email)!;
    expect(toContact.text).not.toContain('/w/');
  });

  it('invites only the contacts named, and refuses someone else’s contact', async () => {
    const { relationship, contacts } = await plantRelationship(owner);
    const other = await plantRelationship(owner);
    const url = owner.ws(`/relationships/${relationship.id}/check-ins`);
    const one = await owner.post(url, {
      scheduledFor: later(3),
      contactIds: [contacts[1]!.id],
      sendInvites: false,
    });
    expect(one.json().attendees.map((a: { kind: string }) => a.kind)).toEqual(['owner', 'contact']);
    const wrong = await owner.post(url, { scheduledFor: later(3), contactIds: [other.contacts[0]!.id] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('contactIds');
    const bad = await owner.post(url, { scheduledFor: '2026-13-01T10:00:00Z' });
    expect(bad.json().errors[0].path).toBe('scheduledFor');
    const farAway = await owner.post(url, { scheduledFor: '9999-01-01T10:00:00Z' });
    expect(farAway.statusCode).toBe(400);
    expect(farAway.json().errors[0].path).toBe('scheduledFor');
  });

  it('fills both sides, marks their side as filled on their behalf, and keeps each side separate', async () => {
    const { relationship } = await plantRelationship(owner);
    const c = (
      await owner.post(owner.ws(`/relationships/${relationship.id}/check-ins`), {
        scheduledFor: later(1),
        sendInvites: false,
      })
    ).json();
    const base = owner.ws(`/relationships/${relationship.id}/check-ins/${c.id}`);
    const ours = await owner.put(`${base}/context/provider`, {
      businessUpdate: 'Two new clients this quarter',
      unusedCapacity: 'A researcher free in March',
      furtherTopics: 'Onboarding kit\nReorder tool',
      waysOfWorking: 'Fewer status emails',
    });
    expect(ours.statusCode).toBe(200);
    expect(ours.json().context.provider).toMatchObject({
      unusedCapacity: 'A researcher free in March',
      filledBy: { kind: 'provider', name: owner.user.name },
    });
    const theirs = await owner.put(`${base}/context/client`, {
      businessUpdate: 'A hard winter',
      unusedCapacity: '',
      furtherTopics: 'Delivery days',
      waysOfWorking: 'One shared backlog',
    });
    expect(theirs.json().context.client).toMatchObject({
      businessUpdate: 'A hard winter',
      filledBy: { kind: 'provider_on_behalf', name: owner.user.name },
    });
    expect(theirs.json().context.provider.businessUpdate).toBe('Two new clients this quarter');
    // Writing again replaces that side only.
    const again = await owner.put(`${base}/context/client`, { businessUpdate: 'Better now' });
    expect(again.json().context.client).toMatchObject({ businessUpdate: 'Better now', furtherTopics: '' });
    const tooLong = await owner.put(`${base}/context/provider`, { businessUpdate: 'x'.repeat(20_001) });
    expect(tooLong.json().errors[0].path).toBe('businessUpdate');
  });

  it('holding a check-in moves the next due date; skipping needs a reason and moves nothing', async () => {
    const start = clock;
    const { relationship } = await plantRelationship(owner, { cadenceDays: 30 });
    expect(relationship.nextCheckInDue).toBe(new Date(start.getTime() + 30 * DAY).toISOString().slice(0, 10));
    clock = new Date(start.getTime() + 40 * DAY);
    try {
      const due = (await owner.get(owner.ws('/check-ins/due?bucket=overdue&limit=200'))).json();
      const mine = due.items.find(
        (i: { relationship: { id: string } }) => i.relationship.id === relationship.id,
      );
      expect(mine).toMatchObject({ bucket: 'overdue', daysOverdue: 10, missedCadences: 1, scheduled: null });

      const url = owner.ws(`/relationships/${relationship.id}/check-ins`);
      const skipped = (await owner.post(url, { scheduledFor: later(-2), sendInvites: false })).json();
      const noReason = await owner.patch(`${url}/${skipped.id}`, { status: 'skipped' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().errors[0].path).toBe('notes');
      const skip = await owner.patch(`${url}/${skipped.id}`, {
        status: 'skipped',
        notes: 'They cancelled: audit week',
      });
      expect(skip.json()).toMatchObject({ status: 'skipped', notes: 'They cancelled: audit week' });
      const rel1 = (await owner.get(owner.ws(`/relationships/${relationship.id}`))).json();
      expect(rel1.nextCheckInDue).toBe(relationship.nextCheckInDue);

      const held = (await owner.post(url, { scheduledFor: later(-1), sendInvites: false })).json();
      const future = await owner.patch(`${url}/${held.id}`, { status: 'held', heldAt: later(2) });
      expect(future.json().errors[0].path).toBe('heldAt');
      const done = await owner.patch(`${url}/${held.id}`, { status: 'held', notes: 'Good talk' });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ status: 'held', heldAt: clock.toISOString() });
      const rel2 = (await owner.get(owner.ws(`/relationships/${relationship.id}`))).json();
      expect(rel2.nextCheckInDue).toBe(new Date(clock.getTime() + 30 * DAY).toISOString().slice(0, 10));
      expect(rel2.lastCheckInAt).toBe(clock.toISOString());

      // What was held or skipped stays so.
      const back = await owner.patch(`${url}/${held.id}`, { status: 'skipped', notes: 'x' });
      expect(back.statusCode).toBe(409);
      expect((await owner.delete(`${url}/${held.id}`)).statusCode).toBe(409);
      expect((await owner.delete(`${url}/${skipped.id}`)).statusCode).toBe(204);
    } finally {
      clock = start;
    }
  });

  it('moving a check-in raises the SEQUENCE and sends the update; cancelling sends a cancellation', async () => {
    const s = await t.signup();
    const { relationship } = await plantRelationship(s);
    const url = s.ws(`/relationships/${relationship.id}/check-ins`);
    const c = (await s.post(url, { scheduledFor: later(7) })).json();
    const moved = await s.patch(`${url}/${c.id}`, { scheduledFor: later(9) });
    expect(moved.json()).toMatchObject({ sequence: 1, scheduledFor: later(9) });
    const same = await s.patch(`${url}/${c.id}`, { scheduledFor: later(9), notes: 'Agenda tweaked' });
    expect(same.json().sequence).toBe(1);
    expect((await s.delete(`${url}/${c.id}`)).statusCode).toBe(204);
    expect((await s.get(`${url}/${c.id}`)).statusCode).toBe(404);
    const outbox = (await s.get(s.ws('/outbox?limit=200'))).json() as Outbox;
    const toLead = outbox.items.filter((m) => m.to === s.user.email).map((m) => m.subject);
    expect(toLead.filter((x) => x.startsWith('Partner check-in'))).toHaveLength(1);
    expect(toLead.filter((x) => x.startsWith('Moved: '))).toHaveLength(1);
    expect(toLead.filter((x) => x.startsWith('Cancelled: '))).toHaveLength(1);
    const cancel = outbox.items.find((m) => m.subject.startsWith('Cancelled: '))!;
    expect(cancel.attachments[0]!.contentType).toBe('text/calendar; method=CANCEL');
  });

  it('lists a relationship’s check-ins, latest first, page by page', async () => {
    const { relationship } = await plantRelationship(owner);
    const url = owner.ws(`/relationships/${relationship.id}/check-ins`);
    for (const d of [3, 1, 2]) await owner.post(url, { scheduledFor: later(d), sendInvites: false });
    const first = (await owner.get(`${url}?limit=2`)).json();
    expect(first.items.map((c: { scheduledFor: string }) => c.scheduledFor)).toEqual([later(3), later(2)]);
    const second = (await owner.get(`${url}?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((c: { scheduledFor: string }) => c.scheduledFor)).toEqual([later(1)]);
    expect(second.nextCursor).toBeNull();
    expect((await owner.get(`${url}?status=held`)).json().items).toEqual([]);
  });

  it('keeps actions of a check-in: owner, due date, done', async () => {
    const { relationship } = await plantRelationship(owner);
    const c = (
      await owner.post(owner.ws(`/relationships/${relationship.id}/check-ins`), {
        scheduledFor: later(1),
        sendInvites: false,
      })
    ).json();
    const url = owner.ws(`/relationships/${relationship.id}/check-ins/${c.id}/actions`);
    const a = await owner.post(url, {
      title: 'Send the capacity plan',
      ownerId: owner.user.id,
      dueOn: '2026-03-20',
    });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ owner: { id: owner.user.id }, dueOn: '2026-03-20', done: false });
    const stranger = await t.signup();
    const notMember = await owner.post(url, { title: 'x', ownerId: stranger.user.id });
    expect(notMember.json().errors[0].path).toBe('ownerId');
    const done = await owner.patch(`${url}/${a.json().id}`, { done: true });
    expect(done.json()).toMatchObject({ done: true, doneAt: clock.toISOString() });
    expect((await owner.get(url)).json().items).toHaveLength(1);
    expect((await owner.delete(`${url}/${a.json().id}`)).statusCode).toBe(204);
    expect((await owner.get(url)).json().items).toHaveLength(0);
  });

  it('lets admins word the agenda, keeping the four parts; new check-ins take it, old ones keep theirs', async () => {
    const s = await t.signup();
    const { relationship } = await plantRelationship(s);
    const url = s.ws(`/relationships/${relationship.id}/check-ins`);
    const before = (await s.post(url, { scheduledFor: later(2), sendInvites: false })).json();
    const agenda = (await s.get(s.ws('/check-in-agenda'))).json();
    expect(agenda.isDefault).toBe(true);
    const { isDefault: _d, updatedAt: _u, ...parts } = agenda;
    const edited = { ...parts, unusedCapacity: { title: 'Room', questions: ['Who is free next month?'] } };
    const saved = await s.put(s.ws('/check-in-agenda'), edited);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, unusedCapacity: { title: 'Room' } });
    const missing = await s.put(s.ws('/check-in-agenda'), { ...parts, waysOfWorking: undefined });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('waysOfWorking');
    const noQuestions = await s.put(s.ws('/check-in-agenda'), {
      ...parts,
      furtherTopics: { title: 'x', questions: [] },
    });
    expect(noQuestions.json().errors[0].path).toBe('furtherTopics.questions');
    const member = await t.addMember(s, 'member');
    expect((await member.put(member.ws('/check-in-agenda'), edited)).statusCode).toBe(403);

    const after = (await s.post(url, { scheduledFor: later(3), sendInvites: false })).json();
    expect(after.agenda.unusedCapacity.title).toBe('Room');
    expect((await s.get(`${url}/${before.id}`)).json().agenda.unusedCapacity.title).not.toBe('Room');
  });

  it('shows what is due across the workspace in three buckets, and where either side has room', async () => {
    const s = await t.signup();
    const soon = await plantRelationship(s, { cadenceDays: 7 });
    await plantRelationship(s, { cadenceDays: 60 });
    const summary = (await s.get(s.ws('/check-ins/due/summary'))).json();
    expect(summary).toEqual({ today: clock.toISOString().slice(0, 10), overdue: 0, thisWeek: 0, later: 2 });
    const week = (await s.get(s.ws('/check-ins/due?bucket=later'))).json();
    expect(week.items.map((i: { relationship: { id: string } }) => i.relationship.id)[0]).toBe(
      soon.relationship.id,
    );

    const c = (
      await s.post(s.ws(`/relationships/${soon.relationship.id}/check-ins`), {
        scheduledFor: later(1),
        sendInvites: false,
      })
    ).json();
    const due = (await s.get(s.ws('/check-ins/due'))).json();
    expect(due.items[0].scheduled).toEqual({ id: c.id, scheduledFor: later(1) });
    await s.put(s.ws(`/relationships/${soon.relationship.id}/check-ins/${c.id}/context/client`), {
      unusedCapacity: 'Their analyst has two free days a week',
    });
    await s.put(s.ws(`/relationships/${soon.relationship.id}/check-ins/${c.id}/context/provider`), {
      businessUpdate: 'Busy',
    });
    const room = (await s.get(s.ws('/check-ins/room'))).json();
    expect(room.items).toHaveLength(1);
    expect(room.items[0]).toMatchObject({
      side: 'client',
      unusedCapacity: 'Their analyst has two free days a week',
      relationship: { id: soon.relationship.id },
    });
    expect((await s.get(s.ws('/check-ins/room?side=provider'))).json().items).toHaveLength(0);
    expect((await s.get(s.ws('/check-ins/due?bucket=soon'))).json().errors[0].path).toBe('bucket');
  });

  it('serves the calendar invite as text/calendar', async () => {
    const { relationship } = await plantRelationship(owner);
    const c = (
      await owner.post(owner.ws(`/relationships/${relationship.id}/check-ins`), {
        scheduledFor: later(4),
        sendInvites: false,
      })
    ).json();
    const res = await owner.get(owner.ws(`/relationships/${relationship.id}/check-ins/${c.id}/invite.ics`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.headers['content-disposition']).toContain('.ics');
    expect(res.body).toMatch(/^BEGIN:VCALENDAR/);
    expect(res.body).toContain(`UID:check-in-${c.id}@twofold`);
  });

  it('keeps check-ins inside their workspace', async () => {
    const marker = uniq('secret-check-in');
    const { relationship } = await plantRelationship(owner, { marker });
    const rel = `/relationships/${relationship.id}/check-ins`;
    const c = (await owner.post(owner.ws(rel), { scheduledFor: later(2), sendInvites: false })).json();
    await owner.put(owner.ws(`${rel}/${c.id}/context/provider`), { unusedCapacity: marker });
    const a = (await owner.post(owner.ws(`${rel}/${c.id}/actions`), { title: marker })).json();
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws(rel) },
        { method: 'POST', url: owner.ws(rel), body: { scheduledFor: later(2) } },
        { method: 'GET', url: owner.ws(`${rel}/${c.id}`) },
        { method: 'PATCH', url: owner.ws(`${rel}/${c.id}`), body: { notes: 'x' } },
        { method: 'PUT', url: owner.ws(`${rel}/${c.id}/context/provider`), body: { businessUpdate: 'x' } },
        { method: 'PUT', url: owner.ws(`${rel}/${c.id}/context/client`), body: { businessUpdate: 'x' } },
        { method: 'GET', url: owner.ws(`${rel}/${c.id}/invite.ics`) },
        { method: 'GET', url: owner.ws(`${rel}/${c.id}/actions`) },
        { method: 'POST', url: owner.ws(`${rel}/${c.id}/actions`), body: { title: 'x' } },
        { method: 'PATCH', url: owner.ws(`${rel}/${c.id}/actions/${a.id}`), body: { done: true } },
        { method: 'DELETE', url: owner.ws(`${rel}/${c.id}/actions/${a.id}`) },
        { method: 'GET', url: owner.ws('/check-ins/due') },
        { method: 'GET', url: owner.ws('/check-ins/due/summary') },
        { method: 'GET', url: owner.ws('/check-ins/room') },
        { method: 'GET', url: owner.ws('/check-in-agenda') },
        { method: 'PUT', url: owner.ws('/check-in-agenda'), body: {} },
        { method: 'DELETE', url: owner.ws(`${rel}/${c.id}`) },
      ],
      marker,
    );
    expect((await owner.get(owner.ws(`${rel}/${c.id}`))).json().context.provider.unusedCapacity).toBe(marker);
  });
});
