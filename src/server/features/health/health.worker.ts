// The daily health pass: cadence decays with time even when nothing is written, so every relationship's
// health is recomputed once a day and the day's snapshot written. Work is rows with a due time
// (relationship_health.refresh_due_at), claimed per workspace with FOR UPDATE SKIP LOCKED, so any number of
// app nodes share the pass and none recomputes a relationship twice.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/open';
import type { AppDeps } from '../../platform/deps';
import { type JobLoop, startJobLoop } from '../../platform/jobs';
import { relationships } from '../relationships/relationships.table';
import { computeHealthOf, refreshHealth, storeHealth } from './health.store';
import { relationshipHealth } from './health.table';

const CLAIM = 200;

const byWorkspace = (rows: { workspaceId: string; id: string }[]) => {
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.workspaceId, [...(out.get(r.workspaceId) ?? []), r.id]);
  return out;
};

/** One pass: scores relationships that have no health yet, then every one whose daily refresh is due. */
export async function runHealthPass(db: Db, now: Date): Promise<number> {
  let done = 0;
  for (let round = 0; round < 50; round++) {
    const missing = await db
      .select({ workspaceId: relationships.workspaceId, id: relationships.id })
      .from(relationships)
      .leftJoin(
        relationshipHealth,
        and(
          eq(relationshipHealth.workspaceId, relationships.workspaceId),
          eq(relationshipHealth.relationshipId, relationships.id),
        ),
      )
      .where(sql`${relationshipHealth.relationshipId} is null`)
      .limit(CLAIM);
    if (missing.length === 0) break;
    for (const [workspaceId, ids] of byWorkspace(missing)) {
      await db.transaction((t) => refreshHealth(t as unknown as Db, workspaceId, ids, now));
      done += ids.length;
    }
  }
  for (let round = 0; round < 500; round++) {
    // Step one reads due rows across workspaces without locks; step two claims them one workspace at a time.
    const due = await db
      .select({ workspaceId: relationshipHealth.workspaceId, id: relationshipHealth.relationshipId })
      .from(relationshipHealth)
      .where(lte(relationshipHealth.refreshDueAt, now))
      .orderBy(asc(relationshipHealth.refreshDueAt))
      .limit(CLAIM);
    if (due.length === 0) break;
    let progressed = false;
    for (const [workspaceId, ids] of byWorkspace(due)) {
      const claimed = await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const rows = await tx
          .select({ id: relationshipHealth.relationshipId })
          .from(relationshipHealth)
          .where(
            and(
              eq(relationshipHealth.workspaceId, workspaceId),
              inArray(relationshipHealth.relationshipId, ids),
              lte(relationshipHealth.refreshDueAt, now),
            ),
          )
          .for('update', { skipLocked: true });
        if (rows.length === 0) return 0;
        const computed = await computeHealthOf(
          tx,
          workspaceId,
          rows.map((r) => r.id),
          now,
        );
        await storeHealth(tx, workspaceId, computed, now);
        return rows.length;
      });
      if (claimed > 0) progressed = true;
      done += claimed;
    }
    if (!progressed) break;
  }
  return done;
}

/** Runs the health pass on every app node: shortly after start (catching up a missed day), then every 10 minutes. */
export function healthWorker(app: FastifyInstance, deps: AppDeps): void {
  let loop: JobLoop | undefined;
  app.addHook('onReady', async () => {
    loop = startJobLoop({
      intervalMs: 10 * 60_000,
      firstDelayMs: 20_000,
      pass: () => runHealthPass(deps.db, deps.now()),
      log: (msg, err) => app.log.error({ err }, msg),
    });
  });
  app.addHook('onClose', async () => {
    await loop?.stop();
  });
}
