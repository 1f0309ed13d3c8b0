import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { type PortalContact, portalContact } from './portal.fixtures';

let t: TestApp;
let owner: Session;
let relId: string;
let checkInId: string;
let eventId: string;
let contact: PortalContact;
const P = (path: string) => `/api/v1/portal${path}`;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
  const team = (await owner.post(owner.ws('/teams'), { name: 'Studio team' })).json() as { id: string };
  const client = (await owner.post(owner.ws('/clients'), { name: 'Fjordline', kind: 'external' })).json() as {
    id: string;
  };
  const rel = await owner.post(owner.ws('/relationships'), {
    clientId: client.id,
    teamId: team.id,
    ownerId: owner.user.id,
    cadenceDays: 30,
    ambition: 'Open the northern route together',
  });
  relId = (rel.json() as { id: string }).id;
  await owner.post(owner.ws(`/relationships/${relId}/assessments`), {
    stage: 'advisory',
    pyramidLevel: 'desires',
    note: 'They asked us for advice',
  });
  const ci = await owner.post(owner.ws(`/relationships/${relId}/check-ins`), {
    scheduledFor: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    sendInvites: false,
  });
  checkInId = (ci.json() as { id: string }).id;
  const ev = await owner.post(owner.ws('/events'), {
    title: 'Harbour breakfast',
    startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000).toISOString(),
    audience: 'clients',
  });
  eventId = (ev.json() as { id: string }).id;
  contact = await portalContact(t, owner, client.id);
});
afterAll(() => t.close());

const unread = async () =>
  (
    (await owner.get(owner.ws('/notifications?unread=true'))).json() as {
      items: { kind: string; title: string }[];
    }
  ).items;

