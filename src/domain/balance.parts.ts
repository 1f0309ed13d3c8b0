// The named parts of the two indices. Each scores one window (the last months up to a month's end), explains
// its score in words, and lists the records it was scored from. No data → score null, never zero.

import type { BalanceInput, BalancePart, Evidence, PartKey, PyramidLevel, Stage, TimeKind } from './balance';
import { daysInclusive, monthName, shortDate } from './balance.calendar';
import { countedPulseMonths, type PulseMonth, pulseMonths, roundsIn } from './balance.pulse-months';
import {
  CHECK_IN_GRACE_DAYS,
  checkInsByDue,
  checkInTally,
  firstFrom,
  firstWithin,
  pastLast,
  stageRank,
  tallyWithin,
  timeByMonth,
  topicsByDay,
  topicTally,
} from './balance.records';
import {
  assessmentHistories,
  movesWithin,
  relationshipsById,
  relationshipsByStart,
  standingOn,
  standingsOn,
  unitsOf,
} from './balance.standings';
import { oneDecimal } from './pulse';

export type Window = {
  month: string;
  from: string;
  to: string;
  /** `from`, or the scope's start when that is later. */
  activeFrom: string;
  /** The calendar months in the window that have begun. */
  months: string[];
  /** The window ends before the scope began (or before it starts): nothing to score. */
  empty: boolean;
  /**
   * Whether the parts list their records. Scores, words and totals never depend on the list; an answer shows
   * one month's records, and building every window's (labels, sorted copies) was most of the rule's work.
   */
  lists: boolean;
};

export const MAX_EVIDENCE = 50;
/** A partnership + learning share of all hours that scores 100. */
export const TARGET_TIME_SHARE = 0.25;
/** Experiments per team in a window that score 100. */
export const TARGET_EXPERIMENTS = 2;
/** A share of topics raised by clients that scores 100. */
export const TARGET_CLIENT_TOPICS = 0.5;

export const weights: Record<PartKey, number> = {
  progression: 40,
  checkIns: 20,
  clientTopics: 20,
  clientPulse: 20,
  time: 40,
  experiments: 20,
  reflections: 25,
  teamPulse: 15,
};

const labels: Record<PartKey, string> = {
  progression: 'Stage and pyramid progression',
  checkIns: 'Check-ins held on time',
  clientTopics: 'Topics raised by clients',
  clientPulse: 'Client pulse trend',
  time: 'Partnership and learning time',
  experiments: 'Experiments running or concluded',
  reflections: 'Reflections held',
  teamPulse: 'Team pulse',
};

const stageWords: Record<Stage, string> = {
  transactional: 'transactional',
  advisory: 'advisory',
  partnership: 'partnership',
  co_creation: 'co-creation',
};
const levelWords: Record<PyramidLevel, string> = {
  expectations: 'expectations',
  desires: 'desires',
  unrecognized_needs: 'unrecognised needs',
};

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const round2 = (n: number) => Math.round(n * 100) / 100;
const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((100 * part) / whole));
const since = (w: Window) => `since ${shortDate(w.from)}`;
const day = (at: string) => at.slice(0, 10);

function scored(
  key: PartKey,
  score: number,
  explanation: string,
  evidence: Evidence[],
  total = evidence.length,
) {
  return {
    key,
    label: labels[key],
    score,
    weight: weights[key],
    explanation,
    evidence: evidence.slice(0, MAX_EVIDENCE),
    evidenceTotal: total,
  } satisfies BalancePart;
}

function noData(key: PartKey, explanation: string): BalancePart {
  return {
    key,
    label: labels[key],
    score: null,
    weight: weights[key],
    explanation,
    evidence: [],
    evidenceTotal: 0,
  };
}

const beforeStart = (key: PartKey) => noData(key, 'No data: this window ends before the start.');

/** The window's records, when it lists them. */
const listed = (w: Window, records: () => Evidence[]) => (w.lists ? records() : []);

const record = (
  type: Evidence['type'],
  id: string,
  label: string,
  on: string | null,
  relationshipId: string | null = null,
): Evidence => ({ type, id, label, on, relationshipId, time: null });

// ── Outward ──────────────────────────────────────────────────────────────────

