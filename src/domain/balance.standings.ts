// Where a scope's relationships stand on the stage ladder and the truth pyramid, and how they moved: the
// progression part's views. From the records (each relationship and every assessment) or, for a large
// workspace, from the changes per day the database keeps on write (`standingDays`), with only the evidence's
// records beside them.

import type { BalanceInput, StandingDay } from './balance';
import { firstFrom, levelRank, memo, pastLast, stageRank } from './balance.records';

type Assessment = BalanceInput['assessments'][number];
type Relationship = BalanceInput['relationships'][number];

const byAt = (a: Assessment, b: Assessment) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1);

/** An assessment that moved its relationship: `steps` up (positive) or down (negative) from the one before. */
export type Move = { assessment: Assessment; previous: Assessment; steps: number; day: string };
export type Histories = {
  /** Each relationship's assessments, oldest first, and their days. */
  byRelationship: Map<string, { days: string[]; assessments: Assessment[] }>;
  /** Every move, oldest first, with its day as the key. */
  moves: { keys: string[]; items: Move[] };
};

export const assessmentHistories = memo((assessments: Assessment[]): Histories => {
  const byRelationship = new Map<string, { days: string[]; assessments: Assessment[] }>();
  const moves: Move[] = [];
  for (const a of [...assessments].sort(byAt)) {
    const day = a.at.slice(0, 10);
    let history = byRelationship.get(a.relationshipId);
    if (!history) {
      history = { days: [], assessments: [] };
      byRelationship.set(a.relationshipId, history);
    }
    const previous = history.assessments.at(-1);
    history.days.push(day);
    history.assessments.push(a);
    if (!previous) continue;
    const steps =
      stageRank[a.stage] -
      stageRank[previous.stage] +
      levelRank[a.pyramidLevel] -
      levelRank[previous.pyramidLevel];
    if (steps !== 0) moves.push({ assessment: a, previous, steps, day });
  }
  return { byRelationship, moves: { keys: moves.map((m) => m.day), items: moves } };
});

/** A relationship's latest assessment on or before `day`. */
export function standingOn(h: Histories, relationshipId: string, day: string): Assessment | undefined {
  const history = h.byRelationship.get(relationshipId);
  if (!history) return undefined;
  return history.assessments[pastLast(history.days, day) - 1];
}

/**
 * Where a relationship stands in whole units: 14 per stage and 9 per pyramid level, so 60 is co-creation at
 * unrecognised needs. `position` (0–100) is 5/3 of it; sums of units stay exact, sums of positions would not.
 */
export const unitsOf = (stage: Assessment['stage'], level: Assessment['pyramidLevel']) =>
  14 * stageRank[stage] + 9 * levelRank[level];

/**
 * The changes per day that the records make (migration 0014's `standing_days_of` computes the same in the
 * database). A relationship counts from the day it started, standing where its latest assessment on or
 * before that day put it (or transactional, at expectations); each later assessment moves its units and
 * stage. A move is an assessment a step or more away from the one before; it counts from the day its
 * relationship started.
 */
export function standingChanges(rels: Relationship[], assessments: Assessment[]): StandingDay[] {
  const h = assessmentHistories(assessments);
  const byDay = new Map<string, StandingDay>();
  const on = (day: string) => {
    let d = byDay.get(day);
    if (!d) {
      d = { day, started: 0, units: 0, stages: [0, 0, 0, 0], up: 0, down: 0, moves: 0, lastUpOn: null };
      byDay.set(day, d);
    }
    return d;
  };
  for (const r of rels) {
    const history = h.byRelationship.get(r.id);
    let i = history ? pastLast(history.days, r.startedOn) : 0;
    const start = i > 0 ? history!.assessments[i - 1]! : undefined;
    let units = start ? unitsOf(start.stage, start.pyramidLevel) : 0;
    let stage = start ? stageRank[start.stage] : 0;
    const started = on(r.startedOn);
    started.started++;
    started.units += units;
    started.stages[stage]!++;
    for (; history && i < history.assessments.length; i++) {
      const a = history.assessments[i]!;
      const next = unitsOf(a.stage, a.pyramidLevel);
      const d = on(history.days[i]!);
      d.units += next - units;
      d.stages[stage]!--;
      d.stages[stageRank[a.stage]]!++;
      units = next;
      stage = stageRank[a.stage];
    }
  }
  const byId = relationshipsById(rels);
  for (const m of h.moves.items) {
    const startedOn = byId.get(m.assessment.relationshipId)?.startedOn;
    if (startedOn === undefined || m.day < startedOn) continue;
    const d = on(m.day);
    d.moves++;
    if (m.steps > 0) {
      d.up += m.steps;
      d.lastUpOn = m.day;
    } else d.down -= m.steps;
  }
  return [...byDay.values()];
}

