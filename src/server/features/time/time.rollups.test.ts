import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../../db/json-rows';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { makeRelationship, makeTeam } from '../relationships/relationships.fixtures';
import { monthlyTimeRead } from './time.rollups';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Month = { teamId: string | null; month: string; kind: string; hours: number; entries: number };

const key = (m: Month) => `${m.teamId ?? '-'} ${m.month} ${m.kind}`;
const sorted = (rows: Month[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));

/** The rollup's rows of a workspace, and the same sums straight from its entries. */
async function rollupAndEntries(workspaceId: string) {
  const read = async (query: ReturnType<typeof sql>) =>
    sorted(
      ((await t.database.db.execute(query)) as unknown as { rows: Month[] }).rows.map((r) => ({
        ...r,
        hours: Number(r.hours),
        entries: Number(r.entries),
      })),
    );
  return {
    rollup:
      await read(sql`SELECT team_id AS "teamId", to_char(month, 'YYYY-MM') AS month, kind, hours, entries
      FROM time_months WHERE workspace_id = ${workspaceId}::uuid`),
    entries: await read(sql`SELECT team_id AS "teamId", to_char(date, 'YYYY-MM') AS month, kind,
      sum(hours) AS hours, count(*)::int AS entries
      FROM time_entries WHERE workspace_id = ${workspaceId}::uuid GROUP BY 1, 2, 3`),
  };
}

/** A seeded sequence, so a failure replays. */
function prng(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((s / 2_147_483_648) * n); // the high bits: an LCG's low bits cycle
  };
}

describe('the monthly time rollup', () => {
  it('stays equal to the sums of the entries through logging, editing, moving and deleting', async () => {
    const owner: Session = await t.signup();
    const rels = [await makeRelationship(owner), await makeRelationship(owner)];
    const spare = await makeTeam(owner);
    const teams = [rels[0]!.teamId, rels[1]!.teamId, spare.id];
    const days = ['2026-09-30', '2026-10-01', '2026-10-17', '2026-10-31', '2026-11-02', '2026-11-29'];
    const kinds = ['billable', 'partnership', 'learning', 'internal'];
    const pick = prng(7);
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const op = ids.length === 0 ? 0 : pick(5);
      if (op <= 1) {
        const on = pick(3);
        const res = await owner.post(owner.ws('/time-entries'), {
          date: days[pick(days.length)],
          hours: (1 + pick(30)) / 4,
          kind: kinds[pick(4)],
          ...(on === 0 ? { relationshipId: rels[pick(2)]!.id } : on === 1 ? { teamId: teams[pick(3)] } : {}),
        });
        expect(res.statusCode).toBe(201);
        ids.push(res.json().id);
      } else if (op <= 3) {
        const change = [
          { date: days[pick(days.length)] },
          { kind: kinds[pick(4)] },
          { hours: (1 + pick(30)) / 4 },
          { teamId: teams[pick(3)] },
        ][pick(4)];
        const res = await owner.patch(owner.ws(`/time-entries/${ids[pick(ids.length)]}`), change);
        expect(res.statusCode).toBe(200);
      } else {
        const [id] = ids.splice(pick(ids.length), 1);
        expect((await owner.delete(owner.ws(`/time-entries/${id}`))).statusCode).toBe(204);
      }
    }
    const mid = await rollupAndEntries(owner.workspaceId);
    expect(mid.rollup.length).toBeGreaterThan(5);
    expect(mid.rollup).toEqual(mid.entries);

    // A relationship deleted takes its entries along; so does a team.
    expect((await owner.delete(owner.ws(`/relationships/${rels[0]!.id}`))).statusCode).toBe(204);
    expect((await owner.delete(owner.ws(`/teams/${spare.id}`))).statusCode).toBe(204);
    const after = await rollupAndEntries(owner.workspaceId);
    expect(after.rollup).toEqual(after.entries);
    expect(after.rollup.some((m) => m.teamId === spare.id)).toBe(false);
  });

  it('leaves out entries logged ahead of the day asked for, and other workspaces', async () => {
    const owner = await t.signup();
    const other = await t.signup();
    const log = (s: Session, date: string, hours: number, kind = 'partnership') =>
      s.post(s.ws('/time-entries'), { date, hours, kind });
    await log(owner, '2026-10-20', 2);
    await log(owner, '2026-11-03', 3);
    await log(owner, '2026-11-03', 1, 'billable');
    await log(owner, '2026-11-25', 5); // ahead of the 23rd
    await log(other, '2026-11-03', 7);
    const months = await readJson(
      t.database.db,
      monthlyTimeRead(owner.workspaceId, { from: '2026-10-01', to: '2026-11-23' }),
    );
    expect(sorted(months as Month[])).toEqual([
      { teamId: null, month: '2026-10', kind: 'partnership', hours: 2, entries: 1 },
      { teamId: null, month: '2026-11', kind: 'billable', hours: 1, entries: 1 },
      { teamId: null, month: '2026-11', kind: 'partnership', hours: 3, entries: 1 },
    ]);
    // Only ahead-logged hours in a month leave it out altogether.
    const early = await readJson(
      t.database.db,
      monthlyTimeRead(owner.workspaceId, { from: '2026-11-01', to: '2026-11-02' }),
    );
    expect(early).toEqual([]);
  });
});