/** Where a relationship stands, 0–100: stage counts 70%, pyramid level 30%. */
export function position(stage: Stage, level: PyramidLevel): number {
  // 100 · (0.7 · stage/3 + 0.3 · level/2), in whole units (balance.standings#unitsOf).
  return (5 * unitsOf(stage, level)) / 3;
}

export function progressionPart(input: BalanceInput, w: Window): BalancePart {
  const key = 'progression';
  if (w.empty) return beforeStart(key);
  const standing = standingsOn(input, w.to);
  if (standing.count === 0)
    return noData(key, 'No relationships yet: start one to see it move along the stages.');
  const { moves: movesTotal, up, down } = movesWithin(input, w.from, w.to);
  const evidence = listed(w, () => progressionEvidence(input, w));
  // position() is 5/3 of a relationship's units: the mean position, from the exact sum of units.
  const score = clamp((5 * standing.units) / (3 * standing.count));
  const spread = (Object.keys(stageRank) as Stage[])
    .reverse()
    .filter((s) => standing.stages[stageRank[s]])
    .map((s) => `${standing.stages[stageRank[s]]} ${stageWords[s]}`)
    .join(', ');
  const movement =
    up + down === 0
      ? `No step up or down ${since(w)}.`
      : `${plural(up, 'step')} up${down ? ` and ${down} down` : ''} ${since(w)}.`;
  return scored(
    key,
    score,
    `${plural(standing.count, 'relationship')} stand at ${score} of 100 on the stage ladder and truth pyramid (${spread}); ` +
      `stage counts 70%, pyramid level 30%, and 100 means all co-creating at unrecognised needs. ${movement}`,
    evidence,
    movesTotal + standing.count,
  );
}

/**
 * The latest moves in the window, of relationships that had started by the move; then, up to 50 in all, where
 * the first relationships to start stand at the window's end (the score counts them all: standingsOn).
 */
function progressionEvidence(input: BalanceInput, w: Window): Evidence[] {
  const histories = assessmentHistories(input.assessments);
  const byId = relationshipsById(input.relationships);
  const first = firstFrom(histories.moves.keys, w.from);
  const moves: Evidence[] = [];
  for (let i = pastLast(histories.moves.keys, w.to) - 1; i >= first && moves.length < MAX_EVIDENCE; i--) {
    const m = histories.moves.items[i]!;
    const rel = byId.get(m.assessment.relationshipId);
    if (rel === undefined || m.day < rel.startedOn) continue;
    moves.push(
      record(
        'assessment',
        m.assessment.id,
        `${rel.label}: ${stageWords[m.previous.stage]} · ${levelWords[m.previous.pyramidLevel]} → ${stageWords[m.assessment.stage]} · ${levelWords[m.assessment.pyramidLevel]}`,
        m.day,
        m.assessment.relationshipId,
      ),
    );
  }
  const standingEvidence: Evidence[] = [];
  for (const r of relationshipsByStart(input.relationships)) {
    if (moves.length + standingEvidence.length >= MAX_EVIDENCE || r.startedOn > w.to) break;
    const current = standingOn(histories, r.id, w.to);
    const stage = current?.stage ?? 'transactional';
    const level = current?.pyramidLevel ?? 'expectations';
    const label = `${r.label}: ${stageWords[stage]} · ${levelWords[level]}`;
    standingEvidence.push(
      current
        ? record('assessment', current.id, label, day(current.at), r.id)
        : record('relationship', r.id, label, r.startedOn, r.id),
    );
  }
  return [...moves, ...standingEvidence];
}

export function checkInsPart(input: BalanceInput, w: Window): BalancePart {
  const key = 'checkIns';
  const checkIns = input.checkIns;
  if (!checkIns) return noData(key, 'No check-ins recorded yet: this part counts once check-ins are held.');
  if (w.empty) return beforeStart(key);
  const due = tallyWithin(checkInTally(input), w.activeFrom, w.to);
  if (due.total === 0) return noData(key, `No check-in was due ${since(w)}.`);
  return scored(
    key,
    pct(due.counted, due.total),
    `${due.counted} of ${plural(due.total, 'check-in')} due ${since(w)} were held on time (within ${CHECK_IN_GRACE_DAYS} days of the due day).`,
    listed(w, () =>
      firstWithin(checkInsByDue(checkIns), w.activeFrom, w.to, MAX_EVIDENCE).map((c) =>
        record('checkIn', c.id, c.label, c.heldOn ?? c.dueOn, c.relationshipId),
      ),
    ),
    due.total,
  );
}

