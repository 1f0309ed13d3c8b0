import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BalanceInput, latestBalance, type PyramidLevel, type Stage } from '../../../domain/balance';
import { assessmentHistories, standingChanges } from '../../../domain/balance.standings';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { makeRelationship, makeTeam, type RelationshipBody } from '../relationships/relationships.fixtures';
import { loadBalanceInputs } from './balance.inputs';
import { monthsOf } from './balance.store';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Change = {
  teamId: string;
  day: string;
  started: number;
  units: number;
  stages: number[];
  up: number;
  down: number;
  moves: number;
};

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const nonZero = (c: Change) =>
  c.started !== 0 || c.units !== 0 || c.stages.some((n) => n !== 0) || c.up !== 0 || c.down !== 0;
const inOrder = (list: Change[]) =>
  list.filter(nonZero).sort((a, b) => (`${a.teamId}${a.day}` < `${b.teamId}${b.day}` ? -1 : 1));

/** The rollup's days of a workspace, and the same changes computed by the rule from its records. */
async function rollupAndRecords(workspaceId: string) {
  const rollup = await rows<Change>(
    sql`SELECT team_id AS "teamId", to_char(day, 'YYYY-MM-DD') AS day, started, units,
          ARRAY[transactional, advisory, partnership, co_creation] AS stages, steps_up AS up, steps_down AS down, moves
        FROM standing_days WHERE workspace_id = ${workspaceId}::uuid`,
  );
  const rels = await rows<{ id: string; teamId: string; startedOn: string }>(
    sql`SELECT id, team_id AS "teamId", to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') AS "startedOn"
        FROM relationships WHERE workspace_id = ${workspaceId}::uuid`,
  );
  const assessed = await rows<{
    id: string;
    relationshipId: string;
    at: string;
    stage: Stage;
    pyramidLevel: PyramidLevel;
  }>(
    sql`SELECT id, relationship_id AS "relationshipId",
          to_char(assessed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, stage, pyramid_level AS "pyramidLevel"
        FROM assessments WHERE workspace_id = ${workspaceId}::uuid`,
  );
  const records = [...new Set(rels.map((r) => r.teamId))].flatMap((teamId) =>
    standingChanges(
      rels.filter((r) => r.teamId === teamId).map((r) => ({ ...r, label: r.id })),
      assessed,
    ).map(({ lastUpOn: _, ...c }) => ({ teamId, ...c })),
  );
  // The moves themselves, with their relationship's team.
  const relOf = new Map(rels.map((r) => [r.id, r]));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const movesRollup = (
    await rows<{ id: string; relationshipId: string; teamId: string }>(
      sql`SELECT assessment_id AS id, relationship_id AS "relationshipId", team_id AS "teamId"
          FROM standing_moves WHERE workspace_id = ${workspaceId}::uuid`,
    )
  ).sort(byId);
  const movesRecords = assessmentHistories(assessed)
    .moves.items.filter((m) => {
      const rel = relOf.get(m.assessment.relationshipId);
      return rel !== undefined && m.day >= rel.startedOn;
    })
    .map((m) => ({
      id: m.assessment.id,
      relationshipId: m.assessment.relationshipId,
      teamId: relOf.get(m.assessment.relationshipId)!.teamId,
    }))
    .sort(byId);
  return {
    rollup: inOrder(rollup),
    records: inOrder(records),
    moves: records.reduce((n, c) => n + c.moves, 0),
    movesRollup,
    movesRecords,
  };
}

const stageList: Stage[] = ['transactional', 'advisory', 'partnership', 'co_creation'];
const levelList: PyramidLevel[] = ['expectations', 'desires', 'unrecognized_needs'];
const DAY = 86_400_000;

