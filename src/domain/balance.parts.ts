// The named parts of the two indices. Each scores one window (the last months up to a month's end), explains
// its score in words, and lists the records it was scored from. No data → score null, never zero.

import type { BalanceInput, BalancePart, Evidence, PartKey, PyramidLevel, Stage, TimeKind } from './balance';
import { addDays, daysInclusive, monthName, shortDate } from './balance.calendar';

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
};

const MAX_EVIDENCE = 50;
/** A partnership + learning share of all hours that scores 100. */
export const TARGET_TIME_SHARE = 0.25;
/** Experiments per team in a window that score 100. */
export const TARGET_EXPERIMENTS = 2;
/** A check-in held up to this many days after its due day still counts as on time. */
export const CHECK_IN_GRACE_DAYS = 7;
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

export const stageRank: Record<Stage, number> = {
  transactional: 0,
  advisory: 1,
  partnership: 2,
  co_creation: 3,
};
export const levelRank: Record<PyramidLevel, number> = { expectations: 0, desires: 1, unrecognized_needs: 2 };
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
  return 100 * (0.7 * (stageRank[stage] / 3) + 0.3 * (levelRank[level] / 2));
}

type Assessment = BalanceInput['assessments'][number];
const byAt = (a: Assessment, b: Assessment) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1);

export function progressionPart(input: BalanceInput, w: Window): BalancePart {
  const key = 'progression';
  if (w.empty) return beforeStart(key);
  const rels = input.relationships.filter((r) => r.startedOn <= w.to);
  if (rels.length === 0)
    return noData(key, 'No relationships yet: start one to see it move along the stages.');
  const histories = new Map<string, Assessment[]>();
  for (const a of input.assessments.filter((x) => day(x.at) <= w.to).sort(byAt)) {
    const history = histories.get(a.relationshipId);
    if (history) history.push(a);
    else histories.set(a.relationshipId, [a]);
  }

  const moves: Evidence[] = [];
  const standing: Evidence[] = [];
  let up = 0;
  let down = 0;
  let sum = 0;
  const counts = new Map<Stage, number>();
  for (const r of rels) {
    const history = histories.get(r.id) ?? [];
    const current = history.at(-1);
    const stage = current?.stage ?? 'transactional';
    const level = current?.pyramidLevel ?? 'expectations';
    sum += position(stage, level);
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
    history.forEach((a, i) => {
      const prev = history[i - 1];
      if (!prev || day(a.at) < w.from) return;
      const steps =
        stageRank[a.stage] - stageRank[prev.stage] + levelRank[a.pyramidLevel] - levelRank[prev.pyramidLevel];
      if (steps === 0) return;
      if (steps > 0) up += steps;
      else down -= steps;
      moves.push(
        record(
          'assessment',
          a.id,
          `${r.label}: ${stageWords[prev.stage]} · ${levelWords[prev.pyramidLevel]} → ${stageWords[a.stage]} · ${levelWords[a.pyramidLevel]}`,
          day(a.at),
          r.id,
        ),
      );
    });
    const label = `${r.label}: ${stageWords[stage]} · ${levelWords[level]}`;
    standing.push(
      current
        ? record('assessment', current.id, label, day(current.at), r.id)
        : record('relationship', r.id, label, r.startedOn, r.id),
    );
  }
  const score = clamp(sum / rels.length);
  const spread = (Object.keys(stageRank) as Stage[])
    .reverse()
    .filter((s) => counts.get(s))
    .map((s) => `${counts.get(s)} ${stageWords[s]}`)
    .join(', ');
  const movement =
    up + down === 0
      ? `No step up or down ${since(w)}.`
      : `${plural(up, 'step')} up${down ? ` and ${down} down` : ''} ${since(w)}.`;
  return scored(
    key,
    score,
    `${plural(rels.length, 'relationship')} stand at ${score} of 100 on the stage ladder and truth pyramid (${spread}); ` +
      `stage counts 70%, pyramid level 30%, and 100 means all co-creating at unrecognised needs. ${movement}`,
    [...moves.reverse(), ...standing],
    moves.length + standing.length,
  );
}

export function checkInsPart(input: BalanceInput, w: Window): BalancePart {
  const key = 'checkIns';
  if (!input.checkIns)
    return noData(key, 'No check-ins recorded yet: this part counts once check-ins are held.');
  if (w.empty) return beforeStart(key);
  const due = input.checkIns.filter((c) => c.dueOn >= w.activeFrom && c.dueOn <= w.to);
  if (due.length === 0) return noData(key, `No check-in was due ${since(w)}.`);
  const onTime = due.filter((c) => c.heldOn !== null && c.heldOn <= addDays(c.dueOn, CHECK_IN_GRACE_DAYS));
  return scored(
    key,
    pct(onTime.length, due.length),
    `${onTime.length} of ${plural(due.length, 'check-in')} due ${since(w)} were held on time (within ${CHECK_IN_GRACE_DAYS} days of the due day).`,
    due.map((c) => record('checkIn', c.id, c.label, c.heldOn ?? c.dueOn, c.relationshipId)),
  );
}

