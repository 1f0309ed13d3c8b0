// A determined look for anything not meant for the client: a marker planted in every internal field of a
// relationship (and in another client's data) must appear in no portal response, search included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillPath } from '../../reliability/fixtures';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { type PortalContact, portalContact } from './portal.fixtures';

const MARKER = 'qqleakmarker';
const OTHER_EMAIL = `${MARKER}-colleague@client.example`;

let t: TestApp;
let owner: Session;
let contact: PortalContact;
let params: Record<string, string>;

async function made(res: { statusCode: number; body: string; json(): unknown }, what: string) {
  if (res.statusCode !== 201 && res.statusCode !== 200)
    throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
  const ws = (p: string) => owner.ws(p);
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
  const today = new Date().toISOString().slice(0, 10);
  const team = await made(
    await owner.post(ws('/teams'), { name: 'Harbour team', description: MARKER }),
    'team',
  );
  const service = await made(
    await owner.post(ws('/services'), {
      name: `Svc ${MARKER}`,
      kind: 'external',
      teamId: team.id,
      description: MARKER,
    }),
    'service',
  );
  const client = await made(
    await owner.post(ws('/clients'), { name: 'Fjordline', kind: 'external', industry: MARKER }),
    'client',
  );
  contact = await portalContact(t, owner, client.id);
  await made(
    await owner.post(ws(`/clients/${client.id}/contacts`), {
      name: 'Colleague',
      email: OTHER_EMAIL,
      role: MARKER,
    }),
    'other contact',
  );
  const rel = await made(
    await owner.post(ws('/relationships'), {
      clientId: client.id,
      teamId: team.id,
      serviceIds: [service.id],
      ownerId: owner.user.id,
      cadenceDays: 30,
      ambition: 'Open the northern route',
    }),
    'relationship',
  );
  const r = (p: string) => ws(`/relationships/${rel.id}${p}`);
  // A pulse round sent to both contacts; the colleague's answer is theirs alone.
  const pulse = await owner.post(ws('/pulses'), {
    kind: 'client',
    title: 'Harbour pulse',
    relationshipId: rel.id,
    closesOn: day(7).slice(0, 10),
  });
  await made(pulse, 'pulse');
  const { links } = pulse.json() as { links: { email: string; url: string }[] };
  const colleagueLink = links.find((l) => l.email === OTHER_EMAIL)!.url.split('/respond/')[1];
  const answered = await t.anonymous.put(`/api/v1/pulse-responses/${colleagueLink}`, {
    score: 3,
    comment: MARKER,
  });
  if (answered.statusCode !== 204) throw new Error(`colleague's answer: ${answered.statusCode}`);
  await made(
    await owner.post(r('/assessments'), {
      stage: 'partnership',
      pyramidLevel: 'unrecognized_needs',
      note: MARKER,
    }),
    'assessment',
  );
  for (const visibility of ['internal', 'shared'])
    await made(
      await owner.post(r('/touchpoints'), {
        kind: 'immersion',
        initiatedBy: 'provider',
        occurredAt: new Date().toISOString(),
        summary: visibility === 'internal' ? MARKER : 'A day on the ferry',
        discoveries: MARKER,
        visibility,
      }),
      'touchpoint',
    );
  const upcoming = await made(
    await owner.post(r('/check-ins'), { scheduledFor: day(5), sendInvites: false }),
    'check-in',
  );
  const context = {
    businessUpdate: MARKER,
    unusedCapacity: MARKER,
    furtherTopics: MARKER,
    waysOfWorking: MARKER,
  };
  await made(await owner.put(r(`/check-ins/${upcoming.id}/context/provider`), context), 'provider context');
  await made(await owner.post(r(`/check-ins/${upcoming.id}/actions`), { title: MARKER }), 'action');
  const past = await made(
    await owner.post(r('/check-ins'), { scheduledFor: day(-3), sendInvites: false }),
    'past check-in',
  );
  await made(await owner.patch(r(`/check-ins/${past.id}`), { status: 'held', notes: MARKER }), 'held');
  await made(await owner.put(r(`/check-ins/${past.id}/context/provider`), context), 'past provider context');
  const topic = await made(
    await owner.post(r('/topics'), { title: 'Route dashboard', raisedBy: 'provider' }),
    'topic',
  );
  const experiment = await made(
    await owner.post(ws('/experiments'), {
      relationshipId: rel.id,
      teamId: team.id,
      title: `Exp ${MARKER}`,
      hypothesis: MARKER,
      protectedHours: 10,
      safety: MARKER,
      commitment: MARKER,
      startsOn: today,
      endsOn: today,
    }),
    'experiment',
  );
  await made(
    await owner.post(ws('/time-entries'), {
      relationshipId: rel.id,
      date: today,
      hours: 3,
      kind: 'partnership',
      note: MARKER,
    }),
    'time entry',
  );
  const reflection = await made(
    await owner.post(ws('/reflections'), {
      teamId: team.id,
      heldOn: today,
      happening: MARKER,
      emerging: MARKER,
      surprisinglyWell: MARKER,
      harderThanExpected: MARKER,
      needs: MARKER,
      relationshipIds: [rel.id],
      experimentIds: [experiment.id],
    }),
    'reflection',
  );
  await made(
    await owner.post(ws(`/reflections/${reflection.id}/learnings`), { text: MARKER, tags: [MARKER] }),
    'learning',
  );
  await made(
    await owner.post(ws('/knowledge'), { title: `Kn ${MARKER}`, body: MARKER, visibility: 'internal' }),
    'knowledge',
  );
  await made(
    await owner.post(ws('/knowledge'), { title: 'Open guide', body: 'Shared words', visibility: 'shared' }),
    'shared knowledge',
  );
  await made(
    await owner.post(ws('/events'), {
      title: `Ev ${MARKER}`,
      description: MARKER,
      startsAt: day(2),
      endsAt: day(2.1),
      audience: 'internal',
    }),
    'internal event',
  );
  const event = await made(
    await owner.post(ws('/events'), {
      title: 'Harbour breakfast',
      startsAt: day(-2),
      endsAt: day(-1.9),
      audience: 'clients',
    }),
    'client event',
  );
  await made(await owner.patch(ws(`/events/${event.id}`), { notes: MARKER }), 'event notes');
  await made(
    await owner.post(ws(`/events/${event.id}/invitations`), {
      contactIds: [contact.contactId],
      message: MARKER,
    }),
    'invitation',
  );
  // Another client of the same provider, with its own everything.
  const other = await made(
    await owner.post(ws('/clients'), { name: `Other ${MARKER}`, kind: 'external' }),
    'other client',
  );
  await made(
    await owner.post(ws(`/clients/${other.id}/contacts`), { name: MARKER, email: `${MARKER}@other.example` }),
    'their contact',
  );
  const otherRel = await made(
    await owner.post(ws('/relationships'), {
      clientId: other.id,
      teamId: team.id,
      cadenceDays: 30,
      ambition: MARKER,
    }),
    'other relationship',
  );
  await made(
    await owner.post(ws(`/relationships/${otherRel.id}/topics`), {
      title: `T ${MARKER}`,
      description: MARKER,
      raisedBy: 'client',
    }),
    'their topic',
  );
  params = { relationshipId: rel.id, checkInId: past.id, topicId: topic.id, eventId: event.id };
});
afterAll(() => t.close());

