// Relationships and their assessments for the balance's progression part, as the rule can use them without
// every record: the changes per team and day from the rollup the database keeps on write (`standing_days`,
// migration 0014), summed per month, and only the relationships the evidence can show, with their whole
// histories — each window's 50 latest moves (`standing_moves`, kept by the same triggers) and as many of the
// scope's first to start as the window with the fewest moves leaves room for. A large workspace
// has thousands of relationships and assessments; its months per team are tens.
import { type SQL, sql } from 'drizzle-orm';
import type { PyramidLevel, Stage, StandingDay } from '../../../domain/balance';
import { addMonths, lastDay, monthOf } from '../../../domain/balance.calendar';
import { jsonRead } from '../../db/json-rows';
import { andIdIn, isoText, utcDay } from '../../platform/columns';
import { clients } from '../clients/clients.table';
import { assessments, relationships } from '../relationships/relationships.table';
import { standingDays, standingMoves } from './balance.table';
import { EVIDENCE } from './balance.tallies';

export type TeamStandingDay = StandingDay & { teamId: string };

/**
 * The changes up to `to` per team, summed per month and keyed on the month's last day (`to` for the last
 * one): every window starts on a month's first day and ends on its last or on `to`, so its sums are exact.
 * Every month, not only the windows': a standing is the sum of all that came before. The months before `from`
 * (the first window's first day) are one row per team, keyed on the day before it: no window looks inside
 * them, only at their sum (a team of four years was ~50 rows, ~15 now). The day is truncated as a
 * `timestamp`: given a date, `date_trunc` takes it as a `timestamptz` and goes through the time zone for every
 * row (a big tenant's 4,600 rows: ~11 against ~5 ms embedded).
 */
export function standingMonthsRead(
  workspaceId: string,
  scope: { from: string; to: string; teamIds?: string[] },
) {
  const before = lastDay(addMonths(monthOf(scope.from), -1));
  return jsonRead(
    sql`SELECT team_id AS "teamId",
          least(greatest((date_trunc('month', day::timestamp) + interval '1 month - 1 day')::date, ${before}::date),
            ${scope.to}::date) AS day,
          sum(started)::int AS started, sum(units)::int AS units,
          ARRAY[sum(transactional)::int, sum(advisory)::int, sum(partnership)::int, sum(co_creation)::int] AS stages,
          sum(steps_up)::int AS up, sum(steps_down)::int AS down, sum(moves)::int AS moves,
          max(day) FILTER (WHERE steps_up > 0) AS "lastUpOn"
        FROM ${standingDays}
        WHERE workspace_id = ${workspaceId}::uuid AND day <= ${scope.to}::date ${andIdIn('team_id', scope.teamIds)}
        GROUP BY 1, 2`,
    (rows: (Omit<TeamStandingDay, 'stages'> & { stages: number[] })[]) => rows as TeamStandingDay[],
  );
}

export type EvidenceRelationship = { id: string; teamId: string; label: string; startedOn: string };
export type EvidenceAssessment = {
  id: string;
  relationshipId: string;
  teamId: string;
  at: string;
  stage: Stage;
  pyramidLevel: PyramidLevel;
};

/** A scope (a team, or the workspace when `teamId` is null) and the windows whose progression it shows. */
export type EvidenceScope = { teamId: string | null; windows: { from: string; to: string }[] };

/**
 * The relationships the progression part can show, with every assessment up to `end`. A window lists its 50
 * latest moves (balance.standings#standingChanges: a step from the assessment before, on or after the day the
 * relationship started; `standing_moves`), then, up to 50 in all, the first relationships to start (by start
 * day, then id): so per scope each window's 50 latest moves, and as many of the first to start as the window
 * with the fewest moves leaves room for — none when every window has 50. Reading the first 50 to start and
 * each spanned month's 50 latest moves whatever they showed, a year's balance at 1,000 relationships read ~400
 * relationships and their histories (130 KB) to show ~100.
 */
export function evidenceRelationshipsRead(workspaceId: string, scopes: EvidenceScope[], end: string) {
  type Found = { relationships: EvidenceRelationship[] | null; assessments: EvidenceAssessment[] | null };
  const ws = sql`${workspaceId}::uuid`;
  const teamIs = (teamId: string | null, column: string) =>
    teamId === null ? sql`` : sql`AND ${sql.raw(column)} = ${teamId}::uuid`;
  // Each window's latest moves, from the rollup's (workspace_id, [team_id,] assessed_at) index, as a CTE of its
  // own: the scope's first to start are limited by how many they found.
  let n = 0;
  const moves: SQL[] = [];
  const picks: SQL[] = [];
  for (const { teamId, windows } of scopes) {
    const counts: SQL[] = [];
    for (const w of windows) {
      const name = sql.raw(`moves_${n++}`);
      moves.push(sql`${name} AS MATERIALIZED (SELECT m.relationship_id AS id FROM ${standingMoves} m
        WHERE m.workspace_id = ${ws} ${teamIs(teamId, 'm.team_id')}
          AND m.assessed_at >= ${w.from}::timestamp at time zone 'UTC'
          AND m.assessed_at < (${w.to}::date + 1)::timestamp at time zone 'UTC'
        ORDER BY m.assessed_at DESC, m.assessment_id DESC LIMIT ${EVIDENCE})`);
      picks.push(sql`SELECT id FROM ${name}`);
      counts.push(sql`(SELECT count(*) FROM ${name})`);
    }
    if (counts.length > 0)
      picks.push(sql`(SELECT r.id FROM ${relationships} r WHERE r.workspace_id = ${ws} ${teamIs(teamId, 'r.team_id')}
        ORDER BY (r.created_at at time zone 'UTC')::date, r.id
        LIMIT ${sql.raw(String(EVIDENCE))} - least(${sql.join(counts, sql`, `)}))`);
  }
  // One statement: the relationships picked once, then read with their names and their histories. The client
  // is joined on the relationship's own key columns: on the workspace's id instead, the generic plan guessed a
  // tenant's clients few and probed them through the name index, reading all of a big tenant's for each
  // (~4 ms at L).
  return jsonRead(
    picks.length === 0
      ? null
      : sql`WITH ${sql.join(moves, sql`, `)},
        picked AS MATERIALIZED (SELECT DISTINCT id FROM (${sql.join(picks, sql` UNION ALL `)}) x),
        rels AS (SELECT r.workspace_id, r.id, r.team_id, r.created_at, r.client_id FROM picked
          JOIN ${relationships} r ON r.workspace_id = ${ws} AND r.id = picked.id)
        SELECT
          (SELECT json_agg(x) FROM (
            SELECT r.id, r.team_id AS "teamId", ${utcDay('r.created_at')} AS "startedOn", c.name AS label
            FROM rels r JOIN ${clients} c ON c.workspace_id = r.workspace_id AND c.id = r.client_id) x) AS relationships,
          (SELECT json_agg(x) FROM (
            SELECT a.id, a.relationship_id AS "relationshipId", r.team_id AS "teamId",
              ${isoText(sql.raw('a.assessed_at'))} AS at, a.stage, a.pyramid_level AS "pyramidLevel"
            FROM rels r JOIN ${assessments} a ON a.workspace_id = ${ws} AND a.relationship_id = r.id
            WHERE a.assessed_at <= ${end}::timestamptz) x) AS assessments`,
    ([found]: Found[]) => ({
      relationships: found?.relationships ?? [],
      assessments: found?.assessments ?? [],
    }),
  );
}
