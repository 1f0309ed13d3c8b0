// The two-movement balance as the API serves it: the read model fetches, the domain rule computes.
import { and, asc, eq } from 'drizzle-orm';
import {
  computeBalance,
  type Balance as DomainBalance,
  indexChange,
  latestBalance,
} from '../../../domain/balance';
import { addMonths, minDay, monthOf, monthsBetween } from '../../../domain/balance.calendar';
import { recordsFlagsShow } from '../../../domain/balance.flag-records';
import type { Db } from '../../db/open';
import { AppError } from '../../platform/errors';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { teams } from '../teams/teams.table';
import type {
  Balance,
  BalanceFlag,
  BalanceQuery,
  BalanceRange,
  TeamBalance,
  TeamBalanceQuery,
} from './balance.contract';
import { type BalanceInputs, type BalanceTeam, loadBalanceInputs } from './balance.inputs';

export const MAX_MONTHS = 36;

/** The months asked for: `to` (default this month, never later) and `from` (default eleven months before). */
export function monthsOf(range: BalanceRange, today: string): string[] {
  const thisMonth = monthOf(today);
  const to = range.to ? monthOf(range.to) : thisMonth;
  const last = minDay(to, thisMonth);
  const from = range.from ? monthOf(range.from) : addMonths(last, -11);
  if (from > last) throw AppError.badField('from', 'must not be after to (or after this month)');
  if (from < addMonths(last, -(MAX_MONTHS - 1)))
    throw AppError.badField('from', `the range may span at most ${MAX_MONTHS} months`);
  return monthsBetween(from, last);
}

/**
 * The months whose parts list their records. Twelve months of parts, 50 records each, were ~650 KB of every
 * answer at 1,000 relationships; the page shows one month's at a time and asks for another's when it is
 * opened, and the scores never depend on evidence, so the rest keep their counts only (computeBalance lists
 * only these months' records).
 */
const evidenceMonthsOf = (query: BalanceQuery, months: string[]) =>
  query.evidence === 'all' ? months : months.slice(-1);

const flagsOf = (b: DomainBalance, teamId: string | null, teamName: string): BalanceFlag[] =>
  b.flags.map((f) => ({ ...f, teamId, teamName }));

/**
 * Each team's last months, with the evidence read (with the workspace's, when it was loaded) for the teams with
 * a flag: a flag shows it, and the scores, so the flags, never depend on evidence. Only the records a flag can
 * show are read (domain/balance.flag-records.ts). A flagged team is computed again once they are.
 */
async function latestOfTeams(inputs: BalanceInputs, of: BalanceTeam[]) {
  const latest = new Map(of.map((t) => [t.id, latestBalance(inputs.byTeam.get(t.id)!, t.name, false)]));
  const flagged = of.filter((t) => latest.get(t.id)!.flags.length > 0);
  const shows = new Map(
    flagged.map((t) => [t.id, recordsFlagsShow(latest.get(t.id)!, inputs.byTeam.get(t.id)!)]),
  );
  await inputs.readEvidence(
    flagged.filter((t) => shows.get(t.id) !== 'none').map((t) => t.id),
    new Set(flagged.filter((t) => shows.get(t.id) === 'progression').map((t) => t.id)),
  );
  for (const t of flagged) latest.set(t.id, latestBalance(inputs.byTeam.get(t.id)!, t.name));
  return latest;
}

/** One team's balance, or the workspace's with every team's flags. */
export async function getBalance(
  db: Db,
  workspaceId: string,
  query: BalanceQuery,
  now: Date,
): Promise<Balance> {
  const today = now.toISOString().slice(0, 10);
  const months = monthsOf(query, today);
  const evidenceMonths = evidenceMonthsOf(query, months);
  if (query.teamId) {
    const inputs = await loadBalanceInputs(db, workspaceId, {
      months,
      today,
      teamIds: [query.teamId],
      teamEvidence: 'own',
      evidenceMonths,
    });
    const team = inputs.teams[0];
    if (!team) throw AppError.badField('teamId', 'is not a team in this workspace');
    await inputs.readEvidence([]);
    const b = computeBalance(inputs.byTeam.get(team.id)!, team.name, evidenceMonths);
    return {
      scope: { teamId: team.id, name: team.name },
      months,
      ...b,
      flags: flagsOf(b, team.id, team.name),
    };
  }
  const inputs = await loadBalanceInputs(db, workspaceId, { months, today, evidenceMonths });
  const latest = await latestOfTeams(inputs, inputs.teams);
  const b = computeBalance(inputs.workspace!, 'The workspace', evidenceMonths);
  const teamFlags = inputs.teams.flatMap((t) => flagsOf(latest.get(t.id)!, t.id, t.name));
  return {
    scope: { teamId: null, name: 'The workspace' },
    months,
    ...b,
    flags: [...teamFlags, ...flagsOf(b, null, 'The workspace')],
  };
}

/** Each team's latest outward and inward index and their change, by team name: the quadrant. */
export async function listTeamBalances(db: Db, workspaceId: string, query: TeamBalanceQuery, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const months = monthsOf(query, today);
  const after = decodeCursor(query.cursor, 2);
  const page = toPage(
    await db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(
        and(
          eq(teams.workspaceId, workspaceId),
          after ? afterCursor([teams.name, teams.id], after, 'asc') : undefined,
        ),
      )
      .orderBy(asc(teams.name), asc(teams.id))
      .limit(query.limit + 1),
    query.limit,
    (t) => [t.name, t.id],
  );
  const inputs = await loadBalanceInputs(db, workspaceId, {
    months,
    today,
    teamIds: page.items.map((t) => t.id),
  });
  const latest = await latestOfTeams(inputs, page.items);
  const items = page.items.map((t): TeamBalance => {
    const b = latest.get(t.id)!;
    return {
      team: t,
      month: months.at(-1)!,
      outward: b.outward.at(-1)?.index ?? null,
      inward: b.inward.at(-1)?.index ?? null,
      outwardChange: indexChange(b.outward),
      inwardChange: indexChange(b.inward),
      flags: flagsOf(b, t.id, t.name),
    };
  });
  return { items, nextCursor: page.nextCursor };
}
