import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../db/open';
import { checkInContexts, checkIns } from '../features/check-ins/check-ins.table';
import { clients } from '../features/clients/clients.table';
import { notifications } from '../features/notifications/notifications.table';
import { assessments, relationships } from '../features/relationships/relationships.table';
import { teams } from '../features/teams/teams.table';
import { topicComments, topics, topicVotes } from '../features/topics/topics.table';
import { touchpoints } from '../features/touchpoints/touchpoints.table';
import { workspaces } from '../platform/auth/auth.table';
import { Client, cookieFrom, createTestApp, openTestDatabase, type TestApp, uniq } from '../test/harness';
import { DEMO_EMAIL, DEMO_PASSWORD, type DemoSeeded, seedDemo, seedDemoIfEmpty } from './demo.seed';

const DAY = 86_400_000;
// Under TEST_DATABASE_URL every test file shares one database, so "empty" cannot be assumed there.
const sharedDatabase = Boolean(inject('testDatabaseUrl'));

let t: TestApp;
let db: Db;
let demo: DemoSeeded;
const now = new Date();
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  demo = await seedDemo(db, { tag: uniq('demo'), now });
});
afterAll(() => t.close());

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

describe('demo workspace', () => {
  it('has three teams and at least ten clients, two of them internal', async () => {
    const teamRows = await db.select().from(teams).where(eq(teams.workspaceId, demo.workspaceId));
    expect(teamRows.map((x) => x.name).sort()).toEqual([
      'Design',
      'People & Operations',
      'Strategy & Research',
    ]);
    const clientRows = await db.select().from(clients).where(eq(clients.workspaceId, demo.workspaceId));
    expect(clientRows.length).toBeGreaterThanOrEqual(10);
    expect(clientRows.filter((c) => c.kind === 'internal').length).toBeGreaterThanOrEqual(2);
  });

  it('spreads relationships over all four stages and all three pyramid levels', async () => {
    const rows = await db.select().from(relationships).where(eq(relationships.workspaceId, demo.workspaceId));
    expect(new Set(rows.map((r) => r.stage))).toEqual(
      new Set(['transactional', 'advisory', 'partnership', 'co_creation']),
    );
    expect(new Set(rows.map((r) => r.pyramidLevel))).toEqual(
      new Set(['expectations', 'desires', 'unrecognized_needs']),
    );
    const today = now.toISOString().slice(0, 10);
    expect(rows.some((r) => r.nextCheckInDue! < today)).toBe(true);
    expect(rows.some((r) => r.nextCheckInDue! >= today)).toBe(true);
    for (const r of rows.filter((x) => x.status === 'active')) {
      const due = new Date(r.lastCheckInAt!.getTime() + r.cadenceDays * DAY).toISOString().slice(0, 10);
      expect(r.nextCheckInDue).toBe(due);
    }
  });

  it('has a relationship stuck in advisory all year, and others that moved', async () => {
    const rows = await db
      .select()
      .from(assessments)
      .where(eq(assessments.workspaceId, demo.workspaceId))
      .orderBy(asc(assessments.assessedAt));
    const histories = groupBy(rows, (a) => a.relationshipId);
    const stuck = histories.filter(
      (h) => h.length >= 3 && h.every((a) => a.stage === 'advisory') && /stuck/i.test(h.at(-1)!.note),
    );
    expect(stuck).toHaveLength(1);
    const span = stuck[0]!.at(-1)!.assessedAt.getTime() - stuck[0]![0]!.assessedAt.getTime();
    expect(span).toBeGreaterThan(180 * DAY);
    const moved = histories.filter(
      (h) => h[0]!.stage === 'transactional' && h.at(-1)!.stage !== 'transactional',
    );
    expect(moved.length).toBeGreaterThanOrEqual(2);
  });

  it('fills about a year of touchpoints, with the client speaking in some and immersions that found things', async () => {
    const rows = await db.select().from(touchpoints).where(eq(touchpoints.workspaceId, demo.workspaceId));
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.length).toBeLessThanOrEqual(400);
    const times = rows.map((r) => r.occurredAt.getTime());
    expect(now.getTime() - Math.min(...times)).toBeGreaterThan(330 * DAY);
    expect(now.getTime() - Math.min(...times)).toBeLessThan(370 * DAY);
    expect(now.getTime() - Math.max(...times)).toBeLessThan(30 * DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());

    const fromClient = rows.filter((r) => r.initiatedBy === 'client');
    expect(fromClient.length).toBeGreaterThan(rows.length * 0.1);
    const providerOnly = groupBy(rows, (r) => r.relationshipId).filter((l) =>
      l.every((r) => r.initiatedBy === 'provider'),
    );
    expect(providerOnly).toHaveLength(1);

    const immersions = rows.filter((r) => r.kind === 'immersion');
    expect(immersions.length).toBeGreaterThanOrEqual(5);
    for (const i of immersions) expect(i.discoveries?.length).toBeGreaterThan(40);
    expect(new Set(rows.map((r) => r.visibility))).toEqual(new Set(['internal', 'shared']));
    expect(new Set(rows.map((r) => r.kind))).toEqual(
      new Set(['meeting', 'call', 'email', 'delivery', 'immersion', 'event', 'note']),
    );
  });

  it('is the same demo every time', async () => {
    const again = await seedDemo(db, { tag: uniq('again'), now });
    const summaries = (workspaceId: string) =>
      db
        .select({ s: touchpoints.summary, at: touchpoints.occurredAt })
        .from(touchpoints)
        .where(eq(touchpoints.workspaceId, workspaceId))
        .orderBy(asc(touchpoints.occurredAt), asc(touchpoints.summary));
    expect(await summaries(again.workspaceId)).toEqual(await summaries(demo.workspaceId));
  });

  it('lets the demo user log in and see the workspace', async () => {
    const login = await t.anonymous.post('/api/v1/auth/login', {
      email: demo.email,
      password: demo.password,
    });
    expect(login.statusCode).toBe(200);
    const session = new Client(t.app, { cookie: cookieFrom(login) });
    const me = (await session.get('/api/v1/me')).json() as {
      workspaces: { id: string; name: string; role: string }[];
    };
    expect(me.workspaces).toContainEqual({ id: demo.workspaceId, name: 'Northwind Studio', role: 'owner' });
    const teamList = await session.get(`/api/v1/workspaces/${demo.workspaceId}/teams`);
    expect(teamList.json().items).toHaveLength(3);
    const members = await session.get(`/api/v1/workspaces/${demo.workspaceId}/members`);
    expect(members.json().items.length).toBeGreaterThanOrEqual(6);
  });

  it('has check-ins held, skipped and planned, with both sides’ context, overdue and upcoming across the workspace', async () => {
    const login = await t.anonymous.post('/api/v1/auth/login', {
      email: demo.email,
      password: demo.password,
    });
    const session = new Client(t.app, { cookie: cookieFrom(login) });
    const ws = (p: string) => `/api/v1/workspaces/${demo.workspaceId}${p}`;
    const summary = (await session.get(ws('/check-ins/due/summary'))).json();
    expect(summary.overdue).toBeGreaterThanOrEqual(2);
    expect(summary.thisWeek).toBeGreaterThanOrEqual(1);
    expect(summary.later).toBeGreaterThanOrEqual(3);
    const week = (await session.get(ws('/check-ins/due?bucket=this_week'))).json();
    expect(week.items.some((i: { scheduled: unknown }) => i.scheduled !== null)).toBe(true);
    const overdue = (await session.get(ws('/check-ins/due?bucket=overdue'))).json();
    expect(overdue.items.some((i: { scheduled: unknown }) => i.scheduled === null)).toBe(true);

    const rows = await db.select().from(checkIns).where(eq(checkIns.workspaceId, demo.workspaceId));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['held', 'skipped', 'scheduled']));
    const contexts = await db
      .select()
      .from(checkInContexts)
      .where(eq(checkInContexts.workspaceId, demo.workspaceId));
    expect(new Set(contexts.map((c) => c.filledByKind))).toEqual(
      new Set(['provider', 'client', 'provider_on_behalf']),
    );
    const room = (await session.get(ws('/check-ins/room?days=365'))).json();
    expect(new Set(room.items.map((i: { side: string }) => i.side))).toEqual(new Set(['provider', 'client']));
  });

  it('has topic backlogs raised by both sides, on every column, with votes and comments from both sides', async () => {
    const topicRows = await db.select().from(topics).where(eq(topics.workspaceId, demo.workspaceId));
    expect(new Set(topicRows.map((x) => x.raisedBy))).toEqual(new Set(['provider', 'client']));
    expect(new Set(topicRows.map((x) => x.status))).toEqual(
      new Set(['proposed', 'exploring', 'agreed', 'done', 'declined']),
    );
    const votes = await db.select().from(topicVotes).where(eq(topicVotes.workspaceId, demo.workspaceId));
    expect(new Set(votes.map((v) => v.voterKind))).toEqual(new Set(['member', 'contact']));
    const comments = await db
      .select()
      .from(topicComments)
      .where(eq(topicComments.workspaceId, demo.workspaceId));
    expect(new Set(comments.map((c) => c.side))).toEqual(new Set(['provider', 'client']));
    const bell = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.workspaceId, demo.workspaceId), eq(notifications.userId, demo.userId)));
    expect(bell.filter((n) => n.readAt === null).length).toBeGreaterThanOrEqual(1);
  });

  it('seeds nothing once a workspace exists', async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(workspaces);
    expect(await seedDemoIfEmpty(db)).toBeUndefined();
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(workspaces);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it.skipIf(sharedDatabase)('seeds an empty database once, with the documented credentials', async () => {
    const fresh = await openTestDatabase();
    try {
      expect(await seedDemoIfEmpty(fresh.db)).toEqual({ email: DEMO_EMAIL, password: DEMO_PASSWORD });
      expect(await seedDemoIfEmpty(fresh.db)).toBeUndefined();
      const rows = await fresh.db
        .select({ n: sql<number>`count(*)::int` })
        .from(relationships)
        .where(eq(relationships.status, 'active'));
      expect(rows[0]!.n).toBeGreaterThanOrEqual(10);
    } finally {
      await fresh.close();
    }
  });
});
