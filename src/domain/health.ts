// Relationship health: one 0–100 score from five named components, each explained in words and carrying the
// records behind it, plus risk flags that say in words what is slipping.
//
// Each component scores 0–100 or has no data; the score is the weighted mean of the components that have
// data (weights renormalised over them), and null when none has. A component with no data says so and never
// counts as zero.
//
// Pure: plain data in, plain data out; no clock (today is an input), no I/O.

import { addDays, daysOverdue, isoDay, missedCadences, nextCheckInDue } from './cadence';

export const componentKeys = ['cadence', 'twoWay', 'clientPulse', 'momentum', 'teamPulse'] as const;
export type ComponentKey = (typeof componentKeys)[number];

/** How much each component counts when it has data; they sum to 100. */
export const weights: Record<ComponentKey, number> = {
  cadence: 30,
  twoWay: 25,
  clientPulse: 20,
  momentum: 15,
  teamPulse: 10,
};

export const labels: Record<ComponentKey, string> = {
  cadence: 'Cadence',
  twoWay: 'Two-way flow',
  clientPulse: 'Client pulse',
  momentum: 'Momentum',
  teamPulse: 'Team pulse',
};

/** Two-way flow is full when the client starts this share of touchpoints and topics. */
export const TWO_WAY_TARGET = 0.4;
/** Touchpoints and topics older than this many days no longer count for two-way flow. */
export const TWO_WAY_DAYS = 180;
/** Momentum looks at this many days. */
export const MOMENTUM_DAYS = 90;
/** Points per item for momentum, capped at 100. */
export const MOMENTUM_POINTS = { topic: 10, experiment: 25, immersion: 20 } as const;
/** A relationship in one stage this long (and not yet co-creating) is flagged as stuck. */
export const STUCK_DAYS = 270;
/** Evidence lists carry at most this many records each. */
export const MAX_EVIDENCE = 30;

export type EvidenceKind = 'touchpoint' | 'checkIn' | 'topic' | 'experiment' | 'pulse' | 'assessment';
export type Side = 'provider' | 'client';

/** One record behind a number: the web links to it by kind and id. */
export type Evidence = {
  kind: EvidenceKind;
  id: string;
  label: string;
  /** The day the record counts on, YYYY-MM-DD. */
  on: string;
};

export type PulseRound = { pulseId: string; title: string; closesOn: string; average: number | null };

export type HealthInput = {
  today: string;
  relationship: {
    cadenceDays: number;
    status: 'active' | 'paused' | 'ended';
    startedOn: string;
    stage: 'transactional' | 'advisory' | 'partnership' | 'co_creation';
    /** The day the current stage began (its assessment), or the start. */
    stageSince: string;
  };
  /** Check-ins recently held (newest matter most); only `held` ones count for cadence. */
  checkIns: { id: string; label: string; heldOn: string }[];
  touchpoints: { id: string; label: string; on: string; kind: string; initiatedBy: Side }[];
  topics: { id: string; label: string; on: string; raisedBy: Side }[];
  experiments: { id: string; label: string; startsOn: string; endsOn: string; status: string }[];
  /** Oldest first. */
  clientPulse: PulseRound[];
  teamPulse: PulseRound[];
};

export type HealthComponent = {
  key: ComponentKey;
  label: string;
  score: number | null;
  weight: number;
  explanation: string;
  evidence: Evidence[];
};

export type RiskKey =
  | 'checkInOverdue'
  | 'oneSided'
  | 'clientPulseFalling'
  | 'clientPulseLow'
  | 'stalled'
  | 'teamPulseLow'
  | 'stuck';
export type Risk = { key: RiskKey; message: string };

