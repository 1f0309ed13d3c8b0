import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users } from '../../platform/auth/auth.table';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterKeys, decodeKeysetCursor, type SortKey, toPage } from '../../platform/pagination';
import { refreshHealth } from '../health/health.store';
import { enqueueWebhookEvent } from '../webhooks/webhooks.store';
import type { Assessment, AssessmentInput, PyramidLevel, Stage } from './relationships.contract';
import { assessments, relationships } from './relationships.table';

// The history's sort key, (assessedAt, id), as the cursor carries it.
const historyKeys: SortKey[] = [
  { expr: assessments.assessedAt, type: 'timestamptz' },
  { expr: assessments.id, type: 'uuid' },
];

export type AssessmentRecord = {
  stage: Stage;
  pyramidLevel: PyramidLevel;
  note: string;
  assessedBy: string | null;
  assessedAt: Date;
};

/** Appends one entry to a relationship's history; the caller keeps the relationship's own stage in step. */
export async function insertAssessment(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  a: AssessmentRecord,
): Promise<string> {
  const id = newId();
  await db.insert(assessments).values({ workspaceId, id, relationshipId, ...a });
  return id;
}

/** Records an assessment and moves the relationship to its stage and level, in the caller's transaction. */
export async function recordAssessment(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  assessedBy: string,
  input: AssessmentInput,
  now: Date,
): Promise<Assessment> {
  // Locked so two people assessing at once cannot leave the relationship out of step with its history.
  const [rel] = await db
    .select({ id: relationships.id, stage: relationships.stage })
    .from(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, relationshipId)))
    .for('update');
  if (!rel) throw AppError.notFound('Relationship');
  const id = await insertAssessment(db, workspaceId, relationshipId, {
    stage: input.stage,
    pyramidLevel: input.pyramidLevel,
    note: input.note,
    assessedBy,
    assessedAt: now,
  });
  await db
    .update(relationships)
    .set({ stage: input.stage, pyramidLevel: input.pyramidLevel, updatedAt: now })
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, relationshipId)));
  await refreshHealth(db, workspaceId, [relationshipId], now);
  if (rel.stage !== input.stage) {
    await enqueueWebhookEvent(db, workspaceId, 'relationship.stage_changed', {
      relationshipId,
      from: rel.stage,
      to: input.stage,
    });
  }
  const [created] = await history(db, workspaceId, relationshipId, { id });
  return created!;
}

/**
 * The history with each entry's previous stage and level (so a reader sees the change, not just the state),
 * newest first, keyset-paged on (assessedAt, id).
 */
function history(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  opts: { id?: string; after?: (string | number | null)[]; limit?: number },
): Promise<Assessment[]> {
  const inOrder = sql`order by ${assessments.assessedAt}, ${assessments.id}`;
  const all = db.$with('history').as(
    db
      .select({
        id: assessments.id,
        relationshipId: assessments.relationshipId,
        stage: assessments.stage,
        pyramidLevel: assessments.pyramidLevel,
        note: assessments.note,
        assessedBy: assessments.assessedBy,
        assessedAt: assessments.assessedAt,
        previousStage: sql<Stage | null>`lag(${assessments.stage}) over (${inOrder})`.as('previous_stage'),
        previousPyramidLevel: sql<PyramidLevel | null>`lag(${assessments.pyramidLevel}) over (${inOrder})`.as(
          'previous_pyramid_level',
        ),
      })
      .from(assessments)
      .where(and(eq(assessments.workspaceId, workspaceId), eq(assessments.relationshipId, relationshipId))),
  );
  const keys: SortKey[] = [
    { expr: all.assessedAt, type: historyKeys[0]!.type },
    { expr: all.id, type: 'uuid' },
  ];
  const q = db
    .with(all)
    .select({
      id: all.id,
      relationshipId: all.relationshipId,
      stage: all.stage,
      pyramidLevel: all.pyramidLevel,
      previousStage: all.previousStage,
      previousPyramidLevel: all.previousPyramidLevel,
      note: all.note,
      assessedBy: all.assessedBy,
      assessedAt: all.assessedAt,
      assessorName: users.name,
    })
    .from(all)
    .leftJoin(users, eq(users.id, all.assessedBy))
    .where(
      and(
        opts.id ? eq(all.id, opts.id) : undefined,
        opts.after ? afterKeys(keys, opts.after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(all.assessedAt), desc(all.id))
    .limit(opts.limit ?? 1);
  return q.then((rows) =>
    rows.map(({ assessorName, ...h }) => ({
      id: h.id,
      relationshipId: h.relationshipId,
      stage: h.stage,
      pyramidLevel: h.pyramidLevel,
      previousStage: h.previousStage,
      previousPyramidLevel: h.previousPyramidLevel,
      note: h.note,
      assessedBy: h.assessedBy ? { id: h.assessedBy, name: assessorName ?? 'Former member' } : null,
      assessedAt: iso(h.assessedAt),
    })),
  );
}

export async function listAssessments(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  query: { limit: number; cursor?: string },
) {
  const [rel] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, relationshipId)))
    .limit(1);
  if (!rel) throw AppError.notFound('Relationship');
  const after = decodeKeysetCursor(query.cursor, historyKeys);
  const rows = await history(db, workspaceId, relationshipId, { after, limit: query.limit + 1 });
  return toPage(rows, query.limit, (a) => [a.assessedAt, a.id]);
}
