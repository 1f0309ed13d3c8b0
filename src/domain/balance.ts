// The two-movement balance: for a team (or the whole workspace), month by month, an outward index (how the
// client relationships move) and an inward index (how the team itself makes room to change), each 0–100.
//
// Each index is a weighted mean of named parts. Every part says in words how it was scored and carries the
// records behind it (evidence). A part with no data says so and is left out of the mean: it never counts as
// zero. Sources some callers do not have (check-ins, topics, pulses) are optional inputs: absent means
// "not recorded", which reads differently from "recorded, but none in this window".
//
// Pure: plain data in, plain data out; no clock (today is an input), no I/O.

import { addMonths, firstDay, lastDay, maxDay, minDay, monthName, monthOf } from './balance.calendar';
import {
  checkInsPart,
  clientPulsePart,
  clientTopicsPart,
  experimentsPart,
  MAX_EVIDENCE,
  progressionPart,
  reflectionsPart,
  teamPulsePart,
  timePart,
  type Window,
} from './balance.parts';
import { lastStepUpOn } from './balance.standings';

export const timeKinds = ['billable', 'partnership', 'learning', 'internal'] as const;
export type TimeKind = (typeof timeKinds)[number];
export type Stage = 'transactional' | 'advisory' | 'partnership' | 'co_creation';
export type PyramidLevel = 'expectations' | 'desires' | 'unrecognized_needs';

export type EvidenceType =
  | 'relationship'
  | 'assessment'
  | 'experiment'
  | 'reflection'
  | 'time'
  | 'checkIn'
  | 'topic'
  | 'pulse';

/** One record (or, for time, one filtered list of records) behind a part's score. */
export type Evidence = {
  type: EvidenceType;
  /** The record's id; null for `time`, whose records are the entries matching `time`. */
  id: string | null;
  label: string;
  /** The day the record counts on, YYYY-MM-DD. */
  on: string | null;
  relationshipId: string | null;
  /** For `time`: the entries this total sums (open the time list with these filters to see each one). */
  time: { from: string; to: string; kinds: TimeKind[]; hours: number } | null;
};

export type PartKey =
  | 'progression'
  | 'checkIns'
  | 'clientTopics'
  | 'clientPulse'
  | 'time'
  | 'experiments'
  | 'reflections'
  | 'teamPulse';

export type BalancePart = {
  key: PartKey;
  label: string;
  /** 0–100, or null when there is no data for it (then it is left out of the index). */
  score: number | null;
  weight: number;
  explanation: string;
  evidence: Evidence[];
  /** How many records stand behind the score; `evidence` lists at most the first 50. */
  evidenceTotal: number;
};

export type MonthBalance = {
  month: string;
  /** The window the parts look at: the last `windowMonths` months up to the end of this month (or today). */
  from: string;
  to: string;
  /** Weighted mean of the parts with data; null when none has any. */
  index: number | null;
  parts: BalancePart[];
};

export type BalanceFlag = {
  key: 'outwardOnly' | 'inwardOnly';
  message: string;
  outwardChange: number;
  inwardChange: number;
  evidence: Evidence[];
};

/**
 * Relationships started on a day and where they stood (units, how many at each stage by rank), the net change
 * of the units and stages that day's assessments made, and its moves: how many, steps up and down, and the
 * latest day with a step up.
 */
export type StandingDay = {
  day: string;
  started: number;
  units: number;
  stages: [number, number, number, number];
  up: number;
  down: number;
  moves: number;
  lastUpOn: string | null;
};

