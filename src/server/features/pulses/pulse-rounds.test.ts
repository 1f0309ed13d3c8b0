import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readJson } from '../../db/json-rows';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { clientPulseMonthsRead, firstClientRoundsRead } from '../balance/balance.tallies';
import { makeRelationship, makeTeam } from '../relationships/relationships.fixtures';
import { makeContact, respond } from './pulses.fixtures';

let t: TestApp;
let clock = new Date('2026-09-01T09:00:00Z');
beforeAll(async () => {
  t = await createTestApp({}, () => clock);
});
afterAll(() => t.close());

const DAY = 86_400_000;
/** A day after every round here has closed. */
const LATER = '2099-12-31';
type Round = {
  teamId: string;
  pulseId: string;
  title: string;
  closesOn: string;
  answers: number;
  scoreSum: number;
};

async function read(query: ReturnType<typeof sql>): Promise<Round[]> {
  const found = ((await t.database.db.execute(query)) as unknown as { rows: Round[] }).rows;
  return found
    .map((r) => ({ ...r, answers: Number(r.answers), scoreSum: Number(r.scoreSum) }))
    .sort((a, b) => (`${a.teamId}${a.pulseId}` < `${b.teamId}${b.pulseId}` ? -1 : 1));
}

type Month = { teamId: string | null; month: string; rounds: number; answers: number; scoreSum: number };

async function readMonths(query: ReturnType<typeof sql>): Promise<Month[]> {
  const found = ((await t.database.db.execute(query)) as unknown as { rows: Month[] }).rows;
  return found
    .map((r) => ({
      ...r,
      rounds: Number(r.rounds),
      answers: Number(r.answers),
      scoreSum: Number(r.scoreSum),
    }))
    .sort((a, b) => (`${a.month}${a.teamId}` < `${b.month}${b.teamId}` ? -1 : 1));
}

/**
 * The rollups' rows of a workspace (per team and round, and per month), and the same counts straight from the
 * answers, rounds and relationships; per month, a round answered by two teams counts once for the workspace.
 */
async function rollupAndAnswers(workspaceId: string) {
  const fromAnswers = sql`SELECT r.team_id, p.id AS pulse_id, p.closes_on, count(*) AS answers, sum(a.score) AS score_sum
      FROM pulse_answers a
      JOIN pulses p ON p.workspace_id = a.workspace_id AND p.id = a.pulse_id AND p.kind = 'client'
      JOIN relationships r ON r.workspace_id = a.workspace_id AND r.id = a.relationship_id
      WHERE a.workspace_id = ${workspaceId}::uuid
      GROUP BY 1, 2, 3`;
  return {
    months:
      await readMonths(sql`SELECT team_id AS "teamId", to_char(month, 'YYYY-MM') AS month, rounds, answers,
        score_sum AS "scoreSum" FROM client_pulse_months WHERE workspace_id = ${workspaceId}::uuid`),
    answerMonths: await readMonths(sql`SELECT team_id AS "teamId", to_char(closes_on, 'YYYY-MM') AS month,
        count(DISTINCT pulse_id) AS rounds, sum(answers) AS answers, sum(score_sum) AS "scoreSum"
      FROM (${fromAnswers}) x
      GROUP BY GROUPING SETS ((team_id, to_char(closes_on, 'YYYY-MM')), (to_char(closes_on, 'YYYY-MM')))`),
    rollup: await read(sql`SELECT team_id AS "teamId", pulse_id AS "pulseId", title,
        to_char(closes_on, 'YYYY-MM-DD') AS "closesOn", answers, score_sum AS "scoreSum"
      FROM client_pulse_rounds WHERE workspace_id = ${workspaceId}::uuid`),
    answers: await read(sql`SELECT r.team_id AS "teamId", p.id AS "pulseId", p.title,
        to_char(p.closes_on, 'YYYY-MM-DD') AS "closesOn", count(*) AS answers, sum(a.score) AS "scoreSum"
      FROM pulse_answers a
      JOIN pulses p ON p.workspace_id = a.workspace_id AND p.id = a.pulse_id AND p.kind = 'client'
      JOIN relationships r ON r.workspace_id = a.workspace_id AND r.id = a.relationship_id
      WHERE a.workspace_id = ${workspaceId}::uuid
      GROUP BY 1, 2, 3, 4`),
  };
}

