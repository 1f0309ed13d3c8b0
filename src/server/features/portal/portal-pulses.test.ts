// Open pulses in the portal: a contact answers the rounds they were sent without the emailed link, and
// the link and the portal use up the same answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { makeContact, respond } from '../pulses/pulses.fixtures';
import { makeRelationship } from '../relationships/relationships.fixtures';
import { type PortalContact, portalContact } from './portal.fixtures';

let t: TestApp;
let owner: Session;
const START = new Date('2026-11-02T09:00:00Z');
let clock = START;
let me: PortalContact;
let otherClient: PortalContact;
let otherWorkspace: PortalContact;
let colleagueEmail: string;
let relId: string;
type Round = { id: string; links: { email: string; url: string }[] };
const rounds: Record<'later' | 'byLink' | 'closing', Round> = {} as never;
const P = (path: string) => `/api/v1/portal${path}`;
const DAY = 86_400_000;
const day = (offset: number) => new Date(START.getTime() + offset * DAY).toISOString().slice(0, 10);
type Listed = { id: string; title: string; closesOn: string; questions: { key: string; text: string }[] };
const list = async (c: PortalContact, query = '') =>
  (await c.get(P(`/pulses${query}`))).json() as { items: Listed[]; nextCursor: string | null };

beforeAll(async () => {
  t = await createTestApp({}, () => clock);
  owner = await t.signup();
  const rel = await makeRelationship(owner);
  relId = rel.id;
  me = await portalContact(t, owner, rel.clientId);
  colleagueEmail = (await makeContact(owner, rel.clientId)).email;
  otherClient = await portalContact(t, owner);
  otherWorkspace = await portalContact(t, await t.signup());
  const ask = async (title: string, closesOn: string) => {
    const res = await owner.post(owner.ws('/pulses'), {
      kind: 'client',
      title,
      relationshipId: relId,
      closesOn,
    });
    if (res.statusCode !== 201) throw new Error(`pulse: ${res.statusCode} ${res.body}`);
    return res.json() as Round;
  };
  rounds.later = await ask('Autumn client pulse', day(7));
  rounds.byLink = await ask('Kick-off pulse', day(4));
  rounds.closing = await ask('Quick pulse', day(1));
  // Another client's round of the same workspace: theirs alone.
  await owner.post(owner.ws('/pulses'), {
    kind: 'client',
    title: 'Their pulse',
    relationshipId: (await makeRelationship(owner, { clientId: otherClient.clientId })).id,
    closesOn: day(7),
  });
});
afterAll(() => t.close());

const linkOf = (round: Round, email: string) => respond(round.links.find((l) => l.email === email)!.url);
const clientPulse = async () => {
  const h = (await owner.get(owner.ws(`/relationships/${relId}/health`))).json() as {
    components: { key: string; score: number | null; evidence: { label: string }[] }[];
  };
  return h.components.find((c) => c.key === 'clientPulse')!;
};

describe('open pulses in the portal', () => {
  it('lists the rounds sent to the contact, soonest to close first, with their questions and nobody else', async () => {
    const first = await list(me, '?limit=2');
    expect(first.items.map((p) => p.title)).toEqual(['Quick pulse', 'Kick-off pulse']);
    expect(first.nextCursor).not.toBeNull();
    const rest = await list(me, `?limit=2&cursor=${first.nextCursor}`);
    expect(rest.items.map((p) => p.id)).toEqual([rounds.later.id]);
    expect(rest.nextCursor).toBeNull();
    expect(first.items[0]!.questions.map((q) => q.text)).toEqual([
      expect.stringMatching(/^How meaningfully does .+ contribute to your work\?$/),
      'What would make us more valuable to you?',
    ]);
    const raw = (await me.get(P('/pulses'))).body;
    expect(raw).not.toContain(colleagueEmail);
    expect(raw).not.toContain(me.email);
    expect(raw).not.toContain('Their pulse');

    expect((await list(otherClient)).items.map((p) => p.title)).toEqual(['Their pulse']);
    expect((await list(otherWorkspace)).items).toEqual([]);
    // Only a portal session gets here: a member's session is not one.
    expect((await owner.get(P('/pulses'))).statusCode).toBe(401);
    for (const stranger of [otherClient, otherWorkspace]) {
      const res = await stranger.put(P(`/pulses/${rounds.later.id}/response`), { score: 1 });
      expect(res.statusCode).toBe(404);
    }
    const bad = await me.put(P(`/pulses/${rounds.later.id}/response`), { score: 11 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('score');
    expect((await me.get(P('/pulses?cursor=nonsense'))).statusCode).toBe(400);
  });

  it('takes the answer: it counts in the round’s results and uses up the emailed link', async () => {
    const res = await me.put(P(`/pulses/${rounds.later.id}/response`), {
      score: 9,
      comment: 'Keep the Monday calls',
    });
    expect(res.statusCode, res.body).toBe(204);

    const results = (await owner.get(owner.ws(`/pulses/${rounds.later.id}/results`))).json();
    expect(results).toMatchObject({ responses: 1, invited: 2, average: 9 });
    expect(results.distribution[9]).toBe(1);
    expect(results.comments).toEqual([
      expect.objectContaining({ text: 'Keep the Monday calls', relationshipId: relId }),
    ]);

    const again = await me.put(P(`/pulses/${rounds.later.id}/response`), { score: 2 });
    expect(again.statusCode).toBe(410);
    expect(again.json().detail).toContain('your answer is in');
    expect((await t.anonymous.get(linkOf(rounds.later, me.email))).statusCode).toBe(410);
    expect((await t.anonymous.put(linkOf(rounds.later, me.email), { score: 3 })).statusCode).toBe(410);
    expect((await list(me)).items.map((p) => p.id)).not.toContain(rounds.later.id);
    // The colleague's own link is untouched.
    expect((await t.anonymous.get(linkOf(rounds.later, colleagueEmail))).statusCode).toBe(200);
  });

  it('an answer by the emailed link takes the round off the portal', async () => {
    expect((await t.anonymous.put(linkOf(rounds.byLink, me.email), { score: 6 })).statusCode).toBe(204);
    expect((await list(me)).items.map((p) => p.id)).toEqual([rounds.closing.id]);
    const late = await me.put(P(`/pulses/${rounds.byLink.id}/response`), { score: 7 });
    expect(late.statusCode).toBe(410);
    expect((await owner.get(owner.ws(`/pulses/${rounds.byLink.id}/results`))).json().responses).toBe(1);
  });

  it('a closed round is not listed and takes no answer', async () => {
    clock = new Date(START.getTime() + 2 * DAY);
    expect((await list(me)).items).toEqual([]);
    const res = await me.put(P(`/pulses/${rounds.closing.id}/response`), { score: 5 });
    expect(res.statusCode).toBe(410);
    expect(res.json().detail).toContain('This pulse closed on');
  });

  it('once its round closes, the portal answer is in the relationship’s client pulse', async () => {
    expect((await clientPulse()).score).toBeNull();
    clock = new Date(START.getTime() + 7 * DAY);
    const part = await clientPulse();
    // The kick-off round (6, by the link) and then the autumn round (9, in the portal): no fall, so 90.
    expect(part.score).toBe(90);
    expect(part.evidence.map((e) => e.label)).toContain('Autumn client pulse — 9.0');
  });
});
