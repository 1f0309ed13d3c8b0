// Check-ins and topics for the balance as the rule can use them without every record: counts per team and
// day from the rollup the database keeps on write (`balance_days`, migration 0010), and only the records a
// window can show as evidence — the first 50 from each window's start, for the scopes whose windows are
// computed. A large workspace's year is tens of thousands of check-ins and topics; its days per team are
// hundreds, and its evidence at most a few hundred records per scope. Each read comes back as one JSON value
// (db/json-rows.ts).
import { sql } from 'drizzle-orm';
import { jsonRead } from '../../db/json-rows';
import { workspaces } from '../../platform/auth/auth.table';
import { andIdIn, utcDay } from '../../platform/columns';
import { clientPulseMonths, clientRoundsByTeam } from '../pulses/pulse-rounds.table';
import { teams } from '../teams/teams.table';
import { balanceDays } from './balance.table';

/** Evidence the balance shows per part and window (balance.parts MAX_EVIDENCE). */
export const EVIDENCE = 50;

/** A window whose first records are read: for one team, or the workspace (`teamId` null). */
export type EvidenceWindow = { teamId: string | null; from: string; to: string };
export type DayCount = { teamId: string; day: string; total: number; counted: number };
export type DueCheckIn = {
  id: string;
  relationshipId: string;
  /** The relationship's client, which names the check-in. */
  client: string;
  teamId: string;
  dueOn: string;
  heldOn: string | null;
};
export type RaisedTopic = {
  id: string;
  relationshipId: string;
  teamId: string;
  label: string;
  raisedBy: 'provider' | 'client';
  raisedOn: string;
};

const windowList = (windows: EvidenceWindow[]) =>
  sql.join(
    windows.map((w) => sql`(${w.teamId}::uuid, ${w.from}::date, ${w.to}::date)`),
    sql`, `,
  );

type Scope = { from: string; to: string; teamIds?: string[] };

/**
 * Check-ins due (and held on time) and topics raised (and by clients) in [from, to], per team, summed per
 * month and keyed on the bucket's last day with any. A window counts from a month's first day, or from the day
 * its scope began (the team's, or the workspace's, creation) when that is later, to a month's last day or `to`
 * (balance.ts#windowOf): the months are split on both beginnings, so every window is whole buckets and its
 * sums are exact. A year per team is then tens of rows instead of hundreds of days. The workspace's first day
 * is read once, by a subquery: joined, the generic plan of the prepared statement (db/named-statements.ts)
 * scanned the workspaces once for each of a big tenant's days (3 → 33 ms at L). Each team's days are read by
 * a LATERAL on its key, in day order: the generic plan, which guesses a couple of rows for any range, sorted
 * and merge-joined a big tenant's whole year with its teams instead (5.6 against 3.0 ms at L).
 */
export function dayCountsRead(workspaceId: string, scope: Scope) {
  type Found = { teamId: string; day: string; due: number; onTime: number; raised: number; byClient: number };
  return jsonRead(
    sql`SELECT t.id AS "teamId", d.* FROM ${teams} t CROSS JOIN LATERAL (
          SELECT max(b.day) AS day,
            sum(b.check_ins_due)::int AS due, sum(b.check_ins_on_time)::int AS "onTime",
            sum(b.topics_raised)::int AS raised, sum(b.topics_by_client)::int AS "byClient"
          FROM ${balanceDays} b
          WHERE b.workspace_id = t.workspace_id AND b.team_id = t.id
            AND b.day >= ${scope.from}::date AND b.day <= ${scope.to}::date
          -- As a timestamp: a date would be truncated as a timestamptz, through the time zone for every row.
          GROUP BY date_trunc('month', b.day::timestamp), b.day >= (t.created_at AT TIME ZONE 'UTC')::date,
            b.day >= (SELECT (created_at AT TIME ZONE 'UTC')::date FROM ${workspaces} WHERE id = ${workspaceId}::uuid)) d
        WHERE t.workspace_id = ${workspaceId}::uuid ${andIdIn('t.id', scope.teamIds)}`,
    (found: Found[]) => {
      const checkIns: DayCount[] = [];
      const topics: DayCount[] = [];
      for (const d of found) {
        if (d.due > 0) checkIns.push({ teamId: d.teamId, day: d.day, total: d.due, counted: d.onTime });
        if (d.raised > 0) topics.push({ teamId: d.teamId, day: d.day, total: d.raised, counted: d.byClient });
      }
      return { checkIns, topics };
    },
  );
}

