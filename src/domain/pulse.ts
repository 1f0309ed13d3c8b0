// Pulse rules: when a round is open, when its one reminder goes out, what its answers add up to, and
// whether two series of rounds move together. Pure functions; days are UTC `YYYY-MM-DD` strings.

const DAY_MS = 86_400_000;

/** The fewest answers an anonymous (employee) round shows a result for. */
export const ANONYMITY_THRESHOLD = 3;

/** The fewest paired rounds we say anything about "moving together" from. */
export const MIN_PAIRED_ROUNDS = 4;

/** A round closes at the end of its closing day (UTC): the link works all day long. */
export function closesAt(closesOn: string): Date {
  return new Date(Date.parse(`${closesOn}T00:00:00Z`) + DAY_MS);
}

export type PulseStatus = 'open' | 'closed';

export function pulseStatus(closesOn: string, now: Date): PulseStatus {
  return now.getTime() < closesAt(closesOn).getTime() ? 'open' : 'closed';
}

/**
 * The one reminder to people who have not answered: two days before the close, so it lands while the round is
 * still on their mind — or halfway on a round shorter than four days; null when the round is already closed.
 */
export function reminderAt(sentAt: Date, closesOn: string): Date | null {
  const end = closesAt(closesOn).getTime();
  const start = sentAt.getTime();
  if (end <= start) return null;
  const halfway = start + (end - start) / 2;
  return new Date(Math.max(halfway, end - 2 * DAY_MS));
}

export type Summary = {
  responses: number;
  /** One decimal; null without answers. */
  average: number | null;
  /** How many answered 0, 1, … 10 (eleven counts). */
  distribution: number[];
};

export const oneDecimal = (x: number) => Math.round(x * 10) / 10;

export function summarize(scores: readonly number[]): Summary {
  const distribution = Array.from({ length: 11 }, () => 0);
  let sum = 0;
  for (const s of scores) {
    distribution[s] = (distribution[s] ?? 0) + 1;
    sum += s;
  }
  return {
    responses: scores.length,
    average: scores.length ? oneDecimal(sum / scores.length) : null,
    distribution,
  };
}

/** Pearson's r of paired values; null when fewer than two pairs or one side never varies. */
export function pearson(pairs: ReadonlyArray<readonly [number, number]>): number | null {
  const n = pairs.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const [x, y] of pairs) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (const [x, y] of pairs) {
    cov += (x - mx) * (y - my);
    vx += (x - mx) ** 2;
    vy += (y - my) ** 2;
  }
  if (vx === 0 || vy === 0) return null;
  return cov / Math.sqrt(vx * vy);
}

export type Together = {
  /** Paired data points: months in which both series had a round with a result. */
  n: number;
  /** Pearson's r, two decimals; null when there are too few points to say. */
  correlation: number | null;
  statement: string;
};

type Point = { closesOn: string; average: number | null };

/**
 * Do the team's own pulse and its clients' pulse move together? Rounds are paired by the month they closed
 * in (the mean of each side's rounds that month); below MIN_PAIRED_ROUNDS pairs we make no claim.
 */
export function movesTogether(employee: readonly Point[], client: readonly Point[]): Together {
  const byMonth = (points: readonly Point[]) => {
    const m = new Map<string, number[]>();
    for (const p of points) {
      if (p.average === null) continue;
      const key = p.closesOn.slice(0, 7);
      m.set(key, [...(m.get(key) ?? []), p.average]);
    }
    return m;
  };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const e = byMonth(employee);
  const c = byMonth(client);
  const pairs: [number, number][] = [...e.keys()]
    .filter((k) => c.has(k))
    .sort()
    .map((k) => [mean(e.get(k)!), mean(c.get(k)!)]);
  const n = pairs.length;
  const points = `${n} paired month${n === 1 ? '' : 's'}`;
  if (n < MIN_PAIRED_ROUNDS)
    return {
      n,
      correlation: null,
      statement: `Too few rounds to say (${points}; at least ${MIN_PAIRED_ROUNDS} needed).`,
    };
  const r = pearson(pairs);
  if (r === null)
    return { n, correlation: null, statement: `No movement to compare: one pulse stayed flat (${points}).` };
  const rounded = Math.round(r * 100) / 100;
  const words =
    r >= 0.7
      ? 'move closely together'
      : r >= 0.4
        ? 'tend to move together'
        : r > -0.4
          ? 'show no clear link'
          : 'tend to move in opposite directions';
  return {
    n,
    correlation: rounded,
    statement: `The team's pulse and its clients' pulse ${words} (r = ${rounded}, ${points}).`,
  };
}
