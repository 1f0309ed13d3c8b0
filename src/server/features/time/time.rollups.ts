// Sums of time entries: the team view's series by kind, the hours logged inside given spans (an
// experiment's relationship, team and dates), aggregated in the database on the indexes on (workspace_id,
// member_id | team_id | relationship_id, date); and the balance's months, read from the rollup kept on write.
import { type SQL, sql } from 'drizzle-orm';
import { jsonRead } from '../../db/json-rows';
import type { Db } from '../../db/open';
import { andIdIn } from '../../platform/columns';
import { type TimeKind, type TimeSummary, type TimeSummaryQuery, timeKinds } from './time.contract';
import { timeWhere } from './time.store';
import { timeEntries, timeMonths } from './time.table';

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);

/** Hours by kind per day, week (from Monday) or month: the team view's split over time. */
export async function summarizeTime(
  db: Db,
  workspaceId: string,
  query: TimeSummaryQuery,
): Promise<TimeSummary> {
  const unit = sql.raw(`'${query.groupBy}'`);
  const period = sql<string>`to_char(date_trunc(${unit}, ${timeEntries.date}), 'YYYY-MM-DD')`;
  const grouped = await db
    .select({
      period,
      kind: timeEntries.kind,
      hours: sql<string>`sum(${timeEntries.hours})::text`,
      entries: sql<number>`count(*)::int`,
    })
    .from(timeEntries)
    .where(timeWhere(workspaceId, query))
    .groupBy(period, timeEntries.kind)
    .orderBy(period);
  const byPeriod = new Map<string, TimeSummary['periods'][number]>();
  for (const g of grouped) {
    const p = byPeriod.get(g.period) ?? {
      period: g.period,
      billable: 0,
      partnership: 0,
      learning: 0,
      internal: 0,
      total: 0,
      entries: 0,
    };
    p[g.kind] = round2(p[g.kind] + Number(g.hours));
    p.total = round2(p.total + Number(g.hours));
    p.entries += Number(g.entries);
    byPeriod.set(g.period, p);
  }
  const periods = [...byPeriod.values()];
  const sum = (k: TimeKind | 'total') => round2(periods.reduce((s, p) => s + p[k], 0));
  const total = sum('total');
  return {
    periods,
    totals: {
      billable: sum('billable'),
      partnership: sum('partnership'),
      learning: sum('learning'),
      internal: sum('internal'),
      total,
      entries: periods.reduce((s, p) => s + p.entries, 0),
      utilisation: share(sum('billable'), total),
      partnershipShare: share(sum('partnership'), total),
      learningShare: share(sum('learning'), total),
    },
  };
}

export type Span = { key: string; relationshipId: string; teamId: string; from: string; to: string };

/**
 * Hours of the given kinds logged on each span's relationship, for its team, between its days (both
 * included): one grouped query for any number of spans, each an index range on (workspace, relationship, date).
 */
export async function hoursWithin(
  db: Db,
  workspaceId: string,
  spans: Span[],
  kinds: TimeKind[],
): Promise<Map<string, number>> {
  if (spans.length === 0) return new Map();
  const values = sql.join(
    spans.map(
      (s) =>
        sql`(${s.key}::text, ${s.relationshipId}::uuid, ${s.teamId}::uuid, ${s.from}::date, ${s.to}::date)`,
    ),
    sql`, `,
  );
  const kindList = sql.join(
    kinds.filter((k) => timeKinds.includes(k)).map((k) => sql`${k}`),
    sql`, `,
  );
  const found = await rows<{ key: string; hours: string }>(
    db,
    sql`SELECT s.key, sum(t.hours)::text AS hours
        FROM (VALUES ${values}) AS s(key, relationship_id, team_id, from_day, to_day)
        JOIN time_entries t
          ON t.workspace_id = ${workspaceId}::uuid AND t.relationship_id = s.relationship_id
         AND t.team_id = s.team_id AND t.date BETWEEN s.from_day AND s.to_day AND t.kind IN (${kindList})
        GROUP BY s.key`,
  );
  return new Map(found.map((r) => [r.key, Number(r.hours)]));
}

/**
 * Monthly hours and entry counts per team and kind, for the balance read model, from the rollup the database
 * keeps on write (`time_months`): a few rows per team and month, however many entries a team logs. `from` is
 * a month's first day; when `to` ends a month early (today), entries dated after it in that month, logged
 * ahead, are taken off again (an index range on (workspace_id, date)).
 */
export function monthlyTimeRead(
  workspaceId: string,
  range: { from: string; to: string; teamIds?: string[] },
) {
  type Found = { teamId: string | null; month: string; kind: TimeKind; hours: string; entries: number };
  const onTeams = andIdIn('team_id', range.teamIds);
  // One JSON value: decoded row by row, its few hundred rows cost the embedded database more than the read.
  return jsonRead(
    range.teamIds?.length === 0
      ? null
      : sql`SELECT team_id AS "teamId", to_char(month, 'YYYY-MM') AS month, kind,
               sum(hours)::text AS hours, sum(entries)::int AS entries
        FROM (
          SELECT team_id, month, kind, hours, entries FROM ${timeMonths}
          WHERE workspace_id = ${workspaceId}::uuid AND month >= ${range.from}::date AND month <= ${range.to}::date ${onTeams}
          UNION ALL
          SELECT team_id, date_trunc('month', date)::date, kind, -hours, -1 FROM ${timeEntries}
          WHERE workspace_id = ${workspaceId}::uuid AND date > ${range.to}::date
            AND date < date_trunc('month', ${range.to}::date) + interval '1 month' ${onTeams}
        ) t
        GROUP BY team_id, month, kind
        HAVING sum(entries) > 0`,
    (found: Found[]) => found.map((r) => ({ ...r, hours: Number(r.hours), entries: Number(r.entries) })),
  );
}
