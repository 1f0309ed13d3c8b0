import { and, eq, inArray } from 'drizzle-orm';
import { nextCheckInDue } from '../../../domain/cadence';
import type { Db } from '../../db/open';
import { memberships } from '../../platform/auth/auth.table';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { clients } from '../clients/clients.table';
import { refreshHealth } from '../health/health.store';
import { removeFromSearch } from '../search/search.index';
import { services } from '../services/services.table';
import { teams } from '../teams/teams.table';
import { enqueueWebhookEvent } from '../webhooks/webhooks.store';
import { insertAssessment } from './assessments.store';
import type {
  Relationship,
  RelationshipInput,
  RelationshipPatch,
  RelationshipStatus,
} from './relationships.contract';
import { getRelationship } from './relationships.query';
import { indexRelationships } from './relationships.search';
import { relationshipServices, relationships } from './relationships.table';

type Row = typeof relationships.$inferSelect;

/** Only an active relationship expects check-ins; paused and ended ones have no due date. */
function dueDate(
  r: Pick<Row, 'cadenceDays' | 'lastCheckInAt' | 'createdAt'> & { status: RelationshipStatus },
) {
  if (r.status !== 'active') return null;
  return nextCheckInDue({
    cadenceDays: r.cadenceDays,
    lastCheckInAt: r.lastCheckInAt,
    startedAt: r.createdAt,
  });
}

// Referenced ids are checked up front so a client gets a 400 naming the field, not a bare FK conflict.

async function assertClient(db: Db, workspaceId: string, clientId: string): Promise<void> {
  const [row] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)))
    .limit(1);
  if (!row) throw AppError.badField('clientId', 'is not a client in this workspace');
}

async function assertTeam(db: Db, workspaceId: string, teamId: string): Promise<void> {
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)))
    .limit(1);
  if (!row) throw AppError.badField('teamId', 'is not a team in this workspace');
}

async function assertMember(db: Db, workspaceId: string, userId: string): Promise<void> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) throw AppError.badField('ownerId', 'is not a member of this workspace');
}

/** A relationship names services its own team provides. */
async function assertServices(db: Db, workspaceId: string, teamId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: services.id, teamId: services.teamId })
    .from(services)
    .where(and(eq(services.workspaceId, workspaceId), inArray(services.id, ids)));
  if (rows.length !== ids.length)
    throw AppError.badField('serviceIds', 'names a service that does not exist');
  if (rows.some((s) => s.teamId !== teamId))
    throw AppError.badField('serviceIds', "must be services of the relationship's team");
}

async function replaceServices(db: Db, workspaceId: string, relationshipId: string, ids: string[]) {
  await db
    .delete(relationshipServices)
    .where(
      and(
        eq(relationshipServices.workspaceId, workspaceId),
        eq(relationshipServices.relationshipId, relationshipId),
      ),
    );
  if (ids.length > 0)
    await db
      .insert(relationshipServices)
      .values(ids.map((serviceId) => ({ workspaceId, relationshipId, serviceId })));
}

export async function createRelationship(
  db: Db,
  workspaceId: string,
  createdBy: string,
  input: RelationshipInput,
  now: Date,
): Promise<Relationship> {
  const serviceIds = [...new Set(input.serviceIds ?? [])];
  await assertClient(db, workspaceId, input.clientId);
  await assertTeam(db, workspaceId, input.teamId);
  if (input.ownerId) await assertMember(db, workspaceId, input.ownerId);
  await assertServices(db, workspaceId, input.teamId, serviceIds);
  const [existing] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(
      and(
        eq(relationships.workspaceId, workspaceId),
        eq(relationships.clientId, input.clientId),
        eq(relationships.teamId, input.teamId),
      ),
    )
    .limit(1);
  if (existing)
    throw new AppError('conflict', 'This team already has a relationship with this client', [
      { path: 'clientId', message: 'this team already has a relationship with this client' },
    ]);

  const id = newId();
  const stage = input.stage ?? 'transactional';
  const pyramidLevel = input.pyramidLevel ?? 'expectations';
  await db.insert(relationships).values({
    workspaceId,
    id,
    clientId: input.clientId,
    teamId: input.teamId,
    ownerId: input.ownerId ?? null,
    cadenceDays: input.cadenceDays,
    ambition: input.ambition || null,
    stage,
    pyramidLevel,
    status: 'active',
    nextCheckInDue: dueDate({
      cadenceDays: input.cadenceDays,
      lastCheckInAt: null,
      createdAt: now,
      status: 'active',
    }),
    createdAt: now,
    updatedAt: now,
  });
  await replaceServices(db, workspaceId, id, serviceIds);
  // History begins where the relationship begins, so every later change has a "from".
  await insertAssessment(db, workspaceId, id, {
    stage,
    pyramidLevel,
    note: 'Relationship started',
    assessedBy: createdBy,
    assessedAt: now,
  });
  await indexRelationships(db, workspaceId, { id });
  const created = await getRelationship(db, workspaceId, id);
  await enqueueWebhookEvent(db, workspaceId, 'relationship.created', { relationship: created });
  return created;
}

