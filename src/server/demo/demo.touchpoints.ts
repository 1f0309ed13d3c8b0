import type { Side, TouchpointKind, Visibility } from '../features/touchpoints/touchpoints.table';
import type { PersonKey } from './demo.org';
import type { RelationshipSeed } from './demo.relationships';
import type { Rng } from './prng';

// A year of timeline per relationship: partner check-ins on its cadence, scripted immersions, and everyday
// touchpoints drawn from summary templates filled with the relationship's own topics, deliverables and people.

export type PlannedTouchpoint = {
  kind: TouchpointKind;
  initiatedBy: Side;
  occurredAt: Date;
  summary: string;
  discoveries: string | null;
  visibility: Visibility;
  by: PersonKey;
  /** Set on the partner check-ins of the plan: held, or missed (moved, cancelled). */
  checkIn?: 'held' | 'missed';
};

type Everyday = Exclude<TouchpointKind, 'immersion'>;

const providerTemplates: Record<Everyday, string[]> = {
  meeting: [
    'Working session with {contact} on {topic}: agreed the next two steps and who takes them.',
    "Workshop on {topic} with {contact}'s team; the room disagreed on priorities, which was useful.",
    'Reviewed {deliverable} with {contact}. Two changes requested, one open question on scope.',
    'Kick-off for the next round of {topic}; {contact} brought a colleague from operations.',
  ],
  call: [
    'Called {contact} to walk through {deliverable} ahead of their leadership meeting.',
    'Quick call with {contact} about timing on {topic}; their quarter-end moves things by a week.',
    'Called {contact} to hear how their team is getting on with {deliverable}.',
  ],
  email: [
    'Sent {contact} the notes and open questions from the session on {topic}.',
    'Shared {deliverable} with {contact} for comments by Friday.',
    'Followed up with {contact} on {topic} and proposed two dates for a working session.',
  ],
  delivery: [
    'Delivered {deliverable}.',
    "Handed over {deliverable}, with a short recorded walkthrough for {contact}'s team.",
    "Shipped a revised version of {deliverable} after {contact}'s feedback.",
  ],
  event: [
    'Invited {contact} to our studio evening on {topic}; they came with two colleagues.',
    '{contact} joined our open breakfast on partnership work and talked about {topic}.',
  ],
  note: [
    '{contact} sounded stretched this week; keep the next session short and concrete.',
    'We are doing more on {topic} than the contract covers. Raise it openly at the next check-in.',
    'We have capacity in the coming weeks: worth offering {contact} time on {topic}.',
    'Team reflection: the work on {topic} goes well when {contact} is in the room, slower when we guess.',
  ],
};

const clientTemplates: Record<'meeting' | 'call' | 'email' | 'event', string[]> = {
  meeting: [
    '{contact} asked for a session on {topic}: their idea, their agenda.',
    '{contact} invited us to their team meeting to hear how the work on {topic} is going from their side.',
  ],
  call: [
    '{contact} called to ask whether we could help think through {topic}.',
    '{contact} rang with feedback on {deliverable}: the front line likes it, management has questions.',
  ],
  email: [
    '{contact} sent over their own notes on {topic} ahead of our next session.',
    '{contact} emailed an idea: could we involve their customers in {topic}?',
    '{contact} forwarded a complaint that shows why {topic} matters, and asked what we would do.',
  ],
  event: ['{contact} invited us to their staff day to share what we learned about {topic}.'],
};

const checkInTemplates = [
  'Partner check-in with {contact}, outside the project: how both businesses are doing, where we have spare capacity, and {topic} as a possible next topic.',
  'Partner check-in: {contact} shared their plans for next quarter and we shared ours, including a researcher free next month. Agreed to explore {topic}.',
  'Partner check-in with {contact}. Less about the work, more about how we work together: fewer status emails, one shared backlog.',
  'Partner check-in with {contact}: their team is under pressure on {topic}; we offered a half day of help at no charge to see if it is worth more.',
];

const missedCheckIn = [
  'Check-in with {contact} moved at their request; no new date yet.',
  "Check-in with {contact} cancelled: 'nothing to discuss this month'. Worth asking why.",
];

const providerKinds: [Everyday, number][] = [
  ['meeting', 22],
  ['call', 16],
  ['email', 26],
  ['delivery', 16],
  ['event', 4],
  ['note', 16],
];
const clientKinds: [keyof typeof clientTemplates, number][] = [
  ['meeting', 28],
  ['call', 30],
  ['email', 36],
  ['event', 6],
];

