import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { ANONYMITY_THRESHOLD, oneDecimal } from '../../../domain/pulse';
import { jsonRead, readJson, rowsAsJson } from '../../db/json-rows';
import type { Db } from '../../db/open';
import { relationshipIdsOfTeam } from '../relationships/relationships.query';
import { pulseAnswers, pulses } from './pulses.table';

// Pulse rounds as series, for trends, the team comparison and relationship health. Every query is one
// aggregate for all the ids asked about, served by an index that leads with workspace_id.

/** One pulse round as seen from one relationship or one team; oldest first. */
export type PulseRound = {
  pulseId: string;
  title: string;
  closesOn: string; // ISO date
  responses: number; // answers counted for this relationship / team
  average: number | null; // 0–10, one decimal; null when hidden (employee rounds below 3 answers) or no answers
  scoreSum: number; // the answers' scores added up (0 when hidden), for pooling rounds across relationships
};

type Aggregate = {
  key: string;
  pulseId: string;
  title: string;
  closesOn: string;
  n: number;
  mean: number | null;
};

/** Answers grouped by (key, round), only rounds with at least one answer, oldest round first. */
function aggregateQuery(key: SQL<string>, where: SQL | undefined): SQL {
  return sql`SELECT ${key} AS key, ${pulses.id} AS "pulseId", ${pulses.title} AS title,
      to_char(${pulses.closesOn}, 'YYYY-MM-DD') AS "closesOn", count(*)::int AS n,
      avg(${pulseAnswers.score})::float8 AS mean
    FROM ${pulseAnswers}
    JOIN ${pulses} ON ${pulses.workspaceId} = ${pulseAnswers.workspaceId} AND ${pulses.id} = ${pulseAnswers.pulseId}
    WHERE ${where}
    GROUP BY ${key}, ${pulses.workspaceId}, ${pulses.id}, ${pulses.title}, ${pulses.closesOn}, ${pulses.createdAt}
    ORDER BY ${pulses.closesOn}, ${pulses.createdAt}, ${pulses.id}`;
}

const aggregate = (db: Db, key: SQL<string>, where: SQL | undefined) =>
  rowsAsJson<Aggregate>(db, aggregateQuery(key, where));

function toRound(a: Aggregate, anonymous: boolean): PulseRound {
  const hidden = anonymous && a.n < ANONYMITY_THRESHOLD;
  return {
    pulseId: a.pulseId,
    title: a.title,
    closesOn: a.closesOn,
    responses: a.n,
    average: hidden || a.mean === null ? null : oneDecimal(a.mean),
    scoreSum: hidden || a.mean === null ? 0 : a.mean * a.n,
  };
}

function byKey(rows: Aggregate[], anonymous: boolean): Map<string, PulseRound[]> {
  const m = new Map<string, PulseRound[]>();
  for (const r of rows) {
    const list = m.get(r.key) ?? [];
    list.push(toRound(r, anonymous));
    m.set(r.key, list);
  }
  return m;
}

/** Client pulse rounds per relationship: averages over that relationship's contacts' answers. */
export async function clientPulseRounds(
  db: Db,
  workspaceId: string,
  relationshipIds: readonly string[],
): Promise<Map<string, PulseRound[]>> {
  if (relationshipIds.length === 0) return new Map();
  const rows = await aggregate(
    db,
    sql<string>`${pulseAnswers.relationshipId}::text`,
    and(
      eq(pulseAnswers.workspaceId, workspaceId),
      inArray(pulseAnswers.relationshipId, [...relationshipIds]),
      eq(pulses.kind, 'client'),
    ),
  );
  return byKey(rows, false);
}

/** Employee pulse rounds per team — those asked, or every team (anonymous; average null below 3 answers). */
export function teamPulseRoundsRead(workspaceId: string, teamIds?: readonly string[]) {
  const where = and(
    eq(pulses.workspaceId, workspaceId),
    teamIds ? inArray(pulses.teamId, [...teamIds]) : isNotNull(pulses.teamId),
    eq(pulses.kind, 'employee'),
    eq(pulseAnswers.workspaceId, workspaceId),
  );
  return jsonRead(
    teamIds?.length === 0 ? null : aggregateQuery(sql<string>`${pulses.teamId}::text`, where),
    (rows: Aggregate[]) => byKey(rows, true),
  );
}

export const teamPulseRounds = (db: Db, workspaceId: string, teamIds?: readonly string[]) =>
  readJson(db, teamPulseRoundsRead(workspaceId, teamIds));

/** The client pulse of all the relationships a team serves, per round (answers of its contacts only). */
export async function clientRoundsOfTeam(db: Db, workspaceId: string, teamId: string): Promise<PulseRound[]> {
  const rels = await relationshipIdsOfTeam(db, workspaceId, teamId);
  if (rels.length === 0) return [];
  const rows = await aggregate(
    db,
    sql<string>`${pulses.kind}`,
    and(
      eq(pulseAnswers.workspaceId, workspaceId),
      inArray(pulseAnswers.relationshipId, rels),
      eq(pulses.kind, 'client'),
    ),
  );
  return rows.map((r) => toRound(r, false));
}

/** The given rounds as a series (all their answers), oldest first. */
export async function roundsOf(
  db: Db,
  workspaceId: string,
  pulseIds: readonly string[],
  anonymous: boolean,
): Promise<PulseRound[]> {
  if (pulseIds.length === 0) return [];
  const rows = await aggregate(
    db,
    sql<string>`${pulses.kind}`,
    and(eq(pulseAnswers.workspaceId, workspaceId), inArray(pulseAnswers.pulseId, [...pulseIds])),
  );
  return rows.map((r) => toRound(r, anonymous));
}