export function clientTopicsPart(input: BalanceInput, w: Window): BalancePart {
  const key = 'clientTopics';
  const topics = input.topics;
  if (!topics) return noData(key, 'No topics recorded yet: this part counts once topics are raised.');
  if (w.empty) return beforeStart(key);
  const raised = tallyWithin(topicTally(input), w.from, w.to);
  if (raised.total === 0) return noData(key, `No topic was raised ${since(w)}.`);
  const byClient = raised.counted;
  return scored(
    key,
    clamp((100 * byClient) / raised.total / TARGET_CLIENT_TOPICS),
    `Clients raised ${byClient} of ${plural(raised.total, 'topic')} ${since(w)} (${pct(byClient, raised.total)}%); half or more scores 100.`,
    listed(w, () =>
      firstWithin(topicsByDay(topics), w.from, w.to, MAX_EVIDENCE).map((t) =>
        record('topic', t.id, t.label, t.raisedOn, t.relationshipId),
      ),
    ),
    raised.total,
  );
}

const pulseEvidence = (months: PulseMonth[]) =>
  months.flatMap((m) => m.rounds.map((p) => record('pulse', p.id, p.label, p.closedOn)));

export function clientPulsePart(input: BalanceInput, w: Window): BalancePart {
  const key = 'clientPulse';
  if (!input.clientPulses && !input.clientPulseMonths)
    return noData(key, 'No client pulse yet: this part counts once clients answer one.');
  if (w.empty) return beforeStart(key);
  const months = input.clientPulseMonths
    ? countedPulseMonths(input.clientPulseMonths, input.clientPulses ?? [], w.to)
    : pulseMonths(input.clientPulses ?? [], w.to, 2);
  const latest = months.at(-1);
  if (!latest || `${latest.month}-31` < w.from) return noData(key, `No client pulse closed ${since(w)}.`);
  const previous = months.at(-2);
  const delta = previous ? oneDecimal(latest.average - previous.average) : 0;
  const when = (m: PulseMonth) => monthName(`${m.month}-01`, input.today);
  const shown = [latest, ...(previous ? [previous] : [])];
  return scored(
    key,
    clamp(10 * latest.average + 5 * delta),
    `Client pulses closed in ${when(latest)} averaged ${latest.average} of 10 (${plural(latest.answers, 'answer')})${previous ? `, ${delta >= 0 ? 'up' : 'down'} from ${previous.average} in ${when(previous)}` : ''}; ten points per point of the average, five more (or less) per point it rose (or fell).`,
    listed(w, () => pulseEvidence(shown)),
    roundsIn(shown),
  );
}

// ── Inward ───────────────────────────────────────────────────────────────────

const fmtHours = (h: number) => `${round2(h)} h`;

export function timePart(input: BalanceInput, w: Window): BalancePart {
  const key = 'time';
  if (w.empty) return beforeStart(key);
  const hours: Record<TimeKind, number> = { billable: 0, partnership: 0, learning: 0, internal: 0 };
  let entries = 0;
  const months = timeByMonth(input.time);
  for (const month of w.months)
    for (const t of months.get(month) ?? []) {
      hours[t.kind] += t.hours;
      entries += t.entries;
    }
  const total = hours.billable + hours.partnership + hours.learning + hours.internal;
  if (total === 0) return noData(key, `No time logged ${since(w)}: log time to count this part.`);
  const inward = hours.partnership + hours.learning;
  const span = (kinds: TimeKind[], label: string, h: number): Evidence => ({
    type: 'time',
    id: null,
    label: `${label}: ${fmtHours(h)}`,
    on: null,
    relationshipId: null,
    time: { from: w.from, to: w.to, kinds, hours: round2(h) },
  });
  return scored(
    key,
    clamp((100 * inward) / total / TARGET_TIME_SHARE),
    `Partnership and learning time was ${fmtHours(inward)} of ${fmtHours(total)} logged ${since(w)} (${pct(inward, total)}%); ` +
      `${TARGET_TIME_SHARE * 100}% or more scores 100. Beside it: billable ${fmtHours(hours.billable)} (${pct(hours.billable, total)}% utilisation), ` +
      `partnership ${fmtHours(hours.partnership)}, learning ${fmtHours(hours.learning)}, internal ${fmtHours(hours.internal)}.`,
    [
      span(['partnership', 'learning'], 'Partnership + learning', inward),
      span(['billable'], 'Billable', hours.billable),
      span(['internal'], 'Internal', hours.internal),
      span(['billable', 'partnership', 'learning', 'internal'], 'All time logged', total),
    ],
    entries,
  );
}