/**
 * Each window's first records by one query's LATERAL, once per window list. The first 50 are taken from the
 * (workspace_id, time) index before the join that names their team: joined first, the planner sorted every
 * record of a window. A team's windows test each record's team (`teamWhere` opens the WHERE clause, with the
 * test for a team's windows); the workspace's have none (a predicate that may or may not apply would make the
 * planner pick one plan for both, the slow one).
 */
function perWindow(
  windows: EvidenceWindow[],
  first: (teamWhere: ReturnType<typeof sql>) => ReturnType<typeof sql>,
) {
  const parts = [false, true].flatMap((forTeam) => {
    const list = windows.filter((w) => (w.teamId !== null) === forTeam);
    if (list.length === 0) return [];
    // One probe of the relationship's key per record, in time order until 50 are found, whatever the plan.
    // Joined, the generic plan guessed a few dozen records a window and compared each with every relationship
    // of the team (43,000 comparisons, ~3.5 ms a window at S). As a plain `=`, the custom plan guessed 1 in 200
    // records would pass and sorted the whole window instead of stopping at 50 (13.5 against 1.9 ms at L);
    // inside coalesce() the test is guessed to pass half the time.
    const teamWhere = forTeam
      ? sql`WHERE coalesce((SELECT rt.team_id FROM relationships rt
          WHERE rt.workspace_id = x.workspace_id AND rt.id = x.relationship_id) = w.team_id, false) AND`
      : sql`WHERE`;
    return [
      sql`SELECT x.* FROM (VALUES ${windowList(list)}) AS w(team_id, from_day, to_day)
          CROSS JOIN LATERAL (${first(teamWhere)}) x`,
    ];
  });
  return sql.join(parts, sql` UNION ALL `);
}

const windowStart = sql.raw(`w.from_day::timestamp at time zone 'UTC'`);
const windowEnd = sql.raw(`(w.to_day + 1)::timestamp at time zone 'UTC'`);

/** The first check-ins due in each window (ordered as the rule orders them: due time, then id), each once. */
export function firstCheckInsRead(workspaceId: string, windows: EvidenceWindow[]) {
  if (windows.length === 0) return jsonRead<DueCheckIn>(null);
  return jsonRead<DueCheckIn>(
    sql`SELECT DISTINCT y.id, y."relationshipId", y.client, y."teamId", y."dueOn", y."heldOn", y.scheduled_for FROM (${perWindow(
      windows,
      (teamWhere) => sql`
          SELECT c.id, c.relationship_id AS "relationshipId", cl.name AS client, r.team_id AS "teamId", c.scheduled_for,
                 ${utcDay('c.scheduled_for')} AS "dueOn",
                 CASE WHEN c.status = 'held' THEN ${utcDay('c.held_at')} END AS "heldOn"
          FROM (SELECT x.id, x.workspace_id, x.relationship_id, x.scheduled_for, x.status, x.held_at
                FROM check_ins x ${teamWhere} x.workspace_id = ${workspaceId}::uuid AND x.scheduled_for >= ${windowStart}
                  AND x.scheduled_for < ${windowEnd}
                ORDER BY x.scheduled_for, x.id LIMIT ${EVIDENCE}) c
          JOIN relationships r ON r.workspace_id = c.workspace_id AND r.id = c.relationship_id
          JOIN clients cl ON cl.workspace_id = r.workspace_id AND cl.id = r.client_id`,
    )}) y
        ORDER BY y.scheduled_for, y.id`,
  );
}

/** The first topics raised in each window (by creation time, then id), each once. */
export function firstTopicsRead(workspaceId: string, windows: EvidenceWindow[]) {
  if (windows.length === 0) return jsonRead<RaisedTopic>(null);
  return jsonRead<RaisedTopic>(
    sql`SELECT DISTINCT y.id, y."relationshipId", y."teamId", y.label, y."raisedBy", y."raisedOn", y.created_at FROM (${perWindow(
      windows,
      (teamWhere) => sql`
          SELECT t.id, t.relationship_id AS "relationshipId", r.team_id AS "teamId", t.title AS label,
                 t.raised_by AS "raisedBy", ${utcDay('t.created_at')} AS "raisedOn", t.created_at
          FROM (SELECT x.id, x.workspace_id, x.relationship_id, x.title, x.raised_by, x.created_at
                FROM topics x ${teamWhere} x.workspace_id = ${workspaceId}::uuid AND x.created_at >= ${windowStart}
                  AND x.created_at < ${windowEnd}
                ORDER BY x.created_at, x.id LIMIT ${EVIDENCE}) t
          JOIN relationships r ON r.workspace_id = t.workspace_id AND r.id = t.relationship_id`,
    )}) y
        ORDER BY y.created_at, y.id`,
  );
}

