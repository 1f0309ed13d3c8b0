import { addDays } from '../../domain/cadence';
import { computeHealth, type Health } from '../../domain/health';
import type { Db } from '../db/open';
import { loadHealthInputs, stageOn } from '../features/health/health.inputs';
import { computeHealthOf, storeHealth, writeSnapshots } from '../features/health/health.store';

/** How far back the demo's health history reaches. */
const HISTORY_DAYS = 182;

/**
 * Scores every demo relationship today and writes a snapshot for each day of the last six months, each
 * computed from the records as they stood that day, so the history chart shows how the relationships got
 * here. The records are read once and replayed day by day.
 */
export async function insertHealth(db: Db, workspaceId: string, ids: string[], now: Date): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  const loaded = await loadHealthInputs(db, workspaceId, ids, today, { lookbackDays: HISTORY_DAYS + 180 });
  for (let back = HISTORY_DAYS; back >= 1; back--) {
    const day = addDays(today, -back);
    const computed = new Map<string, Health>();
    for (const [id, l] of loaded) {
      const { stage, stageSince } = stageOn(l.stages, day, {
        stage: l.input.relationship.stage,
        since: l.input.relationship.startedOn,
      });
      // The demo keeps only the latest check-ins as records; before the first of them its history would
      // read as "never checked in", so each relationship's chart starts there.
      const first = l.input.checkIns.map((c) => c.heldOn).sort()[0];
      if (l.input.relationship.startedOn > day || !first || first > day) continue;
      computed.set(
        id,
        computeHealth({
          ...l.input,
          today: day,
          relationship: { ...l.input.relationship, stage, stageSince },
        }),
      );
    }
    await writeSnapshots(db, workspaceId, computed, day);
  }
  await storeHealth(db, workspaceId, await computeHealthOf(db, workspaceId, ids, now), now);
}