export function clientTopicsPart(input: BalanceInput, w: Window): BalancePart {
  const key = 'clientTopics';
  if (!input.topics) return noData(key, 'No topics recorded yet: this part counts once topics are raised.');
  if (w.empty) return beforeStart(key);
  const raised = input.topics.filter((t) => t.raisedOn >= w.from && t.raisedOn <= w.to);
  if (raised.length === 0) return noData(key, `No topic was raised ${since(w)}.`);
  const byClient = raised.filter((t) => t.raisedBy === 'client');
  return scored(
    key,
    clamp((100 * byClient.length) / raised.length / TARGET_CLIENT_TOPICS),
    `Clients raised ${byClient.length} of ${plural(raised.length, 'topic')} ${since(w)} (${pct(byClient.length, raised.length)}%); half or more scores 100.`,
    raised.map((t) => record('topic', t.id, t.label, t.raisedOn, t.relationshipId)),
  );
}

type Pulse = NonNullable<BalanceInput['clientPulses']>[number];
type PulseMonth = { month: string; average: number; answers: number; rounds: Pulse[] };
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * Rounds closed by the window's end, pooled by the month they closed in (every answer counts once), oldest
 * first: a team asks several relationships in the same weeks, and their rounds are one reading, not a trend.
 */
function pulseMonths(pulses: Pulse[], w: Window): PulseMonth[] {
  const byMonth = new Map<string, Pulse[]>();
  for (const p of pulses) {
    if (p.closedOn > w.to || p.responses <= 0) continue;
    const month = p.closedOn.slice(0, 7);
    const rounds = byMonth.get(month);
    if (rounds) rounds.push(p);
    else byMonth.set(month, [p]);
  }
  return [...byMonth]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, rounds]) => {
      const answers = rounds.reduce((n, r) => n + r.responses, 0);
      const sum = rounds.reduce((n, r) => n + r.scoreSum, 0);
      return { month, average: oneDecimal(sum / answers), answers, rounds };
    });
}

const pulseEvidence = (months: PulseMonth[]) =>
  months.flatMap((m) => m.rounds.map((p) => record('pulse', p.id, p.label, p.closedOn)));

export function clientPulsePart(input: BalanceInput, w: Window): BalancePart {
  const key = 'clientPulse';
  if (!input.clientPulses)
    return noData(key, 'No client pulse yet: this part counts once clients answer one.');
  if (w.empty) return beforeStart(key);
  const months = pulseMonths(input.clientPulses, w);
  const latest = months.at(-1);
  if (!latest || `${latest.month}-31` < w.from) return noData(key, `No client pulse closed ${since(w)}.`);
  const previous = months.at(-2);
  const delta = previous ? oneDecimal(latest.average - previous.average) : 0;
  const when = (m: PulseMonth) => monthName(`${m.month}-01`, input.today);
  return scored(
    key,
    clamp(10 * latest.average + 5 * delta),
    `Client pulses closed in ${when(latest)} averaged ${latest.average} of 10 (${plural(latest.answers, 'answer')})${previous ? `, ${delta >= 0 ? 'up' : 'down'} from ${previous.average} in ${when(previous)}` : ''}; ten points per point of the average, five more (or less) per point it rose (or fell).`,
    pulseEvidence([latest, ...(previous ? [previous] : [])]),
  );
}

// ── Inward ───────────────────────────────────────────────────────────────────

const fmtHours = (h: number) => `${round2(h)} h`;

export function timePart(input: BalanceInput, w: Window): BalancePart {
  const key = 'time';
  if (w.empty) return beforeStart(key);
  const hours: Record<TimeKind, number> = { billable: 0, partnership: 0, learning: 0, internal: 0 };
  let entries = 0;
  for (const t of input.time)
    if (w.months.includes(t.month)) {
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
      : `${plural(ran.length, 'experiment')} ran ${since(w)}: ${ran.map((e) => e.title).join('; ')}. ${rule[0]!.toUpperCase()}${rule.slice(1)}.`,
    ran.map((e) => record('experiment', e.id, e.title, e.startedOn, e.relationshipId)),
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
    held
      .sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1))
      .map((r) => record('reflection', r.id, r.label, r.heldOn)),
  );
}

export function teamPulsePart(input: BalanceInput, w: Window): BalancePart {
  const key = 'teamPulse';
  if (!input.teamPulses) return noData(key, 'No team pulse yet: this part counts once the team answers one.');
  if (w.empty) return beforeStart(key);
  const latest = pulseMonths(input.teamPulses, w).at(-1);
  if (!latest || `${latest.month}-31` < w.from) return noData(key, `No team pulse closed ${since(w)}.`);
  return scored(
    key,
    clamp(10 * latest.average),
    `Team pulses closed in ${monthName(`${latest.month}-01`, input.today)} averaged ${latest.average} of 10 (${plural(latest.answers, 'answer')}; ten points per point).`,
    pulseEvidence([latest]),
  );
}
