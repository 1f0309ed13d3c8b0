// The leaders' portfolio: a read model over relationships, their health rollups, clients, teams and
// assessments. It reads rollups only (never touchpoints), each query filtered by workspace through an index
// that leads with workspace_id, so it costs the same for 10 relationships as for 10,000.
import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { addDays, daysOverdue } from '../../../domain/cadence';
import type { Db } from '../../db/open';
import { clients } from '../clients/clients.table';
import { stages } from '../relationships/relationships.contract';
import { type PyramidLevel, relationships, type Stage } from '../relationships/relationships.table';
import { teams } from '../teams/teams.table';
import { relationshipHealth } from './health.table';
import type { Portfolio, PortfolioRelationship } from './portfolio.contract';

const TOP = 10;
const UPCOMING_DAYS = 14;
const MOVEMENT_DAYS = 90;
const levels: PyramidLevel[] = ['expectations', 'desires', 'unrecognized_needs'];

async function refs(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, PortfolioRelationship>();
  const rows = await db
    .select({
      id: relationships.id,
      clientName: clients.name,
      teamName: teams.name,
      stage: relationships.stage,
      pyramidLevel: relationships.pyramidLevel,
    })
    .from(relationships)
    .innerJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
    .innerJoin(teams, and(eq(teams.workspaceId, workspaceId), eq(teams.id, relationships.teamId)))
    .where(and(eq(relationships.workspaceId, workspaceId), inArray(relationships.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

type Movement = {
  id: string;
  relationshipId: string;
  stage: Stage;
  level: PyramidLevel;
  prevStage: Stage | null;
  prevLevel: PyramidLevel | null;
  at: Date | string;
  note: string;
};

/** Assessments of the last quarter that changed stage or level, each with the one before it. */
async function recentMovements(db: Db, workspaceId: string, from: Date): Promise<Movement[]> {
  const result = await db.execute(sql`
    select a.id, a.relationship_id as "relationshipId", a.stage, a.pyramid_level as level, a.assessed_at as at,
      a.note, p.stage as "prevStage", p.pyramid_level as "prevLevel"
    from assessments a
    left join lateral (
      select b.stage, b.pyramid_level from assessments b
      where b.workspace_id = a.workspace_id and b.relationship_id = a.relationship_id
        and (b.assessed_at, b.id) < (a.assessed_at, a.id)
      order by b.assessed_at desc, b.id desc limit 1
    ) p on true
    where a.workspace_id = ${workspaceId} and a.assessed_at >= ${from.toISOString()}::timestamptz
    order by a.assessed_at desc, a.id desc
    limit 200`);
  const rows = (result as unknown as { rows: Movement[] }).rows;
  return rows.filter((m) => m.prevStage !== null && (m.prevStage !== m.stage || m.prevLevel !== m.level));
}

export async function getPortfolio(db: Db, workspaceId: string, now: Date): Promise<Portfolio> {
  const today = now.toISOString().slice(0, 10);
  const active = and(eq(relationships.workspaceId, workspaceId), eq(relationships.status, 'active'));
  const band = sql<number>`least(${relationships.healthScore}, 99) / 20`;
  const [
    grid,
    bands,
    unscored,
    riskRows,
    atRisk,
    overdueRows,
    overdueCount,
    upcomingRows,
    upcomingCount,
    moves,
  ] = await Promise.all([
    db
      .select({ stage: relationships.stage, pyramidLevel: relationships.pyramidLevel, count: count() })
      .from(relationships)
      .where(active)
      .groupBy(relationships.stage, relationships.pyramidLevel),
    db
      .select({ band, count: count() })
      .from(relationships)
      .where(and(active, isNotNull(relationships.healthScore)))
      .groupBy(band),
    db
      .select({ count: count() })
      .from(relationships)
      .where(and(active, sql`${relationships.healthScore} is null`)),
    db
      .select({
        id: relationshipHealth.relationshipId,
        score: relationshipHealth.score,
        risks: relationshipHealth.risks,
      })
      .from(relationshipHealth)
      .innerJoin(
        relationships,
        and(
          eq(relationships.workspaceId, workspaceId),
          eq(relationships.id, relationshipHealth.relationshipId),
        ),
      )
      .where(
        and(
          eq(relationshipHealth.workspaceId, workspaceId),
          gt(relationshipHealth.riskCount, 0),
          eq(relationships.status, 'active'),
        ),
      )
      .orderBy(desc(relationshipHealth.riskRank), asc(relationshipHealth.relationshipId))
      .limit(TOP),
    db
      .select({ count: count() })
      .from(relationshipHealth)
      .innerJoin(
        relationships,
        and(
          eq(relationships.workspaceId, workspaceId),
          eq(relationships.id, relationshipHealth.relationshipId),
        ),
      )
      .where(
        and(
          eq(relationshipHealth.workspaceId, workspaceId),
          gt(relationshipHealth.riskCount, 0),
          eq(relationships.status, 'active'),
        ),
      ),
    db
      .select({ id: relationships.id, due: relationships.nextCheckInDue })
      .from(relationships)
      .where(and(active, lt(relationships.nextCheckInDue, today)))
      .orderBy(asc(relationships.nextCheckInDue), asc(relationships.id))
      .limit(TOP),
    db
      .select({ count: count() })
      .from(relationships)
      .where(and(active, lt(relationships.nextCheckInDue, today))),
    db
      .select({ id: relationships.id, due: relationships.nextCheckInDue })
      .from(relationships)
      .where(
        and(
          active,
          gte(relationships.nextCheckInDue, today),
          lte(relationships.nextCheckInDue, addDays(today, UPCOMING_DAYS)),
        ),
      )
      .orderBy(asc(relationships.nextCheckInDue), asc(relationships.id))
      .limit(TOP),
    db
      .select({ count: count() })
      .from(relationships)
      .where(
        and(
          active,
          gte(relationships.nextCheckInDue, today),
          lte(relationships.nextCheckInDue, addDays(today, UPCOMING_DAYS)),
        ),
      ),
    recentMovements(db, workspaceId, new Date(`${addDays(today, -MOVEMENT_DAYS)}T00:00:00.000Z`)),
  ]);
  const shownMoves = moves.slice(0, 20);
  const named = await refs(db, workspaceId, [
    ...riskRows.map((r) => r.id),
    ...overdueRows.map((r) => r.id),
    ...upcomingRows.map((r) => r.id),
    ...shownMoves.map((m) => m.relationshipId),
  ]);
  const directionOf = (m: Movement): 'up' | 'down' | 'level' => {
    const s = stages.indexOf(m.stage) - stages.indexOf(m.prevStage!);
    const l = levels.indexOf(m.level) - levels.indexOf(m.prevLevel!);
    const d = s !== 0 ? s : l;
    return d > 0 ? 'up' : d < 0 ? 'down' : 'level';
  };
  const counted = new Map<number, number>(bands.map((b) => [Number(b.band), b.count]));
  return {
    today,
    active: grid.reduce((s, g) => s + g.count, 0),
    grid: grid.map((g) => ({ stage: g.stage, pyramidLevel: g.pyramidLevel, count: g.count })),
    distribution: [0, 1, 2, 3, 4].map((b) => ({
      from: b * 20,
      to: b === 4 ? 100 : b * 20 + 19,
      count: counted.get(b) ?? 0,
    })),
    unscored: unscored[0]?.count ?? 0,
    risks: riskRows
      .filter((r) => named.has(r.id))
      .map((r) => ({
        relationship: named.get(r.id)!,
        score: r.score,
        risks: r.risks as Portfolio['risks'][number]['risks'],
      })),
    atRisk: atRisk[0]?.count ?? 0,
    overdue: {
      count: overdueCount[0]?.count ?? 0,
      items: overdueRows
        .filter((r) => named.has(r.id) && r.due)
        .map((r) => ({
          relationship: named.get(r.id)!,
          due: r.due!,
          daysOverdue: daysOverdue(r.due!, today),
        })),
    },
    upcoming: {
      count: upcomingCount[0]?.count ?? 0,
      items: upcomingRows
        .filter((r) => named.has(r.id) && r.due)
        .map((r) => ({
          relationship: named.get(r.id)!,
          due: r.due!,
          inDays: Math.round((Date.parse(r.due!) - Date.parse(today)) / 86_400_000),
        })),
    },
    movements: {
      up: moves.filter((m) => directionOf(m) === 'up').length,
      down: moves.filter((m) => directionOf(m) === 'down').length,
      items: shownMoves
        .filter((m) => named.has(m.relationshipId))
        .map((m) => ({
          assessmentId: m.id,
          relationship: named.get(m.relationshipId)!,
          on: new Date(m.at).toISOString().slice(0, 10),
          fromStage: m.prevStage,
          toStage: m.stage,
          fromLevel: m.prevLevel,
          toLevel: m.level,
          direction: directionOf(m),
          note: m.note,
        })),
    },
  };
}
