import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { plantRelationship } from './check-ins.fixtures';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

/** RFC 5545 content lines: folded lines (CRLF + space or tab) joined, then NAME;PARAMS:VALUE. */
function parseIcs(text: string) {
  const lines = text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const props = lines.map((line) => {
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const head = line.slice(0, colon);
    const [name = '', ...params] = head.split(';');
    return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
  });
  const one = (name: string) => props.filter((p) => p.name === name);
  return { lines, props, one, value: (name: string) => one(name)[0]?.value };
}

const day = 86_400_000;
const at = (days: number) => {
  const d = new Date(Date.now() + days * day);
  d.setUTCHours(14, 30, 0, 0);
  return d;
};
const icsStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

describe('the check-in calendar invite (.ics)', () => {
  it('has a stable UID, DTSTART in UTC, the organizer and every attendee, and the agenda', async () => {
    const { relationship, contacts, client } = await plantRelationship(owner);
    const base = owner.ws(`/relationships/${relationship.id}/check-ins`);
    const start = at(6);
    const c = (await owner.post(base, { scheduledFor: start.toISOString(), durationMinutes: 45 })).json();
    const ics = parseIcs((await owner.get(`${base}/${c.id}/invite.ics`)).body);

    expect(ics.lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.value('VERSION')).toBe('2.0');
    expect(ics.value('METHOD')).toBe('REQUEST');
    expect(ics.one('BEGIN').map((p) => p.value)).toEqual(['VCALENDAR', 'VEVENT']);
    expect(ics.value('UID')).toBe(`check-in-${c.id}@twofold`);
    expect(ics.value('SEQUENCE')).toBe('0');
    expect(ics.value('DTSTART')).toBe(icsStamp(start));
    expect(ics.value('DTSTART')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(ics.value('DURATION')).toBe('PT45M');
    expect(ics.value('SUMMARY')).toContain(client.name);
    expect(ics.value('ORGANIZER')).toBe(`MAILTO:${owner.user.email}`);
    const attendees = ics.one('ATTENDEE').map((p) => p.value.replace(/^mailto:/i, ''));
    expect(attendees.sort()).toEqual([owner.user.email, ...contacts.map((x) => x.email)].sort());
    for (const a of ics.one('ATTENDEE')) expect(a.params).toContain('RSVP=TRUE');
    const description = ics.value('DESCRIPTION')!.replaceAll('\\n', '\n').replaceAll('\\,', ',');
    expect(description).toContain('Agenda');
    expect(description).toContain('Unused capacity');

    // The same invite, byte for byte except DTSTAMP, is what the email carries.
    const again = parseIcs((await owner.get(`${base}/${c.id}/invite.ics`)).body);
    expect(again.value('UID')).toBe(ics.value('UID'));
  });

  it('keeps the UID and raises SEQUENCE each time the date changes', async () => {
    const { relationship } = await plantRelationship(owner);
    const base = owner.ws(`/relationships/${relationship.id}/check-ins`);
    const c = (await owner.post(base, { scheduledFor: at(3).toISOString(), sendInvites: false })).json();
    const first = parseIcs((await owner.get(`${base}/${c.id}/invite.ics`)).body);
    const moved = at(4);
    await owner.patch(`${base}/${c.id}`, { scheduledFor: moved.toISOString() });
    const second = parseIcs((await owner.get(`${base}/${c.id}/invite.ics`)).body);
    await owner.patch(`${base}/${c.id}`, { scheduledFor: at(5).toISOString() });
    const third = parseIcs((await owner.get(`${base}/${c.id}/invite.ics`)).body);

    expect(new Set([first.value('UID'), second.value('UID'), third.value('UID')]).size).toBe(1);
    expect([first, second, third].map((x) => Number(x.value('SEQUENCE')))).toEqual([0, 1, 2]);
    expect(second.value('DTSTART')).toBe(icsStamp(moved));

    // The updated invite went out by email with the same UID and the raised SEQUENCE.
    const outbox = (await owner.get(owner.ws('/outbox?limit=200'))).json() as {
      items: { to: string; subject: string }[];
    };
    expect(
      outbox.items.filter((m) => m.to === owner.user.email && m.subject.startsWith('Moved: ')),
    ).toHaveLength(2);
  });

  it('makes a valid invite whatever the names hold (quotes, commas, semicolons, accents)', async () => {
    const tricky = 'Café "Zur Post"; Müller, Söhne & Co';
    const team = (await owner.post(owner.ws('/teams'), { name: 'Design; Research, "North"' })).json();
    const client = (await owner.post(owner.ws('/clients'), { name: tricky, kind: 'external' })).json();
    await owner.post(owner.ws(`/clients/${client.id}/contacts`), {
      name: 'Zoë "Z" O\'Brien; CEO',
      email: 'zoe@cafe.example',
    });
    const rel = (
      await owner.post(owner.ws('/relationships'), { clientId: client.id, teamId: team.id, cadenceDays: 30 })
    ).json();
    const base = owner.ws(`/relationships/${rel.id}/check-ins`);
    const c = (await owner.post(base, { scheduledFor: at(2).toISOString() })).json();
    expect(c.attendees.map((a: { kind: string }) => a.kind)).toEqual(['owner', 'contact']);
    const res = await owner.get(`${base}/${c.id}/invite.ics`);
    expect(res.statusCode).toBe(200);
    const ics = parseIcs(res.body);
    const zoe = ics.one('ATTENDEE').find((a) => a.value.toLowerCase() === 'mailto:zoe@cafe.example')!;
    // A CN parameter is one quoted string: no quote or semicolon of the name inside it.
    const cn = zoe.params.find((p) => p.startsWith('CN='))!;
    expect(cn).toMatch(/^CN="[^";]*"$/);
    expect(ics.value('SUMMARY')).toContain('Café');
  });
});
