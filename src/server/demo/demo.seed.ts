import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { checkInContexts, checkIns } from '../features/check-ins/check-ins.table';
import { clients, contacts } from '../features/clients/clients.table';
import { notifications } from '../features/notifications/notifications.table';
import {
  assessments,
  relationshipServices,
  relationships,
} from '../features/relationships/relationships.table';
import { reindexWorkspace } from '../features/search/search.backfill';
import { services } from '../features/services/services.table';
import { teams } from '../features/teams/teams.table';
import { topicComments, topics, topicVotes } from '../features/topics/topics.table';
import { touchpoints } from '../features/touchpoints/touchpoints.table';
import { auditEvents } from '../platform/audit.table';
import { memberships, users, workspaces } from '../platform/auth/auth.table';
import { hashPassword, randomToken } from '../platform/auth/secrets';
import { newId } from '../platform/ids';
import { type DemoPerson, type DemoRelationship, planCheckIns } from './demo.check-ins';
import { insertCommunity } from './demo.community';
import { insertHealth } from './demo.health';
import { insertPastImport } from './demo.imports';
import { insertInward } from './demo.inward.seed';
import {
  type ClientKey,
  clientList,
  type PersonKey,
  people,
  type ServiceKey,
  STUDIO_NAME,
  serviceList,
  type TeamKey,
  teamList,
} from './demo.org';
import { insertPulses } from './demo.pulses';
import { relationshipSeeds } from './demo.relationships';
import { type DemoTopicRows, planNotifications, planTopics } from './demo.topics';
import { planTouchpoints } from './demo.touchpoints';
import { mulberry32 } from './prng';

export const DEMO_EMAIL = 'demo@twofold.studio';
export const DEMO_PASSWORD = 'partnership';

/** Same content on every start: only "today" moves the dates. */
const SEED = 20_260_611;
const DAY = 86_400_000;

export type DemoOptions = {
  /** Added to every seeded person's email, so several demo workspaces fit in one database (tests). */
  tag?: string;
  now?: Date;
};

export type DemoSeeded = { workspaceId: string; userId: string; email: string; password: string };

/** Seeds the demo workspace on an empty database; returns its credentials when it did. */
export async function seedDemoIfEmpty(db: Db): Promise<{ email: string; password: string } | undefined> {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    // Two nodes starting at once on one PostgreSQL must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('twofold.demo-seed'))`);
    const [existing] = await tx.select({ id: workspaces.id }).from(workspaces).limit(1);
    if (existing) return undefined;
    const seeded = await insertDemo(tx, {});
    return { email: seeded.email, password: seeded.password };
  });
}

/** Always seeds one more demo workspace, in one transaction. */
export async function seedDemo(db: Db, options: DemoOptions = {}): Promise<DemoSeeded> {
  return db.transaction((tx) => insertDemo(tx as unknown as Db, options));
}

