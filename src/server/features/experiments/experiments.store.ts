import { and, desc, eq } from 'drizzle-orm';
import { statusChangeRefusal } from '../../../domain/experiment-status';
import type { Db } from '../../db/open';
import { users } from '../../platform/auth/auth.table';
import { iso, isoOrNull } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { clients } from '../clients/clients.table';
import { refreshHealth } from '../health/health.store';
import { relationships } from '../relationships/relationships.table';
import { teams } from '../teams/teams.table';
import { hoursWithin } from '../time/time.rollups';
import type {
  Experiment,
  ExperimentInput,
  ExperimentListQuery,
  ExperimentPatch,
} from './experiments.contract';
import { experiments } from './experiments.table';

type Joined = {
  row: typeof experiments.$inferSelect;
  clientName: string | null;
  teamName: string | null;
  creatorName: string | null;
};

function joined(db: Db, workspaceId: string) {
  return db
    .select({ row: experiments, clientName: clients.name, teamName: teams.name, creatorName: users.name })
    .from(experiments)
    .leftJoin(
      relationships,
      and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, experiments.relationshipId)),
    )
    .leftJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
    .leftJoin(teams, and(eq(teams.workspaceId, workspaceId), eq(teams.id, experiments.teamId)))
    .leftJoin(users, eq(users.id, experiments.createdBy))
    .$dynamic();
}

/** Adds each experiment's used hours (one grouped query for the whole page). */
async function hydrate(db: Db, workspaceId: string, rows: Joined[]): Promise<Experiment[]> {
  const used = await hoursWithin(
    db,
    workspaceId,
    rows.map(({ row: r }) => ({
      key: r.id,
      relationshipId: r.relationshipId,
      teamId: r.teamId,
      from: r.startsOn,
      to: r.endsOn,
    })),
    ['partnership', 'learning'],
  );
  return rows.map(({ row: r, clientName, teamName, creatorName }) => ({
    id: r.id,
    relationshipId: r.relationshipId,
    relationship: { id: r.relationshipId, clientName: clientName ?? '' },
    teamId: r.teamId,
    team: { id: r.teamId, name: teamName ?? '' },
    title: r.title,
    hypothesis: r.hypothesis,
    protectedHours: Number(r.protectedHours),
    usedHours: used.get(r.id) ?? 0,
    safety: r.safety,
    commitment: r.commitment,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    status: r.status,
    startedAt: isoOrNull(r.startedAt),
    endedAt: isoOrNull(r.endedAt),
    learningsOutward: r.learningsOutward,
    learningsInward: r.learningsInward,
    createdBy: r.createdBy ? { id: r.createdBy, name: creatorName ?? 'Former member' } : null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  }));
}

/** Latest start first. */
export async function listExperiments(db: Db, workspaceId: string, query: ExperimentListQuery) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await joined(db, workspaceId)
    .where(
      and(
        eq(experiments.workspaceId, workspaceId),
        query.status ? eq(experiments.status, query.status) : undefined,
        query.teamId ? eq(experiments.teamId, query.teamId) : undefined,
        query.relationshipId ? eq(experiments.relationshipId, query.relationshipId) : undefined,
        after ? afterCursor([experiments.startsOn, experiments.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(experiments.startsOn), desc(experiments.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.row.startsOn, r.row.id]);
  return { items: await hydrate(db, workspaceId, page.items), nextCursor: page.nextCursor };
}

export async function getExperiment(db: Db, workspaceId: string, id: string): Promise<Experiment> {
  const rows = await joined(db, workspaceId)
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, id)))
    .limit(1);
  if (rows.length === 0) throw AppError.notFound('Experiment');
  const [one] = await hydrate(db, workspaceId, rows);
  return one!;
}

function assertDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw AppError.badField('endsOn', 'must be on or after startsOn');
}

export async function createExperiment(
  db: Db,
  workspaceId: string,
  createdBy: string,
  input: ExperimentInput,
): Promise<Experiment> {
  assertDates(input.startsOn, input.endsOn);
  const [rel] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, input.relationshipId)))
    .limit(1);
  if (!rel) throw AppError.badField('relationshipId', 'is not a relationship in this workspace');
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, input.teamId)))
    .limit(1);
  if (!team) throw AppError.badField('teamId', 'is not a team in this workspace');
  const id = newId();
  await db.insert(experiments).values({
    workspaceId,
    id,
    relationshipId: input.relationshipId,
    teamId: input.teamId,
    title: input.title,
    hypothesis: input.hypothesis,
    protectedHours: input.protectedHours,
    safety: input.safety || null,
    commitment: input.commitment || null,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    status: 'planned',
    createdBy,
  });
  await refreshHealth(db, workspaceId, [input.relationshipId]);
  return getExperiment(db, workspaceId, id);
}

export async function updateExperiment(
  db: Db,
  workspaceId: string,
  id: string,
  patch: ExperimentPatch,
  now: Date,
): Promise<Experiment> {
  const [row] = await db
    .select()
    .from(experiments)
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, id)))
    .for('update');
  if (!row) throw AppError.notFound('Experiment');
  const status = patch.status ?? row.status;
  const refusal = statusChangeRefusal(row.status, status);
  if (refusal) throw new AppError('conflict', `status: ${refusal}`, [{ path: 'status', message: refusal }]);
  const learningsOutward =
    patch.learningsOutward === undefined ? row.learningsOutward : patch.learningsOutward || null;
  const learningsInward =
    patch.learningsInward === undefined ? row.learningsInward : patch.learningsInward || null;
  if (status === 'concluded' && row.status !== 'concluded' && !learningsOutward && !learningsInward)
    throw AppError.badField('learningsOutward', 'say what was learned (outward, inward or both) to conclude');
  const startsOn = patch.startsOn ?? row.startsOn;
  const endsOn = patch.endsOn ?? row.endsOn;
  assertDates(startsOn, endsOn);
  const moved = status !== row.status;
  await db
    .update(experiments)
    .set({
      status,
      startsOn,
      endsOn,
      learningsOutward,
      learningsInward,
      ...(patch.title ? { title: patch.title } : {}),
      ...(patch.hypothesis ? { hypothesis: patch.hypothesis } : {}),
      ...(patch.protectedHours !== undefined ? { protectedHours: patch.protectedHours } : {}),
      ...(patch.safety !== undefined ? { safety: patch.safety || null } : {}),
      ...(patch.commitment !== undefined ? { commitment: patch.commitment || null } : {}),
      ...(moved && status === 'running' ? { startedAt: now } : {}),
      ...(moved && (status === 'concluded' || status === 'stopped') ? { endedAt: now } : {}),
      updatedAt: now,
    })
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, id)));
  await refreshHealth(db, workspaceId, [row.relationshipId], now);
  return getExperiment(db, workspaceId, id);
}

export async function deleteExperiment(db: Db, workspaceId: string, id: string): Promise<{ id: string }> {
  const [row] = await db
    .delete(experiments)
    .where(and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, id)))
    .returning({ id: experiments.id, relationshipId: experiments.relationshipId });
  if (!row) throw AppError.notFound('Experiment');
  await refreshHealth(db, workspaceId, [row.relationshipId]);
  return { id: row.id };
}
