import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients } from '../features/clients/clients.table';
import { clientPulseRounds, teamPulseRounds } from '../features/pulses/pulse-series';
import { pulseAnswers, pulses } from '../features/pulses/pulses.table';
import { relationships } from '../features/relationships/relationships.table';
import { teams } from '../features/teams/teams.table';
import { createTestApp, type TestApp, uniq } from '../test/harness';
import { scoresFor } from './demo.pulses';
import { type DemoSeeded, seedDemo } from './demo.seed';

let t: TestApp;
let demo: DemoSeeded;
beforeAll(async () => {
  t = await createTestApp();
  demo = await seedDemo(t.database.db, { tag: uniq('demo') });
});
afterAll(() => t.close());

describe('demo pulses', () => {
  it('picks whole scores whose mean is the story’s number', () => {
    for (const [target, n] of [
      [8.5, 2],
      [6, 2],
      [7.4, 5],
      [6.2, 3],
    ] as const) {
      const s = scoresFor(target, n);
      expect(s.every((x) => Number.isInteger(x) && x >= 0 && x <= 10)).toBe(true);
      expect(Math.round((s.reduce((a, b) => a + b, 0) / n) * 10) / 10).toBeCloseTo(
        Math.round(target * n) / n,
        1,
      );
    }
  });

  it('tells Harbour Savings Bank’s falling client pulse, 8.5 down to 6.0', async () => {
    const db = t.database.db;
    const [harbour] = await db
      .select({ id: relationships.id })
      .from(relationships)
      .innerJoin(
        clients,
        and(eq(clients.workspaceId, relationships.workspaceId), eq(clients.id, relationships.clientId)),
      )
      .where(and(eq(relationships.workspaceId, demo.workspaceId), eq(clients.name, 'Harbour Savings Bank')));
    const rounds = (await clientPulseRounds(db, demo.workspaceId, [harbour!.id])).get(harbour!.id)!;
    expect(rounds.map((r) => r.average)).toEqual([8.5, 8.5, 7.5, 7, 6]);
  });

  it('has employee rounds with at least 3 answers per team, anonymous, and one open round still waiting', async () => {
    const db = t.database.db;
    const teamRows = await db.select().from(teams).where(eq(teams.workspaceId, demo.workspaceId));
    const m = await teamPulseRounds(
      db,
      demo.workspaceId,
      teamRows.map((x) => x.id),
    );
    for (const team of teamRows) {
      const rounds = m.get(team.id)!;
      expect(rounds.length).toBeGreaterThanOrEqual(4);
      expect(rounds.every((r) => r.responses >= 3 && r.average !== null)).toBe(true);
    }
    const employee = await db
      .select({ recipientId: pulseAnswers.recipientId })
      .from(pulseAnswers)
      .innerJoin(
        pulses,
        and(eq(pulses.workspaceId, pulseAnswers.workspaceId), eq(pulses.id, pulseAnswers.pulseId)),
      )
      .where(and(eq(pulseAnswers.workspaceId, demo.workspaceId), eq(pulses.kind, 'employee')));
    expect(employee.every((a) => a.recipientId === null)).toBe(true);

    const rounds = await db.select().from(pulses).where(eq(pulses.workspaceId, demo.workspaceId));
    const today = new Date().toISOString().slice(0, 10);
    expect(rounds.filter((r) => r.closesOn >= today)).toHaveLength(1);
    expect(rounds.some((r) => r.kind === 'service')).toBe(true);
  });
});
