import { and, asc, eq, ilike } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { likePattern } from '../../platform/text';
import { indexRelationships, removeTeamRelationshipsFromSearch } from '../relationships/relationships.search';
import type { Team, TeamInput, TeamListQuery, TeamPatch } from './teams.contract';
import { teams } from './teams.table';

type Row = typeof teams.$inferSelect;

const toTeam = (r: Row): Team => ({
  id: r.id,
  name: r.name,
  description: r.description,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export async function listTeams(db: Db, workspaceId: string, query: TeamListQuery) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select()
    .from(teams)
    .where(
      and(
        eq(teams.workspaceId, workspaceId),
        query.q ? ilike(teams.name, likePattern(query.q)) : undefined,
        after ? afterCursor([teams.name, teams.id], after, 'asc') : undefined,
      ),
    )
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.name, r.id]);
  return { items: page.items.map(toTeam), nextCursor: page.nextCursor };
}

export async function getTeam(db: Db, workspaceId: string, id: string): Promise<Team> {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Team');
  return toTeam(row);
}

export async function createTeam(db: Db, workspaceId: string, input: TeamInput): Promise<Team> {
  const [row] = await db
    .insert(teams)
    .values({ workspaceId, id: newId(), name: input.name, description: input.description ?? null })
    .returning();
  return toTeam(row!);
}

export async function updateTeam(db: Db, workspaceId: string, id: string, patch: TeamPatch): Promise<Team> {
  const [row] = await db
    .update(teams)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)))
    .returning();
  if (!row) throw AppError.notFound('Team');
  // Its relationships are found by the team's name.
  if (patch.name !== undefined) await indexRelationships(db, workspaceId, { teamId: id });
  return toTeam(row);
}

export async function deleteTeam(db: Db, workspaceId: string, id: string): Promise<{ id: string }> {
  // Its relationships go by cascade; their search documents must go too.
  await removeTeamRelationshipsFromSearch(db, workspaceId, id);
  const [row] = await db
    .delete(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)))
    .returning({ id: teams.id });
  if (!row) throw AppError.notFound('Team');
  return row;
}