/** Client pulse rounds closed in one month: for one team, or the workspace (`teamId` null). */
export type PulseMonthCount = {
  teamId: string | null;
  month: string;
  rounds: number;
  responses: number;
  scoreSum: number;
};
/** A month whose first rounds are read as evidence: one team's, or the workspace's (`teamId` null). */
export type EvidenceMonth = { teamId: string | null; month: string };
export type ShownRound = {
  teamId: string | null;
  id: string;
  label: string;
  closedOn: string;
  responses: number;
  scoreSum: number;
};

/**
 * Client pulse rounds closed by `today` per team and month; with `workspace`, also per month across the teams
 * (rows with `teamId` null), where a round asked of two teams' relationships counts once. Past months come
 * from the rollup the database keeps per month (`client_pulse_months`, migration 0015); this month from its
 * rounds closed by today (`client_pulse_rounds`), since the rollup's month also holds the rounds still to close.
 * Every month, not only the window's: the part compares the latest month with the one before it, however far
 * back that is.
 */
export function clientPulseMonthsRead(
  workspaceId: string,
  scope: { today: string; teamIds?: string[]; workspace: boolean },
) {
  if (scope.teamIds?.length === 0) return jsonRead<PulseMonthCount>(null);
  const thisMonth = sql`date_trunc('month', ${scope.today}::date)::date`;
  const teams = scope.workspace ? sql`` : sql`AND team_id IS NOT NULL ${andIdIn('team_id', scope.teamIds)}`;
  return jsonRead<PulseMonthCount>(
    sql`SELECT team_id AS "teamId", to_char(month, 'YYYY-MM') AS month, rounds, answers AS responses,
          score_sum AS "scoreSum"
        FROM ${clientPulseMonths}
        WHERE workspace_id = ${workspaceId}::uuid AND month < ${thisMonth} ${teams}
        UNION ALL
        SELECT team_id, to_char(${thisMonth}, 'YYYY-MM'), count(DISTINCT pulse_id)::int, sum(answers)::int,
          sum(score_sum)::int
        FROM ${clientRoundsByTeam}
        WHERE workspace_id = ${workspaceId}::uuid AND closes_on >= ${thisMonth} AND closes_on <= ${scope.today}::date
          AND answers > 0 ${andIdIn('team_id', scope.teamIds)}
        GROUP BY ${scope.workspace ? sql`GROUPING SETS ((team_id), ())` : sql`team_id`}
        HAVING count(*) > 0`,
  );
}

/**
 * The first rounds (by close day, then id) closed in each month asked, per team or pooled across the
 * workspace: the evidence of the client pulse part, which the monthly counts score. From the
 * (workspace_id, [team_id,] closes_on) indexes, a month at a time.
 */
export function firstClientRoundsRead(workspaceId: string, months: EvidenceMonth[], today: string) {
  const parts = [false, true].flatMap((forTeam) => {
    const list = months.filter((m) => (m.teamId !== null) === forTeam);
    if (list.length === 0) return [];
    const values = sql.join(
      list.map((m) => sql`(${m.teamId}::uuid, ${`${m.month}-01`}::date)`),
      sql`, `,
    );
    return [
      sql`SELECT w.team_id AS "teamId", x.* FROM (VALUES ${values}) AS w(team_id, first_day)
          CROSS JOIN LATERAL (
            SELECT pulse_id AS id, min(title) AS label, to_char(closes_on, 'YYYY-MM-DD') AS "closedOn",
                   sum(answers)::int AS responses, sum(score_sum)::int AS "scoreSum"
            FROM ${clientRoundsByTeam}
            WHERE workspace_id = ${workspaceId}::uuid ${forTeam ? sql`AND team_id = w.team_id` : sql``}
              AND closes_on >= w.first_day AND closes_on < (w.first_day + interval '1 month')::date
              AND closes_on <= ${today}::date AND answers > 0
            GROUP BY closes_on, pulse_id ORDER BY closes_on, pulse_id LIMIT ${EVIDENCE}) x`,
    ];
  });
  return jsonRead<ShownRound>(parts.length === 0 ? null : sql.join(parts, sql` UNION ALL `));
}