export type BalanceInput = {
  /** Consecutive months `YYYY-MM`, oldest first. */
  months: string[];
  today: string;
  /** Nothing is scored before this day (the team's or workspace's start). */
  activeSince: string;
  /** How many teams the scope covers: 1 for a team, all of them for the workspace. */
  teamCount: number;
  /**
   * The scope's relationships, and every assessment of them up to the last month. With `standingDays` given,
   * only the evidence's: the first 50 relationships to start (by start day, then id) and the relationships
   * of each window's 50 latest moves, each with its whole history.
   */
  relationships: { id: string; label: string; startedOn: string }[];
  assessments: {
    id: string;
    relationshipId: string;
    at: string;
    stage: Stage;
    pyramidLevel: PyramidLevel;
  }[];
  /**
   * How the relationships' standing changed per day (balance.standings#standingChanges), or summed over spans
   * that end on the day given, as long as every window starts and ends on a span's boundary (the server sums
   * whole months, the last one up to today). When given, progression counts from these, not the records.
   */
  standingDays?: StandingDay[];
  /** Hours and number of entries per month and kind (a rollup of the time entries). */
  time: { month: string; kind: TimeKind; hours: number; entries: number }[];
  /**
   * Experiments that ever ran: `startedOn` when it began running, `endedOn` when concluded or stopped. In the
   * order the evidence lists them and the explanation names them (the server sends them by start, then id).
   */
  experiments: {
    id: string;
    title: string;
    relationshipId: string;
    startedOn: string;
    endedOn: string | null;
  }[];
  reflections: { id: string; heldOn: string; label: string }[];
  /** The latest reflection held up to today, even before the first month. */
  lastReflectionOn: string | null;
  /** Each team's reflection cadence in days (one entry per team in scope). */
  reflectionCadenceDays: number[];
  // Sources recorded by other features; absent means "no data yet", never zero.
  checkIns?: { id: string; relationshipId: string; label: string; dueOn: string; heldOn: string | null }[];
  topics?: {
    id: string;
    relationshipId: string;
    label: string;
    raisedBy: 'provider' | 'client';
    raisedOn: string;
  }[];
  /**
   * Check-ins due per day (`total`) and held on time (`counted`). When given, the parts count from these and
   * `checkIns` needs to hold only the evidence: at least the first 50 due from each window's start (or the
   * scope's), in due order. A large workspace's year is tens of thousands of check-ins; its days are hundreds.
   */
  checkInDays?: { day: string; total: number; counted: number }[];
  /** Topics raised per day (`total`) and by clients (`counted`); `topics` then holds the evidence, as above. */
  topicDays?: { day: string; total: number; counted: number }[];
  /** Closed pulse rounds in scope: how many answered and their scores added up (an average hides its weight). */
  clientPulses?: { id: string; label: string; closedOn: string; responses: number; scoreSum: number }[];
  /**
   * Client pulse rounds closed by `today`, per month they closed in: how many rounds, answers and their scores
   * added up. When given, the client pulse part scores from these and `clientPulses` needs to hold only the
   * evidence: at least the first 50 rounds (by close day, then id) of each month a window shows
   * (balance.records#pulseMonthsShown). A large workspace closes thousands of rounds a year; its months are a
   * few dozen.
   */
  clientPulseMonths?: { month: string; rounds: number; responses: number; scoreSum: number }[];
  teamPulses?: { id: string; label: string; closedOn: string; responses: number; scoreSum: number }[];
};

export type Balance = { outward: MonthBalance[]; inward: MonthBalance[]; flags: BalanceFlag[] };

/** The months a window looks back over, including its own. */
export const WINDOW_MONTHS = 3;
/** An index "advances" when it rises at least this much over the window; below STAGNANT it is flat. */
export const ADVANCE = 10;
export const STAGNANT = 5;

/** Weighted mean of the parts that have data; null when none has. */
export function indexOf(parts: BalancePart[]): number | null {
  const scored = parts.filter((p) => p.score !== null);
  const weight = scored.reduce((s, p) => s + p.weight, 0);
  if (weight === 0) return null;
  return Math.round(scored.reduce((s, p) => s + p.score! * p.weight, 0) / weight);
}

function windowOf(month: string, input: BalanceInput, lists: boolean): Window {
  const from = firstDay(addMonths(month, -(WINDOW_MONTHS - 1)));
  const to = minDay(lastDay(month), input.today);
  return {
    month,
    from,
    to,
    /** The part of the window the scope existed in. */
    activeFrom: maxDay(from, input.activeSince),
    months: [addMonths(month, -2), addMonths(month, -1), month].filter((m) => m <= monthOf(to)),
    empty: to < from || to < input.activeSince,
    lists,
  };
}

/**
 * The balance of `input.months`. Each month's parts list their records only if it is one of `listed` (by
 * default every month): the scores, words and totals are the same either way, and an answer shows one month's
 * records at a time.
 */
export function computeBalance(
  input: BalanceInput,
  name: string,
  listed: readonly string[] = input.months,
): Balance {
  const outward: MonthBalance[] = [];
  const inward: MonthBalance[] = [];
  for (const month of input.months) {
    const w = windowOf(month, input, listed.includes(month));
    const outParts = [
      progressionPart(input, w),
      checkInsPart(input, w),
      clientTopicsPart(input, w),
      clientPulsePart(input, w),
    ];
    const inParts = [
      timePart(input, w),
      experimentsPart(input, w),
      reflectionsPart(input, w),
      teamPulsePart(input, w),
    ];
    outward.push({ month, from: w.from, to: w.to, index: indexOf(outParts), parts: outParts });
    inward.push({ month, from: w.from, to: w.to, index: indexOf(inParts), parts: inParts });
  }
  const flags = balanceFlags(name, outward, inward, input);
  // Time lists the filters its hours were summed under in every window, since a flag's words read them; a
  // month not listed shows none once the flags are made.
  for (const m of inward)
    if (!listed.includes(m.month))
      m.parts = m.parts.map((p) => (p.key === 'time' ? { ...p, evidence: [] } : p));
  return { outward, inward, flags };
}

/**
 * The balance of only the months the last month's change and flags look at: the last, and the one
 * WINDOW_MONTHS before it (when the range holds it). Each window stands alone, so these are the same as in the
 * full series. A workspace's answer carries every team's flags, and a team's twelve months are six times the
 * work its flags need. Only the last month lists its records (a flag shows them), and only `withRecords`: the
 * flags themselves never depend on them.
 */
