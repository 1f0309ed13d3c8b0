// What health is computed from, for a batch of relationships: a read model over several features' tables
// (relationships, assessments, check-ins, touchpoints, topics, experiments, pulses). Every query is one per
// batch, filtered by workspace and relationship ids through an index that leads with workspace_id, and bounded
// by a window of days and a cap per relationship — never all touchpoints of a workspace.
import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { addDays } from '../../../domain/cadence';
import { type HealthInput, MOMENTUM_DAYS, TWO_WAY_DAYS } from '../../../domain/health';
import type { Db } from '../../db/open';
import { checkIns } from '../check-ins/check-ins.table';
import { experiments } from '../experiments/experiments.table';
import { clientPulseRounds, teamPulseRounds } from '../pulses/pulse-series';
import { assessments, relationships, type Stage } from '../relationships/relationships.table';
import { topics } from '../topics/topics.table';
import { touchpoints } from '../touchpoints/touchpoints.table';

/** At most this many recent records per relationship are read for one component. */
const PER_RELATIONSHIP = 120;
const HELD_PER_RELATIONSHIP = 6;

export type StageChange = { stage: Stage; on: string };
export type LoadedHealthInput = {
  input: HealthInput;
  teamId: string;
  /** The relationship's assessments up to `today`, oldest first (to replay its stage on an earlier day). */
  stages: StageChange[];
};
export type LoadOptions = {
  /** Read records this many days back (default: what today's score needs); longer to replay past days. */
  lookbackDays?: number;
};