describe('the relationships’ standing per day', () => {
  it('stays equal to the rule over the records through assessments, backdated ones, edits, deletes, a team move and a deleted relationship', async () => {
    const owner: Session = await t.signup();
    const rels: RelationshipBody[] = [await makeRelationship(owner), await makeRelationship(owner)];
    rels.push(await makeRelationship(owner, { teamId: rels[0]!.teamId }));
    for (const [i, rel] of rels.entries()) {
      const res = await owner.post(owner.ws(`/relationships/${rel.id}/assessments`), {
        stage: stageList[i + 1],
        pyramidLevel: levelList[i % 3],
        note: 'They asked us into their planning',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const first = await rollupAndRecords(owner.workspaceId);
    expect(first.rollup.length).toBeGreaterThan(0);
    expect(first.rollup).toEqual(first.records);
    expect(first.movesRollup).toEqual(first.movesRecords);

    // Backdated, in one statement (as an import or a restore writes them): some before the relationship
    // started, several on one day, steps up and down.
    const now = Date.now();
    const values = Array.from({ length: 30 }, (_, i) => {
      const rel = rels[i % 3]!.id;
      const at = new Date(now - ((i * 37) % 200) * DAY - (i % 5) * 3_600_000).toISOString();
      return sql`(gen_random_uuid(), ${owner.workspaceId}::uuid, ${rel}::uuid, ${stageList[(i * 7) % 4]!},
        ${levelList[(i * 5) % 3]!}, 'Backdated', ${at}::timestamptz)`;
    });
    await t.database.db.execute(
      sql`INSERT INTO assessments (id, workspace_id, relationship_id, stage, pyramid_level, note, assessed_at)
          SELECT v.id, v.ws, v.rel, v.stage, v.level, v.note, v.at
          FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, ws, rel, stage, level, note, at)`,
    );
    // Relationships that started within the data, so moves before a start are left out.
    await t.database.db.execute(
      sql`UPDATE relationships SET created_at = now() - interval '90 days'
          WHERE workspace_id = ${owner.workspaceId}::uuid AND id = ${rels[1]!.id}::uuid`,
    );
    const backdated = await rollupAndRecords(owner.workspaceId);
    expect(backdated.moves).toBeGreaterThan(5);
    expect(backdated.movesRollup.length).toBe(backdated.moves);
    expect(backdated.rollup).toEqual(backdated.records);
    expect(backdated.movesRollup).toEqual(backdated.movesRecords);

    // Edited and deleted histories.
    await t.database.db.execute(
      sql`UPDATE assessments SET stage = 'co_creation', assessed_at = assessed_at - interval '3 days'
          WHERE workspace_id = ${owner.workspaceId}::uuid AND note = 'Backdated' AND stage = 'transactional'`,
    );
    await t.database.db.execute(
      sql`DELETE FROM assessments WHERE workspace_id = ${owner.workspaceId}::uuid AND note = 'Backdated'
            AND pyramid_level = 'desires'`,
    );
    const edited = await rollupAndRecords(owner.workspaceId);
    expect(edited.rollup).toEqual(edited.records);
    expect(edited.movesRollup).toEqual(edited.movesRecords);

    // A relationship moved to another team takes its changes along; one deleted takes them off.
    const elsewhere = await makeTeam(owner);
    await t.database.db.execute(
      sql`UPDATE relationships SET team_id = ${elsewhere.id}::uuid
          WHERE workspace_id = ${owner.workspaceId}::uuid AND id = ${rels[2]!.id}::uuid`,
    );
    const moved = await rollupAndRecords(owner.workspaceId);
    expect(moved.rollup.some((c) => c.teamId === elsewhere.id)).toBe(true);
    expect(moved.rollup).toEqual(moved.records);
    expect(moved.movesRollup).toEqual(moved.movesRecords);
    expect((await owner.delete(owner.ws(`/relationships/${rels[1]!.id}`))).statusCode).toBe(204);
    const gone = await rollupAndRecords(owner.workspaceId);
    expect(gone.rollup).toEqual(gone.records);
    expect(gone.movesRollup).toEqual(gone.movesRecords);
    expect(gone.rollup.filter((c) => c.teamId === rels[1]!.teamId).every((c) => c.started >= 0)).toBe(true);
  });

  it('scores progression as every record would, and shows a busy window’s latest fifty moves, for the workspace and a team', async () => {
    const owner: Session = await t.signup();
    const first = await makeRelationship(owner);
    const rels = [first];
    for (let i = 1; i < 140; i++) rels.push(await makeRelationship(owner, { teamId: first.teamId }));
    rels.push(await makeRelationship(owner));
    // Started at different times over the last 300 days; 190 assessments of 90 of them over the last 100 days,
    // mostly moves.
    await t.database.db.execute(
      sql`UPDATE relationships SET created_at = now() - (((hashtext(id::text) & 255) + 40) * interval '1 day')
          WHERE workspace_id = ${owner.workspaceId}::uuid`,
    );
    const now = Date.now();
    const values = Array.from({ length: 190 }, (_, i) => {
      const at = new Date(now - ((i * 13) % 100) * DAY - (i % 7) * 3_600_000).toISOString();
      return sql`(gen_random_uuid(), ${owner.workspaceId}::uuid, ${rels[(i * 7) % 90]!.id}::uuid,
        ${stageList[(i * 3) % 4]!}, ${levelList[i % 3]!}, 'Busy', ${at}::timestamptz)`;
    });
    await t.database.db.execute(
      sql`INSERT INTO assessments (id, workspace_id, relationship_id, stage, pyramid_level, note, assessed_at)
          SELECT v.id, v.ws, v.rel, v.stage, v.level, v.note, v.at
          FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, ws, rel, stage, level, note, at)`,
    );
    const everyRecord = async (teamId?: string) => ({
      relationships: await rows<BalanceInput['relationships'][number]>(
        sql`SELECT r.id, c.name AS label, to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD') AS "startedOn"
            FROM relationships r JOIN clients c ON c.workspace_id = r.workspace_id AND c.id = r.client_id
            WHERE r.workspace_id = ${owner.workspaceId}::uuid ${teamId ? sql`AND r.team_id = ${teamId}::uuid` : sql``}`,
      ),
      assessments: await rows<BalanceInput['assessments'][number]>(
        sql`SELECT a.id, a.relationship_id AS "relationshipId",
              to_char(a.assessed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, a.stage,
              a.pyramid_level AS "pyramidLevel"
            FROM assessments a JOIN relationships r ON r.workspace_id = a.workspace_id AND r.id = a.relationship_id
            WHERE a.workspace_id = ${owner.workspaceId}::uuid ${teamId ? sql`AND r.team_id = ${teamId}::uuid` : sql``}`,
      ),
    });
    const today = new Date().toISOString().slice(0, 10);
    const months = monthsOf({}, today);
    // Each with its evidence read, as the balance reads it.
    const withEvidence = async (opts: Parameters<typeof loadBalanceInputs>[2]) => {
      const inputs = await loadBalanceInputs(t.database.db, owner.workspaceId, opts);
      await inputs.readEvidence([]);
      return inputs;
    };
    const whole = (await withEvidence({ months, today })).workspace!;
    const team = (
      await withEvidence({ months, today, teamIds: [first.teamId], teamEvidence: 'own' })
    ).byTeam.get(first.teamId)!;
    for (const [input, teamId] of [
      [whole, undefined],
      [team, first.teamId],
    ] as const) {
      expect(input.standingDays?.length).toBeGreaterThan(0);
      const records = await everyRecord(teamId);
      expect(input.relationships.length).toBeLessThan(records.relationships.length - 10);
      const fromRecords = { ...input, ...records, standingDays: undefined };
      const fromRollup = latestBalance(input, 'W').outward;
      expect(fromRollup).toEqual(latestBalance(fromRecords, 'W').outward);
      const progression = fromRollup.at(-1)!.parts.find((p) => p.key === 'progression')!;
      expect(progression.evidence.filter((e) => e.type === 'assessment').length).toBe(50);
      expect(progression.evidenceTotal).toBeGreaterThan(100);
    }
  });

  it('keeps each workspace’s changes to itself', async () => {
    const a = await t.signup();
    const b = await t.signup();
    await makeRelationship(a);
    const before = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM standing_days WHERE workspace_id = ${b.workspaceId}::uuid`,
    );
    await makeRelationship(b);
    const mine = await rollupAndRecords(b.workspaceId);
    expect(before[0]!.n).toBe(0);
    expect(mine.rollup.reduce((n, c) => n + c.started, 0)).toBe(1);
  });
});
