import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { makeClient, makeRelationship, makeTeam } from '../relationships/relationships.fixtures';
import { mailedToken, makeContact, outbox, respond } from './pulses.fixtures';
import { runPulseReminderPass } from './pulses.reminders';
import { pulseAnswers, pulseRecipients } from './pulses.table';

let t: TestApp;
let owner: Session;
let clock = new Date('2026-11-02T09:00:00Z');
beforeAll(async () => {
  t = await createTestApp({}, () => clock);
  owner = await t.signup();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const day = (offset: number) => new Date(clock.getTime() + offset * DAY).toISOString().slice(0, 10);

async function clientPulse(s: Session, contacts = 2) {
  const rel = await makeRelationship(s);
  const people = [];
  for (let i = 0; i < contacts; i++) people.push(await makeContact(s, rel.clientId));
  const res = await s.post(s.ws('/pulses'), {
    kind: 'client',
    title: 'Autumn client pulse',
    relationshipId: rel.id,
    closesOn: day(7),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { rel, people, pulse: res.json() as { id: string; links: { email: string; url: string }[] } };
}

describe('client pulse', () => {
  it('sends each contact a personal link by email, takes one answer per link, and shows the result', async () => {
    const { rel, people, pulse } = await clientPulse(owner);
    expect(pulse.links.map((l) => l.email).sort()).toEqual(people.map((p) => p.email).sort());
    const mails = (await outbox(owner)).filter((m) => people.some((p) => p.email === m.to));
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toContain('contribute to your work');

    const token = await mailedToken(owner, people[0]!.email);
    const url = `/api/v1/pulse-responses/${token}`;
    // 256 random bits after the workspace prefix, and only their hash is stored.
    expect(Buffer.from(token.split('.')[1]!, 'base64url')).toHaveLength(32);
    const stored = await t.database.db
      .select()
      .from(pulseRecipients)
      .where(eq(pulseRecipients.pulseId, pulse.id));
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]!);
    const questions = await t.anonymous.get(url);
    expect(questions.statusCode).toBe(200);
    expect(questions.json().questions[0].text).toMatch(
      /^How meaningfully does .+ contribute to your work\?$/,
    );
    expect(questions.json().questions[1].text).toBe('What would make us more valuable to you?');

    expect((await t.anonymous.put(url, { score: 8, comment: 'More time in our branches' })).statusCode).toBe(
      204,
    );
    const again = await t.anonymous.put(url, { score: 2 });
    expect(again.statusCode).toBe(410);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect((await t.anonymous.get(url)).statusCode).toBe(410);

    expect(
      (
        await t.anonymous.put(respond(pulse.links.find((l) => l.email === people[1]!.email)!.url), {
          score: 6,
        })
      ).statusCode,
    ).toBe(204);
    const results = (await owner.get(owner.ws(`/pulses/${pulse.id}/results`))).json();
    expect(results).toMatchObject({ responses: 2, invited: 2, hidden: false, average: 7 });
    expect(results.distribution[8]).toBe(1);
    expect(results.distribution[6]).toBe(1);
    expect(results.comments).toEqual([
      { text: 'More time in our branches', from: people[0]!.name, relationshipId: rel.id },
    ]);

    const listed = (await owner.get(owner.ws(`/pulses?relationshipId=${rel.id}`))).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: pulse.id, status: 'open', responseRate: 1 })]);
    const trend = (await owner.get(owner.ws(`/pulses/${pulse.id}/trend`))).json();
    expect(trend.rounds).toEqual([expect.objectContaining({ pulseId: pulse.id, responses: 2, average: 7 })]);
  });

  it('asks the contacts of all a team’s relationships and counts each answer for its relationship', async () => {
    const team = await makeTeam(owner);
    const a = await makeRelationship(owner, { teamId: team.id });
    const b = await makeRelationship(owner, { teamId: team.id });
    const ca = await makeContact(owner, a.clientId);
    const cb = await makeContact(owner, b.clientId);
    const res = await owner.post(owner.ws('/pulses'), {
      kind: 'client',
      title: 'Team-wide',
      teamId: team.id,
      closesOn: day(3),
    });
    expect(res.statusCode).toBe(201);
    const links = res.json().links as { email: string; url: string }[];
    expect(links.map((l) => l.email).sort()).toEqual([ca.email, cb.email].sort());
    await t.anonymous.put(respond(links.find((l) => l.email === ca.email)!.url), { score: 9 });
    const teamRes = await owner.get(owner.ws(`/teams/${team.id}/pulses`));
    expect(teamRes.statusCode, teamRes.body).toBe(200);
    const trendA = teamRes.json();
    expect(trendA.client).toEqual([expect.objectContaining({ responses: 1, average: 9 })]);
    expect(trendA.together.statement).toContain('Too few rounds to say');
  });

  it('refuses a round without a target, without contacts, or closing in the past, naming the field', async () => {
    const rel = await makeRelationship(owner);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'client', title: 'x', closesOn: day(3) }, 'relationshipId'],
      [{ kind: 'client', title: 'x', relationshipId: rel.id, closesOn: day(3) }, 'relationshipId'],
      [{ kind: 'client', title: 'x', relationshipId: rel.id, closesOn: day(-1) }, 'closesOn'],
      [{ kind: 'employee', title: 'x', closesOn: day(3) }, 'teamId'],
      [{ kind: 'service', title: 'x', closesOn: day(3) }, 'serviceId'],
      [{ kind: 'survey', title: 'x', closesOn: day(3) }, 'kind'],
      [{ kind: 'client', title: 'x', relationshipId: rel.id, closesOn: '9999-12-31' }, 'closesOn'],
    ];
    for (const [body, field] of cases) {
      const res = await owner.post(owner.ws('/pulses'), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(field);
    }
  });
});

