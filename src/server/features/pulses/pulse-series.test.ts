import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { makeRelationship, makeTeam } from '../relationships/relationships.fixtures';
import { clientPulseRounds, teamPulseRounds } from './pulse-series';
import { makeContact, respond } from './pulses.fixtures';

let t: TestApp;
let owner: Session;
let clock = new Date('2026-09-01T09:00:00Z');
beforeAll(async () => {
  t = await createTestApp({}, () => clock);
  owner = await t.signup();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const closesOn = () => new Date(clock.getTime() + 5 * DAY).toISOString().slice(0, 10);

async function send(body: Record<string, unknown>) {
  const res = await owner.post(owner.ws('/pulses'), { closesOn: closesOn(), ...body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; links: { email: string; url: string }[] };
}

describe('pulse series (the seam health reads)', () => {
  it('gives each relationship its client rounds, oldest first, with answers counted for it only', async () => {
    const team = await makeTeam(owner);
    const a = await makeRelationship(owner, { teamId: team.id });
    const b = await makeRelationship(owner, { teamId: team.id });
    const quiet = await makeRelationship(owner, { teamId: team.id });
    const [a1, a2] = [await makeContact(owner, a.clientId), await makeContact(owner, a.clientId)];
    const b1 = await makeContact(owner, b.clientId);
    await makeContact(owner, quiet.clientId);

    const first = await send({ kind: 'client', title: 'Summer', relationshipId: a.id });
    for (const [l, score] of [
      [first.links.find((x) => x.email === a1.email)!, 9],
      [first.links.find((x) => x.email === a2.email)!, 8],
    ] as const)
      await t.anonymous.put(respond(l.url), { score });

    clock = new Date(clock.getTime() + 30 * DAY);
    const second = await send({ kind: 'client', title: 'Autumn (team-wide)', teamId: team.id });
    await t.anonymous.put(respond(second.links.find((x) => x.email === a1.email)!.url), { score: 6 });
    await t.anonymous.put(respond(second.links.find((x) => x.email === b1.email)!.url), { score: 10 });

    const m = await clientPulseRounds(t.database.db, owner.workspaceId, [a.id, b.id, quiet.id]);
    expect(m.get(a.id)).toEqual([
      {
        pulseId: first.id,
        title: 'Summer',
        closesOn: expect.any(String),
        responses: 2,
        average: 8.5,
        scoreSum: 17,
      },
      {
        pulseId: second.id,
        title: 'Autumn (team-wide)',
        closesOn: expect.any(String),
        responses: 1,
        average: 6,
        scoreSum: 6,
      },
    ]);
    expect(m.get(b.id)).toEqual([expect.objectContaining({ pulseId: second.id, responses: 1, average: 10 })]);
    expect(m.has(quiet.id)).toBe(false);
    expect((await clientPulseRounds(t.database.db, owner.workspaceId, [])).size).toBe(0);
  });

  it('gives each team its employee rounds, with the average hidden below 3 answers', async () => {
    const team = await makeTeam(owner);
    const other = await makeTeam(owner);
    const people = [owner.user.id, (await t.addMember(owner, 'member')).user.id];
    people.push((await t.addMember(owner, 'member')).user.id);
    const few = await send({ kind: 'employee', title: 'Few', teamId: team.id, memberIds: people });
    await t.anonymous.put(respond(few.links[0]!.url), { score: 9, secondScore: 9 });
    clock = new Date(clock.getTime() + 30 * DAY);
    const full = await send({ kind: 'employee', title: 'Full', teamId: team.id, memberIds: people });
    for (const [i, l] of full.links.entries())
      await t.anonymous.put(respond(l.url), { score: 5 + i, secondScore: 5 });
    await send({ kind: 'employee', title: 'Unanswered', teamId: other.id, memberIds: people });

    const m = await teamPulseRounds(t.database.db, owner.workspaceId, [team.id, other.id]);
    expect(m.get(team.id)).toEqual([
      {
        pulseId: few.id,
        title: 'Few',
        closesOn: expect.any(String),
        responses: 1,
        average: null,
        scoreSum: 0,
      },
      {
        pulseId: full.id,
        title: 'Full',
        closesOn: expect.any(String),
        responses: 3,
        average: 6,
        scoreSum: 18,
      },
    ]);
    expect(m.has(other.id)).toBe(false);
  });
});
