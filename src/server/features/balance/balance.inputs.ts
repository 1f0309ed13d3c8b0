// The balance read model's inputs. A read model: it reads several features' tables directly (teams,
// relationships, assessments, check-ins, topics, time entries, experiments, reflections) and the pulse
// series for speed, and writes nothing.
// Every query filters by workspace_id and is served by an index that leads with it. Time comes from its
// monthly rollup, check-ins and topics as counts per team and day from theirs, client pulses as counts per
// team and month from theirs, the relationships' standing as changes per team, summed per month, from
// theirs (all kept on write by the database); the evidence months' windows add their first records, the
// first rounds of the months they show (balance.tallies) and the relationships their progression shows
// (balance.standings): no request walks a year of entries, check-ins, topics, answers or assessments. Each
// read comes back as one JSON value, all of them in two statements: the counts, then the evidence
// (db/json-rows.ts#readsAsJson).
import { sql } from 'drizzle-orm';
import type { BalanceInput } from '../../../domain/balance';
import { WINDOW_MONTHS } from '../../../domain/balance';
import { addMonths, firstDay, lastDay, maxDay, minDay } from '../../../domain/balance.calendar';
import { pulseCountsByMonth, pulseMonthsShown } from '../../../domain/balance.records';
import { jsonRead, readsAsJsonKept } from '../../db/json-rows';
import type { Db } from '../../db/open';
import { workspaces } from '../../platform/auth/auth.table';
import { andIdIn, utcDay } from '../../platform/columns';
import { experiments } from '../experiments/experiments.table';
import { type PulseRound, teamPulseRoundsRead } from '../pulses/pulse-series';
import { cadencesByTeamRead } from '../reflections/cadences.store';
import { DEFAULT_REFLECTION_CADENCE_DAYS } from '../reflections/reflections.contract';
import { reflections } from '../reflections/reflections.table';
import { teams } from '../teams/teams.table';
import { monthlyTimeRead } from '../time/time.rollups';
import { type EvidenceScope, evidenceRelationshipsRead, standingMonthsRead } from './balance.standings';
import {
  clientPulseMonthsRead,
  dayCountsRead,
  type EvidenceMonth,
  type EvidenceWindow,
  firstCheckInsRead,
  firstClientRoundsRead,
  firstTopicsRead,
} from './balance.tallies';

export type BalanceTeam = { id: string; name: string };
export type BalanceInputs = {
  teams: BalanceTeam[];
  byTeam: Map<string, BalanceInput>;
  /** The whole workspace (only when every team was loaded). */
  workspace: BalanceInput | null;
  /**
   * Reads the evidence (the first check-ins, topics and client pulse rounds of the windows shown, and the
   * relationships the progression shows) into the inputs, in one round trip: the workspace's (when loaded) and
   * each `teamEvidence: 'own'` team's for `evidenceMonths`, and the given teams' for the last month. Until then
   * the inputs carry none: enough for every score and flag (no score depends on evidence), and only a flag shows
   * a team's evidence, so the workspace's balance reads the flagged teams' alone. For the teams in
   * `progressionOnly`, only the relationships and assessments the progression shows (all their flag can show:
   * domain/balance.flag-records.ts).
   */
  readEvidence(teamIds: string[], progressionOnly?: ReadonlySet<string>): Promise<void>;
};

/**
 * Everything the balance needs for the given months, for the given teams (or all teams and the workspace).
 * `today` caps every window: nothing after it counts.
 */