export type Health = { score: number | null; components: HealthComponent[]; risks: Risk[] };

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${isoDay(to)}T00:00:00Z`) - Date.parse(`${isoDay(from)}T00:00:00Z`)) / 86_400_000);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const fmt = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
const newestFirst = <T extends { on: string }>(xs: T[]) =>
  [...xs].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
const one = (n: number) => n.toFixed(1);

function component(key: ComponentKey, score: number | null, explanation: string, evidence: Evidence[]) {
  return {
    key,
    label: labels[key],
    score,
    weight: weights[key],
    explanation,
    evidence: evidence.slice(0, MAX_EVIDENCE),
  };
}

function cadence(input: HealthInput): { part: HealthComponent; risk: Risk | null } {
  const r = input.relationship;
  if (r.status !== 'active')
    return {
      part: component(
        'cadence',
        null,
        `No data: the relationship is ${r.status}, so no check-ins are due.`,
        [],
      ),
      risk: null,
    };
  const held = input.checkIns
    .filter((c) => c.heldOn <= input.today)
    .map((c) => ({ kind: 'checkIn' as const, id: c.id, label: c.label, on: c.heldOn }));
  const last = newestFirst(held)[0] ?? null;
  const base = { cadenceDays: r.cadenceDays, lastCheckInAt: last?.on ?? null, startedAt: r.startedOn };
  const due = nextCheckInDue(base);
  const late = daysOverdue(due, input.today);
  const missed = missedCadences({ ...base, today: input.today });
  // Full until the due day, then falling linearly to zero once two further cadences have passed.
  const score = clamp(100 - (late / (2 * r.cadenceDays)) * 100);
  const every = `every ${plural(r.cadenceDays, 'day')}`;
  const since = last
    ? `the last was held on ${fmt(last.on)}`
    : `none held since the start on ${fmt(r.startedOn)}`;
  const explanation =
    late === 0
      ? `On cadence (${every}): ${since}; the next is due on ${fmt(due)}. Full marks until the due day, then falling to 0 over two more cadences.`
      : `Overdue by ${plural(late, 'day')} (${every}): ${since}. Full marks until the due day, then falling to 0 over two more cadences; holding a check-in restores it.`;
  let risk: Risk | null = null;
  if (missed >= 2)
    risk = {
      key: 'checkInOverdue',
      message: last
        ? `no check-in for ${missed} cadences: the last was on ${fmt(last.on)}`
        : `no check-in held since the start ${plural(days(r.startedOn, input.today), 'day')} ago`,
    };
  else if (late > 0) risk = { key: 'checkInOverdue', message: `check-in overdue by ${plural(late, 'day')}` };
  return { part: component('cadence', score, explanation, newestFirst(held)), risk };
}

function twoWay(input: HealthInput): { part: HealthComponent; risk: Risk | null } {
  const from = addDays(input.today, -TWO_WAY_DAYS);
  const tps = input.touchpoints.filter((t) => t.on >= from && t.on <= input.today);
  const tops = input.topics.filter((t) => t.on >= from && t.on <= input.today);
  const total = tps.length + tops.length;
  if (total === 0)
    return {
      part: component(
        'twoWay',
        null,
        `No data: no touchpoints or topics in the last ${TWO_WAY_DAYS} days. Log them to see who starts the conversation.`,
        [],
      ),
      risk: null,
    };
  const clientTps = tps.filter((t) => t.initiatedBy === 'client');
  const clientTops = tops.filter((t) => t.raisedBy === 'client');
  const fromClient = clientTps.length + clientTops.length;
  const share = fromClient / total;
  const score = clamp((share / TWO_WAY_TARGET) * 100);
  const explanation = `The client started ${fromClient} of ${total} in the last ${TWO_WAY_DAYS} days (${clientTps.length} of ${tps.length} touchpoints, ${clientTops.length} of ${tops.length} topics): ${Math.round(share * 100)}%. Full marks from ${Math.round(TWO_WAY_TARGET * 100)}%.`;
  // Who started each record is the point here, so the label says it.
  const theirs = (label: string) => `${label} — started by the client`;
  const ours = (label: string) => `${label} — started by us`;
  const asEvidence = [
    ...clientTps.map((t) => ({ kind: 'touchpoint' as const, id: t.id, label: theirs(t.label), on: t.on })),
    ...clientTops.map((t) => ({ kind: 'topic' as const, id: t.id, label: theirs(t.label), on: t.on })),
  ];
  const providerSide = [
    ...tps
      .filter((t) => t.initiatedBy === 'provider')
      .map((t) => ({ kind: 'touchpoint' as const, id: t.id, label: ours(t.label), on: t.on })),
    ...tops
      .filter((t) => t.raisedBy === 'provider')
      .map((t) => ({ kind: 'topic' as const, id: t.id, label: ours(t.label), on: t.on })),
  ];
  // Flagged when the client starts fewer than one in eight touchpoints (or of touchpoints and topics together).
  const risk: Risk | null =
    tps.length >= 5 && clientTps.length / tps.length < 0.125
      ? {
          key: 'oneSided',
          message: `only the provider speaks: ${clientTps.length} in ${tps.length} touchpoints came from the client`,
        }
      : total >= 5 && share < 0.125
        ? {
            key: 'oneSided',
            message: `only the provider speaks: ${fromClient} in ${total} touchpoints and topics came from the client`,
          }
        : null;
  return {
    part: component('twoWay', score, explanation, [...newestFirst(asEvidence), ...newestFirst(providerSide)]),
    risk,
  };
}

const pulseEvidence = (rounds: PulseRound[]): Evidence[] =>
  rounds
    .map((p) => ({
      kind: 'pulse' as const,
      id: p.pulseId,
      label: `${p.title}${p.average === null ? '' : ` — ${one(p.average)}`}`,
      on: p.closesOn,
    }))
    .reverse();

function clientPulse(input: HealthInput): { part: HealthComponent; risks: Risk[] } {
  const rounds = input.clientPulse.filter((p) => p.average !== null && p.closesOn <= input.today);
  const latest = rounds.at(-1);
  if (!latest || latest.average === null)
    return {
      part: component(
        'clientPulse',
        null,
        'No data: no client pulse has answers yet. Send one to hear how meaningful the client finds the work.',
        [],
      ),
      risks: [],
    };
  const prev = rounds.at(-2)?.average ?? null;
  const fall = prev === null ? 0 : Math.max(0, Math.round((prev - latest.average) * 10) / 10);
  // The level, less half of any fall since the round before: a falling trend costs even at a good level.
  const score = clamp(latest.average * 10 - Math.ceil(fall * 5));
  const trend =
    prev === null
      ? 'the first round, so no trend yet'
      : fall > 0
        ? `down from ${one(prev)}, which costs half the fall`
        : `level or up from ${one(prev)}`;
  const explanation = `The latest client pulse (${latest.title}, ${fmt(latest.closesOn)}) averages ${one(latest.average)} of 10: ${trend}.`;
  const risks: Risk[] = [];
  if (prev !== null && fall >= 1)
    risks.push({
      key: 'clientPulseFalling',
      message: `client pulse fell from ${one(prev)} to ${one(latest.average)}`,
    });
  else if (latest.average < 6)
    risks.push({ key: 'clientPulseLow', message: `client pulse is low: ${one(latest.average)} of 10` });
  return { part: component('clientPulse', score, explanation, pulseEvidence(rounds)), risks };
}

function momentum(input: HealthInput): { part: HealthComponent; risk: Risk | null } {
  const from = addDays(input.today, -MOMENTUM_DAYS);
  const inWindow = (d: string) => d >= from && d <= input.today;
  const topics = input.topics.filter((t) => inWindow(t.on));
  const experiments = input.experiments.filter(
    (e) => e.startsOn <= input.today && e.endsOn >= from && e.status !== 'stopped',
  );
  const immersions = input.touchpoints.filter((t) => t.kind === 'immersion' && inWindow(t.on));
  const count = topics.length + experiments.length + immersions.length;
  const young = days(input.relationship.startedOn, input.today) < MOMENTUM_DAYS;
  if (count === 0 && young)
    return {
      part: component(
        'momentum',
        null,
        `No data yet: the relationship is younger than ${MOMENTUM_DAYS} days and has no topics, experiments or immersions.`,
        [],
      ),
      risk: null,
    };
  const points =
    topics.length * MOMENTUM_POINTS.topic +
    experiments.length * MOMENTUM_POINTS.experiment +
    immersions.length * MOMENTUM_POINTS.immersion;
  const score = clamp(points);
  const explanation =
    count === 0
      ? `Nothing new in the last ${MOMENTUM_DAYS} days: no topics, experiments or immersions.`
      : `In the last ${MOMENTUM_DAYS} days: ${plural(topics.length, 'new topic')} (${MOMENTUM_POINTS.topic} points each), ${plural(experiments.length, 'experiment')} (${MOMENTUM_POINTS.experiment} each), ${plural(immersions.length, 'immersion')} (${MOMENTUM_POINTS.immersion} each); 100 is full.`;
  const evidence = newestFirst([
    ...topics.map((t) => ({ kind: 'topic' as const, id: t.id, label: t.label, on: t.on })),
    ...experiments.map((e) => ({ kind: 'experiment' as const, id: e.id, label: e.label, on: e.startsOn })),
    ...immersions.map((t) => ({ kind: 'touchpoint' as const, id: t.id, label: t.label, on: t.on })),
  ]);
  const risk: Risk | null =
    count === 0
      ? {
          key: 'stalled',
          message: `nothing new in ${MOMENTUM_DAYS} days: no topics, experiments or immersions`,
        }
      : null;
  return { part: component('momentum', score, explanation, evidence), risk };
}

function teamPulse(input: HealthInput): { part: HealthComponent; risk: Risk | null } {
  const rounds = input.teamPulse.filter((p) => p.average !== null && p.closesOn <= input.today);
  const latest = rounds.at(-1);
  if (!latest || latest.average === null)
    return {
      part: component(
        'teamPulse',
        null,
        'No data: the serving team has no employee pulse with enough answers (at least 3) yet.',
        [],
      ),
      risk: null,
    };
  const explanation = `The serving team’s latest employee pulse (${latest.title}, ${fmt(latest.closesOn)}) averages ${one(latest.average)} of 10.`;
  const risk: Risk | null =
    latest.average < 6
      ? { key: 'teamPulseLow', message: `the serving team’s pulse is low: ${one(latest.average)} of 10` }
      : null;
  return {
    part: component('teamPulse', clamp(latest.average * 10), explanation, pulseEvidence(rounds)),
    risk,
  };
}

const stageWords: Record<HealthInput['relationship']['stage'], string> = {
  transactional: 'transactional',
  advisory: 'advisory',
  partnership: 'partnership',
  co_creation: 'co-creation',
};

function stuck(input: HealthInput): Risk | null {
  const r = input.relationship;
  if (r.status !== 'active' || r.stage === 'co_creation') return null;
  const d = days(r.stageSince, input.today);
  if (d < STUCK_DAYS) return null;
  const months = Math.floor(d / 30.4);
  return {
    key: 'stuck',
    message: `stuck in ${stageWords[r.stage]} for ${months} months: no stage move since ${fmt(r.stageSince)}`,
  };
}

/** The weighted mean over components with data, renormalised; null when none has data. */
export function scoreOf(components: Pick<HealthComponent, 'score' | 'weight'>[]): number | null {
  const scored = components.filter((c) => c.score !== null);
  const weight = scored.reduce((s, c) => s + c.weight, 0);
  if (weight === 0) return null;
  return clamp(scored.reduce((s, c) => s + (c.score ?? 0) * c.weight, 0) / weight);
}

export function computeHealth(input: HealthInput): Health {
  const c = cadence(input);
  const t = twoWay(input);
  const p = clientPulse(input);
  const m = momentum(input);
  const tp = teamPulse(input);
  const components = [c.part, t.part, p.part, m.part, tp.part];
  const risks = [c.risk, stuck(input), t.risk, ...p.risks, m.risk, tp.risk].filter(
    (r): r is Risk => r !== null,
  );
  return { score: scoreOf(components), components, risks };
}

/** How urgently a relationship needs attention, for sorting the early-warning list (higher first). */
export function riskRank(h: Pick<Health, 'score' | 'risks'>): number {
  return 100 - (h.score ?? 50) + 15 * h.risks.length;
}
