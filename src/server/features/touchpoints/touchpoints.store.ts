import { and, desc, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { jsonArrayText } from '../../db/json-rows';
import type { Db } from '../../db/open';
import { preparedOnce, rowsAsRead } from '../../db/prepared';
import { users } from '../../platform/auth/auth.table';
import { isoText } from '../../platform/columns';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterKeys, decodeKeysetCursor, type SortKey, toPage } from '../../platform/pagination';
import { refreshHealth } from '../health/health.store';
import { relationships } from '../relationships/relationships.table';
import {
  type Touchpoint,
  type TouchpointInput,
  type TouchpointListQuery,
  type TouchpointPatch,
  type TouchpointSummary,
  touchpointKinds,
} from './touchpoints.contract';
import { touchpoints } from './touchpoints.table';

/**
 * A touchpoint's columns (the timeline's and a single one's), read as the driver's rows keyed by column name (`all()`), timestamps as ISO text
 * from the database (`isoText`): drizzle's per-field mapping and a `Date` per timestamp were together ~25%
 * of a timeline page's server time (ADR 006). The computed ones have names of their own in the inner select:
 * drizzle refers to them unqualified, and the users' table has a created_at and an updated_at too.
 */
const ownColumns = {
  id: touchpoints.id,
  relationshipId: touchpoints.relationshipId,
  kind: touchpoints.kind,
  initiatedBy: touchpoints.initiatedBy,
  summary: touchpoints.summary,
  discoveries: touchpoints.discoveries,
  visibility: touchpoints.visibility,
  createdBy: touchpoints.createdBy,
  occurredText: isoText(touchpoints.occurredAt).as('tp_occurred_at'),
  createdText: isoText(touchpoints.createdAt).as('tp_created_at'),
  updatedText: isoText(touchpoints.updatedAt).as('tp_updated_at'),
  sortAt: sql`${touchpoints.occurredAt}`.as('tp_sort_at'),
};

/**
 * Touchpoints newest first, cut at `limit` before their creators are named, as the timeline's floor does:
 * joined first, the planner hashed every user and sorted all of a relationship's touchpoints for a page of 51
 * (104 rows and 315 users at L: 1.3 against 0.5 ms embedded), and the cost grew with the installation's users.
 */
function namedTouchpoints(on: Db, where: SQL | undefined, limit: number | Placeholder) {
  const page = on
    .select(ownColumns)
    .from(touchpoints)
    .where(where)
    .orderBy(desc(touchpoints.occurredAt), desc(touchpoints.id))
    .limit(limit)
    .as('page');
  return on
    .select({
      id: page.id,
      relationshipId: page.relationshipId,
      kind: page.kind,
      initiatedBy: page.initiatedBy,
      occurredAt: sql<string>`${page.occurredText}`.as('occurred_at'),
      summary: page.summary,
      discoveries: page.discoveries,
      visibility: page.visibility,
      createdBy: page.createdBy,
      creatorName: sql<string | null>`${users.name}`.as('creator_name'),
      createdAt: sql<string>`${page.createdText}`.as('created_at'),
      updatedAt: sql<string>`${page.updatedText}`.as('updated_at'),
    })
    .from(page)
    .leftJoin(users, eq(users.id, page.createdBy))
    .orderBy(desc(page.sortAt), desc(page.id));
}

type TouchpointRow = {
  id: string;
  relationship_id: string;
  kind: Touchpoint['kind'];
  initiated_by: Touchpoint['initiatedBy'];
  occurred_at: string;
  summary: string;
  discoveries: string | null;
  visibility: Touchpoint['visibility'];
  created_by: string | null;
  creator_name: string | null;
  created_at: string;
  updated_at: string;
};

// Field by field, not a spread: objects of one literal shape keep the serializer's reads fast.
const toTouchpoint = (r: TouchpointRow): Touchpoint => ({
  id: r.id,
  relationshipId: r.relationship_id,
  kind: r.kind,
  initiatedBy: r.initiated_by,
  occurredAt: r.occurred_at,
  summary: r.summary,
  discoveries: r.discoveries,
  visibility: r.visibility,
  createdBy: r.created_by ? { id: r.created_by, name: r.creator_name ?? 'Former member' } : null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Touchpoints live under a relationship: an unknown (or other workspace's) relationship is a 404. */
async function assertRelationship(db: Db, workspaceId: string, relationshipId: string): Promise<void> {
  const [row] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, relationshipId)))
    .limit(1);
  if (!row) throw AppError.notFound('Relationship');
}

const scope = (workspaceId: string | Placeholder, relationshipId: string | Placeholder) =>
  and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.relationshipId, relationshipId));

const timelineKeys: SortKey[] = [
  { expr: touchpoints.occurredAt, type: 'timestamptz' },
  { expr: touchpoints.id, type: 'uuid' },
];
const timelineFilters = {
  kind: touchpoints.kind,
  initiatedBy: touchpoints.initiatedBy,
  visibility: touchpoints.visibility,
} as const;
type TimelineFilter = keyof typeof timelineFilters;
const timelineFilterNames = Object.keys(timelineFilters) as TimelineFilter[];