describe('respondent links', () => {
  it('expire when the round closes (410), and a made-up token is a 404 that names no workspace', async () => {
    const { pulse } = await clientPulse(owner, 1);
    const url = respond(pulse.links[0]!.url);
    const saved = clock;
    clock = new Date(saved.getTime() + 8 * DAY);
    try {
      expect((await t.anonymous.get(url)).statusCode).toBe(410);
      expect((await t.anonymous.put(url, { score: 5 })).statusCode).toBe(410);
      expect((await owner.get(owner.ws(`/pulses/${pulse.id}`))).json().status).toBe('closed');
    } finally {
      clock = saved;
    }
    const made = `${owner.workspaceId.replaceAll('-', '')}.${'A'.repeat(43)}`;
    const res = await t.anonymous.get(`/api/v1/pulse-responses/${made}`);
    expect(res.statusCode).toBe(404);
    expect((await t.anonymous.get('/api/v1/pulse-responses/nonsense')).statusCode).toBe(404);
    expect((await t.anonymous.put(url, { score: 11 })).json().errors[0].path).toBe('score');
  });

  it('reminds only those who have not answered, once, with a link of its own that also works once', async () => {
    const { pulse, people } = await clientPulse(owner, 2);
    const answered = pulse.links.find((l) => l.email === people[0]!.email)!;
    await t.anonymous.put(respond(answered.url), { score: 7 });
    const mail = { publicUrl: 'http://localhost:3000', smtp: false };
    const before = (await outbox(owner)).length;
    // The pass serves every workspace in the database (other test files' too): count this workspace's mail.
    await runPulseReminderPass({ db: t.database.db, mail }, new Date(clock.getTime() + DAY));
    expect((await outbox(owner)).length).toBe(before);
    const later = new Date(clock.getTime() + 6 * DAY);
    expect(await runPulseReminderPass({ db: t.database.db, mail }, later)).toBeGreaterThanOrEqual(1);
    const afterFirst = (await outbox(owner)).length;
    await runPulseReminderPass({ db: t.database.db, mail }, later);
    expect((await outbox(owner)).length).toBe(afterFirst);
    const reminders = (await outbox(owner)).slice(0, (await outbox(owner)).length - before);
    const mine = reminders.filter((m) => people.some((p) => p.email === m.to));
    expect(mine.map((m) => m.to)).toEqual([people[1]!.email]);
    expect(mine[0]!.subject).toMatch(/^Reminder:/);
    const reminderToken = await mailedToken(owner, people[1]!.email);
    const original = pulse.links.find((l) => l.email === people[1]!.email)!;
    expect(respond(original.url)).not.toBe(`/api/v1/pulse-responses/${reminderToken}`);
    expect((await t.anonymous.put(`/api/v1/pulse-responses/${reminderToken}`, { score: 4 })).statusCode).toBe(
      204,
    );
    expect((await t.anonymous.put(respond(original.url), { score: 4 })).statusCode).toBe(410);
  });
});