async function insertDemo(db: Db, options: DemoOptions): Promise<DemoSeeded> {
  const now = options.now ?? new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const rng = mulberry32(SEED);
  const email = (local: string, domain: string) =>
    options.tag ? `${local}+${options.tag}@${domain}` : `${local}@${domain}`;

  const [demoHash, colleagueHash] = await Promise.all([
    hashPassword(DEMO_PASSWORD),
    // Colleagues exist to own work, not to log in: one random password for all of them.
    hashPassword(randomToken()),
  ]);

  const workspaceId = newId();
  const userIds = Object.fromEntries(people.map((p) => [p.key, newId()])) as Record<PersonKey, string>;
  const userId = (key: PersonKey) => userIds[key];
  const demoUser = people[0]!;
  const demoEmail = email('demo', 'twofold.studio');

  await db.insert(workspaces).values({ id: workspaceId, name: STUDIO_NAME, createdAt: ago(370) });
  await db.insert(users).values(
    people.map((p) => ({
      id: userId(p.key),
      email: p === demoUser ? demoEmail : email(p.local, 'northwind.example'),
      name: p.name,
      passwordHash: p === demoUser ? demoHash : colleagueHash,
      createdAt: ago(370),
    })),
  );
  await db.insert(memberships).values(
    people.map((p, i) => ({
      workspaceId,
      userId: userId(p.key),
      role: p.role,
      createdAt: ago(370 - i * 20),
    })),
  );

  const teamIds = Object.fromEntries(teamList.map((t) => [t.key, newId()]));
  await db.insert(teams).values(
    teamList.map((t) => ({
      workspaceId,
      id: teamIds[t.key]!,
      name: t.name,
      description: t.description,
      createdAt: ago(368),
      updatedAt: ago(368),
    })),
  );
  const serviceIds = Object.fromEntries(serviceList.map((s) => [s.key, newId()]));
  await db.insert(services).values(
    serviceList.map((s) => ({
      workspaceId,
      id: serviceIds[s.key]!,
      teamId: teamIds[s.team]!,
      name: s.name,
      kind: s.kind,
      description: s.description,
      createdAt: ago(367),
      updatedAt: ago(367),
    })),
  );

  const clientIds = Object.fromEntries(clientList.map((c) => [c.key, newId()]));
  const firstNames = Object.fromEntries(
    clientList.map((c) => [c.key, c.contacts.map((p) => p.name.replace(/^Dr\. /, '').split(' ')[0]!)]),
  );
  const clientStart = (key: string) =>
    Math.max(...relationshipSeeds.filter((r) => r.client === key).map((r) => r.startedDaysAgo), 30) + 2;
  await db.insert(clients).values(
    clientList.map((c) => ({
      workspaceId,
      id: clientIds[c.key]!,
      name: c.name,
      kind: c.kind,
      industry: c.industry,
      website: c.website,
      createdAt: ago(clientStart(c.key)),
      updatedAt: ago(clientStart(c.key)),
    })),
  );
  const contactRows = clientList.flatMap((c) =>
    c.contacts.map((p) => ({ key: c.key, id: newId(), name: p.name, email: p.email })),
  );
  const contactsOf = (key: string): DemoPerson[] =>
    contactRows.filter((r) => r.key === key).map(({ id, name, email }) => ({ id, name, email }));
  await db.insert(contacts).values(
    clientList.flatMap((c) =>
      c.contacts.map((p) => ({
        workspaceId,
        id: contactRows.find((r) => r.key === c.key && r.email === p.email)!.id,
        clientId: clientIds[c.key]!,
        name: p.name,
        email: p.email,
        role: p.role,
        portalAccess: p.portalAccess ?? false,
        createdAt: ago(clientStart(c.key)),
        updatedAt: ago(clientStart(c.key)),
      })),
    ),
  );

  const relationshipRows: (typeof relationships.$inferInsert)[] = [];
  const serviceRows: (typeof relationshipServices.$inferInsert)[] = [];
  const assessmentRows: (typeof assessments.$inferInsert)[] = [];
  const touchpointRows: (typeof touchpoints.$inferInsert)[] = [];
  const person = (key: PersonKey): DemoPerson => {
    const p = people.find((x) => x.key === key)!;
    return {
      id: userId(key),
      name: p.name,
      email: p === demoUser ? demoEmail : email(p.local, 'northwind.example'),
    };
  };
  const demoRelationships: DemoRelationship[] = [];
  const relationshipIds: Partial<Record<ClientKey, string>> = {};
  for (const seed of relationshipSeeds) {
    const id = newId();
    relationshipIds[seed.client] = id;
    const plan = planTouchpoints(rng, seed, firstNames[seed.client]!, now);
    demoRelationships.push({
      id,
      clientName: clientList.find((c) => c.key === seed.client)!.name,
      seed,
      plan: plan.items,
      owner: person(seed.owner),
      contacts: contactsOf(seed.client),
    });
    const current = seed.assessments[seed.assessments.length - 1]!;
    const lastActivity = Math.max(
      ...plan.items.map((t) => t.occurredAt.getTime()),
      ...seed.assessments.map((a) => ago(a.daysAgo).getTime()),
    );
    const due = new Date(plan.lastCheckInAt.getTime() + seed.cadenceDays * DAY);
    relationshipRows.push({
      workspaceId,
      id,
      clientId: clientIds[seed.client]!,
      teamId: teamIds[seed.team]!,
      ownerId: userId(seed.owner),
      cadenceDays: seed.cadenceDays,
      ambition: seed.ambition,
      stage: current.stage,
      pyramidLevel: current.level,
      status: seed.status,
      lastCheckInAt: plan.lastCheckInAt,
      // The cadence only runs while the relationship is active.
      nextCheckInDue: seed.status === 'active' ? due.toISOString().slice(0, 10) : null,
      createdAt: ago(seed.startedDaysAgo),
      updatedAt: new Date(lastActivity),
    });
    for (const key of seed.services)
      serviceRows.push({ workspaceId, relationshipId: id, serviceId: serviceIds[key]! });
    for (const a of seed.assessments)
      assessmentRows.push({
        workspaceId,
        id: newId(),
        relationshipId: id,
        stage: a.stage,
        pyramidLevel: a.level,
        note: a.note,
        assessedBy: userId(a.by),
        assessedAt: ago(a.daysAgo),
      });
    for (const t of plan.items)
      touchpointRows.push({
        workspaceId,
        id: newId(),
        relationshipId: id,
        kind: t.kind,
        initiatedBy: t.initiatedBy,
        occurredAt: t.occurredAt,
        summary: t.summary,
        discoveries: t.discoveries,
        visibility: t.visibility,
        createdBy: userId(t.by),
        createdAt: t.occurredAt,
        updatedAt: t.occurredAt,
      });
  }
  await db.insert(relationships).values(relationshipRows);
  await db.insert(relationshipServices).values(serviceRows);
  await db.insert(assessments).values(assessmentRows);
  await db.insert(touchpoints).values(touchpointRows);
  await insertCheckInsAndTopics(db, workspaceId, demoRelationships, person, userId(demoUser.key), now);
  await insertInward(db, {
    workspaceId,
    now,
    userId,
    teamIds: teamIds as Record<TeamKey, string>,
    relationshipIds,
    relationships: relationshipSeeds,
  });
  await insertCommunity(db, { workspaceId, now, userId });
  await insertPulses(db, {
    workspaceId,
    now,
    userId,
    teamIds: teamIds as Record<TeamKey, string>,
    serviceIds: serviceIds as Record<ServiceKey, string>,
    relationships: demoRelationships.map((r) => ({
      id: r.id,
      client: r.seed.client,
      clientName: r.clientName,
      team: r.seed.team,
      crew: [r.seed.owner, ...r.seed.crew],
      active: r.seed.status === 'active',
      contacts: r.contacts,
    })),
  });
  await insertPastImport(db, { workspaceId, userId: userId(demoUser.key), now });
  // Health last: it reads everything above.
  await insertHealth(db, workspaceId, Object.values(relationshipIds), now);
  // Seeded rows bypass the stores, so the search index is built from them in one go.
  await reindexWorkspace(db, workspaceId);
  await db.insert(auditEvents).values({
    workspaceId,
    id: newId(),
    actorKind: 'system',
    actorId: null,
    action: 'workspace.created',
    entityType: 'workspace',
    entityId: workspaceId,
    details: { demo: true },
    at: ago(0),
  });

  return { workspaceId, userId: userId(demoUser.key), email: demoEmail, password: DEMO_PASSWORD };
}