describe('nothing internal reaches the portal', () => {
  it('no portal response carries a planted marker, another contact’s email or a member’s email', async () => {
    const bodies: Array<[string, string]> = [];
    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: Record<string, unknown>) => {
      const res = await contact.request(method, url, body);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      bodies.push([`${method} ${url}`, res.body]);
    };
    // The writes first, so the reads below include what they produced.
    const rel = `/api/v1/portal/relationships/${params.relationshipId}`;
    await call('PUT', `${rel}/check-ins/${params.checkInId}/context/client`, {
      businessUpdate: 'Busy spring',
    });
    await call('POST', `${rel}/topics`, { title: 'Client idea' });
    await call('POST', `${rel}/topics/${params.topicId}/votes`);
    await call('POST', `${rel}/topics/${params.topicId}/comments`, { body: 'Yes please' });
    await call('POST', `${rel}/events/${params.eventId}/rsvps`, { response: 'yes' });
    const gets = t.app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/v1/portal') && r.method === 'GET' && !r.url.endsWith('/session'),
    );
    expect(gets.length).toBeGreaterThan(10);
    for (const route of gets) {
      const url = fillPath(route.url, params);
      if (url.endsWith('/search')) {
        for (const q of [MARKER, 'route', 'harbour', 'other', 'fjordline', 'colleague'])
          await call('GET', `${url}?q=${q}`);
      } else await call('GET', url);
    }
    for (const q of ['when=past', 'when=upcoming']) {
      await call('GET', `${rel}/check-ins?${q}`);
      await call('GET', `${rel}/events?${q}`);
    }
    const preview = await owner.get(owner.ws(`/relationships/${params.relationshipId}/portal-preview`));
    expect(preview.statusCode).toBe(200);
    bodies.push(['preview', preview.body]);

    const leaks = bodies
      .filter(
        ([, body]) =>
          body.toLowerCase().includes(MARKER) ||
          body.includes(OTHER_EMAIL) ||
          body.includes(owner.user.email),
      )
      .map(([where]) => where);
    console.log(`portal leak check: ${bodies.length} responses read, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    // The search did find the shared things, so an empty result is not why nothing leaked.
    expect(bodies.find(([w]) => w.endsWith('q=route'))?.[1]).toContain('Route dashboard');
    expect(bodies.find(([w]) => w.endsWith(`${rel}/touchpoints`))?.[1]).toContain('A day on the ferry');
    expect(bodies.find(([w]) => w.endsWith('/portal/pulses'))?.[1]).toContain('Harbour pulse');
  });
});