describe('the client portal', () => {
  it('shows the contact their own relationships, with the journey together', async () => {
    const list = (await contact.get(P('/relationships'))).json() as {
      items: { id: string; ambition: string }[];
    };
    expect(list.items.map((r) => r.id)).toEqual([relId]);
    const one = (await contact.get(P(`/relationships/${relId}`))).json() as {
      stage: string;
      journey: { stage: string }[];
      partnerLead: { name: string };
    };
    expect(one.stage).toBe('advisory');
    expect(one.journey.map((j) => j.stage)).toEqual(['transactional', 'advisory']);
    expect(one.partnerLead.name).toBe(owner.user.name);
    const me = (await contact.get(P('/me'))).json() as { client: { name: string } };
    expect(me.client.name).toBe('Fjordline');
  });

  it('lets the contact fill their side of a check-in; the partner lead sees it and is notified', async () => {
    const res = await contact.put(P(`/relationships/${relId}/check-ins/${checkInId}/context/client`), {
      businessUpdate: 'A new ferry line in spring',
      unusedCapacity: 'Two analysts in March',
      furtherTopics: 'Route planning',
      waysOfWorking: 'Shorter meetings',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().clientContext.filledBy).toEqual({ kind: 'client', name: expect.any(String) });
    const inApp = (await owner.get(owner.ws(`/relationships/${relId}/check-ins/${checkInId}`))).json() as {
      context: { client: { businessUpdate: string; filledBy: { kind: string } } };
    };
    expect(inApp.context.client.businessUpdate).toBe('A new ferry line in spring');
    expect(inApp.context.client.filledBy.kind).toBe('client');
    expect((await unread()).map((n) => n.kind)).toContain('client_context');
    const upcoming = (await contact.get(P(`/relationships/${relId}/check-ins?when=upcoming`))).json() as {
      items: { id: string }[];
    };
    expect(upcoming.items.map((c) => c.id)).toEqual([checkInId]);
  });

  it('lets the contact propose, vote on and comment a topic, which the team sees at once', async () => {
    const made = await contact.post(P(`/relationships/${relId}/topics`), {
      title: 'Shared route dashboard',
      raisedBy: 'client',
    });
    expect(made.statusCode).toBe(201);
    const topic = made.json() as { id: string; raisedBy: string; author: { side: string } };
    expect(topic.raisedBy).toBe('client');
    expect(topic.author.side).toBe('client');
    const vote = await contact.post(P(`/relationships/${relId}/topics/${topic.id}/votes`));
    expect(vote.statusCode).toBe(201);
    expect(vote.json()).toMatchObject({ voteCount: 1, votedByMe: true });
    expect((await contact.post(P(`/relationships/${relId}/topics/${topic.id}/votes`))).statusCode).toBe(200);
    const comment = await contact.post(P(`/relationships/${relId}/topics/${topic.id}/comments`), {
      body: 'We can share the data',
    });
    expect(comment.statusCode).toBe(201);
    const inApp = (await owner.get(owner.ws(`/relationships/${relId}/topics/${topic.id}`))).json() as {
      raisedBy: string;
      voteCount: number;
      commentCount: number;
    };
    expect(inApp).toMatchObject({ raisedBy: 'client', voteCount: 1, commentCount: 1 });
    expect((await unread()).map((n) => n.kind)).toEqual(
      expect.arrayContaining(['topic_raised', 'topic_voted', 'topic_commented']),
    );
    // The provider's reply shows in the portal, with their side named.
    await owner.post(owner.ws(`/relationships/${relId}/topics/${topic.id}/comments`), { body: 'Great idea' });
    const thread = (await contact.get(P(`/relationships/${relId}/topics/${topic.id}/comments`))).json() as {
      items: { author: { side: string } }[];
    };
    expect(thread.items.map((c) => c.author.side)).toEqual(['client', 'provider']);
  });

  it('refuses a topic raised by the provider from the portal', async () => {
    const res = await contact.post(P(`/relationships/${relId}/topics`), { title: 'x', raisedBy: 'provider' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('raisedBy');
  });

  it('shows only shared touchpoints and shared knowledge, as the provider decides', async () => {
    const tp = (visibility: string, summary: string) =>
      owner.post(owner.ws(`/relationships/${relId}/touchpoints`), {
        kind: 'meeting',
        initiatedBy: 'provider',
        occurredAt: new Date().toISOString(),
        summary,
        visibility,
      });
    await tp('shared', 'Workshop on the route');
    const internal = (await tp('internal', 'Our own debrief')).json() as { id: string };
    await owner.post(owner.ws('/knowledge'), { title: 'Open guide', body: '# Hello', visibility: 'shared' });
    await owner.post(owner.ws('/knowledge'), { title: 'Our playbook', body: 'x', visibility: 'internal' });
    const seen = async () => ({
      touchpoints: (
        (await contact.get(P(`/relationships/${relId}/touchpoints`))).json() as {
          items: { summary: string }[];
        }
      ).items.map((x) => x.summary),
      knowledge: (
        (await contact.get(P(`/relationships/${relId}/knowledge`))).json() as {
          items: { title: string }[];
        }
      ).items.map((x) => x.title),
    });
    expect(await seen()).toEqual({ touchpoints: ['Workshop on the route'], knowledge: ['Open guide'] });
    // Sharing the debrief later makes it appear.
    await owner.patch(owner.ws(`/relationships/${relId}/touchpoints/${internal.id}`), {
      visibility: 'shared',
    });
    expect((await seen()).touchpoints).toContain('Our own debrief');
  });

  it('lets the contact RSVP to an event open to clients, and tells the team', async () => {
    const res = await contact.post(P(`/relationships/${relId}/events/${eventId}/rsvps`), { response: 'yes' });
    expect(res.statusCode).toBe(201);
    expect(res.json().myResponse).toBe('yes');
    const rsvps = (await owner.get(owner.ws(`/events/${eventId}/rsvps`))).json() as {
      items: { kind: string; response: string }[];
    };
    expect(rsvps.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'contact', response: 'yes' })]),
    );
    expect((await unread()).map((n) => n.kind)).toContain('event_rsvp');
    const internal = await owner.post(owner.ws('/events'), {
      title: 'Team offsite',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      audience: 'internal',
    });
    const iid = (internal.json() as { id: string }).id;
    expect(
      (await contact.post(P(`/relationships/${relId}/events/${iid}/rsvps`), { response: 'yes' })).statusCode,
    ).toBe(404);
    const listed = (await contact.get(P(`/relationships/${relId}/events`))).json() as {
      items: { title: string }[];
    };
    expect(listed.items.map((e) => e.title)).toEqual(['Harbour breakfast']);
  });

  it('searches what is shared with the client', async () => {
    const res = await contact.get(P('/search?q=route'));
    expect(res.statusCode).toBe(200);
    const hits = (res.json() as { hits: { kind: string; title: string }[] }).hits;
    expect(hits.map((h) => h.title)).toContain('Shared route dashboard');
  });

  it('gives the member a preview that is exactly what the portal returns', async () => {
    const preview = (await owner.get(owner.ws(`/relationships/${relId}/portal-preview`))).json() as Record<
      string,
      unknown
    >;
    const portalRel = (await contact.get(P(`/relationships/${relId}`))).json();
    expect(preview.relationship).toEqual(portalRel);
    const touchpoints = (await contact.get(P(`/relationships/${relId}/touchpoints`))).json() as {
      items: unknown[];
    };
    expect(preview.touchpoints).toEqual(touchpoints.items);
    const knowledge = (await contact.get(P(`/relationships/${relId}/knowledge`))).json() as {
      items: unknown[];
    };
    expect(preview.knowledge).toEqual(knowledge.items);
  });
});