/** The stage on `day` and the day it began, from the assessments (oldest first). */
export function stageOn(
  stages: StageChange[],
  day: string,
  fallback: { stage: Stage; since: string },
): { stage: Stage; stageSince: string } {
  let stage = fallback.stage;
  let stageSince = fallback.since;
  let prev: Stage | null = null;
  for (const a of stages) {
    if (a.on > day) break;
    if (a.stage !== prev) stageSince = a.on;
    stage = a.stage;
    prev = a.stage;
  }
  return { stage, stageSince };
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const endOf = (day: string) => new Date(`${addDays(day, 1)}T00:00:00.000Z`);
const startOf = (day: string) => new Date(`${day}T00:00:00.000Z`);
const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const touchpointWords: Record<string, string> = {
  meeting: 'Meeting',
  call: 'Call',
  email: 'Email',
  delivery: 'Delivery',
  immersion: 'Immersion',
  event: 'Event',
  note: 'Note',
};

/**
 * The inputs of each relationship as they stood at the end of `today` (a past day gives the history: records
 * dated later are left out). Relationships not in this workspace are simply absent from the map.
 */
export async function loadHealthInputs(
  db: Db,
  workspaceId: string,
  relationshipIds: readonly string[],
  today: string,
  options: LoadOptions = {},
): Promise<Map<string, LoadedHealthInput>> {
  const lookback = Math.max(options.lookbackDays ?? TWO_WAY_DAYS, TWO_WAY_DAYS);
  // Enough held check-ins to find the latest one on any day of the lookback.
  const heldCap = HELD_PER_RELATIONSHIP + Math.ceil((lookback - TWO_WAY_DAYS) / 7);
  const out = new Map<string, LoadedHealthInput>();
  const ids = [...new Set(relationshipIds)];
  if (ids.length === 0) return out;
  const end = endOf(today);
  const rels = await db
    .select({
      id: relationships.id,
      teamId: relationships.teamId,
      cadenceDays: relationships.cadenceDays,
      status: relationships.status,
      stage: relationships.stage,
      createdAt: relationships.createdAt,
    })
    .from(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), inArray(relationships.id, ids)));
  if (rels.length === 0) return out;
  const found = rels.map((r) => r.id);
  const teamIds = [...new Set(rels.map((r) => r.teamId))];
  const twoWayFrom = startOf(addDays(today, -lookback));

  const heldRanked = db
    .select({
      id: checkIns.id,
      relationshipId: checkIns.relationshipId,
      heldAt: checkIns.heldAt,
      rn: sql<number>`row_number() over (partition by ${checkIns.relationshipId} order by ${checkIns.heldAt} desc)`.as(
        'rn',
      ),
    })
    .from(checkIns)
    .where(
      and(
        eq(checkIns.workspaceId, workspaceId),
        inArray(checkIns.relationshipId, found),
        eq(checkIns.status, 'held'),
        lte(checkIns.heldAt, end),
      ),
    )
    .as('held');
  const touchRanked = db
    .select({
      id: touchpoints.id,
      relationshipId: touchpoints.relationshipId,
      kind: touchpoints.kind,
      initiatedBy: touchpoints.initiatedBy,
      occurredAt: touchpoints.occurredAt,
      summary: touchpoints.summary,
      rn: sql<number>`row_number() over (partition by ${touchpoints.relationshipId} order by ${touchpoints.occurredAt} desc)`.as(
        'rn',
      ),
    })
    .from(touchpoints)
    .where(
      and(
        eq(touchpoints.workspaceId, workspaceId),
        inArray(touchpoints.relationshipId, found),
        gte(touchpoints.occurredAt, twoWayFrom),
        lte(touchpoints.occurredAt, end),
      ),
    )
    .as('touch');
  const topicRanked = db
    .select({
      id: topics.id,
      relationshipId: topics.relationshipId,
      title: topics.title,
      raisedBy: topics.raisedBy,
      createdAt: topics.createdAt,
      rn: sql<number>`row_number() over (partition by ${topics.relationshipId} order by ${topics.createdAt} desc)`.as(
        'rn',
      ),
    })
    .from(topics)
    .where(
      and(
        eq(topics.workspaceId, workspaceId),
        inArray(topics.relationshipId, found),
        gte(topics.createdAt, twoWayFrom),
        lte(topics.createdAt, end),
      ),
    )
    .as('topic');

  const [stages, held, touch, tops, exps, clientRounds, teamRounds] = await Promise.all([
    db
      .select({
        relationshipId: assessments.relationshipId,
        stage: assessments.stage,
        assessedAt: assessments.assessedAt,
      })
      .from(assessments)
      .where(
        and(
          eq(assessments.workspaceId, workspaceId),
          inArray(assessments.relationshipId, found),
          lte(assessments.assessedAt, end),
        ),
      )
      .orderBy(asc(assessments.relationshipId), asc(assessments.assessedAt)),
    db.select().from(heldRanked).where(lte(heldRanked.rn, heldCap)),
    db
      .select()
      .from(touchRanked)
      .where(lte(touchRanked.rn, PER_RELATIONSHIP))
      .orderBy(desc(touchRanked.occurredAt)),
    db.select().from(topicRanked).where(lte(topicRanked.rn, PER_RELATIONSHIP)),
    db
      .select({
        id: experiments.id,
        relationshipId: experiments.relationshipId,
        title: experiments.title,
        startsOn: experiments.startsOn,
        endsOn: experiments.endsOn,
        status: experiments.status,
      })
      .from(experiments)
      .where(
        and(
          eq(experiments.workspaceId, workspaceId),
          inArray(experiments.relationshipId, found),
          lte(experiments.startsOn, today),
          gte(
            experiments.endsOn,
            addDays(today, -Math.max(MOMENTUM_DAYS, lookback - TWO_WAY_DAYS + MOMENTUM_DAYS)),
          ),
          ne(experiments.status, 'stopped'),
        ),
      ),
    clientPulseRounds(db, workspaceId, found),
    teamPulseRounds(db, workspaceId, teamIds),
  ]);

  for (const r of rels) {
    // The current stage began at the latest assessment that changed it.
    const own = stages
      .filter((a) => a.relationshipId === r.id)
      .map((a) => ({ stage: a.stage, on: dayOf(a.assessedAt) }));
    const { stage, stageSince } = stageOn(own, today, { stage: r.stage, since: dayOf(r.createdAt) });
    out.set(r.id, {
      teamId: r.teamId,
      stages: own,
      input: {
        today,
        relationship: {
          cadenceDays: r.cadenceDays,
          status: r.status,
          startedOn: dayOf(r.createdAt),
          stage,
          stageSince,
        },
        checkIns: held
          .filter((c) => c.relationshipId === r.id && c.heldAt)
          .map((c) => ({ id: c.id, label: `Check-in held ${dayOf(c.heldAt!)}`, heldOn: dayOf(c.heldAt!) })),
        touchpoints: touch
          .filter((t) => t.relationshipId === r.id)
          .map((t) => ({
            id: t.id,
            label: `${touchpointWords[t.kind] ?? t.kind}: ${clip(t.summary)}`,
            on: dayOf(t.occurredAt),
            kind: t.kind,
            initiatedBy: t.initiatedBy,
          })),
        topics: tops
          .filter((t) => t.relationshipId === r.id)
          .map((t) => ({ id: t.id, label: clip(t.title), on: dayOf(t.createdAt), raisedBy: t.raisedBy })),
        experiments: exps
          .filter((e) => e.relationshipId === r.id)
          .map((e) => ({
            id: e.id,
            label: clip(e.title),
            startsOn: e.startsOn,
            endsOn: e.endsOn,
            status: e.status,
          })),
        clientPulse: clientRounds.get(r.id) ?? [],
        teamPulse: teamRounds.get(r.teamId) ?? [],
      },
    });
  }
  return out;
}
