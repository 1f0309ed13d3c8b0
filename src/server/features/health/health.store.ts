// Relationship health: computed by the domain rule from bounded inputs, kept current as a rollup per
// relationship (and relationships.health_score) on every write that changes an input, and snapshotted per
// day for the history chart.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { addDays } from '../../../domain/cadence';
import { computeHealth, type Health as DomainHealth, riskRank } from '../../../domain/health';
import type { Db } from '../../db/open';
import { iso } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { relationships } from '../relationships/relationships.table';
import { enqueueWebhookEvent } from '../webhooks/webhooks.store';
import type { Health, HealthHistory, HealthHistoryQuery } from './health.contract';
import { loadHealthInputs } from './health.inputs';
import { healthSnapshots, relationshipHealth } from './health.table';

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
/** The next UTC midnight after `now`: when cadence has decayed by a day. */
export const nextMidnight = (now: Date) => new Date(`${addDays(dayOf(now), 1)}T00:00:00.000Z`);
/** Write paths refresh at most this many relationships per statement batch. */
const BATCH = 200;

const componentScores = (h: DomainHealth) =>
  h.components.map((c) => ({ key: c.key, score: c.score, weight: c.weight }));

/** Computes health for the relationships as of `now` (no writes). */
export async function computeHealthOf(db: Db, workspaceId: string, ids: readonly string[], now: Date) {
  const loaded = await loadHealthInputs(db, workspaceId, ids, dayOf(now));
  return new Map([...loaded].map(([id, l]) => [id, computeHealth(l.input)]));
}

