// The rollups over the bench's loaded rows: what the app (or the database's triggers) keeps on write, made
// after a bulk load that went around both.
import type { Db } from '../src/server/db/open';
import { refreshHealth } from '../src/server/features/health/health.store';
import { ensureSearchIndexed } from '../src/server/features/search/search.backfill';
import type { SqlClient } from './sql';

/**
 * The rollups the app keeps on write, made by the app's own code over the loaded rows: every relationship's
 * health (rollup, score column, today's snapshot) as of `now`, every workspace's search documents, and the
 * rollups the database's triggers keep.
 */
export async function computeRollups(app: Db, db: SqlClient, now: Date, log: (m: string) => void) {
  const timings: Record<string, number> = {};
  const timed = async (key: string, what: string, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    timings[key] = Math.round(performance.now() - t0);
    log(`  ${what}: ${timings[key]} ms`);
  };
  await timed('healthRollups', "health rollups (the app's refreshHealth)", async () => {
    const rels = await db.query<{ ws: string; ids: string[] }>(
      `SELECT workspace_id::text AS ws, array_agg(id::text ORDER BY id) AS ids FROM relationships GROUP BY 1`,
    );
    for (const { ws, ids } of rels) await refreshHealth(app, ws, ids, now);
  });
  await timed('searchIndex', "search index (the app's backfill)", () => ensureSearchIndexed(app));
  // The rows were loaded with triggers off (replica role): fill the database's rollups as their migrations
  // (0009, 0010, 0011, 0014, 0015, 0017) do.
  await timed('timeMonths', 'time rollup (as migration 0009 fills it)', () =>
    db.exec(`DELETE FROM time_months; INSERT INTO time_months (workspace_id, team_id, month, kind, hours, entries)
      SELECT workspace_id, team_id, date_trunc('month', date)::date, kind, sum(hours), count(*)::int
      FROM time_entries GROUP BY 1, 2, 3, 4;`),
  );
  await timed('balanceDays', 'check-in and topic days (as migration 0010 fills them)', () =>
    db.exec(`DELETE FROM balance_days; INSERT INTO balance_days (workspace_id, team_id, day, check_ins_due,
        check_ins_on_time, topics_raised, topics_by_client)
      SELECT r.workspace_id, r.team_id, x.day, sum(x.due), sum(x.on_time), sum(x.raised), sum(x.by_client)
      FROM relationships r
      CROSS JOIN LATERAL jsonb_to_recordset(balance_days_of_relationship(r.workspace_id, r.id, r.team_id))
        AS x(day date, due int, on_time int, raised int, by_client int)
      GROUP BY 1, 2, 3;`),
  );
  await timed('clientPulseRounds', 'client pulse rounds per team (as migration 0011 fills them)', () =>
    db.exec(`DELETE FROM client_pulse_rounds; INSERT INTO client_pulse_rounds (workspace_id, team_id, pulse_id,
        title, closes_on, answers, score_sum)
      SELECT a.workspace_id, r.team_id, a.pulse_id, p.title, p.closes_on, count(*), sum(a.score)
      FROM pulse_answers a
      JOIN pulses p ON p.workspace_id = a.workspace_id AND p.id = a.pulse_id AND p.kind = 'client'
      JOIN relationships r ON r.workspace_id = a.workspace_id AND r.id = a.relationship_id
      GROUP BY 1, 2, 3, 4, 5;`),
  );
  await timed('clientPulseMonths', 'client pulse months (as migration 0015 fills them)', () =>
    db.exec(`DELETE FROM client_pulse_months; INSERT INTO client_pulse_months (workspace_id, team_id, month,
        rounds, answers, score_sum)
      SELECT workspace_id, team_id, date_trunc('month', closes_on)::date, count(DISTINCT pulse_id), sum(answers),
        sum(score_sum)
      FROM client_pulse_rounds WHERE answers > 0
      GROUP BY GROUPING SETS ((workspace_id, date_trunc('month', closes_on)::date, team_id),
        (workspace_id, date_trunc('month', closes_on)::date));`),
  );
  await timed(
    'standingDays',
    'standing changes per team and day, and moves (as migration 0014 fills them)',
    () =>
      db.exec(`DELETE FROM standing_days; INSERT INTO standing_days (workspace_id, team_id, day, started, units,
        transactional, advisory, partnership, co_creation, steps_up, steps_down, moves)
      SELECT r.workspace_id, r.team_id, x.day, sum(x.started), sum(x.units), sum(x.transactional), sum(x.advisory),
        sum(x.partnership), sum(x.co_creation), sum(x.steps_up), sum(x.steps_down), sum(x.moves)
      FROM relationships r
      CROSS JOIN LATERAL jsonb_to_recordset(standing_days_of(r.workspace_id, r.team_id, (r.created_at AT TIME ZONE 'UTC')::date,
        standing_history(r.workspace_id, r.id, '{}', '[]')))
        AS x(day date, started int, units int, transactional int, advisory int, partnership int, co_creation int,
             steps_up int, steps_down int, moves int)
      GROUP BY 1, 2, 3;
      DELETE FROM standing_moves; INSERT INTO standing_moves (workspace_id, assessment_id, relationship_id, team_id, assessed_at)
      SELECT r.workspace_id, x.id, r.id, r.team_id, x.at FROM relationships r
      CROSS JOIN LATERAL standing_moves_of((r.created_at AT TIME ZONE 'UTC')::date,
        standing_history(r.workspace_id, r.id, '{}', '[]')) x;`),
  );
  // After the health rollups: the counts include each relationship's health band and risk.
  await timed('portfolioCounts', 'portfolio counts (as migration 0017 fills them)', () =>
    db.exec(`DELETE FROM portfolio_counts; INSERT INTO portfolio_counts (workspace_id, stage, pyramid_level, band,
        at_risk, relationships)
      SELECT workspace_id, stage, pyramid_level, least(health_score, 99) / 20, health_at_risk, count(*)::int
      FROM relationships WHERE status = 'active' GROUP BY 1, 2, 3, 4, 5;`),
  );
  return timings;
}
