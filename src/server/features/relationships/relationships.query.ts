// Reading relationships in one statement, as the floor does (ADR 006): each row joined with its client, with
// its team's and owner's names, its services (json_agg) and its latest touchpoint (max over the timeline
// index: one backward probe) as correlated subqueries, which PostgreSQL evaluates after the sort and limit.
import { and, eq, ilike, type Placeholder, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { preparedOnce, rowsAsRead } from '../../db/prepared';
import { users } from '../../platform/auth/auth.table';
import { isoText, isoTextOrNull } from '../../platform/columns';
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

/**
 * A relationship joined with its client, team, owner, services and latest touchpoint, read as the driver's
 * rows keyed by column name (`rowsAsRead`) with timestamps as ISO text from the database (`isoText`):
 * drizzle's per-field mapping and a `Date` per timestamp were a quarter of a list page's server time
 * (ADR 006). The client's and the team's ids are the relationship's own columns.
 */
type Joined = {
  id: string;
  client_id: string;
  team_id: string;
  owner_id: string | null;
  cadence_days: number;
  ambition: string | null;
  stage: Relationship['stage'];
  pyramid_level: Relationship['pyramidLevel'];
  status: Relationship['status'];
  last_check_in_at: string | null;
  next_check_in_due: string | null;
  health_score: number | null;
  created_at: string;
  updated_at: string;
  client_name: string;
  client_kind: Relationship['client']['kind'];
  team_name: string;
  owner_name: string | null;
  services: Relationship['services'] | string;
  last_touchpoint_at: string | null;
};

const servicesOf = sql<Relationship['services'] | string>`coalesce((
  select json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind) order by s.name, s.id)
  from ${relationshipServices} rs
  join ${services} s on s.workspace_id = rs.workspace_id and s.id = rs.service_id
  where rs.workspace_id = ${relationships.workspaceId} and rs.relationship_id = ${relationships.id}
), '[]'::json)`;

// The team's and the owner's names as subqueries, not joins: with only the client joined, PostgreSQL walks a
// big tenant's clients by name and each one's relationships (~1 ms for a page at L, was ~8). With the team
// joined as well, it paired every client with every team first, misjudging how many relationships a team has.
const teamNameOf = sql<string>`(
  select t.name from ${teams} t where t.workspace_id = ${relationships.workspaceId} and t.id = ${relationships.teamId}
)`;

const ownerNameOf = sql<string | null>`(select u.name from ${users} u where u.id = ${relationships.ownerId})`;

const lastTouchpointOf = isoTextOrNull(sql`(
  select max(tp.occurred_at) from ${touchpoints} tp
  where tp.workspace_id = ${relationships.workspaceId} and tp.relationship_id = ${relationships.id}
)`);

function joined(db: Db, workspaceId: string | Placeholder) {
  return db
    .select({
      id: relationships.id,
      clientId: relationships.clientId,
      teamId: relationships.teamId,
      ownerId: relationships.ownerId,
      cadenceDays: relationships.cadenceDays,
      ambition: relationships.ambition,
      stage: relationships.stage,
      pyramidLevel: relationships.pyramidLevel,
      status: relationships.status,
      lastCheckInAt: isoTextOrNull(relationships.lastCheckInAt).as('last_check_in_at'),
      nextCheckInDue: relationships.nextCheckInDue,
      healthScore: relationships.healthScore,
      createdAt: isoText(relationships.createdAt).as('created_at'),
      updatedAt: isoText(relationships.updatedAt).as('updated_at'),
      clientName: sql<string>`${clients.name}`.as('client_name'),
      clientKind: sql<string>`${clients.kind}`.as('client_kind'),
      teamName: teamNameOf.as('team_name'),
      ownerName: ownerNameOf.as('owner_name'),
      services: servicesOf.as('services'),
      lastTouchpointAt: lastTouchpointOf.as('last_touchpoint_at'),
    })
    .from(relationships)
    .innerJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
    .$dynamic();
}

/** The API's shape of a joined row, field by field (objects of one literal shape serialise fastest). */
function toRelationships(rows: Joined[]): Relationship[] {
  return rows.map((r) => {
    // Drivers parse json; a string means one that did not.
    const own =
      typeof r.services === 'string' ? (JSON.parse(r.services) as Relationship['services']) : r.services;
    return {
      id: r.id,
      clientId: r.client_id,
      teamId: r.team_id,
      ownerId: r.owner_id,
      serviceIds: own.map((s) => s.id),
      client: { id: r.client_id, name: r.client_name, kind: r.client_kind },
      team: { id: r.team_id, name: r.team_name },
      services: own,
      owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? 'Former member' } : null,
      cadenceDays: r.cadence_days,
      ambition: r.ambition,
      stage: r.stage,
      pyramidLevel: r.pyramid_level,
      status: r.status,
      nextCheckInDue: r.next_check_in_due,
      lastCheckInAt: r.last_check_in_at,
      lastTouchpointAt: r.last_touchpoint_at,
      health: { score: r.health_score },
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

const byId = (db: Db) =>
  preparedOnce(db, 'relationship_by_id', (on, name) => {
    const workspaceId = sql.placeholder('workspaceId');
    return joined(on, workspaceId)
      .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, sql.placeholder('id'))))
      .limit(1)
      .prepare(name);
  });

export async function getRelationship(db: Db, workspaceId: string, id: string): Promise<Relationship> {
  const rows = await rowsAsRead<Joined>(byId(db), { workspaceId, id });
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
  client: { keys: [clientKey, idKey], keyOf: (r) => [r.client_name, r.id], order: 'asc' },
  stage: {
    keys: [{ expr: stageRank, type: 'int' }, clientKey, idKey],
    keyOf: (r) => [stages.indexOf(r.stage), r.client_name, r.id],
    order: 'asc',
  },
  nextCheckInDue: {
    keys: [{ expr: dueKey, type: 'date' }, idKey],
    keyOf: (r) => [r.next_check_in_due ?? NO_DUE, r.id],
    order: 'asc',
  },
  updated: {
    keys: [{ expr: relationships.updatedAt, type: 'timestamptz' }, idKey],
    keyOf: (r) => [r.updated_at, r.id],
    order: 'desc',
  },
};

/** The list's filters, each a placeholder in its statement when the query names it. */
const listFilters = {
  stage: relationships.stage,
  pyramidLevel: relationships.pyramidLevel,
  status: relationships.status,
  teamId: relationships.teamId,
  clientId: relationships.clientId,
  ownerId: relationships.ownerId,
  clientKind: clients.kind,
} as const;
type ListFilter = keyof typeof listFilters;
const filterNames = Object.keys(listFilters) as ListFilter[];

/**
 * One prepared statement per shape of query — which filters it names, its sort and order, whether it
 * continues from a cursor — so a list asked the same way twice is built once (ADR 006).
 */
function listStatement(db: Db, query: RelationshipListQuery, order: 'asc' | 'desc', after: boolean) {
  const named = filterNames.filter((f) => query[f] !== undefined);
  const shape = [query.sort, order, after ? 'after' : 'first', query.q ? 'q' : '', ...named].join('_');
  return preparedOnce(
    db,
    `relationships_${shape}`,
    (on, name) => {
      const sort = sorts[query.sort];
      const workspaceId = sql.placeholder('workspaceId');
      return joined(on, workspaceId)
        .where(
          and(
            eq(relationships.workspaceId, workspaceId),
            ...named.map((f) => eq(listFilters[f], sql.placeholder(f))),
            query.q ? ilike(clients.name, sql.placeholder('q')) : undefined,
            after
              ? afterKeys(
                  sort.keys,
                  sort.keys.map((_, i) => sql.placeholder(`after${i}`)),
                  order,
                )
              : undefined,
          ),
        )
        .orderBy(...orderByKeys(sort.keys, order))
        .limit(sql.placeholder('limit'))
        .prepare(name);
    },
    'each time',
  );
}

export async function listRelationships(db: Db, workspaceId: string, query: RelationshipListQuery) {
  const sort = sorts[query.sort];
  const order = query.order ?? sort.order;
  const after = decodeKeysetCursor(query.cursor, sort.keys);
  const values: Record<string, unknown> = { workspaceId, limit: query.limit + 1 };
  for (const f of filterNames) if (query[f] !== undefined) values[f] = query[f];
  if (query.q) values.q = likePattern(query.q);
  after?.forEach((v, i) => {
    values[`after${i}`] = v;
  });
  const rows = await rowsAsRead<Joined>(listStatement(db, query, order, !!after), values);
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
