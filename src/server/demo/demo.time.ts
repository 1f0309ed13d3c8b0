import type { TimeKind } from '../features/time/time.table';
import type { ClientKey, PersonKey, TeamKey } from './demo.org';
import type { RelationshipSeed } from './demo.relationships';
import type { Rng } from './prng';

// A year of time sheets for the six colleagues: every weekday about eight hours in blocks, each block for one
// of their teams, on one of that team's relationships they work on (billable, partnership) or on the team
// itself (learning, internal). How much of a team's time is partnership and learning follows its story.

export type PlannedEntry = {
  by: PersonKey;
  daysAgo: number;
  team: TeamKey;
  client: ClientKey | null;
  kind: TimeKind;
  hours: number;
};

/** How each person's week divides between their teams. */
const teamShare: Record<PersonKey, Partial<Record<TeamKey, number>>> = {
  maya: { strategy: 0.4, design: 0.2, people: 0.4 },
  jonas: { strategy: 0.6, people: 0.4 },
  priya: { design: 1 },
  tomas: { design: 1 },
  aiko: { strategy: 0.6, design: 0.4 },
  lena: { people: 1 },
};

/** Share of a team's blocks spent on partnership and on learning, `daysAgo` days back. */
function inwardShares(team: TeamKey, daysAgo: number): { partnership: number; learning: number } {
  const year = 1 - daysAgo / 365;
  if (team === 'design') return { partnership: 0.06 + 0.14 * year, learning: 0.04 + 0.04 * year };
  if (team === 'strategy')
    return daysAgo > 110 ? { partnership: 0.03, learning: 0.02 } : { partnership: 0.11, learning: 0.05 };
  return { partnership: 0.025, learning: 0.015 };
}

const INTERNAL = 0.12;
const BLOCKS = [3, 3, 2];

function pickWeighted<T extends string>(rng: Rng, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = rng.next() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) {
    r -= w;
    if (r <= 0) return k;
  }
  return entries.at(-1)![0];
}

/** Whether the relationship was running on that day (started, and not yet gone quiet). */
const activeOn = (r: RelationshipSeed, daysAgo: number) =>
  daysAgo <= r.startedDaysAgo && (r.quietSinceDaysAgo === undefined || daysAgo >= r.quietSinceDaysAgo);

export function planTime(rng: Rng, relationships: RelationshipSeed[], now: Date): PlannedEntry[] {
  const planned = new Map<string, PlannedEntry>();
  for (let daysAgo = 364; daysAgo >= 0; daysAgo--) {
    const weekday = new Date(now.getTime() - daysAgo * 86_400_000).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const [by, teams] of Object.entries(teamShare) as [PersonKey, Partial<Record<TeamKey, number>>][]) {
      // A day off now and then.
      if (rng.chance(0.06)) continue;
      for (const size of BLOCKS) {
        const team = pickWeighted(rng, teams);
        const own = relationships.filter(
          (r) => r.team === team && r.crew.includes(by) && activeOn(r, daysAgo),
        );
        const shares = inwardShares(team, daysAgo);
        let kind = pickWeighted<TimeKind>(rng, {
          partnership: shares.partnership,
          learning: shares.learning,
          internal: INTERNAL,
          billable: 1 - shares.partnership - shares.learning - INTERNAL,
        });
        if ((kind === 'billable' || kind === 'partnership') && own.length === 0) kind = 'internal';
        const client = kind === 'billable' || kind === 'partnership' ? rng.pick(own).client : null;
        const hours = size + rng.pick([-0.5, -0.25, 0, 0, 0.25, 0.5]);
        const key = `${by}|${daysAgo}|${team}|${client}|${kind}`;
        const same = planned.get(key);
        if (same) same.hours += hours;
        else planned.set(key, { by, daysAgo, team, client, kind, hours });
      }
    }
  }
  return [...planned.values()];
}
