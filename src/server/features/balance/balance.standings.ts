// Relationships and their assessments for the balance's progression part, as the rule can use them without
// every record: the changes per team and day from the rollup the database keeps on write (`standing_days`,
// migration 0014), summed per month, and only the relationships the evidence can show, with their whole
// histories — each scope's first 50 to start, and those of each month's 50 latest moves (`standing_moves`,
// kept by the same triggers). A large workspace
// has thousands of relationships and assessments; its months per team are tens.
import { sql } from 'drizzle-orm';
import type { PyramidLevel, Stage, StandingDay } from '../../../domain/balance';
import { jsonRead } from '../../db/json-rows';
import { andIdIn, isoText, utcDay } from '../../platform/columns';
import { clients } from '../clients/clients.table';
import { assessments, relationships } from '../relationships/relationships.table';
import { standingDays, standingMoves } from './balance.table';
import { EVIDENCE, type EvidenceWindow } from './balance.tallies';

export type TeamStandingDay = StandingDay & { teamId: string };

/**
 * The changes up to `to` per team, summed per month and keyed on the month's last day (`to` for the last
 * one): every window starts on a month's first day and ends on its last or on `to`, so its sums are exact.
 * Every month, not only the windows': a standing is the sum of all that came before. The day is truncated as a
 * `timestamp`: given a date, `date_trunc` takes it as a `timestamptz` and goes through the time zone for every
 * row (a big tenant's 4,600 rows: ~11 against ~5 ms embedded).
 */
export function standingMonthsRead(workspaceId: string, scope: { to: string; teamIds?: string[] }) {
  return jsonRead(
    sql`SELECT team_id AS "teamId",
          least((date_trunc('month', day::timestamp) + interval '1 month - 1 day')::date, ${scope.to}::date) AS day,
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

/**
 * The relationships the progression part can show, with every assessment up to `end`: for each scope (a
 * team, or the workspace when `teamId` is null) the first 50 to start (by start day, then id), and for each
 * month its windows span the relationships of its 50 latest moves (balance.standings#standingChanges: a step
 * from the assessment before, on or after the day the relationship started; `standing_moves`). A window's
 * 50 latest moves are among its months' 50 latest, and each month is read once, not once per window.
 */
export function evidenceRelationshipsRead(
  workspaceId: string,
  scopes: (string | null)[],
  months: EvidenceWindow[],
  end: string,
) {
  type Found = { relationships: EvidenceRelationship[] | null; assessments: EvidenceAssessment[] | null };
  const ws = sql`${workspaceId}::uuid`;
  const firsts = scopes.map(
    (teamId) => sql`(SELECT r.id FROM ${relationships} r
      WHERE r.workspace_id = ${ws} ${teamId === null ? sql`` : sql`AND r.team_id = ${teamId}::uuid`}
      ORDER BY (r.created_at at time zone 'UTC')::date, r.id LIMIT ${EVIDENCE})`,
  );
  // A month's latest moves, from the rollup's (workspace_id, [team_id,] assessed_at) index.
  const latestMoves = months.map(
    (w) => sql`(SELECT m.relationship_id AS id FROM ${standingMoves} m
      WHERE m.workspace_id = ${ws} ${w.teamId === null ? sql`` : sql`AND m.team_id = ${w.teamId}::uuid`}
        AND m.assessed_at >= ${w.from}::timestamp at time zone 'UTC'
        AND m.assessed_at < (${w.to}::date + 1)::timestamp at time zone 'UTC'
      ORDER BY m.assessed_at DESC, m.assessment_id DESC LIMIT ${EVIDENCE})`,
  );
  // One statement: the relationships picked once, then read with their names and their histories. The client
  // is joined on the relationship's own key columns: on the workspace's id instead, the generic plan guessed a
  // tenant's clients few and probed them through the name index, reading all of a big tenant's for each
  // (~4 ms at L).
  return jsonRead(
    scopes.length === 0 && months.length === 0
      ? null
      : sql`WITH picked AS MATERIALIZED (
          SELECT DISTINCT id FROM (${sql.join([...firsts, ...latestMoves], sql` UNION ALL `)}) x),
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
