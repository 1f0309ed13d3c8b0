// Reading relationships in one statement, as the floor does (ADR 006): the page is cut from the relationships
// joined with their clients (`withClient`), then named (`namedPage`): each row kept joined with its team and owner,
// with its services (json_agg) and its latest touchpoint (max over the timeline index: one backward probe).
import {
  and,
  asc,
  desc,
  eq,
  fillPlaceholders,
  ilike,
  type Placeholder,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import { jsonArrayText } from '../../db/json-rows';
import { executeNamedText, isUuid, type StatementText, writtenOut } from '../../db/named-statements';
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

/** A relationship's services, by name (json_agg), for the rows of a page. */
const servicesOf = (workspaceId: SQLWrapper, id: SQLWrapper) => sql<
  Relationship['services'] | string
>`coalesce((
  select json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind) order by s.name, s.id)
  from ${relationshipServices} rs
  join ${services} s on s.workspace_id = rs.workspace_id and s.id = rs.service_id
  where rs.workspace_id = ${workspaceId} and rs.relationship_id = ${id}
), '[]'::json)`;

/** A relationship's latest touchpoint: one backward probe of the timeline index. */
const lastTouchpointOf = (workspaceId: SQLWrapper, id: SQLWrapper) =>
  isoTextOrNull(sql`(
    select max(tp.occurred_at) from ${touchpoints} tp
    where tp.workspace_id = ${workspaceId} and tp.relationship_id = ${id}
  )`);

/**
 * The rows a page is cut from: each relationship with its client only (its name orders the list), and any
 * sort keys the page is ordered by again once named (`k0`, `k1`, …). With the team joined here as well,
 * PostgreSQL paired every client of a big tenant with every team before reading a relationship (~8 ms for a
 * page at L); with the client alone it walks the clients by name and each one's relationships (~1 ms).
 */
function withClient(
  db: Db,
  workspaceId: SQL | Placeholder,
  keys: SortKey[] = [],
  more: Record<string, SQL.Aliased> = {},
) {
  const sortKeys = Object.fromEntries(keys.map((k, i) => [`k${i}`, sql`${k.expr}`.as(`k${i}`)]));
  return db
    .select({
      id: relationships.id,
      workspaceId: relationships.workspaceId,
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
      ...sortKeys,
      ...more,
    })
    .from(relationships)
    .innerJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
    .$dynamic();
}

type Page = ReturnType<ReturnType<typeof withClient>['as']>;

/**
 * A page cut from `withClient`, named: its team and owner joined to the rows kept (once, not a lookup per
 * row), its services and latest touchpoint read for them, in the page's order (`k0`, `k1`, … in `direction`).
 */
function namedPage(db: Db, page: Page, keys: number, direction: 'asc' | 'desc') {
  // The page's computed columns by their qualified names: unqualified, `created_at` would also name the team's.
  const column = <T>(name: string) => sql<T>`"page".${sql.identifier(name)}`;
  return db
    .select({
      id: page.id,
      clientId: page.clientId,
      teamId: page.teamId,
      ownerId: page.ownerId,
      cadenceDays: page.cadenceDays,
      ambition: page.ambition,
      stage: page.stage,
      pyramidLevel: page.pyramidLevel,
      status: page.status,
      lastCheckInAt: column<string | null>('last_check_in_at').as('last_check_in_at'),
      nextCheckInDue: page.nextCheckInDue,
      healthScore: page.healthScore,
      createdAt: column<string>('created_at').as('created_at'),
      updatedAt: column<string>('updated_at').as('updated_at'),
      clientName: column<string>('client_name').as('client_name'),
      clientKind: column<string>('client_kind').as('client_kind'),
      teamName: sql<string>`${teams.name}`.as('team_name'),
      ownerName: sql<string | null>`${users.name}`.as('owner_name'),
      services: servicesOf(page.workspaceId, page.id).as('services'),
      lastTouchpointAt: lastTouchpointOf(page.workspaceId, page.id).as('last_touchpoint_at'),
    })
    .from(page)
    .innerJoin(teams, and(eq(teams.workspaceId, page.workspaceId), eq(teams.id, page.teamId)))
    .leftJoin(users, eq(users.id, page.ownerId))
    .orderBy(
      ...Array.from({ length: keys }, (_, i) =>
        direction === 'asc' ? asc(column(`k${i}`)) : desc(column(`k${i}`)),
      ),
    );
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

// One relationship, named in the same statement: for a single row, looking up its team and owner costs less
// than joining them (joined, a request took 7.9 ms in process on the embedded database, 3.9 ms as it is).
const byId = (db: Db) =>
  preparedOnce(db, 'relationship_by_id', (on, name) => {
    const workspaceId = sql.placeholder('workspaceId');
    return withClient(on, workspaceId, [], {
      teamName:
        sql`(select t.name from ${teams} t where t.workspace_id = ${relationships.workspaceId} and t.id = ${relationships.teamId})`.as(
          'team_name',
        ),
      ownerName: sql`(select u.name from ${users} u where u.id = ${relationships.ownerId})`.as('owner_name'),
      services: servicesOf(relationships.workspaceId, relationships.id).as('services'),
      lastTouchpointAt: lastTouchpointOf(relationships.workspaceId, relationships.id).as(
        'last_touchpoint_at',
      ),
    })
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

// The workspace and the page's size as the list's statement names them: written in per run (`written`), not
// parameters. Left unwritten, either fails the statement.
const WORKSPACE = "'00000000-0000-0000-0000-00000000000w'::uuid";
const PAGE_ROWS = "'page rows'::int";

/**
 * One statement per shape of query — which filters it names, its sort and order, whether it continues from a
 * cursor — built once (ADR 006), with the workspace and the page's size written into its text. Its best plan
 * depends on how big the workspace is (tenants differ fiftyfold) and how many rows the page takes: with them
 * as parameters, the plan PostgreSQL keeps for a named statement is made for an average workspace and 10% of
 * its rows, and for a big tenant it hashed and sorted every relationship the filter kept where walking the
 * clients by name stops at 51 — or, no dearer than that plan to the planner, each run was planned afresh.
 * Written in, each workspace's list is a statement of its own (db/named-statements.ts, family `list`) whose
 * plan, kept after five runs, is made for that workspace and that page.
 */
function listStatement(db: Db, query: RelationshipListQuery, order: 'asc' | 'desc', after: boolean) {
  const named = filterNames.filter((f) => query[f] !== undefined);
  const shape = [query.sort, order, after ? 'after' : 'first', query.q ? 'q' : '', ...named].join('_');
  return preparedOnce(db, `relationships_${shape}`, (on): StatementText => {
    const sort = sorts[query.sort];
    const workspaceId = sql.raw(WORKSPACE);
    const page = withClient(on, workspaceId, sort.keys)
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
      // The page's size written in as SQL (drizzle writes a number as a parameter).
      .limit(sql.raw(PAGE_ROWS) as unknown as Placeholder)
      .as('page');
    // The page as one JSON text (db/json-rows.ts#jsonArrayText), not 51 rows of twenty fields (ADR 006).
    const rows = namedPage(on, page, sort.keys.length, order).getSQL();
    return writtenOut(on, sql`SELECT ${jsonArrayText('q')} AS rows FROM (${rows}) q`);
  });
}

/** A list's statement for one workspace and page size, its values filled in. */
function written(
  statement: StatementText,
  workspaceId: string,
  rows: number,
  values: Record<string, unknown>,
) {
  // Both come from the server (the caller's membership, a validated limit); checked all the same, since they
  // are written into the text.
  if (!isUuid(workspaceId) || !Number.isSafeInteger(rows)) throw new Error('not a workspace id or a size');
  return {
    sql: statement.sql.replaceAll(WORKSPACE, `'${workspaceId}'::uuid`).replaceAll(PAGE_ROWS, String(rows)),
    params: fillPlaceholders(statement.params, values),
  };
}

export async function listRelationships(db: Db, workspaceId: string, query: RelationshipListQuery) {
  const sort = sorts[query.sort];
  const order = query.order ?? sort.order;
  const after = decodeKeysetCursor(query.cursor, sort.keys);
  const values: Record<string, unknown> = {};
  for (const f of filterNames) if (query[f] !== undefined) values[f] = query[f];
  if (query.q) values.q = likePattern(query.q);
  after?.forEach((v, i) => {
    values[`after${i}`] = v;
  });
  const statement = written(listStatement(db, query, order, !!after), workspaceId, query.limit + 1, values);
  const { rows } = await executeNamedText<{ rows: string }>(db, statement, 'list');
  const page = toPage(JSON.parse(rows[0]!.rows) as Joined[], query.limit, sort.keyOf);
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