export async function updateRelationship(
  db: Db,
  workspaceId: string,
  id: string,
  changedBy: string,
  patch: RelationshipPatch,
  now: Date,
): Promise<Relationship> {
  const [row] = await db
    .select()
    .from(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, id)))
    .for('update');
  if (!row) throw AppError.notFound('Relationship');
  if (patch.ownerId) await assertMember(db, workspaceId, patch.ownerId);
  if (patch.serviceIds) {
    const serviceIds = [...new Set(patch.serviceIds)];
    await assertServices(db, workspaceId, row.teamId, serviceIds);
    await replaceServices(db, workspaceId, id, serviceIds);
  }

  const cadenceDays = patch.cadenceDays ?? row.cadenceDays;
  const status = patch.status ?? row.status;
  const stage = patch.stage ?? row.stage;
  const pyramidLevel = patch.pyramidLevel ?? row.pyramidLevel;
  if (stage !== row.stage || pyramidLevel !== row.pyramidLevel) {
    await insertAssessment(db, workspaceId, id, {
      stage,
      pyramidLevel,
      note: patch.note || 'Changed while editing the relationship',
      assessedBy: changedBy,
      assessedAt: now,
    });
  }
  if (stage !== row.stage) {
    await enqueueWebhookEvent(db, workspaceId, 'relationship.stage_changed', {
      relationshipId: id,
      from: row.stage,
      to: stage,
    });
  }
  await db
    .update(relationships)
    .set({
      cadenceDays,
      status,
      stage,
      pyramidLevel,
      ...(patch.ambition !== undefined ? { ambition: patch.ambition || null } : {}),
      ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
      nextCheckInDue: dueDate({ ...row, cadenceDays, status }),
      updatedAt: now,
    })
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, id)));
  // Cadence, status and stage are inputs of health.
  await refreshHealth(db, workspaceId, [id], now);
  await indexRelationships(db, workspaceId, { id });
  return getRelationship(db, workspaceId, id);
}

export async function deleteRelationship(db: Db, workspaceId: string, id: string): Promise<{ id: string }> {
  const [row] = await db
    .delete(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, id)))
    .returning({ id: relationships.id });
  if (!row) throw AppError.notFound('Relationship');
  await removeFromSearch(db, workspaceId, 'relationship', id);
  return row;
}

/**
 * For the check-ins feature: a check-in was held, so the cadence clock restarts from it.
 * An older check-in recorded late never moves the last one back.
 */
export async function recordCheckInHeld(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  heldAt: Date,
): Promise<void> {
  const [row] = await db
    .select()
    .from(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, relationshipId)))
    .for('update');
  if (!row) throw AppError.notFound('Relationship');
  const lastCheckInAt = row.lastCheckInAt && row.lastCheckInAt > heldAt ? row.lastCheckInAt : heldAt;
  await db
    .update(relationships)
    .set({ lastCheckInAt, nextCheckInDue: dueDate({ ...row, lastCheckInAt }) })
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, relationshipId)));
}

/** A member leaving the workspace stops leading its relationships; they stay, without a partner lead. */
export async function releaseOwnership(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db
    .update(relationships)
    .set({ ownerId: null, updatedAt: new Date() })
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.ownerId, userId)));
}