describe('portal isolation', () => {
  it('keeps the view-as-client preview inside its workspace', async () => {
    await expectIsolated(
      t,
      [{ method: 'GET', url: owner.ws(`/relationships/${relId}/portal-preview`) }],
      'northern route',
    );
  });

  it('every portal route with a relationship answers 404 to a contact of another client or workspace', async () => {
    const sameWorkspace = await portalContact(t, owner);
    const elsewhere = await portalContact(t, await t.signup());
    const topic = (
      (await contact.get(P(`/relationships/${relId}/topics`))).json() as { items: { id: string }[] }
    ).items[0]!.id;
    const base = P(`/relationships/${relId}`);
    const calls: Array<['GET' | 'POST' | 'PUT', string, Record<string, unknown>?]> = [
      ['GET', base],
      ['GET', `${base}/check-ins`],
      ['GET', `${base}/check-ins/${checkInId}`],
      ['PUT', `${base}/check-ins/${checkInId}/context/client`, { businessUpdate: 'x' }],
      ['GET', `${base}/topics`],
      ['POST', `${base}/topics`, { title: uniq('x') }],
      ['GET', `${base}/topics/${topic}`],
      ['POST', `${base}/topics/${topic}/votes`],
      ['GET', `${base}/topics/${topic}/comments`],
      ['POST', `${base}/topics/${topic}/comments`, { body: 'x' }],
      ['GET', `${base}/touchpoints`],
      ['GET', `${base}/events`],
      ['GET', `${base}/events/${eventId}`],
      ['POST', `${base}/events/${eventId}/rsvps`, { response: 'yes' }],
      ['GET', `${base}/knowledge`],
    ];
    for (const [method, url, body] of calls)
      for (const [who, c] of [
        ['contact of another client', sameWorkspace],
        ['contact of another workspace', elsewhere],
      ] as const) {
        const res = await c.request(method, url, body);
        expect(res.statusCode, `${who}: ${method} ${url}`).toBe(404);
        expect(res.body).not.toContain('Fjordline');
        expect(res.body).not.toContain('northern route');
      }
    const theirs = (await sameWorkspace.get(P('/relationships'))).json() as { items: unknown[] };
    expect(theirs.items).toEqual([]);
  });
});