export async function loadBalanceInputs(
  db: Db,
  workspaceId: string,
  opts: {
    months: string[];
    today: string;
    teamIds?: string[];
    /**
     * Whether each team's input carries its own evidence (one team's balance); by default it carries what the
     * workspace's windows read, and `readLastEvidence` adds a flagged team's last month.
     */
    teamEvidence?: 'own';
    /** The months whose evidence is read (default: every month). Scores never depend on it. */
    evidenceMonths?: string[];
  },
): Promise<BalanceInputs> {
  const dataFrom = firstDay(addMonths(opts.months[0]!, -(WINDOW_MONTHS - 1)));
  const lastMonthEnd = lastDay(opts.months.at(-1)!);
  const dataTo = minDay(lastMonthEnd, opts.today);
  const ids = opts.teamIds;
  const teamIn = (column: string) => andIdIn(column, ids);
  if (ids?.length === 0)
    return { teams: [], byTeam: new Map(), workspace: null, readEvidence: async () => {} };

  const dataEnd = `${dataTo}T23:59:59.999Z`;
  const dataStart = `${dataFrom}T00:00:00.000Z`;
  // One statement for every read (db/json-rows.ts#readsAsJson): each was a round trip of its own. Built once
  // for the values it is built from (readsAsJsonKept).
  const countsKey = JSON.stringify(['balance', workspaceId, dataFrom, dataTo, opts.today, ids ?? null]);
  const found = await readsAsJsonKept(db, countsKey, () => ({
    teamRows: jsonRead<{ id: string; name: string; createdOn: string }>(
      sql`SELECT id, name, ${utcDay('created_at')} AS "createdOn" FROM ${teams}
          WHERE workspace_id = ${workspaceId}::uuid ${teamIn('id')}`,
    ),
    ws: jsonRead<{ createdOn: string }>(
      sql`SELECT ${utcDay('created_at')} AS "createdOn" FROM ${workspaces} WHERE id = ${workspaceId}::uuid`,
    ),
    standings: standingMonthsRead(workspaceId, { from: dataFrom, to: dataTo, teamIds: ids }),
    time: monthlyTimeRead(workspaceId, { from: dataFrom, to: dataTo, teamIds: ids }),
    ran: jsonRead<{
      id: string;
      teamId: string;
      relationshipId: string;
      title: string;
      startedOn: string;
      endedOn: string | null;
    }>(
      sql`SELECT id, team_id AS "teamId", relationship_id AS "relationshipId", title,
            ${utcDay('started_at')} AS "startedOn", ${utcDay('ended_at')} AS "endedOn"
          FROM ${experiments}
          WHERE workspace_id = ${workspaceId}::uuid ${teamIn('team_id')} AND started_at IS NOT NULL
            AND started_at <= ${dataEnd}::timestamptz
            AND (ended_at IS NULL OR ended_at >= ${dataStart}::timestamptz)
          ORDER BY started_at, id`,
    ),
    held: jsonRead<{ id: string; teamId: string; heldOn: string; teamName: string }>(
      sql`SELECT f.id, f.team_id AS "teamId", f.held_on AS "heldOn", t.name AS "teamName"
          FROM ${reflections} f JOIN ${teams} t ON t.workspace_id = f.workspace_id AND t.id = f.team_id
          WHERE f.workspace_id = ${workspaceId}::uuid ${teamIn('f.team_id')}
            AND f.held_on >= ${dataFrom}::date AND f.held_on <= ${dataTo}::date
          ORDER BY f.held_on, f.id`,
    ),
    lastHeld: jsonRead<{ teamId: string; heldOn: string }>(
      sql`SELECT team_id AS "teamId", max(held_on)::text AS "heldOn" FROM ${reflections}
          WHERE workspace_id = ${workspaceId}::uuid ${teamIn('team_id')} AND held_on <= ${opts.today}::date
          GROUP BY team_id`,
    ),
    cadences: cadencesByTeamRead(workspaceId),
    days: dayCountsRead(workspaceId, { from: dataFrom, to: dataTo, teamIds: ids }),
    pulseMonths: clientPulseMonthsRead(workspaceId, { today: opts.today, teamIds: ids, workspace: !ids }),
    teamRounds: teamPulseRoundsRead(workspaceId, ids),
  }));
  const { teamRows, standings, time, ran, held, lastHeld, cadences, days, pulseMonths, teamRounds } = found;

  // Client pulse months per scope (a team's id, or null for the workspace).
  const pulseMonthsOf = new Map<string | null, typeof pulseMonths>();
  for (const m of pulseMonths) {
    const list = pulseMonthsOf.get(m.teamId);
    if (list) list.push(m);
    else pulseMonthsOf.set(m.teamId, [m]);
  }

  // The evidence: each window's first check-ins (from the scope's start) and topics, the first rounds of the
  // client pulse months the windows show, and the relationships the progression shows, in one more round trip
  // for every scope asked for, once the scopes' starts and the flags are known.
  const workspaceSince = found.ws[0]?.createdOn ?? '1970-01-01';
  type Scope = { teamId: string | null; since: string; months: string[]; progressionOnly?: boolean };
  const windowsOf = (scopes: Scope[]) => {
    const due: EvidenceWindow[] = [];
    const raised: EvidenceWindow[] = [];
    const rounds: EvidenceMonth[] = [];
    // Each scope's windows, for the relationships its progression shows.
    const progressions: EvidenceScope[] = [];
    for (const { teamId, since, months, progressionOnly } of scopes) {
      const windows = months.map((month) => ({
        from: firstDay(addMonths(month, -(WINDOW_MONTHS - 1))),
        to: minDay(lastDay(month), opts.today),
      }));
      progressions.push({ teamId, windows });
      if (progressionOnly) continue;
      for (const { from, to } of windows) {
        due.push({ teamId, from: maxDay(from, since), to });
        raised.push({ teamId, from, to });
      }
      // The rule's own sorted view of the scope's months (kept for its input, which passes the same list).
      const closed = pulseCountsByMonth(pulseMonthsOf.get(teamId) ?? []).months;
      for (const month of pulseMonthsShown(closed, months)) rounds.push({ teamId, month });
    }
    const key = JSON.stringify([
      'balance evidence',
      workspaceId,
      due,
      raised,
      rounds,
      progressions,
      dataEnd,
      opts.today,
    ]);
    return readsAsJsonKept(db, key, () => ({
      due: firstCheckInsRead(workspaceId, due),
      raised: firstTopicsRead(workspaceId, raised),
      rounds: firstClientRoundsRead(workspaceId, rounds, opts.today),
      shown: evidenceRelationshipsRead(workspaceId, progressions, dataEnd),
    }));
  };

  const cadenceOf = (teamId: string) => cadences.get(teamId) ?? DEFAULT_REFLECTION_CADENCE_DAYS;
  // Each input grouped by team once, so a team's balance reads its own rows, not every row of the workspace.
  const grouped = new Map<unknown[], Map<string | null, unknown[]>>();
  const rowsOf = <T extends { teamId: string | null }>(rows: T[], scope: string | null): T[] => {
    if (scope === null) return rows;
    let byTeam = grouped.get(rows) as Map<string | null, T[]> | undefined;
    if (!byTeam) {
      byTeam = new Map();
      for (const row of rows) {
        const list = byTeam.get(row.teamId);
        if (list) list.push(row);
        else byTeam.set(row.teamId, [row]);
      }
      grouped.set(rows, byTeam as Map<string | null, unknown[]>);
    }
    return byTeam.get(scope) ?? [];
  };
  const teamSeries = [...teamRounds].map(([teamId, rounds]) => ({ teamId, rounds }));
  // Each record in the rule's shape once, shared by the workspace's input and its teams': a year of a large
  // workspace is tens of thousands of records, and the rule keeps its sorted views per array (balance.records).
  const inScope = {
    time,
    // Read in the rule's shape (by start, then id), so used as read.
    experiments: ran,
    reflections: held.map((r) => ({
      teamId: r.teamId,
      id: r.id,
      heldOn: r.heldOn,
      label: `${r.teamName} reflection`,
    })),
  };

  /** A team's balance (`scope` its id) or the workspace's (`scope` null: every row), without evidence yet. */
  const build = (teamIds: string[], activeSince: string, scope: string | null): BalanceInput => {
    const keep = <T extends { teamId: string | null }>(rows: T[]) => rowsOf(rows, scope);
    const lasts = keep(lastHeld).map((r) => r.heldOn);
    return {
      months: opts.months,
      today: opts.today,
      activeSince,
      teamCount: teamIds.length,
      relationships: [],
      assessments: [],
      standingDays: keep(standings),
      time: keep(inScope.time),
      experiments: keep(inScope.experiments),
      reflections: keep(inScope.reflections),
      lastReflectionOn: lasts.sort().at(-1) ?? null,
      checkIns: [],
      checkInDays: keep(days.checkIns),
      clientPulseMonths: pulseMonthsOf.get(scope) ?? [],
      clientPulses: [],
      teamPulses: pooled(keep(teamSeries), opts.today),
      topics: [],
      topicDays: keep(days.topics),
      reflectionCadenceDays: teamIds.map(cadenceOf),
    };
  };

  const byTeam = new Map(teamRows.map((t) => [t.id, build([t.id], t.createdOn, t.id)]));
  const workspace = ids
    ? null
    : build(
        teamRows.map((t) => t.id),
        workspaceSince,
        null,
      );
  const evidenceMonths = opts.evidenceMonths ?? opts.months;
  const readEvidence = async (teamIds: string[], progressionOnly: ReadonlySet<string> = new Set()) => {
    const asked = teamRows.filter((t) => opts.teamEvidence === 'own' || teamIds.includes(t.id));
    const scopes: Scope[] = [
      ...(workspace ? [{ teamId: null, since: workspaceSince, months: evidenceMonths }] : []),
      ...asked.map((t) => ({
        teamId: t.id,
        since: t.createdOn,
        months: opts.teamEvidence === 'own' ? evidenceMonths : opts.months.slice(-1),
        progressionOnly: progressionOnly.has(t.id),
      })),
    ];
    if (scopes.length === 0) return;
    const { due, raised, rounds, shown } = await windowsOf(scopes);
    // One statement serves every scope: a scope's input gets the records of its team (the workspace's, all),
    // a few more than its own windows' first 50 at most, which the rule finds and orders itself.
    const found = {
      // Read in the rule's shape (balance.standings#evidenceRelationshipsRead), so used as read.
      relationships: shown.relationships,
      assessments: shown.assessments,
      checkIns: due.map((c) => ({
        teamId: c.teamId,
        id: c.id,
        relationshipId: c.relationshipId,
        label: `${c.client} check-in`,
        dueOn: c.dueOn,
        heldOn: c.heldOn,
      })),
      topics: raised.map((t) => ({
        teamId: t.teamId,
        id: t.id,
        relationshipId: t.relationshipId,
        label: t.label,
        raisedBy: t.raisedBy,
        raisedOn: t.raisedOn,
      })),
    };
    const evidenceOf = (scope: string | null) => ({
      relationships: rowsOf(found.relationships, scope),
      assessments: rowsOf(found.assessments, scope),
      checkIns: rowsOf(found.checkIns, scope),
      topics: rowsOf(found.topics, scope),
      // Rounds are read per scope: a workspace's month pools its teams' rounds.
      clientPulses: rounds.filter((r) => r.teamId === scope),
    });
    if (workspace) Object.assign(workspace, evidenceOf(null));
    for (const t of asked) {
      const own = evidenceOf(t.id);
      // Its progression's records only, not the few of its check-ins, topics and rounds the workspace's read.
      if (progressionOnly.has(t.id)) Object.assign(own, { checkIns: [], topics: [], clientPulses: [] });
      byTeam.set(t.id, { ...byTeam.get(t.id)!, ...own });
    }
  };
  return { teams: teamRows.map(({ id, name }) => ({ id, name })), byTeam, workspace, readEvidence };
}

/**
 * One entry per closed round with its answers in scope: a client round sent to several of a team's
 * relationships counts once. Rounds without a shown average (an employee round below three answers) and
 * rounds still open are left out.
 */
function pooled(series: { rounds: PulseRound[] }[], today: string) {
  const rounds = new Map<string, { label: string; closedOn: string; responses: number; scoreSum: number }>();
  for (const { rounds: list } of series)
    for (const r of list) {
      if (r.average === null || r.closesOn > today) continue;
      const x = rounds.get(r.pulseId) ?? { label: r.title, closedOn: r.closesOn, responses: 0, scoreSum: 0 };
      x.responses += r.responses;
      x.scoreSum += r.scoreSum;
      rounds.set(r.pulseId, x);
    }
  return [...rounds].map(([id, x]) => ({ id, ...x }));
}
