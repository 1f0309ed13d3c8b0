import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxDay } from '../../../domain/balance.calendar';
import { seedDemo } from '../../demo/demo.seed';
import { workspaces } from '../../platform/auth/auth.table';
import { cookieFrom, createTestApp, Session, type TestApp, uniq } from '../../test/harness';
import type { Experiment } from '../experiments/experiments.contract';
import type { ReflectionCadence } from '../reflections/reflections.contract';
import { allPages } from '../relationships/relationships.fixtures';
import { timeEntries } from '../time/time.table';
import type { Balance, BalancePart, MonthBalance, TeamBalance } from './balance.contract';

/**
 * Every number the Balance page shows for the demo workspace, reproduced from the records behind it —
 * read through the same lists the page links to (time entries, experiments, reflections, assessments) —
 * with the rules written out here a second time, in plain arithmetic.
 */

const NOW = new Date('2026-11-20T10:00:00Z');
const TODAY = '2026-11-20';
let t: TestApp;
let s: Session;
let workspaceSince: string;
beforeAll(async () => {
  t = await createTestApp({}, () => NOW);
  const demo = await seedDemo(t.database.db, { tag: uniq('balance'), now: NOW });
  const login = await t.anonymous.post('/api/v1/auth/login', { email: demo.email, password: demo.password });
  s = new Session(t.app, { cookie: cookieFrom(login) }, login.json().user, demo.workspaceId);
  const [ws] = await t.database.db.select().from(workspaces).where(eq(workspaces.id, demo.workspaceId));
  workspaceSince = ws!.createdAt.toISOString().slice(0, 10);
}, 120_000);
afterAll(() => t.close());

const day = (iso: string) => iso.slice(0, 10);
const weights: Record<string, number> = {
  progression: 40,
  checkIns: 20,
  clientTopics: 20,
  clientPulse: 20,
  time: 40,
  experiments: 20,
  reflections: 25,
  teamPulse: 15,
};
const stageRank = { transactional: 0, advisory: 1, partnership: 2, co_creation: 3 } as Record<string, number>;
const levelRank = { expectations: 0, desires: 1, unrecognized_needs: 2 } as Record<string, number>;
const r2 = (n: number) => Math.round(n * 100) / 100;
const daysBetween = (a: string, b: string) =>
  (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000 + 1;

function windowOf(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const start = new Date(Date.UTC(y!, m! - 3, 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
  return { from: start, to: end < TODAY ? end : TODAY };
}

type Scope = { teamId: string | null; since: string; cadences: number[] };
type Rel = { id: string; teamId: string; createdAt: string };
type Assessed = { id: string; stage: string; pyramidLevel: string; assessedAt: string };
type CheckInRow = {
  id: string;
  relationshipId: string;
  scheduledFor: string;
  status: string;
  heldAt: string | null;
};
type TopicRow = { id: string; relationshipId: string; raisedBy: string; createdAt: string };
/** What each relationship's own pages list: its check-ins and its topics. */
/** A closed pulse round as its results page shows it: the answers' count and their 0–10 distribution. */
type Round = {
  id: string;
  kind: string;
  relationshipId: string | null;
  teamId: string | null;
  closesOn: string;
  responses: number;
  sum: number;
};
type Records = { checkIns: CheckInRow[]; topics: TopicRow[]; rounds: Round[] };

/** Rounds closed by `to`, pooled by month of closing, as the Balance page reads a pulse. */
function pulseMonths(rounds: Round[], to: string) {
  const months = new Map<string, { n: number; sum: number; ids: string[] }>();
  for (const r of rounds.filter((x) => x.closesOn <= to && x.responses > 0)) {
    const m = months.get(r.closesOn.slice(0, 7)) ?? { n: 0, sum: 0, ids: [] };
    m.n += r.responses;
    m.sum += r.sum;
    m.ids.push(r.id);
    months.set(r.closesOn.slice(0, 7), m);
  }
  return [...months]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, m]) => ({ month, average: Math.round((10 * m.sum) / m.n) / 10, ids: m.ids }));
}
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function timeRows(scope: Scope, from: string, to: string) {
  const q = new URLSearchParams({ from, to, ...(scope.teamId ? { teamId: scope.teamId } : {}) });
  const res = await s.get(s.ws(`/time-entries.csv?${q}`));
  expect(res.statusCode).toBe(200);
  return Papa.parse<Record<string, string>>(res.body, { header: true, skipEmptyLines: true }).data;
}

const part = (m: MonthBalance, key: string) => m.parts.find((p) => p.key === key) as BalancePart;