/** Check-ins with both sides' context, topic backlogs with votes and comments, and the demo user's bell. */
async function insertCheckInsAndTopics(
  db: Db,
  workspaceId: string,
  rels: DemoRelationship[],
  person: (key: PersonKey) => DemoPerson,
  demoUserId: string,
  now: Date,
): Promise<void> {
  // Its own generator: the touchpoints above stay exactly as they were.
  const rng = mulberry32(SEED + 3);
  const checkInRows: (typeof checkIns.$inferInsert)[] = [];
  const contextRows: (typeof checkInContexts.$inferInsert)[] = [];
  const topicRows: DemoTopicRows = { topics: [], votes: [], comments: [] };
  for (const rel of rels) {
    const planned = planCheckIns(rng, workspaceId, rel, (key) => person(key).name, now);
    checkInRows.push(...planned.checkIns);
    contextRows.push(...planned.contexts);
    const crew = [...new Set([rel.seed.owner, ...rel.seed.crew])].map(person);
    const t = planTopics(rng, workspaceId, rel, crew, planned.held[0], now);
    topicRows.topics.push(...t.topics);
    topicRows.votes.push(...t.votes);
    topicRows.comments.push(...t.comments);
  }
  await db.insert(checkIns).values(checkInRows);
  if (contextRows.length) await db.insert(checkInContexts).values(contextRows);
  await db.insert(topics).values(topicRows.topics);
  if (topicRows.votes.length) await db.insert(topicVotes).values(topicRows.votes);
  if (topicRows.comments.length) await db.insert(topicComments).values(topicRows.comments);
  const bell = planNotifications(
    workspaceId,
    demoUserId,
    topicRows,
    rels.filter((r) => r.owner.id === demoUserId),
    now,
  );
  if (bell.length) await db.insert(notifications).values(bell);
}