describe('employee pulse', () => {
  it('is anonymous: no result below 3 answers, and no answer links to a person', async () => {
    const team = await makeTeam(owner);
    const a = await t.addMember(owner, 'member');
    const b = await t.addMember(owner, 'member');
    const res = await owner.post(owner.ws('/pulses'), {
      kind: 'employee',
      title: 'Team pulse',
      teamId: team.id,
      memberIds: [owner.user.id, a.user.id, b.user.id],
      closesOn: day(5),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, links } = res.json() as { id: string; links: { url: string }[] };
    expect(links).toHaveLength(3);
    const q = (await t.anonymous.get(respond(links[0]!.url))).json();
    expect(q.anonymous).toBe(true);
    expect(q.questions.map((x: { text: string }) => x.text).slice(0, 2)).toEqual([
      'How meaningful is your work?',
      'Do you have room to work differently with clients?',
    ]);
    expect((await t.anonymous.put(respond(links[0]!.url), { score: 8 })).json().errors[0].path).toBe(
      'secondScore',
    );
    await t.anonymous.put(respond(links[0]!.url), { score: 8, secondScore: 4, comment: 'Too little slack' });
    await t.anonymous.put(respond(links[1]!.url), { score: 6, secondScore: 5 });
    const hidden = (await owner.get(owner.ws(`/pulses/${id}/results`))).json();
    expect(hidden).toMatchObject({
      responses: 2,
      hidden: true,
      average: null,
      distribution: null,
      comments: [],
    });
    expect(hidden.second).toMatchObject({ average: null, distribution: null });

    await t.anonymous.put(respond(links[2]!.url), { score: 7, secondScore: 6 });
    const shown = (await owner.get(owner.ws(`/pulses/${id}/results`))).json();
    expect(shown).toMatchObject({ responses: 3, hidden: false, average: 7 });
    expect(shown.second.average).toBe(5);
    expect(shown.comments).toEqual([{ text: 'Too little slack', from: null, relationshipId: null }]);

    const db = t.database.db;
    const answers = await db.select().from(pulseAnswers).where(eq(pulseAnswers.pulseId, id));
    expect(answers).toHaveLength(3);
    expect(answers.every((x) => x.recipientId === null && x.answeredAt === null)).toBe(true);
    // Random ids, not time-ordered ones: the order of ids says nothing about who answered when.
    expect(answers.every((x) => x.id[14] === '4')).toBe(true);
    const recipients = await db.select().from(pulseRecipients).where(eq(pulseRecipients.pulseId, id));
    expect(recipients.every((r) => r.answered)).toBe(true);
    expect(Object.keys(recipients[0]!)).not.toContain('answerId');

    const series = (await owner.get(owner.ws(`/teams/${team.id}/pulses`))).json();
    expect(series.employee).toEqual([expect.objectContaining({ pulseId: id, responses: 3, average: 7 })]);
  });

  it('refuses a round that could never show a result (fewer than 3 people)', async () => {
    const team = await makeTeam(owner);
    const res = await owner.post(owner.ws('/pulses'), {
      kind: 'employee',
      title: 'Too small',
      teamId: team.id,
      memberIds: [owner.user.id],
      closesOn: day(5),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('memberIds');
  });
});

describe('service pulse', () => {
  it('asks colleagues how much an internal service makes their work easier, and tracks it per service', async () => {
    const s = await t.signup();
    await t.addMember(s, 'member');
    const team = await makeTeam(s);
    const svc = (
      await s.post(s.ws('/services'), { name: uniq('Onboarding'), kind: 'internal', teamId: team.id })
    ).json();
    const res = await s.post(s.ws('/pulses'), {
      kind: 'service',
      title: 'Onboarding',
      serviceId: svc.id,
      closesOn: day(5),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, links } = res.json() as { id: string; links: { url: string }[] };
    expect(links).toHaveLength(2);
    const q = (await t.anonymous.get(respond(links[0]!.url))).json();
    expect(q.questions[0].text).toBe(`How much does ${svc.name} make your work easier and better?`);
    expect((await t.anonymous.put(respond(links[0]!.url), { score: 9, secondScore: 3 })).statusCode).toBe(
      400,
    );
    expect((await t.anonymous.put(respond(links[0]!.url), { score: 9 })).statusCode).toBe(204);
    const trend = (await s.get(s.ws(`/services/${svc.id}/pulses`))).json();
    expect(trend.rounds).toEqual([expect.objectContaining({ pulseId: id, responses: 1, average: 9 })]);

    const external = (
      await s.post(s.ws('/services'), { name: 'Ext', kind: 'external', teamId: team.id })
    ).json();
    const refused = await s.post(s.ws('/pulses'), {
      kind: 'service',
      title: 'x',
      serviceId: external.id,
      closesOn: day(5),
    });
    expect(refused.json().errors[0].path).toBe('serviceId');
  });
});

describe('managing rounds', () => {
  it('renames, moves the close, and deletes a round with its answers', async () => {
    const { pulse } = await clientPulse(owner, 1);
    const patched = await owner.patch(owner.ws(`/pulses/${pulse.id}`), {
      title: 'Renamed',
      closesOn: day(10),
    });
    expect(patched.json()).toMatchObject({ title: 'Renamed', closesOn: day(10) });
    expect((await owner.delete(owner.ws(`/pulses/${pulse.id}`))).statusCode).toBe(204);
    expect((await owner.get(owner.ws(`/pulses/${pulse.id}`))).statusCode).toBe(404);
    expect((await t.anonymous.get(respond(pulse.links[0]!.url))).statusCode).toBe(404);
  });

  it('keeps every route to its own workspace', async () => {
    const marker = uniq('MARKER');
    const client = await makeClient(owner, `Client ${marker}`);
    const rel = await makeRelationship(owner, { clientId: client.id });
    await makeContact(owner, client.id);
    const created = await owner.post(owner.ws('/pulses'), {
      kind: 'client',
      title: `Pulse ${marker}`,
      relationshipId: rel.id,
      closesOn: day(5),
    });
    const id = created.json().id as string;
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/pulses') },
        { method: 'POST', url: owner.ws('/pulses'), body: { kind: 'client', title: 'x', closesOn: day(2) } },
        { method: 'GET', url: owner.ws(`/pulses/${id}`) },
        { method: 'PATCH', url: owner.ws(`/pulses/${id}`), body: { title: 'x' } },
        { method: 'DELETE', url: owner.ws(`/pulses/${id}`) },
        { method: 'GET', url: owner.ws(`/pulses/${id}/results`) },
        { method: 'GET', url: owner.ws(`/pulses/${id}/trend`) },
        { method: 'GET', url: owner.ws(`/teams/${rel.teamId}/pulses`) },
        { method: 'GET', url: owner.ws(`/services/${rel.teamId}/pulses`) },
      ],
      marker,
    );
  });
});
