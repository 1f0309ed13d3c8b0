// Each team's reflection cadence and how far behind it is: teams, their setting (or the default) and their
// latest reflection, read per team through the (workspace_id, team_id, held_on) index.
import { and, asc, eq, sql } from 'drizzle-orm';
import { daysOverdue, isoDay, nextCheckInDue } from '../../../domain/cadence';
import { jsonRead } from '../../db/json-rows';
import type { Db } from '../../db/open';
import { AppError } from '../../platform/errors';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { teams } from '../teams/teams.table';
import { DEFAULT_REFLECTION_CADENCE_DAYS, type ReflectionCadence } from './reflections.contract';
import { reflections, teamReflectionSettings } from './reflections.table';

function cadenceRows(db: Db, workspaceId: string) {
  const lastHeldOn = sql<string | null>`(select max(${reflections.heldOn})::text from ${reflections}
    where ${reflections.workspaceId} = ${teams.workspaceId} and ${reflections.teamId} = ${teams.id})`;
  return db
    .select({
      teamId: teams.id,
      teamName: teams.name,
      teamCreatedAt: teams.createdAt,
      cadenceDays: teamReflectionSettings.cadenceDays,
      lastHeldOn,
    })
    .from(teams)
    .leftJoin(
      teamReflectionSettings,
      and(eq(teamReflectionSettings.workspaceId, workspaceId), eq(teamReflectionSettings.teamId, teams.id)),
    )
    .$dynamic();
}

type Row = {
  teamId: string;
  teamName: string;
  teamCreatedAt: Date;
  cadenceDays: number | null;
  lastHeldOn: string | null;
};

function toCadence(r: Row, today: Date): ReflectionCadence {
  const cadenceDays = r.cadenceDays ?? DEFAULT_REFLECTION_CADENCE_DAYS;
  const nextDueOn = nextCheckInDue({
    cadenceDays,
    lastCheckInAt: r.lastHeldOn,
    startedAt: isoDay(r.teamCreatedAt),
  });
  return {
    teamId: r.teamId,
    team: { id: r.teamId, name: r.teamName },
    cadenceDays,
    isDefault: r.cadenceDays === null,
    lastHeldOn: r.lastHeldOn,
    nextDueOn,
    overdueDays: daysOverdue(nextDueOn, today),
  };
}

/** Every team's cadence, by team name. */
export async function listCadences(
  db: Db,
  workspaceId: string,
  query: { limit: number; cursor?: string },
  today: Date,
) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await cadenceRows(db, workspaceId)
    .where(
      and(
        eq(teams.workspaceId, workspaceId),
        after ? afterCursor([teams.name, teams.id], after, 'asc') : undefined,
      ),
    )
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.teamName, r.teamId]);
  return { items: page.items.map((r) => toCadence(r, today)), nextCursor: page.nextCursor };
}

export async function getCadence(db: Db, workspaceId: string, teamId: string, today: Date) {
  const [row] = await cadenceRows(db, workspaceId)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)))
    .limit(1);
  if (!row) throw AppError.notFound('Team');
  return toCadence(row, today);
}

export async function setCadence(
  db: Db,
  workspaceId: string,
  teamId: string,
  cadenceDays: number,
  today: Date,
): Promise<ReflectionCadence> {
  await getCadence(db, workspaceId, teamId, today);
  await db
    .insert(teamReflectionSettings)
    .values({ workspaceId, teamId, cadenceDays })
    .onConflictDoUpdate({
      target: [teamReflectionSettings.workspaceId, teamReflectionSettings.teamId],
      set: { cadenceDays, updatedAt: today },
    });
  return getCadence(db, workspaceId, teamId, today);
}

/** Each team's cadence in days (the default where none is set), for the balance. */
export function cadencesByTeamRead(workspaceId: string) {
  return jsonRead(
    sql`SELECT team_id AS "teamId", cadence_days AS "cadenceDays" FROM ${teamReflectionSettings}
        WHERE workspace_id = ${workspaceId}::uuid`,
    (rows: { teamId: string; cadenceDays: number }[]) => new Map(rows.map((r) => [r.teamId, r.cadenceDays])),
  );
}