function weighted<T>(rng: Rng, options: [T, number][]): T {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of options) {
    x -= w;
    if (x < 0) return v;
  }
  return options[options.length - 1]![0];
}

const DAY = 86_400_000;

/** A moment `daysAgo` days before `now`, during working hours. */
function at(now: Date, daysAgo: number, rng: Rng): Date {
  const d = new Date(now.getTime() - daysAgo * DAY);
  d.setUTCHours(rng.int(8, 16), rng.pick([0, 15, 30, 45]), 0, 0);
  // Keep "today" entries in the past.
  return d.getTime() > now.getTime() ? new Date(now.getTime() - 3_600_000) : d;
}

export function planTouchpoints(
  rng: Rng,
  seed: RelationshipSeed,
  contacts: string[],
  now: Date,
): { items: PlannedTouchpoint[]; lastCheckInAt: Date } {
  const fill = (template: string) =>
    template
      .replaceAll('{contact}', rng.pick(contacts))
      .replaceAll('{topic}', rng.pick(seed.topics))
      .replaceAll('{deliverable}', rng.pick(seed.deliverables));
  const latest = seed.quietSinceDaysAgo ?? 0;
  const out: PlannedTouchpoint[] = [];
  const lastCheckInAt = at(now, seed.lastCheckInDaysAgo, rng);

  // Partner check-ins, walking back from the last one on the cadence (a few days either way).
  for (
    let day = seed.lastCheckInDaysAgo;
    day < seed.startedDaysAgo - 7;
    day += seed.cadenceDays + rng.int(-3, 4)
  ) {
    const missed =
      day !== seed.lastCheckInDaysAgo &&
      rng.chance(seed.missedCheckIns) &&
      day > (seed.missesEndedDaysAgo ?? 0);
    out.push({
      kind: missed ? 'note' : 'meeting',
      initiatedBy: !missed && rng.chance(seed.clientShare / 2) ? 'client' : 'provider',
      occurredAt: day === seed.lastCheckInDaysAgo ? lastCheckInAt : at(now, day, rng),
      summary: fill(rng.pick(missed ? missedCheckIn : (seed.checkIns ?? checkInTemplates))),
      discoveries: null,
      visibility: missed ? 'internal' : 'shared',
      by: seed.owner,
      checkIn: missed ? 'missed' : 'held',
    });
  }

  for (const im of seed.immersions) {
    out.push({
      kind: 'immersion',
      initiatedBy: 'provider',
      occurredAt: at(now, im.daysAgo, rng),
      summary: im.summary,
      discoveries: im.discoveries,
      visibility: 'shared',
      by: im.by,
    });
  }

  // Everyday work, month by month; `trend` tilts the density towards the start or the end of the year.
  for (let month = 0; month < 12; month++) {
    const from = 365 - month * 30.4;
    const to = Math.max(from - 30.4, latest + 1);
    if (to >= seed.startedDaysAgo || to >= from) continue;
    const expected = seed.perMonth * (1 + seed.trend * (month / 11 - 0.5));
    const count = Math.floor(expected + rng.next());
    for (let i = 0; i < count; i++) {
      const day = Math.min(seed.startedDaysAgo - 1, to + rng.next() * (from - to));
      const byClient = rng.chance(seed.clientShare);
      if (byClient) {
        const kind = weighted(rng, clientKinds);
        out.push({
          kind,
          initiatedBy: 'client',
          occurredAt: at(now, day, rng),
          summary: fill(rng.pick(clientTemplates[kind])),
          discoveries: null,
          visibility: rng.chance(seed.sharedShare) ? 'shared' : 'internal',
          by: seed.owner,
        });
        continue;
      }
      const kind = weighted(rng, providerKinds);
      out.push({
        kind,
        initiatedBy: 'provider',
        occurredAt: at(now, day, rng),
        summary: fill(rng.pick(providerTemplates[kind])),
        discoveries: null,
        // Notes are the team's own thinking: never shown to the client.
        visibility: kind === 'note' ? 'internal' : rng.chance(seed.sharedShare) ? 'shared' : 'internal',
        by: rng.pick(seed.crew),
      });
    }
  }
  return { items: out.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()), lastCheckInAt };
}
