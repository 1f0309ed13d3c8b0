import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { teams } from '../teams/teams.table';
import { indexLearning, unindexLearning } from './learnings.search';
import {
  type Learning,
  type LearningInput,
  type LearningItem,
  type LearningListQuery,
  type LearningPatch,
  normalTag,
} from './reflections.contract';
import { learnings, reflections } from './reflections.table';

export const toLearning = (r: typeof learnings.$inferSelect): Learning => ({
  id: r.id,
  reflectionId: r.reflectionId,
  text: r.text,
  tags: r.tags,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

const normalTags = (tags: string[]) => [...new Set(tags.map(normalTag))];

async function assertReflection(db: Db, workspaceId: string, reflectionId: string): Promise<void> {
  const [row] = await db
    .select({ id: reflections.id })
    .from(reflections)
    .where(and(eq(reflections.workspaceId, workspaceId), eq(reflections.id, reflectionId)))
    .limit(1);
  if (!row) throw AppError.notFound('Reflection');
}

const scope = (workspaceId: string, reflectionId: string, id: string) =>
  and(eq(learnings.workspaceId, workspaceId), eq(learnings.reflectionId, reflectionId), eq(learnings.id, id));

/** A reflection's learnings, newest first. */
export async function listLearnings(
  db: Db,
  workspaceId: string,
  reflectionId: string,
  query: { limit: number; cursor?: string },
) {
  await assertReflection(db, workspaceId, reflectionId);
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select()
    .from(learnings)
    .where(
      and(
        eq(learnings.workspaceId, workspaceId),
        eq(learnings.reflectionId, reflectionId),
        after ? afterCursor([learnings.createdAt, learnings.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(learnings.createdAt), desc(learnings.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [iso(r.createdAt), r.id]);
  return { items: page.items.map(toLearning), nextCursor: page.nextCursor };
}

/** Every learning in the workspace, newest first, by tag or team. */
export async function listAllLearnings(db: Db, workspaceId: string, query: LearningListQuery) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select({ row: learnings, heldOn: reflections.heldOn, teamId: reflections.teamId, teamName: teams.name })
    .from(learnings)
    .innerJoin(
      reflections,
      and(eq(reflections.workspaceId, workspaceId), eq(reflections.id, learnings.reflectionId)),
    )
    .leftJoin(teams, and(eq(teams.workspaceId, workspaceId), eq(teams.id, reflections.teamId)))
    .where(
      and(
        eq(learnings.workspaceId, workspaceId),
        query.tag ? sql`${normalTag(query.tag)} = any(${learnings.tags})` : undefined,
        query.teamId ? eq(reflections.teamId, query.teamId) : undefined,
        after ? afterCursor([learnings.createdAt, learnings.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(learnings.createdAt), desc(learnings.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [iso(r.row.createdAt), r.row.id]);
  return {
    items: page.items.map(
      (r): LearningItem => ({
        ...toLearning(r.row),
        reflection: {
          id: r.row.reflectionId,
          heldOn: r.heldOn,
          team: { id: r.teamId, name: r.teamName ?? '' },
        },
      }),
    ),
    nextCursor: page.nextCursor,
  };
}

export async function getLearning(db: Db, workspaceId: string, reflectionId: string, id: string) {
  const [row] = await db
    .select()
    .from(learnings)
    .where(scope(workspaceId, reflectionId, id))
    .limit(1);
  if (!row) throw AppError.notFound('Learning');
  await indexLearning(db, workspaceId, row);
  return toLearning(row);
}

export async function createLearning(
  db: Db,
  workspaceId: string,
  reflectionId: string,
  createdBy: string,
  input: LearningInput,
): Promise<Learning> {
  await assertReflection(db, workspaceId, reflectionId);
  const [row] = await db
    .insert(learnings)
    .values({
      workspaceId,
      id: newId(),
      reflectionId,
      text: input.text,
      tags: normalTags(input.tags ?? []),
      createdBy,
    })
    .returning();
  await indexLearning(db, workspaceId, row!);
  return toLearning(row!);
}

export async function updateLearning(
  db: Db,
  workspaceId: string,
  reflectionId: string,
  id: string,
  patch: LearningPatch,
): Promise<Learning> {
  const [row] = await db
    .update(learnings)
    .set({
      ...(patch.text ? { text: patch.text } : {}),
      ...(patch.tags ? { tags: normalTags(patch.tags) } : {}),
      updatedAt: new Date(),
    })
    .where(scope(workspaceId, reflectionId, id))
    .returning();
  if (!row) throw AppError.notFound('Learning');
  return toLearning(row);
}

export async function deleteLearning(db: Db, workspaceId: string, reflectionId: string, id: string) {
  const [row] = await db
    .delete(learnings)
    .where(scope(workspaceId, reflectionId, id))
    .returning({ id: learnings.id });
  if (!row) throw AppError.notFound('Learning');
  await unindexLearning(db, workspaceId, id);
  return row;
}
