// Reading relationships in one statement, as the floor does (ADR 006): each row joined with its client, team
// and owner, with its services (json_agg) and its latest touchpoint (max over the timeline index: one
// backward probe) as correlated subqueries, which PostgreSQL evaluates after the sort and limit.
import { and, eq, ilike, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users } from '../../platform/auth/auth.table';
import { iso, isoOrNull } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import {
  afterKeys,
  type CursorValue,
  decodeKeysetCursor,
  orderByKeys,
  type SortKey,
  toPage,
} from '../../platform/pagination';
import { likePattern } from '../../platform/text';
import { clients } from '../clients/clients.table';
import { services } from '../services/services.table';
import { teams } from '../teams/teams.table';
import { touchpoints } from '../touchpoints/touchpoints.table';
import {
  type Relationship,
  type RelationshipListQuery,
  type RelationshipSort,
  stages,
} from './relationships.contract';
import { relationshipServices, relationships } from './relationships.table';

type Joined = {
  row: typeof relationships.$inferSelect;
  client: { id: string; name: string; kind: 'external' | 'internal' };
  team: { id: string; name: string };
  ownerName: string | null;
  services: Relationship['services'] | string;
  lastTouchpointAt: Date | null;
};

const servicesOf = sql<Relationship['services'] | string>`coalesce((
  select json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind) order by s.name, s.id)
  from ${relationshipServices} rs
  join ${services} s on s.workspace_id = rs.workspace_id and s.id = rs.service_id
  where rs.workspace_id = ${relationships.workspaceId} and rs.relationship_id = ${relationships.id}
), '[]'::json)`;

const lastTouchpointOf = sql<Date | null>`(
  select max(tp.occurred_at) from ${touchpoints} tp
  where tp.workspace_id = ${relationships.workspaceId} and tp.relationship_id = ${relationships.id}
)`.mapWith(touchpoints.occurredAt);

function joined(db: Db, workspaceId: string) {
  return db
    .select({
      row: relationships,
      client: { id: clients.id, name: clients.name, kind: clients.kind },
      team: { id: teams.id, name: teams.name },
      ownerName: users.name,
      services: servicesOf,
      lastTouchpointAt: lastTouchpointOf,
    })
    .from(relationships)
    .innerJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
    .innerJoin(teams, and(eq(teams.workspaceId, workspaceId), eq(teams.id, relationships.teamId)))
    .leftJoin(users, eq(users.id, relationships.ownerId))
    .$dynamic();
}

/** The API's shape of a joined row. */
function toRelationships(rows: Joined[]): Relationship[] {
  return rows.map(({ row: r, client, team, ownerName, services: named, lastTouchpointAt }) => {
    // Drivers parse json; a string means one that did not.
    const own = typeof named === 'string' ? (JSON.parse(named) as Relationship['services']) : named;
    return {
      id: r.id,
      clientId: r.clientId,
      teamId: r.teamId,
      ownerId: r.ownerId,
      serviceIds: own.map((s) => s.id),
      client,
      team,
      services: own,
      owner: r.ownerId ? { id: r.ownerId, name: ownerName ?? 'Former member' } : null,
      cadenceDays: r.cadenceDays,
      ambition: r.ambition,
      stage: r.stage,
      pyramidLevel: r.pyramidLevel,
      status: r.status,
      nextCheckInDue: r.nextCheckInDue,
      lastCheckInAt: isoOrNull(r.lastCheckInAt),
      lastTouchpointAt: isoOrNull(lastTouchpointAt),
      health: { score: r.healthScore },
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    };
  });
}

export async function getRelationship(db: Db, workspaceId: string, id: string): Promise<Relationship> {
  const rows = await joined(db, workspaceId)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, id)))
    .limit(1);
  if (rows.length === 0) throw AppError.notFound('Relationship');
  return toRelationships(rows)[0]!;
}

// Ladder order, not alphabetical: sorting by stage reads transactional first.
const stageRank = sql`(case ${relationships.stage} when 'transactional' then 0 when 'advisory' then 1 when 'partnership' then 2 else 3 end)`;
// No due date (paused, ended) sorts after every real date, in both directions of the keyset.
const NO_DUE = '9999-12-31';
// A literal, not a parameter: the same expression as relationships_due_key_idx, so the index serves the sort.
const dueKey = sql`coalesce(${relationships.nextCheckInDue}, '9999-12-31'::date)`;
const idKey: SortKey = { expr: relationships.id, type: 'uuid' };
const clientKey: SortKey = { expr: clients.name, type: 'text' };

const sorts: Record<
  RelationshipSort,
  { keys: SortKey[]; keyOf: (r: Joined) => CursorValue[]; order: 'asc' | 'desc' }
> = {
  client: { keys: [clientKey, idKey], keyOf: (r) => [r.client.name, r.row.id], order: 'asc' },
  stage: {
    keys: [{ expr: stageRank, type: 'int' }, clientKey, idKey],
    keyOf: (r) => [stages.indexOf(r.row.stage), r.client.name, r.row.id],
    order: 'asc',
  },
  nextCheckInDue: {
    keys: [{ expr: dueKey, type: 'date' }, idKey],
    keyOf: (r) => [r.row.nextCheckInDue ?? NO_DUE, r.row.id],
    order: 'asc',
  },
  updated: {
    keys: [{ expr: relationships.updatedAt, type: 'timestamptz' }, idKey],
    keyOf: (r) => [iso(r.row.updatedAt), r.row.id],
    order: 'desc',
  },
};

export async function listRelationships(db: Db, workspaceId: string, query: RelationshipListQuery) {
  const sort = sorts[query.sort];
  const order = query.order ?? sort.order;
  const after = decodeKeysetCursor(query.cursor, sort.keys);
  const rows = await joined(db, workspaceId)
    .where(
      and(
        eq(relationships.workspaceId, workspaceId),
        query.stage ? eq(relationships.stage, query.stage) : undefined,
        query.pyramidLevel ? eq(relationships.pyramidLevel, query.pyramidLevel) : undefined,
        query.status ? eq(relationships.status, query.status) : undefined,
        query.teamId ? eq(relationships.teamId, query.teamId) : undefined,
        query.clientId ? eq(relationships.clientId, query.clientId) : undefined,
        query.ownerId ? eq(relationships.ownerId, query.ownerId) : undefined,
        query.clientKind ? eq(clients.kind, query.clientKind) : undefined,
        query.q ? ilike(clients.name, likePattern(query.q)) : undefined,
        after ? afterKeys(sort.keys, after, order) : undefined,
      ),
    )
    .orderBy(...orderByKeys(sort.keys, order))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, sort.keyOf);
  return { items: toRelationships(page.items), nextCursor: page.nextCursor };
}

/** The ids of the relationships a team serves. */
export async function relationshipIdsOfTeam(db: Db, workspaceId: string, teamId: string): Promise<string[]> {
  const rows = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.teamId, teamId)));
  return rows.map((r) => r.id);
}