/** One prepared statement per shape of timeline query: the filters it names, and whether it continues (ADR 006). */
function timelineStatement(db: Db, query: TouchpointListQuery, after: boolean) {
  const named = timelineFilterNames.filter((f) => query[f] !== undefined);
  const shape = [after ? 'after' : 'first', ...named].join('_');
  return preparedOnce(db, `touchpoints_${shape}`, (on, name) => {
    const page = namedTouchpoints(
      on,
      and(
        scope(sql.placeholder('workspaceId'), sql.placeholder('relationshipId')),
        ...named.map((f) => eq(timelineFilters[f], sql.placeholder(f))),
        after
          ? afterKeys(timelineKeys, [sql.placeholder('after0'), sql.placeholder('after1')], 'desc')
          : undefined,
      ),
      sql.placeholder('limit'),
    ).as('timeline');
    // The page as one JSON text (db/json-rows.ts#jsonArrayText), not 51 rows of twelve fields.
    return on
      .select({ rows: jsonArrayText('timeline').as('rows') })
      .from(page)
      .prepare(name);
  });
}

/** The timeline, newest first. */
export async function listTouchpoints(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  query: TouchpointListQuery,
) {
  const after = decodeKeysetCursor(query.cursor, timelineKeys);
  const values: Record<string, unknown> = { workspaceId, relationshipId, limit: query.limit + 1 };
  for (const f of timelineFilterNames) if (query[f] !== undefined) values[f] = query[f];
  if (after) [values.after0, values.after1] = after;
  const [read] = await rowsAsRead<{ rows: string }>(timelineStatement(db, query, !!after), values);
  const rows = JSON.parse(read!.rows) as TouchpointRow[];
  // An empty page may mean an unknown relationship: only then is it worth asking (ADR 006).
  if (rows.length === 0) await assertRelationship(db, workspaceId, relationshipId);
  const page = toPage(rows, query.limit, (r) => [r.occurred_at, r.id]);
  return { items: page.items.map(toTouchpoint), nextCursor: page.nextCursor };
}

export async function getTouchpoint(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  id: string,
): Promise<Touchpoint> {
  const statement = preparedOnce(db, 'touchpoint_by_id', (on, name) =>
    namedTouchpoints(
      on,
      and(
        scope(sql.placeholder('workspaceId'), sql.placeholder('relationshipId')),
        eq(touchpoints.id, sql.placeholder('id')),
      ),
      1,
    ).prepare(name),
  );
  const [row] = await rowsAsRead<TouchpointRow>(statement, { workspaceId, relationshipId, id });
  if (!row) throw AppError.notFound('Touchpoint');
  return toTouchpoint(row);
}

export async function createTouchpoint(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  createdBy: string | null,
  input: TouchpointInput,
  now: Date,
): Promise<Touchpoint> {
  await assertRelationship(db, workspaceId, relationshipId);
  const id = newId();
  await db.insert(touchpoints).values({
    workspaceId,
    id,
    relationshipId,
    kind: input.kind,
    initiatedBy: input.initiatedBy,
    // Through Date: millisecond precision, the same the cursor carries.
    occurredAt: new Date(input.occurredAt),
    summary: input.summary,
    discoveries: input.discoveries || null,
    visibility: input.visibility,
    createdBy,
    createdAt: now,
    updatedAt: now,
  });
  await refreshHealth(db, workspaceId, [relationshipId], now);
  return getTouchpoint(db, workspaceId, relationshipId, id);
}

export async function updateTouchpoint(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  id: string,
  patch: TouchpointPatch,
  now: Date,
): Promise<Touchpoint> {
  const { occurredAt, discoveries, ...rest } = patch;
  const [row] = await db
    .update(touchpoints)
    .set({
      ...rest,
      ...(occurredAt !== undefined ? { occurredAt: new Date(occurredAt) } : {}),
      ...(discoveries !== undefined ? { discoveries: discoveries || null } : {}),
      updatedAt: now,
    })
    .where(and(scope(workspaceId, relationshipId), eq(touchpoints.id, id)))
    .returning({ id: touchpoints.id });
  if (!row) throw AppError.notFound('Touchpoint');
  await refreshHealth(db, workspaceId, [relationshipId], now);
  return getTouchpoint(db, workspaceId, relationshipId, id);
}

export async function deleteTouchpoint(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  id: string,
): Promise<{ id: string }> {
  const [row] = await db
    .delete(touchpoints)
    .where(and(scope(workspaceId, relationshipId), eq(touchpoints.id, id)))
    .returning({ id: touchpoints.id });
  if (!row) throw AppError.notFound('Touchpoint');
  await refreshHealth(db, workspaceId, [relationshipId]);
  return row;
}

/** Who started the touchpoints and of which kinds: our side and their side, counted. */
export async function summarizeTouchpoints(
  db: Db,
  workspaceId: string,
  relationshipId: string,
): Promise<TouchpointSummary> {
  await assertRelationship(db, workspaceId, relationshipId);
  const rows = await db
    .select({
      kind: touchpoints.kind,
      initiatedBy: touchpoints.initiatedBy,
      n: sql<number>`count(*)::int`,
      lastAt: sql<Date | null>`max(${touchpoints.occurredAt})`.mapWith(touchpoints.occurredAt),
    })
    .from(touchpoints)
    .where(scope(workspaceId, relationshipId))
    .groupBy(touchpoints.kind, touchpoints.initiatedBy);
  const byKind = Object.fromEntries(touchpointKinds.map((k) => [k, 0])) as TouchpointSummary['byKind'];
  const byInitiator = { provider: 0, client: 0 };
  let last: Date | null = null;
  for (const r of rows) {
    byKind[r.kind] += r.n;
    byInitiator[r.initiatedBy] += r.n;
    if (r.lastAt && (!last || r.lastAt > last)) last = r.lastAt;
  }
  return {
    total: byInitiator.provider + byInitiator.client,
    byInitiator,
    byKind,
    lastAt: last ? iso(last) : null,
  };
}
