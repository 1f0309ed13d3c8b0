import { and, asc, eq, ilike } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { likePattern } from '../../platform/text';
import { getTeam } from '../teams/teams.store';
import { teams } from '../teams/teams.table';
import type { Service, ServiceInput, ServiceListQuery, ServicePatch } from './services.contract';
import { services } from './services.table';

type Row = typeof services.$inferSelect;

const toService = (r: Row, teamName: string): Service => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  teamId: r.teamId,
  team: { id: r.teamId, name: teamName },
  description: r.description,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

// Both the service and its team carry workspace_id; joining on both keeps the join on one shard.
const withTeam = (db: Db) =>
  db
    .select({ service: services, teamName: teams.name })
    .from(services)
    .innerJoin(teams, and(eq(teams.workspaceId, services.workspaceId), eq(teams.id, services.teamId)));

export async function listServices(db: Db, workspaceId: string, query: ServiceListQuery) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await withTeam(db)
    .where(
      and(
        eq(services.workspaceId, workspaceId),
        query.teamId ? eq(services.teamId, query.teamId) : undefined,
        query.kind ? eq(services.kind, query.kind) : undefined,
        query.q ? ilike(services.name, likePattern(query.q)) : undefined,
        after ? afterCursor([services.name, services.id], after, 'asc') : undefined,
      ),
    )
    .orderBy(asc(services.name), asc(services.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.service.name, r.service.id]);
  return { items: page.items.map((r) => toService(r.service, r.teamName)), nextCursor: page.nextCursor };
}

export async function getService(db: Db, workspaceId: string, id: string): Promise<Service> {
  const [row] = await withTeam(db)
    .where(and(eq(services.workspaceId, workspaceId), eq(services.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Service');
  return toService(row.service, row.teamName);
}

/** A team named in the body is input, not the resource: an unknown one is a 400 on `teamId`. */
async function teamOf(db: Db, workspaceId: string, teamId: string) {
  try {
    return await getTeam(db, workspaceId, teamId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found')
      throw AppError.badField('teamId', 'is not a team in this workspace');
    throw err;
  }
}

export async function createService(db: Db, workspaceId: string, input: ServiceInput): Promise<Service> {
  const team = await teamOf(db, workspaceId, input.teamId);
  const [row] = await db
    .insert(services)
    .values({
      workspaceId,
      id: newId(),
      teamId: team.id,
      name: input.name,
      kind: input.kind,
      description: input.description ?? null,
    })
    .returning();
  return toService(row!, team.name);
}

export async function updateService(
  db: Db,
  workspaceId: string,
  id: string,
  patch: ServicePatch,
): Promise<Service> {
  // The service's own 404 comes before a bad teamId: the path is checked before the body.
  await getService(db, workspaceId, id);
  if (patch.teamId) await teamOf(db, workspaceId, patch.teamId);
  await db
    .update(services)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(services.workspaceId, workspaceId), eq(services.id, id)));
  return getService(db, workspaceId, id);
}

export async function deleteService(db: Db, workspaceId: string, id: string): Promise<{ id: string }> {
  const [row] = await db
    .delete(services)
    .where(and(eq(services.workspaceId, workspaceId), eq(services.id, id)))
    .returning({ id: services.id });
  if (!row) throw AppError.notFound('Service');
  return row;
}