export function latestBalance(input: BalanceInput, name: string, withRecords = true): Balance {
  const last = input.months.at(-1);
  if (last === undefined) return computeBalance(input, name, []);
  const before = addMonths(last, -WINDOW_MONTHS);
  const months = input.months.includes(before) ? [before, last] : [last];
  return computeBalance({ ...input, months }, name, withRecords ? [last] : []);
}

/**
 * Change of an index from WINDOW_MONTHS before the last month to the last month; null without both. Found by
 * month, so a series of only those two months (latestBalance) gives the same as the full one.
 */
export function indexChange(series: MonthBalance[]): number | null {
  const lastMonth = series.at(-1);
  if (!lastMonth) return null;
  const beforeMonth = addMonths(lastMonth.month, -WINDOW_MONTHS);
  const before = series.find((m) => m.month === beforeMonth)?.index;
  const last = lastMonth.index;
  if (last === null || before === null || before === undefined) return null;
  return last - before;
}

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);
const trend = (n: number) => (Math.abs(n) < STAGNANT ? 'flat' : n > 0 ? `up ${n}` : `down ${-n}`);
const part = (m: MonthBalance | undefined, key: PartKey) => m?.parts.find((p) => p.key === key);

/** Why the inward movement stands still, in the words a leader would use. */
function inwardFacts(last: MonthBalance | undefined, input: BalanceInput): string[] {
  const facts: string[] = [];
  const r = input.lastReflectionOn;
  if (!r) facts.push('no reflection yet');
  else if (last && r < last.from) facts.push(`no reflection since ${monthName(r, input.today)}`);
  const time = part(last, 'time');
  if (time)
    facts.push(time.score === null ? 'no time logged' : `partnership + learning time ${shareOf(time)}%`);
  const experiments = part(last, 'experiments');
  if (experiments?.evidenceTotal === 0) facts.push('no experiment running');
  return facts;
}

/** The partnership + learning share the time part was scored from, as a whole percentage. */
export function shareOf(time: BalancePart): number {
  const hours = (kinds: number) =>
    time.evidence.find((e) => e.type === 'time' && e.time?.kinds.length === kinds)?.time?.hours ?? 0;
  const total = hours(4);
  return total === 0 ? 0 : Math.round((100 * hours(2)) / total);
}

function outwardFacts(last: MonthBalance | undefined, input: BalanceInput): string[] {
  const to = last?.to ?? input.today;
  const moved = lastStepUpOn(input, to);
  if (moved && last && moved >= last.from) return [];
  return [
    moved
      ? `no stage or pyramid step since ${monthName(moved, input.today)}`
      : 'no stage or pyramid step yet',
  ];
}

/**
 * A flag when one movement advances (≥ ADVANCE points over the window) while the other stands still or falls
 * (< STAGNANT) and lags behind it: a high plateau is sustained movement, not stagnation. E.g. "Studio: outward +18 in 3 months, inward flat — no reflection since August, partnership time 4%".
 */
export function balanceFlags(
  name: string,
  outward: MonthBalance[],
  inward: MonthBalance[],
  input: BalanceInput,
): BalanceFlag[] {
  const dOut = indexChange(outward);
  const dIn = indexChange(inward);
  if (dOut === null || dIn === null) return [];
  const lastOut = outward.at(-1);
  const lastIn = inward.at(-1);
  const evidenceOf = (m: MonthBalance | undefined) =>
    (m?.parts ?? []).flatMap((p) => (p.score === null ? [] : p.evidence)).slice(0, MAX_EVIDENCE);
  const behind = (a: MonthBalance | undefined, b: MonthBalance | undefined) =>
    (a?.index ?? 0) < (b?.index ?? 0);
  if (dOut >= ADVANCE && dIn < STAGNANT && behind(lastIn, lastOut)) {
    const facts = inwardFacts(lastIn, input);
    return [
      {
        key: 'outwardOnly',
        message: `${name}: outward ${signed(dOut)} in ${WINDOW_MONTHS} months, inward ${trend(dIn)}${facts.length ? ` — ${facts.join(', ')}` : ''}`,
        outwardChange: dOut,
        inwardChange: dIn,
        evidence: evidenceOf(lastIn),
      },
    ];
  }
  if (dIn >= ADVANCE && dOut < STAGNANT && behind(lastOut, lastIn)) {
    const facts = outwardFacts(lastOut, input);
    return [
      {
        key: 'inwardOnly',
        message: `${name}: inward ${signed(dIn)} in ${WINDOW_MONTHS} months, outward ${trend(dOut)}${facts.length ? ` — ${facts.join(', ')}` : ''}`,
        outwardChange: dOut,
        inwardChange: dIn,
        evidence: evidenceOf(lastOut),
      },
    ];
  }
  return [];
}