/** Checks every part and index of every month of one scope against the records. */
async function reproduce(
  b: Balance,
  scope: Scope,
  rels: Rel[],
  history: Map<string, Assessed[]>,
  experiments: Experiment[],
  records: Records,
) {
  const ids = new Set(rels.map((r) => r.id));
  const checkIns = records.checkIns.filter((c) => ids.has(c.relationshipId));
  const topics = records.topics.filter((x) => ids.has(x.relationshipId));
  const teamCount = scope.cadences.length;
  for (const [i, month] of b.months.entries()) {
    const out = b.outward[i]!;
    const inw = b.inward[i]!;
    const { from, to } = windowOf(month);
    expect([out.from, out.to, inw.from, inw.to]).toEqual([from, to, from, to]);
    const empty = to < scope.since;

    // Outward: where the relationships stand at the window's end.
    const standing = rels.filter((r) => day(r.createdAt) <= to);
    const positions = standing.map((r) => {
      const current = (history.get(r.id) ?? []).filter((a) => day(a.assessedAt) <= to).at(-1);
      return (
        100 *
        (0.7 * (stageRank[current?.stage ?? 'transactional']! / 3) +
          0.3 * (levelRank[current?.pyramidLevel ?? 'expectations']! / 2))
      );
    });
    const progression =
      empty || positions.length === 0
        ? null
        : Math.round(positions.reduce((x, y) => x + y, 0) / positions.length);
    expect(part(out, 'progression').score, `${month} progression`).toBe(progression);
    // Check-ins due in the window (since the scope began), held within a week of the due day.
    const activeFrom = maxDay(from, scope.since);
    const due = checkIns.filter((c) => day(c.scheduledFor) >= activeFrom && day(c.scheduledFor) <= to);
    const onTime = due.filter(
      (c) => c.status === 'held' && c.heldAt !== null && day(c.heldAt) <= addDays(day(c.scheduledFor), 7),
    );
    const checkInPart = part(out, 'checkIns');
    expect(checkInPart.score, `${month} check-ins`).toBe(
      empty || due.length === 0 ? null : Math.round((100 * onTime.length) / due.length),
    );
    if (!empty && due.length > 0)
      expect(checkInPart.evidence.map((e) => e.id).sort()).toEqual(due.map((c) => c.id).sort());
    // Topics raised in the window: half or more raised by clients scores 100.
    const raised = topics.filter((x) => day(x.createdAt) >= from && day(x.createdAt) <= to);
    const byClient = raised.filter((x) => x.raisedBy === 'client');
    expect(part(out, 'clientTopics').score, `${month} client topics`).toBe(
      empty || raised.length === 0
        ? null
        : Math.min(100, Math.round((100 * byClient.length) / raised.length / 0.5)),
    );
    // Client pulse: the latest month's pooled average, ±5 per point since the month before.
    const inScope = (r: Round) =>
      scope.teamId === null || (r.relationshipId ? ids.has(r.relationshipId) : r.teamId === scope.teamId);
    const clientMonths = pulseMonths(
      records.rounds.filter((r) => r.kind === 'client' && inScope(r)),
      to,
    );
    const [prev, last] = [clientMonths.at(-2), clientMonths.at(-1)];
    const clientPulse = part(out, 'clientPulse');
    expect(clientPulse.score, `${month} client pulse`).toBe(
      empty || !last || `${last.month}-31` < from
        ? null
        : Math.max(
            0,
            Math.min(
              100,
              Math.round(
                10 * last.average + 5 * (prev ? Math.round((last.average - prev.average) * 10) / 10 : 0),
              ),
            ),
          ),
    );
    if (clientPulse.score !== null)
      expect(clientPulse.evidence.map((e) => e.id).sort()).toEqual(
        [...last!.ids, ...(prev?.ids ?? [])].sort(),
      );

    // Inward: time by kind, from the very entries the time list shows for this window.
    const rows = empty ? [] : await timeRows(scope, from, to);
    const hours = (kinds: string[]) =>
      rows.filter((e) => kinds.includes(e.kind!)).reduce((x, e) => x + Number(e.hours), 0);
    const total = hours(['billable', 'partnership', 'learning', 'internal']);
    const inward = hours(['partnership', 'learning']);
    const time = part(inw, 'time');
    expect(time.score, `${month} time`).toBe(
      empty || total === 0 ? null : Math.min(100, Math.round((100 * inward) / total / 0.25)),
    );
    if (!empty && total > 0) {
      expect(time.evidenceTotal).toBe(rows.length);
      expect(time.evidence.map((e) => e.time!.hours)).toEqual([
        r2(inward),
        r2(hours(['billable'])),
        r2(hours(['internal'])),
        r2(total),
      ]);
    }

    const ran = experiments.filter(
      (e) => e.startedAt && day(e.startedAt) <= to && (e.endedAt === null || day(e.endedAt) >= from),
    );
    const exp = part(inw, 'experiments');
    expect(exp.score, `${month} experiments`).toBe(
      empty ? null : Math.min(100, Math.round((100 * ran.length) / (2 * teamCount))),
    );
    if (!empty) expect(exp.evidence.map((e) => e.id).sort()).toEqual(ran.map((e) => e.id).sort());

    const q = new URLSearchParams({
      from,
      to,
      limit: '200',
      ...(scope.teamId ? { teamId: scope.teamId } : {}),
    });
    const held = (await s.get(s.ws(`/reflections?${q}`))).json().items as { id: string }[];
    const expected = scope.cadences.reduce((x, c) => x + daysBetween(activeFrom, to) / c, 0);
    const reflections = part(inw, 'reflections');
    const reflectionScore =
      empty || (held.length === 0 && expected < 1)
        ? null
        : Math.min(100, Math.round((100 * held.length) / Math.max(1, expected)));
    expect(reflections.score, `${month} reflections`).toBe(reflectionScore);
    if (reflectionScore !== null)
      expect(reflections.evidence.map((e) => e.id).sort()).toEqual(held.map((r) => r.id).sort());
    const teamMonth = pulseMonths(
      records.rounds.filter(
        (r) =>
          r.kind === 'employee' && r.responses >= 3 && (scope.teamId === null || r.teamId === scope.teamId),
      ),
      to,
    ).at(-1);
    expect(part(inw, 'teamPulse').score, `${month} team pulse`).toBe(
      empty || !teamMonth || `${teamMonth.month}-31` < from
        ? null
        : Math.min(100, Math.round(10 * teamMonth.average)),
    );

    for (const m of [out, inw]) {
      const scored = m.parts.filter((p) => p.score !== null);
      const w = scored.reduce((x, p) => x + weights[p.key]!, 0);
      expect(m.index).toBe(
        w === 0 ? null : Math.round(scored.reduce((x, p) => x + p.score! * weights[p.key]!, 0) / w),
      );
    }
  }
  const change = (series: MonthBalance[]) => series.at(-1)!.index! - series.at(-4)!.index!;
  for (const f of b.flags.filter((x) => x.teamId === scope.teamId)) {
    expect(f.outwardChange).toBe(change(b.outward));
    expect(f.inwardChange).toBe(change(b.inward));
  }
}

