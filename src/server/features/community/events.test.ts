import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../platform/mail.table';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { makeClient, makeRelationship } from '../relationships/relationships.fixtures';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();

async function makeEvent(s: Session, body: Record<string, unknown> = {}) {
  const res = await s.post(s.ws('/events'), {
    title: uniq('Meet-up'),
    startsAt: at(24),
    endsAt: at(26),
    audience: 'clients',
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`event: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; title: string; [k: string]: unknown };
}

async function makeContact(s: Session, clientId: string, name = uniq('Contact')) {
  const res = await s.post(s.ws(`/clients/${clientId}/contacts`), {
    name,
    email: `${uniq('c')}@client.example`,
  });
  if (res.statusCode !== 201) throw new Error(`contact: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string; email: string };
}

describe('events', () => {
  it('creates, reads, updates, lists and deletes an event', async () => {
    const created = await owner.post(owner.ws('/events'), {
      title: 'Roasters’ breakfast',
      startsAt: at(48),
      endsAt: at(50),
      location: 'The roastery, Oslo',
      description: 'Cupping and a talk on seasonal menus',
      audience: 'community',
    });
    expect(created.statusCode).toBe(201);
    const ev = created.json();
    expect(ev).toMatchObject({
      title: 'Roasters’ breakfast',
      location: 'The roastery, Oslo',
      audience: 'community',
      notes: null,
      createdBy: { id: owner.user.id },
      rsvps: { yes: 0, no: 0, maybe: 0, invited: 0 },
      myResponse: null,
    });

    const patched = await owner.patch(owner.ws(`/events/${ev.id}`), { location: 'Online' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().location).toBe('Online');
    expect(patched.json().title).toBe('Roasters’ breakfast');
    expect((await owner.get(owner.ws(`/events/${ev.id}`))).json().location).toBe('Online');

    const upcoming = (await owner.get(owner.ws('/events?limit=200'))).json().items as { id: string }[];
    expect(upcoming.map((e) => e.id)).toContain(ev.id);
    const past = (await owner.get(owner.ws('/events?when=past&limit=200'))).json().items as { id: string }[];
    expect(past.map((e) => e.id)).not.toContain(ev.id);

    expect((await owner.delete(owner.ws(`/events/${ev.id}`))).statusCode).toBe(204);
    expect((await owner.get(owner.ws(`/events/${ev.id}`))).statusCode).toBe(404);
  });

  it('lists upcoming soonest first and past latest first, paging with a cursor', async () => {
    const ws = await t.signup();
    const soon = await makeEvent(ws, { startsAt: at(2), endsAt: at(3) });
    const later = await makeEvent(ws, { startsAt: at(30), endsAt: at(31) });
    const running = await makeEvent(ws, { startsAt: at(-1), endsAt: at(1) });
    const old = await makeEvent(ws, { startsAt: at(-100), endsAt: at(-99) });
    const older = await makeEvent(ws, { startsAt: at(-200), endsAt: at(-199) });
    const ids = async (url: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (
          await ws.get(ws.ws(`${url}&limit=2${cursor ? `&cursor=${cursor}` : ''}`))
        ).json();
        seen.push(...page.items.map((e: { id: string }) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await ids('/events?when=upcoming')).toEqual([running.id, soon.id, later.id]);
    expect(await ids('/events?when=past')).toEqual([old.id, older.id]);
    expect(await ids('/events?when=all')).toEqual([later.id, soon.id, running.id, old.id, older.id]);
  });

  it('names the field at fault', async () => {
    const end = await owner.post(owner.ws('/events'), {
      title: 'x',
      startsAt: at(5),
      endsAt: at(4),
      audience: 'clients',
    });
    expect(end.statusCode).toBe(400);
    expect(end.json().errors[0].path).toBe('endsAt');
    const aud = await owner.post(owner.ws('/events'), {
      title: 'x',
      startsAt: at(1),
      endsAt: at(2),
      audience: 'all',
    });
    expect(aud.json().errors[0].path).toBe('audience');
    const ev = await makeEvent(owner);
    const moved = await owner.patch(owner.ws(`/events/${ev.id}`), { endsAt: at(1) });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors[0].path).toBe('endsAt');
    const early = await owner.patch(owner.ws(`/events/${ev.id}`), { notes: 'How it went' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('notes');
    const bad = await owner.post(owner.ws(`/events/${ev.id}/rsvps`), { response: 'perhaps' });
    expect(bad.json().errors[0].path).toBe('response');
  });

  it('lets the organiser or an admin delete an event, not another member', async () => {
    const plain = await t.addMember(owner, 'member');
    const byOwner = await makeEvent(owner);
    expect((await plain.delete(plain.ws(`/events/${byOwner.id}`))).statusCode).toBe(403);
    const byPlain = await makeEvent(plain);
    expect((await plain.delete(plain.ws(`/events/${byPlain.id}`))).statusCode).toBe(204);
    expect((await owner.delete(owner.ws(`/events/${byOwner.id}`))).statusCode).toBe(204);
  });
});

describe('RSVPs', () => {
  it('records one answer per member, changeable, and shows who comes', async () => {
    const ev = await makeEvent(owner);
    const first = await owner.post(owner.ws(`/events/${ev.id}/rsvps`), { response: 'maybe' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'member', personId: owner.user.id, response: 'maybe' });
    const changed = await owner.post(owner.ws(`/events/${ev.id}/rsvps`), { response: 'yes' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().id).toBe(first.json().id);

    const colleague = await t.addMember(owner, 'member');
    await colleague.post(colleague.ws(`/events/${ev.id}/rsvps`), { response: 'no' });

    const list = (await owner.get(owner.ws(`/events/${ev.id}/rsvps`))).json().items as {
      personId: string;
      response: string;
    }[];
    expect(list).toHaveLength(2);
    expect(list.find((a) => a.personId === owner.user.id)?.response).toBe('yes');
    expect(list.find((a) => a.personId === colleague.user.id)?.response).toBe('no');
    const yes = (await owner.get(owner.ws(`/events/${ev.id}/rsvps?response=yes`))).json().items;
    expect(yes).toHaveLength(1);

    const got = (await owner.get(owner.ws(`/events/${ev.id}`))).json();
    expect(got.rsvps).toEqual({ yes: 1, no: 1, maybe: 0, invited: 0 });
    expect(got.myResponse).toBe('yes');
    expect((await colleague.get(colleague.ws(`/events/${ev.id}`))).json().myResponse).toBe('no');
  });

  it('records a client contact’s answer, but not for an internal event', async () => {
    const client = await makeClient(owner);
    const contact = await makeContact(owner, client.id);
    const ev = await makeEvent(owner);
    const res = await owner.post(owner.ws(`/events/${ev.id}/rsvps`), {
      response: 'yes',
      contactId: contact.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'contact',
      personId: contact.id,
      name: contact.name,
      client: { id: client.id },
    });
    const internal = await makeEvent(owner, { audience: 'internal' });
    const refused = await owner.post(owner.ws(`/events/${internal.id}/rsvps`), {
      response: 'yes',
      contactId: contact.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('contactId');
    const other = await t.signup();
    const otherContact = await makeContact(other, (await makeClient(other)).id);
    const foreign = await owner.post(owner.ws(`/events/${ev.id}/rsvps`), {
      response: 'yes',
      contactId: otherContact.id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('contactId');
  });

  it('invites members and contacts by email with a calendar invitation, each once', async () => {
    const ws = await t.signup();
    const colleague = await t.addMember(ws, 'member');
    const client = await makeClient(ws);
    const contact = await makeContact(ws, client.id);
    const ev = await makeEvent(ws, { title: 'Design systems evening', location: 'Studio' });
    const res = await ws.post(ws.ws(`/events/${ev.id}/invitations`), {
      memberIds: [colleague.user.id],
      contactIds: [contact.id],
      message: 'Bring a colleague!',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().alreadyInvited).toBe(0);
    expect(
      res
        .json()
        .invited.map((a: { personId: string }) => a.personId)
        .sort(),
    ).toEqual([colleague.user.id, contact.id].sort());
    const again = await ws.post(ws.ws(`/events/${ev.id}/invitations`), { contactIds: [contact.id] });
    expect(again.json()).toEqual({ invited: [], alreadyInvited: 1 });

    const mails = await t.database.db
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.workspaceId, ws.workspaceId), eq(mailMessages.to, contact.email)));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Invitation: Design systems evening');
    expect(mail.text).toContain('Bring a colleague!');
    const ics = mail.attachments?.[0];
    expect(ics).toMatchObject({ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST' });
    expect(ics?.content).toContain('METHOD:REQUEST');
    expect(ics?.content).toContain(`UID:${ev.id}@events.twofold`);
    expect(ics?.content.replace(/\r\n[ \t]/g, '')).toContain(`mailto:${contact.email}`);

    const got = (await ws.get(ws.ws(`/events/${ev.id}`))).json();
    expect(got.rsvps).toEqual({ yes: 0, no: 0, maybe: 0, invited: 2 });
    const bad = await ws.post(ws.ws(`/events/${ev.id}/invitations`), {});
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('memberIds');
    const stranger = await ws.post(ws.ws(`/events/${ev.id}/invitations`), { memberIds: [owner.user.id] });
    expect(stranger.json().errors[0].path).toBe('memberIds');
  });

  it('gives attending clients’ relationships an event touchpoint once the notes are written, once', async () => {
    const client = await makeClient(owner);
    const rel = await makeRelationship(owner, { clientId: client.id });
    const ended = await makeRelationship(owner, { clientId: client.id });
    await owner.patch(owner.ws(`/relationships/${ended.id}`), { status: 'ended' });
    const unrelated = await makeRelationship(owner);
    const ana = await makeContact(owner, client.id, 'Ana Okafor');
    const ben = await makeContact(owner, client.id, 'Ben Novak');
    const ev = await makeEvent(owner, { title: 'Harvest cupping', startsAt: at(-3), endsAt: at(-1) });
    await owner.post(owner.ws(`/events/${ev.id}/rsvps`), { response: 'yes', contactId: ana.id });
    await owner.post(owner.ws(`/events/${ev.id}/rsvps`), { response: 'no', contactId: ben.id });

    const timeline = async (id: string) =>
      (await owner.get(owner.ws(`/relationships/${id}/touchpoints?kind=event`))).json().items as {
        summary: string;
        occurredAt: string;
        visibility: string;
      }[];
    expect(await timeline(rel.id)).toEqual([]);

    const noted = await owner.patch(owner.ws(`/events/${ev.id}`), { notes: 'Twelve came; great questions.' });
    expect(noted.statusCode).toBe(200);
    expect(noted.json().notes).toBe('Twelve came; great questions.');
    const after = await timeline(rel.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      summary: 'Came to “Harvest cupping”: Ana Okafor',
      visibility: 'shared',
    });
    expect(after[0]!.occurredAt).toBe(new Date(ev.startsAt as string).toISOString());
    expect(await timeline(ended.id)).toEqual([]);
    expect(await timeline(unrelated.id)).toEqual([]);

    // Editing the notes again adds nothing; a late yes adds that person's touchpoint.
    await owner.patch(owner.ws(`/events/${ev.id}`), { notes: 'Twelve came; great questions!' });
    expect(await timeline(rel.id)).toHaveLength(1);
    await owner.post(owner.ws(`/events/${ev.id}/rsvps`), { response: 'yes', contactId: ben.id });
    const late = await timeline(rel.id);
    expect(late).toHaveLength(2);
    expect(late.map((x) => x.summary)).toContain('Came to “Harvest cupping”: Ben Novak');
  });
});

describe('calendar file', () => {
  it('downloads the event as text/calendar with a UID that stays the same', async () => {
    const ev = await makeEvent(owner, {
      title: 'Open studio, with snacks; all welcome',
      location: 'Studio 2',
    });
    const first = await owner.get(owner.ws(`/events/${ev.id}/invite.ics`));
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/calendar');
    expect(first.headers['content-disposition']).toContain('event.ics');
    const body = first.body;
    expect(body.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(body).toContain('METHOD:PUBLISH');
    expect(body).toContain(`UID:${ev.id}@events.twofold`);
    expect(body).toContain('SUMMARY:Open studio\\, with snacks\\; all welcome');
    const start = new Date(ev.startsAt as string).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    expect(body).toContain(`DTSTART:${start}`);
    expect(body).toContain('SEQUENCE:0');

    await owner.patch(owner.ws(`/events/${ev.id}`), { startsAt: at(40), endsAt: at(41) });
    const second = (await owner.get(owner.ws(`/events/${ev.id}/invite.ics`))).body;
    expect(second).toContain(`UID:${ev.id}@events.twofold`);
    expect(second).toContain('SEQUENCE:1');
  });
});

describe('isolation', () => {
  it('keeps events, answers and invitations inside their workspace', async () => {
    const marker = uniq('secret-event');
    const ev = await makeEvent(owner, { title: marker, description: marker });
    await owner.post(owner.ws(`/events/${ev.id}/rsvps`), { response: 'yes' });
    const body = { title: 'x', startsAt: at(1), endsAt: at(2), audience: 'clients' };
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/events') },
        { method: 'POST', url: owner.ws('/events'), body },
        { method: 'GET', url: owner.ws(`/events/${ev.id}`) },
        { method: 'PATCH', url: owner.ws(`/events/${ev.id}`), body: { title: 'x' } },
        { method: 'DELETE', url: owner.ws(`/events/${ev.id}`) },
        { method: 'GET', url: owner.ws(`/events/${ev.id}/invite.ics`) },
        { method: 'GET', url: owner.ws(`/events/${ev.id}/rsvps`) },
        { method: 'POST', url: owner.ws(`/events/${ev.id}/rsvps`), body: { response: 'yes' } },
        {
          method: 'POST',
          url: owner.ws(`/events/${ev.id}/invitations`),
          body: { memberIds: [owner.user.id] },
        },
      ],
      marker,
    );
    const still = (await owner.get(owner.ws(`/events/${ev.id}`))).json();
    expect(still.title).toBe(marker);
    expect(still.rsvps.yes).toBe(1);
  });
});
