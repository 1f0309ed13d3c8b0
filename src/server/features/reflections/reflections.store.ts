import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users } from '../../platform/auth/auth.table';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { clients } from '../clients/clients.table';
import { experiments } from '../experiments/experiments.table';
import { relationships } from '../relationships/relationships.table';
import { teams } from '../teams/teams.table';
import { removeLearningsOf } from './learnings.search';
import { toLearning } from './learnings.store';
import type {
  Reflection,
  ReflectionInput,
  ReflectionListQuery,
  ReflectionPatch,
} from './reflections.contract';
import { learnings, reflectionExperiments, reflectionRelationships, reflections } from './reflections.table';

type Joined = { row: typeof reflections.$inferSelect; teamName: string | null; creatorName: string | null };

function joined(db: Db, workspaceId: string) {
  return db
    .select({ row: reflections, teamName: teams.name, creatorName: users.name })
    .from(reflections)
    .leftJoin(teams, and(eq(teams.workspaceId, workspaceId), eq(teams.id, reflections.teamId)))
    .leftJoin(users, eq(users.id, reflections.createdBy))
    .$dynamic();
}

const INLINE_LEARNINGS = 100;

/** Adds the linked relationships and experiments and the learnings to a page, a few queries for all of it. */
async function hydrate(db: Db, workspaceId: string, rows: Joined[]): Promise<Reflection[]> {
  const ids = rows.map((r) => r.row.id);
  if (ids.length === 0) return [];
  const [rels, exps, learned] = await Promise.all([
    db
      .select({
        reflectionId: reflectionRelationships.reflectionId,
        id: relationships.id,
        clientName: clients.name,
      })
      .from(reflectionRelationships)
      .innerJoin(
        relationships,
        and(
          eq(relationships.workspaceId, workspaceId),
          eq(relationships.id, reflectionRelationships.relationshipId),
        ),
      )
      .innerJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
      .where(
        and(
          eq(reflectionRelationships.workspaceId, workspaceId),
          inArray(reflectionRelationships.reflectionId, ids),
        ),
      )
      .orderBy(asc(clients.name)),
    db
      .select({
        reflectionId: reflectionExperiments.reflectionId,
        id: experiments.id,
        title: experiments.title,
      })
      .from(reflectionExperiments)
      .innerJoin(
        experiments,
        and(eq(experiments.workspaceId, workspaceId), eq(experiments.id, reflectionExperiments.experimentId)),
      )
      .where(
        and(
          eq(reflectionExperiments.workspaceId, workspaceId),
          inArray(reflectionExperiments.reflectionId, ids),
        ),
      )
      .orderBy(asc(experiments.title)),
    db
      .select()
      .from(learnings)
      .where(and(eq(learnings.workspaceId, workspaceId), inArray(learnings.reflectionId, ids)))
      .orderBy(asc(learnings.createdAt), asc(learnings.id)),
  ]);
  return rows.map(({ row: r, teamName, creatorName }) => {
    const own = learned.filter((l) => l.reflectionId === r.id);
    const ownRels = rels
      .filter((x) => x.reflectionId === r.id)
      .map(({ id, clientName }) => ({ id, clientName }));
    const ownExps = exps.filter((x) => x.reflectionId === r.id).map(({ id, title }) => ({ id, title }));
    return {
      id: r.id,
      teamId: r.teamId,
      team: { id: r.teamId, name: teamName ?? '' },
      heldOn: r.heldOn,
      happening: r.happening,
      emerging: r.emerging,
      surprisinglyWell: r.surprisinglyWell,
      harderThanExpected: r.harderThanExpected,
      needs: r.needs,
      relationshipIds: ownRels.map((x) => x.id),
      relationships: ownRels,
      experimentIds: ownExps.map((x) => x.id),
      experiments: ownExps,
      learnings: own.slice(0, INLINE_LEARNINGS).map(toLearning),
      learningCount: own.length,
      createdBy: r.createdBy ? { id: r.createdBy, name: creatorName ?? 'Former member' } : null,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    };
  });
}