/** Stores computed health: the rollup, the relationship's score column, and the day's snapshot. */
export async function storeHealth(
  db: Db,
  workspaceId: string,
  computed: Map<string, DomainHealth>,
  now: Date,
  day = dayOf(now),
): Promise<void> {
  if (computed.size === 0) return;
  const rows = [...computed].map(([relationshipId, h]) => ({ relationshipId, h }));
  const before = await db
    .select({ id: relationshipHealth.relationshipId, risks: relationshipHealth.risks })
    .from(relationshipHealth)
    .where(
      and(
        eq(relationshipHealth.workspaceId, workspaceId),
        inArray(
          relationshipHealth.relationshipId,
          rows.map((r) => r.relationshipId),
        ),
      ),
    );
  const hadRisks = new Map(before.map((r) => [r.id, new Set(r.risks.map((x) => x.key))]));
  await db
    .insert(relationshipHealth)
    .values(
      rows.map(({ relationshipId, h }) => ({
        workspaceId,
        relationshipId,
        score: h.score,
        components: componentScores(h),
        risks: h.risks,
        riskRank: riskRank(h),
        riskCount: h.risks.length,
        detail: h.components,
        computedAt: now,
        refreshDueAt: nextMidnight(now),
      })),
    )
    .onConflictDoUpdate({
      target: [relationshipHealth.workspaceId, relationshipHealth.relationshipId],
      set: {
        score: sql`excluded.score`,
        components: sql`excluded.components`,
        risks: sql`excluded.risks`,
        riskRank: sql`excluded.risk_rank`,
        riskCount: sql`excluded.risk_count`,
        detail: sql`excluded.detail`,
        computedAt: sql`excluded.computed_at`,
        refreshDueAt: sql`excluded.refresh_due_at`,
      },
    });
  // A risk that was not flagged before is news for webhook subscribers, in this same transaction.
  for (const { relationshipId, h } of rows) {
    const had = hadRisks.get(relationshipId) ?? new Set<string>();
    const raised = h.risks.filter((r) => !had.has(r.key));
    if (raised.length > 0)
      await enqueueWebhookEvent(db, workspaceId, 'health.risk_raised', {
        relationshipId,
        score: h.score,
        risks: raised,
      });
  }
  await writeSnapshots(db, workspaceId, computed, day);
  // The score the relationship list shows; one statement for the batch.
  const values = sql.join(
    rows.map(({ relationshipId, h }) => sql`(${relationshipId}::uuid, ${h.score}::int)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${relationships} set health_score = v.score
    from (values ${values}) as v(id, score)
    where ${relationships.workspaceId} = ${workspaceId} and ${relationships.id} = v.id
      and ${relationships.healthScore} is distinct from v.score`);
}

/** The day's snapshot per relationship; a later refresh on the same day replaces it. */
export async function writeSnapshots(
  db: Db,
  workspaceId: string,
  computed: Map<string, DomainHealth>,
  day: string,
): Promise<void> {
  if (computed.size === 0) return;
  await db
    .insert(healthSnapshots)
    .values(
      [...computed].map(([relationshipId, h]) => ({
        workspaceId,
        relationshipId,
        day,
        score: h.score,
        components: componentScores(h),
      })),
    )
    .onConflictDoUpdate({
      target: [healthSnapshots.workspaceId, healthSnapshots.relationshipId, healthSnapshots.day],
      set: { score: sql`excluded.score`, components: sql`excluded.components` },
    });
}

/**
 * Recomputes and stores the health of these relationships. Call it after (or inside) any write that changes
 * one of health's inputs; it reads only those relationships' bounded inputs.
 */
export async function refreshHealth(
  db: Db,
  workspaceId: string,
  relationshipIds: readonly string[],
  now: Date = new Date(),
): Promise<void> {
  const ids = [...new Set(relationshipIds)];
  for (let i = 0; i < ids.length; i += BATCH) {
    const computed = await computeHealthOf(db, workspaceId, ids.slice(i, i + BATCH), now);
    await storeHealth(db, workspaceId, computed, now);
  }
}

/** One relationship's health with every component's words and records, computed fresh. */
export async function getHealth(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  now: Date,
): Promise<Health> {
  const answer = (h: Pick<DomainHealth, 'score' | 'components' | 'risks'>, at: Date): Health => ({
    relationshipId,
    score: h.score,
    components: h.components.map((c) => ({
      ...c,
      evidence: c.evidence.map((e) => ({ ...e, relationshipId })),
    })),
    risks: h.risks,
    computedAt: iso(at),
  });
  // The rollup is recomputed in every transaction that changes an input, and daily (its words count days):
  // computed today, it is the answer.
  const [kept] = await db
    .select({
      score: relationshipHealth.score,
      detail: relationshipHealth.detail,
      risks: relationshipHealth.risks,
      computedAt: relationshipHealth.computedAt,
    })
    .from(relationshipHealth)
    .where(
      and(
        eq(relationshipHealth.workspaceId, workspaceId),
        eq(relationshipHealth.relationshipId, relationshipId),
        gte(relationshipHealth.computedAt, new Date(`${dayOf(now)}T00:00:00Z`)),
        lte(relationshipHealth.computedAt, now),
      ),
    );
  if (kept?.detail) {
    // Stored by storeHealth from the domain's own risks: the keys are the domain's.
    const risks = kept.risks as DomainHealth['risks'];
    return answer({ score: kept.score, components: kept.detail, risks }, kept.computedAt);
  }
  const computed = await computeHealthOf(db, workspaceId, [relationshipId], now);
  const h = computed.get(relationshipId);
  if (!h) throw AppError.notFound('Relationship');
  return answer(h, now);
}

export const MAX_HISTORY_DAYS = 731;

/** The daily snapshots of one relationship between two days (default: the last 180 days). */
export async function getHealthHistory(
  db: Db,
  workspaceId: string,
  relationshipId: string,
  query: HealthHistoryQuery,
  now: Date,
): Promise<HealthHistory> {
  const today = dayOf(now);
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -180);
  if (from > to) throw AppError.badField('from', 'must not be after to');
  if (from < addDays(to, -MAX_HISTORY_DAYS))
    throw AppError.badField('from', `the range may span at most ${MAX_HISTORY_DAYS} days`);
  const [rel] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, relationshipId)))
    .limit(1);
  if (!rel) throw AppError.notFound('Relationship');
  const rows = await db
    .select({
      day: healthSnapshots.day,
      score: healthSnapshots.score,
      components: healthSnapshots.components,
    })
    .from(healthSnapshots)
    .where(
      and(
        eq(healthSnapshots.workspaceId, workspaceId),
        eq(healthSnapshots.relationshipId, relationshipId),
        gte(healthSnapshots.day, from),
        lte(healthSnapshots.day, to),
      ),
    )
    .orderBy(asc(healthSnapshots.day));
  return {
    relationshipId,
    from,
    to,
    points: rows.map((r) => ({
      day: r.day,
      score: r.score,
      components: r.components.map((c) => ({
        key: c.key as HealthHistory['points'][number]['components'][number]['key'],
        score: c.score,
      })),
    })),
  };
}

/** The relationships of a workspace that have no rollup yet (new ones, or from before health existed). */
export async function relationshipsWithoutHealth(db: Db, workspaceId: string, limit: number) {
  const rows = await db
    .select({ id: relationships.id })
    .from(relationships)
    .leftJoin(
      relationshipHealth,
      and(
        eq(relationshipHealth.workspaceId, relationships.workspaceId),
        eq(relationshipHealth.relationshipId, relationships.id),
      ),
    )
    .where(and(eq(relationships.workspaceId, workspaceId), sql`${relationshipHealth.relationshipId} is null`))
    .limit(limit);
  return rows.map((r) => r.id);
}
