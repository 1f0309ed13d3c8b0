// The leaders' portfolio: a read model over relationships, their health rollups, clients, teams and
// assessments. It reads rollups only (never touchpoints), filtered by workspace through indexes that lead
// with workspace_id, and in one statement: each part is a subquery aggregated to JSON, so the request pays
// one round trip (and, on the embedded database, one statement's fixed cost) instead of eleven (ADR 006).
// The grid, the health bands and the count at risk come from `portfolio_counts`, which the database keeps on
// every write to relationships: tens of rows, whatever the size of the workspace. The lists stop at ten.
import { type SQL, sql } from 'drizzle-orm';
import { addDays, daysOverdue } from '../../../domain/cadence';
import { executeNamed, writtenIn } from '../../db/named-statements';
import type { Db } from '../../db/open';
import { stages } from '../relationships/relationships.contract';
import type { PyramidLevel, Stage } from '../relationships/relationships.table';
import { portfolioCounts } from './health.table';
import type { Portfolio, PortfolioRelationship } from './portfolio.contract';

const TOP = 10;
const UPCOMING_DAYS = 14;
const MOVEMENT_DAYS = 90;
const SHOWN_MOVES = 20;
const levels: PyramidLevel[] = ['expectations', 'desires', 'unrecognized_needs'];
// The statement is named, one per workspace (its id written in), and a named statement keeps its generic plan
// only when the database guesses it no dearer than planning each run. With the LIMITs as parameters and the
// dates compared as values, that guess went the other way at 3,500 relationships: every run was planned afresh
// (3.3 against 1.6 ms a portfolio at L on PostgreSQL). So the LIMITs are written in and each date is read from
// a subquery, which no plan can look into: the generic plan is the custom one, at every size.
const top = sql.raw(String(TOP));
const shownMoves = sql.raw(String(SHOWN_MOVES));

type Due = { id: string; due: string; relationship: PortfolioRelationship };
/** One of the first SHOWN_MOVES moves; the rest are only counted (`move_counts`). */
type Movement = {
  id: string;
  stage: Stage;
  level: PyramidLevel;
  prevStage: Stage;
  prevLevel: PyramidLevel;
  at: string;
  note: string;
  /** The sign of the step: up the stages, or up the pyramid at the same stage. */
  dir: -1 | 0 | 1;
  relationship: PortfolioRelationship;
};
type Row = {
  grid: Array<{ stage: Stage; pyramid_level: PyramidLevel; count: number }>;
  bands: Array<{ band: number; count: number }>;
  unscored: number;
  risks: Array<{
    score: number | null;
    risks: Portfolio['risks'][number]['risks'];
    relationship: PortfolioRelationship;
  }>;
  at_risk: number;
  overdue: Due[];
  overdue_count: number;
  upcoming: Due[];
  upcoming_count: number;
  move_counts: { up: number; down: number };
  movements: Movement[];
};

/** A text column's place in a fixed order (1-based), as SQL: the order is ours, not the data's. */
const rank = (column: string, order: readonly string[]) =>
  `array_position(ARRAY[${order.map((o) => `'${o}'`).join(', ')}]::text[], ${column})`;
/** The direction of a move: the stage's step, or the level's when the stage stayed. */
const direction = sql.raw(`CASE WHEN a.stage <> p.stage
    THEN sign(${rank('a.stage', stages)} - ${rank('p.stage', stages)})
    ELSE sign(${rank('a.pyramid_level', levels)} - ${rank('p.pyramid_level', levels)}) END::int`);

/** Everything the page shows, one statement. Active relationships are inlined where used, so each use
 *  gets its own index path (one shared CTE would be one scan of them all). */