describe('the Balance page of the demo workspace, number by number', () => {
  it('reproduces every index, part, change and flag from the records', async () => {
    const teams = (await s.get(s.ws('/teams?limit=200'))).json().items as {
      id: string;
      name: string;
      createdAt: string;
    }[];
    const cadences = (await s.get(s.ws('/reflection-cadences?limit=200'))).json()
      .items as ReflectionCadence[];
    const cadenceOf = new Map(cadences.map((c) => [c.teamId, c.cadenceDays]));
    const rels = await allPages<Rel>(s, s.ws('/relationships'), 200);
    const history = new Map<string, Assessed[]>();
    for (const r of rels) {
      const items = await allPages<Assessed>(s, s.ws(`/relationships/${r.id}/assessments`), 200);
      history.set(
        r.id,
        items.sort((a, b) =>
          a.assessedAt < b.assessedAt ? -1 : a.assessedAt > b.assessedAt ? 1 : a.id < b.id ? -1 : 1,
        ),
      );
    }
    const experiments = await allPages<Experiment>(s, s.ws('/experiments'), 200);
    const records: Records = { checkIns: [], topics: [], rounds: [] };
    for (const p of await allPages<Round & { status: string }>(s, s.ws('/pulses'), 200)) {
      if (p.closesOn > TODAY) continue;
      const results = (await s.get(s.ws(`/pulses/${p.id}/results`))).json() as {
        responses: number;
        distribution: number[] | null;
      };
      if (!results.distribution) continue; // hidden: an anonymous round below three answers
      const sum = results.distribution.reduce((x, count, score) => x + count * score, 0);
      records.rounds.push({ ...p, responses: results.responses, sum });
    }
    expect(records.rounds.some((r) => r.kind === 'client')).toBe(true);
    expect(records.rounds.some((r) => r.kind === 'employee')).toBe(true);
    for (const r of rels) {
      records.checkIns.push(
        ...(await allPages<CheckInRow>(s, s.ws(`/relationships/${r.id}/check-ins`), 200)),
      );
      records.topics.push(...(await allPages<TopicRow>(s, s.ws(`/relationships/${r.id}/topics`), 200)));
    }
    expect(records.checkIns.length).toBeGreaterThan(0);
    expect(records.topics.some((x) => x.raisedBy === 'client')).toBe(true);
    const quadrant = (await s.get(s.ws('/insights/balance/teams'))).json().items as TeamBalance[];
    expect(quadrant).toHaveLength(3);

    const byName = new Map<string, Balance>();
    for (const team of teams) {
      const b = (await s.get(s.ws(`/insights/balance?teamId=${team.id}&evidence=all`))).json() as Balance;
      byName.set(team.name, b);
      await reproduce(
        b,
        { teamId: team.id, since: day(team.createdAt), cadences: [cadenceOf.get(team.id)!] },
        rels.filter((r) => r.teamId === team.id),
        history,
        experiments.filter((e) => e.teamId === team.id),
        records,
      );
      // The quadrant shows the same numbers as the team's own lines.
      const q = quadrant.find((x) => x.team.id === team.id)!;
      expect([q.outward, q.inward]).toEqual([b.outward.at(-1)!.index, b.inward.at(-1)!.index]);
      expect(q.outwardChange).toBe(b.outward.at(-1)!.index! - b.outward.at(-4)!.index!);
      expect(q.flags).toEqual(b.flags);
    }
    const whole = (await s.get(s.ws('/insights/balance?evidence=all'))).json() as Balance;
    await reproduce(
      whole,
      { teamId: null, since: workspaceSince, cadences: teams.map((x) => cadenceOf.get(x.id)!) },
      rels,
      history,
      experiments,
      records,
    );

    // The story a leader should see: one team moving on both fronts, one outward only.
    const design = byName.get('Design')!;
    const people = byName.get('People & Operations')!;
    expect(design.flags).toEqual([]);
    expect(design.outward.at(-1)!.index!).toBeGreaterThan(design.outward[0]!.index! + 30);
    expect(design.inward.at(-1)!.index!).toBeGreaterThan(design.inward[0]!.index! + 30);
    expect(people.flags).toHaveLength(1);
    expect(people.flags[0]!.key).toBe('outwardOnly');
    expect(people.flags[0]!.message).toMatch(
      /^People & Operations: outward \+\d+ in 3 months, inward (flat|down \d+) — no reflection since \w+, partnership \+ learning time \d%, no experiment running$/,
    );
    expect(whole.flags.map((f) => f.teamName)).toContain('People & Operations');
    // Every part of both movements has data this month: the demo shows the whole picture.
    for (const m of [whole.outward.at(-1)!, whole.inward.at(-1)!])
      for (const p of m.parts) expect(p.score, p.key).not.toBeNull();
  }, 120_000);

  it('has a year of time sheets for six people, experiments in every status and reflections for every team', async () => {
    const entries = await t.database.db
      .select({ memberId: timeEntries.memberId, date: timeEntries.date })
      .from(timeEntries)
      .where(eq(timeEntries.workspaceId, s.workspaceId));
    expect(new Set(entries.map((e) => e.memberId)).size).toBe(6);
    const days = entries.map((e) => e.date).sort();
    expect(daysBetween(days[0]!, days.at(-1)!)).toBeGreaterThan(350);
    expect(entries.length).toBeGreaterThan(3000);
    const experiments = await allPages<Experiment>(s, s.ws('/experiments'), 200);
    expect(new Set(experiments.map((e) => e.status))).toEqual(
      new Set(['planned', 'running', 'concluded', 'stopped']),
    );
    const cadences = (await s.get(s.ws('/reflection-cadences'))).json().items as ReflectionCadence[];
    expect(cadences.every((c) => c.lastHeldOn !== null)).toBe(true);
    const people = cadences.find((c) => c.team.name === 'People & Operations')!;
    expect(people.overdueDays).toBeGreaterThan(150);
  });

  it('shows each experiment’s budget as the partnership and learning time logged on it', async () => {
    const experiments = await allPages<Experiment>(s, s.ws('/experiments'), 200);
    expect(experiments.length).toBeGreaterThanOrEqual(5);
    for (const e of experiments) {
      const q = new URLSearchParams({
        relationshipId: e.relationshipId,
        teamId: e.teamId,
        from: e.startsOn,
        to: e.endsOn,
      });
      const rows = Papa.parse<Record<string, string>>((await s.get(s.ws(`/time-entries.csv?${q}`))).body, {
        header: true,
        skipEmptyLines: true,
      }).data;
      const used = rows
        .filter((r) => r.kind === 'partnership' || r.kind === 'learning')
        .reduce((x, r) => x + Number(r.hours), 0);
      expect(e.usedHours, e.title).toBe(r2(used));
    }
    const running = experiments.find((e) => e.title === 'Baristas reorder from the bar')!;
    expect(running.status).toBe('running');
    expect(running.usedHours).toBeGreaterThan(0);
    expect(running.usedHours).toBeLessThan(running.protectedHours);
  });
});
