import type { Db } from '../db/open';
import { experiments } from '../features/experiments/experiments.table';
import {
  learnings,
  reflectionExperiments,
  reflectionRelationships,
  reflections,
  teamReflectionSettings,
} from '../features/reflections/reflections.table';
import { timeEntries } from '../features/time/time.table';
import { newId } from '../platform/ids';
import { experimentSeeds, reflectionCadences, reflectionSeeds } from './demo.inward';
import type { ClientKey, PersonKey, TeamKey } from './demo.org';
import type { RelationshipSeed } from './demo.relationships';
import { planTime } from './demo.time';
import { mulberry32 } from './prng';

/** Its own seed, so the time sheets never shift the rest of the demo (or the other way round). */
const TIME_SEED = 20_260_612;
const DAY = 86_400_000;
const CHUNK = 1000;

export type InwardContext = {
  workspaceId: string;
  now: Date;
  userId: (key: PersonKey) => string;
  teamIds: Record<TeamKey, string>;
  relationshipIds: Partial<Record<ClientKey, string>>;
  relationships: RelationshipSeed[];
};

/** Seeds the demo's experiments, reflections (with links and learnings), cadences and a year of time. */
export async function insertInward(db: Db, ctx: InwardContext): Promise<void> {
  const { workspaceId } = ctx;
  const at = (daysFromToday: number) => new Date(ctx.now.getTime() + daysFromToday * DAY);
  const day = (daysFromToday: number) => at(daysFromToday).toISOString().slice(0, 10);
  const relationshipOf = (client: ClientKey) => {
    const id = ctx.relationshipIds[client];
    if (!id) throw new Error(`demo: no relationship with ${client}`);
    return id;
  };

  const experimentIds = new Map(experimentSeeds.map((e) => [e.title, newId()]));
  await db.insert(experiments).values(
    experimentSeeds.map((e) => {
      const created = at(Math.min(e.startsIn, 0) - 10);
      const last = e.endedIn ?? e.startedIn ?? Math.min(e.startsIn, 0) - 10;
      return {
        workspaceId,
        id: experimentIds.get(e.title)!,
        relationshipId: relationshipOf(e.client),
        teamId: ctx.teamIds[e.team],
        title: e.title,
        hypothesis: e.hypothesis,
        protectedHours: e.protectedHours,
        safety: e.safety,
        commitment: e.commitment,
        startsOn: day(e.startsIn),
        endsOn: day(e.endsIn),
        status: e.status,
        startedAt: e.startedIn === undefined ? null : at(e.startedIn),
        endedAt: e.endedIn === undefined ? null : at(e.endedIn),
        learningsOutward: e.learningsOutward ?? null,
        learningsInward: e.learningsInward ?? null,
        createdBy: ctx.userId(e.by),
        createdAt: created,
        updatedAt: at(last),
      };
    }),
  );

  const reflectionRows: (typeof reflections.$inferInsert)[] = [];
  const relLinks: (typeof reflectionRelationships.$inferInsert)[] = [];
  const expLinks: (typeof reflectionExperiments.$inferInsert)[] = [];
  const learningRows: (typeof learnings.$inferInsert)[] = [];
  for (const r of reflectionSeeds) {
    const id = newId();
    const held = at(-r.daysAgo);
    reflectionRows.push({
      workspaceId,
      id,
      teamId: ctx.teamIds[r.team],
      heldOn: day(-r.daysAgo),
      happening: r.happening,
      emerging: r.emerging,
      surprisinglyWell: r.surprisinglyWell,
      harderThanExpected: r.harderThanExpected,
      needs: r.needs,
      createdBy: null,
      createdAt: held,
      updatedAt: held,
    });
    for (const client of r.clients)
      relLinks.push({ workspaceId, reflectionId: id, relationshipId: relationshipOf(client) });
    for (const title of r.experiments)
      expLinks.push({ workspaceId, reflectionId: id, experimentId: experimentIds.get(title)! });
    for (const l of r.learnings)
      learningRows.push({
        workspaceId,
        id: newId(),
        reflectionId: id,
        text: l.text,
        tags: l.tags,
        createdAt: held,
        updatedAt: held,
      });
  }
  await db.insert(reflections).values(reflectionRows);
  await db.insert(reflectionRelationships).values(relLinks);
  if (expLinks.length) await db.insert(reflectionExperiments).values(expLinks);
  await db.insert(learnings).values(learningRows);
  await db.insert(teamReflectionSettings).values(
    (Object.entries(reflectionCadences) as [TeamKey, number][]).map(([team, cadenceDays]) => ({
      workspaceId,
      teamId: ctx.teamIds[team],
      cadenceDays,
    })),
  );

  const planned = planTime(mulberry32(TIME_SEED), ctx.relationships, ctx.now);
  const rows = planned.map((t) => ({
    workspaceId,
    id: newId(),
    memberId: ctx.userId(t.by),
    relationshipId: t.client ? relationshipOf(t.client) : null,
    teamId: ctx.teamIds[t.team],
    date: day(-t.daysAgo),
    hours: t.hours,
    kind: t.kind,
    note: null,
    createdBy: ctx.userId(t.by),
    createdAt: at(-t.daysAgo),
    updatedAt: at(-t.daysAgo),
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(timeEntries).values(rows.slice(i, i + CHUNK));
}