describe('client pulse rounds per team (the rollup the balance reads)', () => {
  it('stay equal to the answers through answering, a new title and close, a team change and deletions', async () => {
    const owner: Session = await t.signup();
    const [blue, green] = [await makeTeam(owner), await makeTeam(owner)];
    const a = await makeRelationship(owner, { teamId: blue.id });
    const b = await makeRelationship(owner, { teamId: blue.id });
    const c = await makeRelationship(owner, { teamId: green.id });
    for (const rel of [a, b, c]) for (let i = 0; i < 2; i++) await makeContact(owner, rel.clientId);
    const send = async (body: Record<string, unknown>) => {
      const closesOn = new Date(clock.getTime() + 5 * DAY).toISOString().slice(0, 10);
      const res = await owner.post(owner.ws('/pulses'), { kind: 'client', closesOn, ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; links: { email: string; url: string }[] };
    };
    const answerAll = async (round: { links: { url: string }[] }, first: number) => {
      for (const [i, l] of round.links.entries()) {
        const res = await t.anonymous.put(respond(l.url), { score: (first + 3 * i) % 11 });
        expect(res.statusCode, res.body).toBe(204);
      }
    };
    const summer = await send({ title: 'Summer', relationshipId: a.id });
    const autumn = await send({ title: 'Autumn (team-wide)', teamId: blue.id });
    const green1 = await send({ title: 'Green', relationshipId: c.id });
    await answerAll(summer, 9);
    await answerAll(autumn, 4);
    await answerAll(green1, 7);
    // An employee round is not a client round: its answers never count here.
    const people = [owner.user.id];
    for (let i = 0; i < 2; i++) people.push((await t.addMember(owner, 'member')).user.id);
    const inward = await send({ kind: 'employee', title: 'Inward', teamId: blue.id, memberIds: people });
    await t.anonymous.put(respond(inward.links[0]!.url), { score: 3, secondScore: 4 });

    const first = await rollupAndAnswers(owner.workspaceId);
    expect(first.rollup.map((r) => [r.title, r.answers])).toEqual(
      expect.arrayContaining([
        ['Summer', 2],
        ['Autumn (team-wide)', 4],
        ['Green', 2],
      ]),
    );
    expect(first.rollup).toHaveLength(3);
    expect(first.rollup).toEqual(first.answers);
    expect(first.months).toEqual(first.answerMonths);
    // What the balance reads of it: months per team and pooled, and a month's first rounds.
    const db = t.database.db;
    const months = await readJson(
      db,
      clientPulseMonthsRead(owner.workspaceId, { today: LATER, workspace: true }),
    );
    expect(months).toEqual(
      expect.arrayContaining([
        {
          teamId: blue.id,
          month: '2026-09',
          rounds: 2,
          responses: 2 + 4,
          scoreSum: 9 + 1 + (4 + 7 + 10 + 2),
        },
        { teamId: green.id, month: '2026-09', rounds: 1, responses: 2, scoreSum: 7 + 10 },
        { teamId: null, month: '2026-09', rounds: 3, responses: 8, scoreSum: 10 + 23 + 17 },
      ]),
    );
    expect(months).toHaveLength(3);
    // Not closed yet on the day before they close: not counted.
    expect(
      await readJson(db, clientPulseMonthsRead(owner.workspaceId, { today: '2026-09-05', workspace: true })),
    ).toEqual([]);
    const blueRounds = await readJson(
      db,
      firstClientRoundsRead(owner.workspaceId, [{ teamId: blue.id, month: '2026-09' }], LATER),
    );
    expect(blueRounds.map((r) => r.label)).toEqual(['Summer', 'Autumn (team-wide)']);
    expect(blueRounds[1]).toMatchObject({ teamId: blue.id, responses: 4, scoreSum: 4 + 7 + 10 + 2 });
    const pooled = await readJson(
      db,
      firstClientRoundsRead(owner.workspaceId, [{ teamId: null, month: '2026-09' }], LATER),
    );
    expect(pooled.map((r) => r.label).sort()).toEqual(['Autumn (team-wide)', 'Green', 'Summer']);

    // A score corrected in the database, a new title and a later close carry over.
    await t.database.db.execute(
      sql`UPDATE pulse_answers SET score = 10 WHERE workspace_id = ${owner.workspaceId}::uuid AND pulse_id = ${summer.id}::uuid`,
    );
    clock = new Date(clock.getTime() + DAY);
    const renamed = await owner.patch(owner.ws(`/pulses/${autumn.id}`), {
      title: 'Autumn',
      closesOn: new Date(clock.getTime() + 20 * DAY).toISOString().slice(0, 10),
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const changed = await rollupAndAnswers(owner.workspaceId);
    expect(changed.rollup.find((r) => r.pulseId === summer.id)?.scoreSum).toBe(20);
    expect(changed.rollup.find((r) => r.pulseId === autumn.id)?.title).toBe('Autumn');
    expect(changed.rollup).toEqual(changed.answers);
    expect(changed.months).toEqual(changed.answerMonths);

    // A relationship moved to another team takes its answers along (the database's rule, whoever moves it).
    await t.database.db.execute(
      sql`UPDATE relationships SET team_id = ${green.id}::uuid WHERE workspace_id = ${owner.workspaceId}::uuid AND id = ${b.id}::uuid`,
    );
    const moved = await rollupAndAnswers(owner.workspaceId);
    expect(moved.rollup.filter((r) => r.pulseId === autumn.id).map((r) => [r.teamId, r.answers])).toEqual(
      expect.arrayContaining([
        [blue.id, 2],
        [green.id, 2],
      ]),
    );
    expect(moved.rollup).toEqual(moved.answers);
    expect(moved.months).toEqual(moved.answerMonths);

    // A deleted relationship takes its answers off; a deleted round takes its rows.
    expect((await owner.delete(owner.ws(`/relationships/${a.id}`))).statusCode).toBe(204);
    const gone = await rollupAndAnswers(owner.workspaceId);
    expect(gone.rollup.some((r) => r.pulseId === summer.id)).toBe(false);
    expect(gone.rollup).toEqual(gone.answers);
    expect(gone.months).toEqual(gone.answerMonths);
    expect((await owner.delete(owner.ws(`/pulses/${green1.id}`))).statusCode).toBe(204);
    const deleted = await rollupAndAnswers(owner.workspaceId);
    expect(deleted.rollup.some((r) => r.pulseId === green1.id)).toBe(false);
    expect(deleted.rollup).toEqual(deleted.answers);
    expect(deleted.months).toEqual(deleted.answerMonths);
    // What is left: the autumn round's answers from the relationship now in the green team.
    expect(deleted.rollup.map((r) => [r.teamId, r.pulseId, r.answers])).toEqual([[green.id, autumn.id, 2]]);
  });

  it('keeps each workspace’s rounds to itself', async () => {
    const [one, two] = [await t.signup(), await t.signup()];
    const team = await makeTeam(one);
    const rel = await makeRelationship(one, { teamId: team.id });
    await makeContact(one, rel.clientId);
    const closesOn = new Date(clock.getTime() + 5 * DAY).toISOString().slice(0, 10);
    const res = await one.post(one.ws('/pulses'), {
      kind: 'client',
      title: 'Ours',
      closesOn,
      relationshipId: rel.id,
    });
    await t.anonymous.put(respond(res.json().links[0].url), { score: 8 });
    const db = t.database.db;
    const inOne = await readJson(
      db,
      clientPulseMonthsRead(one.workspaceId, { today: LATER, workspace: true }),
    );
    expect(inOne.filter((m) => m.teamId === team.id)).toHaveLength(1);
    expect(
      await readJson(db, clientPulseMonthsRead(two.workspaceId, { today: LATER, workspace: true })),
    ).toEqual([]);
    expect(
      await readJson(
        db,
        clientPulseMonthsRead(two.workspaceId, { today: LATER, teamIds: [team.id], workspace: false }),
      ),
    ).toEqual([]);
    const month = closesOn.slice(0, 7);
    expect(
      await readJson(db, firstClientRoundsRead(one.workspaceId, [{ teamId: team.id, month }], LATER)),
    ).toHaveLength(1);
    expect(
      await readJson(db, firstClientRoundsRead(two.workspaceId, [{ teamId: team.id, month }], LATER)),
    ).toEqual([]);
    expect(
      await readJson(db, firstClientRoundsRead(two.workspaceId, [{ teamId: null, month }], LATER)),
    ).toEqual([]);
  });

  // Embedded, one connection runs every statement in turn, so two answers never overlap; on PostgreSQL they do.
  it.runIf(inject('testDatabaseUrl'))(
    'count a round answered at once by two teams’ relationships once for the month, both answers kept',
    async () => {
      const owner = await t.signup();
      const [blue, green] = [await makeTeam(owner), await makeTeam(owner)];
      const a = await makeRelationship(owner, { teamId: blue.id });
      const b = await makeRelationship(owner, { teamId: green.id });
      const closesOn = new Date(clock.getTime() + 5 * DAY).toISOString().slice(0, 10);
      await makeContact(owner, a.clientId);
      const res = await owner.post(owner.ws('/pulses'), {
        kind: 'client',
        title: 'Both',
        closesOn,
        relationshipId: a.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      const round = res.json() as { id: string };
      const [one, two] = [0, 1].map(() => new pg.Client({ connectionString: inject('testDatabaseUrl') }));
      await Promise.all([one!.connect(), two!.connect()]);
      try {
        const answer = (c: pg.Client, relationshipId: string) =>
          c.query(
            `INSERT INTO pulse_answers (workspace_id, id, pulse_id, relationship_id, score, answered_at)
             VALUES ($1, gen_random_uuid(), $2, $3, 7, now())`,
            [owner.workspaceId, round.id, relationshipId],
          );
        await one!.query('BEGIN');
        await two!.query('BEGIN');
        await answer(one!, a.id);
        // The second answer's month waits for the first's commit, then counts from it.
        const second = answer(two!, b.id).then(() => two!.query('COMMIT'));
        await new Promise((r) => setTimeout(r, 200));
        await one!.query('COMMIT');
        await second;
      } finally {
        await Promise.all([one!.end(), two!.end()]);
      }
      const after = await rollupAndAnswers(owner.workspaceId);
      expect(after.months).toEqual(after.answerMonths);
      expect(after.months.find((m) => m.teamId === null)).toMatchObject({
        rounds: 1,
        answers: 2,
        scoreSum: 14,
      });
    },
  );
});