/**
 * The standing on any day, as prefix sums over the days something changed (index i: the first i days):
 * relationships started, their units, how many stood at each stage, the moves and steps up and down, and the
 * latest day with a step up. Built once per input: the twelve windows of a workspace each read one binary
 * search instead of every relationship's history.
 */
type Standings = {
  keys: string[];
  count: number[];
  units: number[];
  stages: number[][];
  up: number[];
  down: number[];
  moves: number[];
  lastUpOn: (string | null)[];
};

const standingsOf = memo((changes: StandingDay[]): Standings => {
  // A workspace's changes come per team: those of one day are summed into its prefix as they come, in day
  // order, rather than copied into a map first (a year of ten teams' changes is hundreds of rows a request).
  const inOrder = [...changes].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const out: Standings = {
    keys: [],
    count: [0],
    units: [0],
    stages: [[0, 0, 0, 0]],
    up: [0],
    down: [0],
    moves: [0],
    lastUpOn: [null],
  };
  // The latest step up among the day's own changes; the prefix keeps the one before while the day has none.
  let dayUp: string | null = null;
  for (const c of inOrder) {
    let i = out.keys.length;
    if (out.keys[i - 1] !== c.day) {
      out.keys.push(c.day);
      out.count.push(out.count[i]!);
      out.units.push(out.units[i]!);
      out.stages.push([...out.stages[i]!]);
      out.up.push(out.up[i]!);
      out.down.push(out.down[i]!);
      out.moves.push(out.moves[i]!);
      out.lastUpOn.push(out.lastUpOn[i]!);
      dayUp = null;
      i++;
    }
    out.count[i]! += c.started;
    out.units[i]! += c.units;
    const stages = out.stages[i]!;
    for (let s = 0; s < 4; s++) stages[s]! += c.stages[s]!;
    out.up[i]! += c.up;
    out.down[i]! += c.down;
    out.moves[i]! += c.moves;
    if (c.lastUpOn !== null && (dayUp === null || c.lastUpOn > dayUp)) {
      dayUp = c.lastUpOn;
      out.lastUpOn[i] = dayUp;
    }
  }
  return out;
});

const changesOfRecords = memo((rels: Relationship[]) =>
  memo((assessments: Assessment[]) => standingChanges(rels, assessments)),
);

const standings = (input: BalanceInput) =>
  standingsOf(input.standingDays ?? changesOfRecords(input.relationships)(input.assessments));

/** How the input's relationships stand on `day`: how many had started, their units, and how many per stage. */
export function standingsOn(input: BalanceInput, day: string) {
  const s = standings(input);
  const i = pastLast(s.keys, day);
  return { count: s.count[i]!, units: s.units[i]!, stages: s.stages[i]! };
}

/** The moves in [from, to] and their steps up and down. */
export function movesWithin(input: BalanceInput, from: string, to: string) {
  const s = standings(input);
  const start = firstFrom(s.keys, from);
  const end = Math.max(start, pastLast(s.keys, to));
  return {
    moves: s.moves[end]! - s.moves[start]!,
    up: s.up[end]! - s.up[start]!,
    down: s.down[end]! - s.down[start]!,
  };
}

/** The day of the latest step up (stage or pyramid level) on or before `to`, if any. */
export function lastStepUpOn(input: BalanceInput, to: string): string | null {
  const s = standings(input);
  return s.lastUpOn[pastLast(s.keys, to)]!;
}

/** The input's relationships by id (their start and label). */
export const relationshipsById = memo((rels: Relationship[]) => new Map(rels.map((r) => [r.id, r] as const)));

/** The input's relationships in the order they started (then by id): the standing evidence's order. */
export const relationshipsByStart = memo((rels: Relationship[]) =>
  [...rels].sort((a, b) =>
    a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  ),
);