/** The first few names, then how many more: a large workspace runs hundreds of experiments a quarter. */
const NAMED = 5;
export const named = (names: string[]) =>
  names.length <= NAMED
    ? names.join('; ')
    : `${names.slice(0, NAMED).join('; ')}; and ${names.length - NAMED} more (in the evidence)`;

export function experimentsPart(input: BalanceInput, w: Window): BalancePart {
  const key = 'experiments';
  if (w.empty) return beforeStart(key);
  if (input.teamCount === 0) return noData(key, 'No team yet.');
  const ran = input.experiments.filter(
    (e) => e.startedOn <= w.to && (e.endedOn === null || e.endedOn >= w.from),
  );
  const target = TARGET_EXPERIMENTS * input.teamCount;
  const rule = `${target} in a window score 100${input.teamCount > 1 ? ` (${TARGET_EXPERIMENTS} per team)` : ''}`;
  return scored(
    key,
    clamp((100 * ran.length) / target),
    ran.length === 0
      ? `No experiment ran ${since(w)}: start one from a relationship, with time protected for it; ${rule}.`
      : `${plural(ran.length, 'experiment')} ran ${since(w)}: ${named(ran.map((e) => e.title))}. ${rule[0]!.toUpperCase()}${rule.slice(1)}.`,
    listed(w, () =>
      ran
        .slice(0, MAX_EVIDENCE)
        .map((e) => record('experiment', e.id, e.title, e.startedOn, e.relationshipId)),
    ),
    ran.length,
  );
}

export function reflectionsPart(input: BalanceInput, w: Window): BalancePart {
  const key = 'reflections';
  if (w.empty) return beforeStart(key);
  if (input.reflectionCadenceDays.length === 0) return noData(key, 'No team yet.');
  const days = daysInclusive(w.activeFrom, w.to);
  const expected = input.reflectionCadenceDays.reduce((s, c) => s + days / c, 0);
  const held = input.reflections.filter((r) => r.heldOn >= w.from && r.heldOn <= w.to);
  const cadences = [...new Set(input.reflectionCadenceDays)].sort((a, b) => a - b);
  const cadence =
    cadences.length === 1
      ? `one every ${cadences[0]} days`
      : `each team on its own cadence (${cadences.join(', ')} days)`;
  if (held.length === 0 && expected < 1)
    return noData(key, `No reflection due yet: ${cadence}, and the first cadence has not passed.`);
  const last = input.lastReflectionOn && input.lastReflectionOn <= w.to ? input.lastReflectionOn : null;
  return scored(
    key,
    clamp((100 * held.length) / Math.max(1, expected)),
    `${plural(held.length, 'reflection')} held ${since(w)}, ${Math.round(expected * 10) / 10} expected at ${cadence}; ` +
      `${last ? `the last on ${shortDate(last)}` : 'none held yet'}.`,
    listed(w, () =>
      held
        .sort((a, b) => (a.heldOn !== b.heldOn ? (a.heldOn < b.heldOn ? 1 : -1) : a.id < b.id ? -1 : 1))
        .slice(0, MAX_EVIDENCE)
        .map((r) => record('reflection', r.id, r.label, r.heldOn)),
    ),
    held.length,
  );
}

export function teamPulsePart(input: BalanceInput, w: Window): BalancePart {
  const key = 'teamPulse';
  if (!input.teamPulses) return noData(key, 'No team pulse yet: this part counts once the team answers one.');
  if (w.empty) return beforeStart(key);
  const latest = pulseMonths(input.teamPulses, w.to, 1).at(-1);
  if (!latest || `${latest.month}-31` < w.from) return noData(key, `No team pulse closed ${since(w)}.`);
  return scored(
    key,
    clamp(10 * latest.average),
    `Team pulses closed in ${monthName(`${latest.month}-01`, input.today)} averaged ${latest.average} of 10 (${plural(latest.answers, 'answer')}; ten points per point).`,
    listed(w, () => pulseEvidence([latest])),
    latest.rounds.length,
  );
}