function portfolioStatement(workspaceId: string, today: string, movesFrom: string): SQL {
  const ws = writtenIn(workspaceId);
  const active = sql`(SELECT * FROM relationships WHERE workspace_id = ${ws} AND status = 'active')`;
  const ref = (r: string) =>
    sql.raw(`json_build_object('id', ${r}.id, 'clientName', c.name, 'teamName', tm.name,
      'stage', ${r}.stage, 'pyramidLevel', ${r}.pyramid_level)`);
  const named = (r: string) =>
    sql.raw(`JOIN clients c ON c.workspace_id = ${r}.workspace_id AND c.id = ${r}.client_id
      JOIN teams tm ON tm.workspace_id = ${r}.workspace_id AND tm.id = ${r}.team_id`);
  const dueList = (cond: SQL) => sql`(SELECT coalesce(json_agg(x ORDER BY x.due, x.id), '[]') FROM (
      SELECT r.id, r.next_check_in_due AS due, ${ref('r')} AS relationship FROM ${active} r ${named('r')}
      WHERE ${cond} ORDER BY r.next_check_in_due, r.id LIMIT ${top}) x)`;
  const overdue = sql`next_check_in_due < (SELECT ${today}::date)`;
  const upcoming = sql`next_check_in_due BETWEEN (SELECT ${today}::date) AND (SELECT ${addDays(today, UPCOMING_DAYS)}::date)`;
  return sql`
    WITH moves AS (
      SELECT mv.*, row_number() OVER (ORDER BY mv.at DESC, mv.id DESC) AS rn FROM (
        SELECT a.id, a.relationship_id, a.stage, a.pyramid_level AS level, a.assessed_at AS at, a.note,
               p.stage AS prev_stage, p.pyramid_level AS prev_level, ${direction} AS dir
        FROM assessments a
        LEFT JOIN LATERAL (
          SELECT b.stage, b.pyramid_level FROM assessments b
          WHERE b.workspace_id = a.workspace_id AND b.relationship_id = a.relationship_id
            AND (b.assessed_at, b.id) < (a.assessed_at, a.id)
          ORDER BY b.assessed_at DESC, b.id DESC LIMIT 1) p ON true
        WHERE a.workspace_id = ${ws} AND a.assessed_at >= (SELECT ${movesFrom}::timestamptz)
        ORDER BY a.assessed_at DESC, a.id DESC LIMIT 200) mv
      WHERE mv.prev_stage IS NOT NULL AND (mv.prev_stage <> mv.stage OR mv.prev_level <> mv.level))
    SELECT
      (SELECT coalesce(json_agg(g ORDER BY g.stage, g.pyramid_level), '[]') FROM (
         SELECT stage, pyramid_level, sum(relationships)::int AS count FROM ${portfolioCounts}
         WHERE workspace_id = ${ws} GROUP BY 1, 2) g) AS grid,
      (SELECT coalesce(json_agg(b), '[]') FROM (
         SELECT band, sum(relationships)::int AS count FROM ${portfolioCounts}
         WHERE workspace_id = ${ws} AND band IS NOT NULL GROUP BY 1) b) AS bands,
      (SELECT coalesce(sum(relationships), 0)::int FROM ${portfolioCounts}
         WHERE workspace_id = ${ws} AND band IS NULL) AS unscored,
      (SELECT coalesce(json_agg(x ORDER BY x.risk_rank DESC, x.id), '[]') FROM (
         SELECT h.relationship_id AS id, h.risk_rank, h.score, h.risks, ${ref('r')} AS relationship
         FROM relationship_health h JOIN ${active} r ON r.id = h.relationship_id ${named('r')}
         WHERE h.workspace_id = ${ws} AND h.risk_count > 0
         ORDER BY h.risk_rank DESC, h.relationship_id LIMIT ${top}) x) AS risks,
      (SELECT coalesce(sum(relationships), 0)::int FROM ${portfolioCounts}
         WHERE workspace_id = ${ws} AND at_risk) AS at_risk,
      ${dueList(sql`r.${overdue}`)} AS overdue,
      (SELECT count(*)::int FROM ${active} a WHERE a.${overdue}) AS overdue_count,
      ${dueList(sql`r.${upcoming}`)} AS upcoming,
      (SELECT count(*)::int FROM ${active} a WHERE a.${upcoming}) AS upcoming_count,
      (SELECT json_build_object('up', count(*) FILTER (WHERE dir > 0), 'down', count(*) FILTER (WHERE dir < 0))
         FROM moves) AS move_counts,
      (SELECT coalesce(json_agg(json_build_object('id', mv.id, 'stage', mv.stage, 'level', mv.level,
                'prevStage', mv.prev_stage, 'prevLevel', mv.prev_level, 'at', mv.at, 'note', mv.note,
                'dir', mv.dir, 'relationship', ${ref('r')}) ORDER BY mv.rn), '[]')
         FROM moves mv
         JOIN relationships r ON r.workspace_id = ${ws} AND r.id = mv.relationship_id ${named('r')}
         WHERE mv.rn <= ${shownMoves}
      ) AS movements`;
}

const directions = { '-1': 'down', '0': 'level', '1': 'up' } as const;

export async function getPortfolio(db: Db, workspaceId: string, now: Date): Promise<Portfolio> {
  const today = now.toISOString().slice(0, 10);
  const movesFrom = `${addDays(today, -MOVEMENT_DAYS)}T00:00:00.000Z`;
  const statement = portfolioStatement(workspaceId, today, movesFrom);
  const row = (await executeNamed<Row>(db, statement, 'portfolio')).rows[0]!;
  const counted = new Map<number, number>(row.bands.map((b) => [Number(b.band), b.count]));
  return {
    today,
    active: row.grid.reduce((s, g) => s + g.count, 0),
    grid: row.grid.map((g) => ({ stage: g.stage, pyramidLevel: g.pyramid_level, count: g.count })),
    distribution: [0, 1, 2, 3, 4].map((b) => ({
      from: b * 20,
      to: b === 4 ? 100 : b * 20 + 19,
      count: counted.get(b) ?? 0,
    })),
    unscored: row.unscored,
    risks: row.risks.map((r) => ({ relationship: r.relationship, score: r.score, risks: r.risks })),
    atRisk: row.at_risk,
    overdue: {
      count: row.overdue_count,
      items: row.overdue.map((r) => ({
        relationship: r.relationship,
        due: r.due,
        daysOverdue: daysOverdue(r.due, today),
      })),
    },
    upcoming: {
      count: row.upcoming_count,
      items: row.upcoming.map((r) => ({
        relationship: r.relationship,
        due: r.due,
        inDays: Math.round((Date.parse(r.due) - Date.parse(today)) / 86_400_000),
      })),
    },
    movements: {
      up: row.move_counts.up,
      down: row.move_counts.down,
      items: row.movements.map((m) => ({
        assessmentId: m.id,
        relationship: m.relationship,
        on: new Date(m.at).toISOString().slice(0, 10),
        fromStage: m.prevStage,
        toStage: m.stage,
        fromLevel: m.prevLevel,
        toLevel: m.level,
        direction: directions[m.dir],
        note: m.note,
      })),
    },
  };
}