/** Latest first. */
export async function listReflections(db: Db, workspaceId: string, query: ReflectionListQuery) {
  if (query.from && query.to && query.from > query.to)
    throw AppError.badField('to', 'must not be before from');
  const after = decodeCursor(query.cursor, 2);
  const rows = await joined(db, workspaceId)
    .where(
      and(
        eq(reflections.workspaceId, workspaceId),
        query.teamId ? eq(reflections.teamId, query.teamId) : undefined,
        query.from ? gte(reflections.heldOn, query.from) : undefined,
        query.to ? lte(reflections.heldOn, query.to) : undefined,
        query.relationshipId
          ? sql`exists (select 1 from ${reflectionRelationships} where ${reflectionRelationships.workspaceId} = ${workspaceId}
              and ${reflectionRelationships.reflectionId} = ${reflections.id} and ${reflectionRelationships.relationshipId} = ${query.relationshipId})`
          : undefined,
        query.experimentId
          ? sql`exists (select 1 from ${reflectionExperiments} where ${reflectionExperiments.workspaceId} = ${workspaceId}
              and ${reflectionExperiments.reflectionId} = ${reflections.id} and ${reflectionExperiments.experimentId} = ${query.experimentId})`
          : undefined,
        after ? afterCursor([reflections.heldOn, reflections.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(reflections.heldOn), desc(reflections.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [r.row.heldOn, r.row.id]);
  return { items: await hydrate(db, workspaceId, page.items), nextCursor: page.nextCursor };
}

export async function getReflection(db: Db, workspaceId: string, id: string): Promise<Reflection> {
  const rows = await joined(db, workspaceId)
    .where(and(eq(reflections.workspaceId, workspaceId), eq(reflections.id, id)))
    .limit(1);
  if (rows.length === 0) throw AppError.notFound('Reflection');
  const [one] = await hydrate(db, workspaceId, rows);
  return one!;
}

/** Links replace the reflection's previous ones; each id must exist in the workspace (400 naming the list). */
async function replaceLinks(
  db: Db,
  workspaceId: string,
  reflectionId: string,
  relationshipIds: string[] | undefined,
  experimentIds: string[] | undefined,
): Promise<void> {
  if (relationshipIds) {
    const ids = [...new Set(relationshipIds)];
    if (ids.length > 0) {
      const found = await db
        .select({ id: relationships.id })
        .from(relationships)
        .where(and(eq(relationships.workspaceId, workspaceId), inArray(relationships.id, ids)));
      if (found.length !== ids.length)
        throw AppError.badField('relationshipIds', 'names a relationship that does not exist');
    }
    await db
      .delete(reflectionRelationships)
      .where(
        and(
          eq(reflectionRelationships.workspaceId, workspaceId),
          eq(reflectionRelationships.reflectionId, reflectionId),
        ),
      );
    if (ids.length > 0)
      await db
        .insert(reflectionRelationships)
        .values(ids.map((relationshipId) => ({ workspaceId, reflectionId, relationshipId })));
  }
  if (experimentIds) {
    const ids = [...new Set(experimentIds)];
    if (ids.length > 0) {
      const found = await db
        .select({ id: experiments.id })
        .from(experiments)
        .where(and(eq(experiments.workspaceId, workspaceId), inArray(experiments.id, ids)));
      if (found.length !== ids.length)
        throw AppError.badField('experimentIds', 'names an experiment that does not exist');
    }
    await db
      .delete(reflectionExperiments)
      .where(
        and(
          eq(reflectionExperiments.workspaceId, workspaceId),
          eq(reflectionExperiments.reflectionId, reflectionId),
        ),
      );
    if (ids.length > 0)
      await db
        .insert(reflectionExperiments)
        .values(ids.map((experimentId) => ({ workspaceId, reflectionId, experimentId })));
  }
}

type Answers = Pick<
  ReflectionInput,
  'happening' | 'emerging' | 'surprisinglyWell' | 'harderThanExpected' | 'needs'
>;
function assertAnswered(a: Answers): void {
  if (![a.happening, a.emerging, a.surprisinglyWell, a.harderThanExpected, a.needs].some((x) => x.trim()))
    throw AppError.badField('happening', 'answer at least one of the questions');
}

export async function createReflection(
  db: Db,
  workspaceId: string,
  createdBy: string,
  input: ReflectionInput,
): Promise<Reflection> {
  assertAnswered(input);
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, input.teamId)))
    .limit(1);
  if (!team) throw AppError.badField('teamId', 'is not a team in this workspace');
  const id = newId();
  await db.insert(reflections).values({
    workspaceId,
    id,
    teamId: input.teamId,
    heldOn: input.heldOn,
    happening: input.happening,
    emerging: input.emerging,
    surprisinglyWell: input.surprisinglyWell,
    harderThanExpected: input.harderThanExpected,
    needs: input.needs,
    createdBy,
  });
  await replaceLinks(db, workspaceId, id, input.relationshipIds, input.experimentIds);
  return getReflection(db, workspaceId, id);
}

export async function updateReflection(
  db: Db,
  workspaceId: string,
  id: string,
  patch: ReflectionPatch,
): Promise<Reflection> {
  const [row] = await db
    .select()
    .from(reflections)
    .where(and(eq(reflections.workspaceId, workspaceId), eq(reflections.id, id)))
    .for('update');
  if (!row) throw AppError.notFound('Reflection');
  const { relationshipIds, experimentIds, ...fields } = patch;
  assertAnswered({
    happening: fields.happening ?? row.happening,
    emerging: fields.emerging ?? row.emerging,
    surprisinglyWell: fields.surprisinglyWell ?? row.surprisinglyWell,
    harderThanExpected: fields.harderThanExpected ?? row.harderThanExpected,
    needs: fields.needs ?? row.needs,
  });
  await db
    .update(reflections)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(reflections.workspaceId, workspaceId), eq(reflections.id, id)));
  await replaceLinks(db, workspaceId, id, relationshipIds, experimentIds);
  return getReflection(db, workspaceId, id);
}

export async function deleteReflection(db: Db, workspaceId: string, id: string): Promise<{ id: string }> {
  const [row] = await db
    .delete(reflections)
    .where(and(eq(reflections.workspaceId, workspaceId), eq(reflections.id, id)))
    .returning({ id: reflections.id });
  if (!row) throw AppError.notFound('Reflection');
  // Its learnings go with it (foreign key); their search documents name it as their parent.
  await removeLearningsOf(db, workspaceId, id);
  return row;
}
