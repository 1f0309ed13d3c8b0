// A pulse part's readings: the last months with rounds closed by a window's end, each pooled (every answer
// counts once) — from every round, or from monthly counts and the rounds a window can show.

import type { BalanceInput } from './balance';
import { pastLast, pulseCountsByMonth, pulsesByMonth } from './balance.records';
import { oneDecimal } from './pulse';

type Pulse = NonNullable<BalanceInput['clientPulses']>[number];
type PulseMonthCount = NonNullable<BalanceInput['clientPulseMonths']>[number];
/** One month's reading: its pooled average, answers and rounds, and the rounds it can show. */
export type PulseMonth = {
  month: string;
  average: number;
  answers: number;
  roundCount: number;
  rounds: Pulse[];
};

/**
 * The last `count` months with rounds closed by `to`, oldest first, each pooled: a team asks several
 * relationships in the same weeks, and their rounds are one reading, not a trend.
 */
export function pulseMonths(pulses: Pulse[], to: string, count: number): PulseMonth[] {
  const { months, rounds } = pulsesByMonth(pulses);
  const out: PulseMonth[] = [];
  const lastMonth = to.slice(0, 7);
  for (let i = pastLast(months, lastMonth) - 1; i >= 0 && out.length < count; i--) {
    const closed = months[i] === lastMonth ? rounds[i]!.filter((p) => p.closedOn <= to) : rounds[i]!;
    if (closed.length === 0) continue;
    const answers = closed.reduce((n, r) => n + r.responses, 0);
    const sum = closed.reduce((n, r) => n + r.scoreSum, 0);
    out.unshift({
      month: months[i]!,
      average: oneDecimal(sum / answers),
      answers,
      roundCount: closed.length,
      rounds: closed,
    });
  }
  return out;
}

/**
 * The last two months, as pulseMonths, from monthly counts (closed by today, so by every window's end), each
 * with the rounds given for it as the ones it can show.
 */
export function countedPulseMonths(
  counts: PulseMonthCount[],
  shownRounds: Pulse[],
  to: string,
): PulseMonth[] {
  const { months, items } = pulseCountsByMonth(counts);
  const shown = pulsesByMonth(shownRounds);
  const out: PulseMonth[] = [];
  for (let i = pastLast(months, to.slice(0, 7)) - 1; i >= 0 && out.length < 2; i--) {
    const c = items[i]!;
    const j = pastLast(shown.months, c.month) - 1;
    out.unshift({
      month: c.month,
      average: oneDecimal(c.scoreSum / c.responses),
      answers: c.responses,
      roundCount: c.rounds,
      rounds: j >= 0 && shown.months[j] === c.month ? shown.rounds[j]! : [],
    });
  }
  return out;
}

/** How many rounds the months read (the evidence's total). */
export const roundsIn = (months: PulseMonth[]) => months.reduce((n, m) => n + m.roundCount, 0);
