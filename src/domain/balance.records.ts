// Sorted views of a balance input's records, built once per input and shared by every window. A workspace's
// year holds tens of thousands of check-ins, topics and assessments; filtering (and re-sorting) all of them
// for each of twelve windows and each part was most of the balance's time. Here a window is a range of a
// sorted array found by binary search, and its counts come from prefix sums.
//
// Inputs are plain data that never change once passed in, so each view is kept in a WeakMap keyed by the
// array it was built from: pure for callers, and freed with the input.

import type { BalanceInput, PyramidLevel, Stage } from './balance';
import { daysBetween } from './balance.calendar';

/** A check-in held up to this many days after its due day still counts as on time. */
export const CHECK_IN_GRACE_DAYS = 7;

export const stageRank: Record<Stage, number> = {
  transactional: 0,
  advisory: 1,
  partnership: 2,
  co_creation: 3,
};
export const levelRank: Record<PyramidLevel, number> = { expectations: 0, desires: 1, unrecognized_needs: 2 };

type CheckIn = NonNullable<BalanceInput['checkIns']>[number];
type Topic = NonNullable<BalanceInput['topics']>[number];
type Pulse = NonNullable<BalanceInput['clientPulses']>[number];
type DayCount = NonNullable<BalanceInput['checkInDays']>[number];

/** Items in ascending order of `keys` (days), with `counted[i]` = how many of items[0..i) count. */
export type Sorted<T> = { keys: string[]; items: T[]; counted: number[] };

/** Index of the first key that is not before `day` (or, `orOn`, not on or before it). */
function bisect(keys: string[], day: string, orOn: boolean): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < day || (orOn && keys[mid] === day)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first key ≥ `day`. */
export const firstFrom = (keys: string[], day: string) => bisect(keys, day, false);
/** Index past the last key ≤ `day`. */
export const pastLast = (keys: string[], day: string) => bisect(keys, day, true);

/** The items whose key falls in [from, to], as index bounds, and how many of them count. */
export function within<T>(s: Sorted<T>, from: string, to: string) {
  const start = firstFrom(s.keys, from);
  const end = Math.max(start, pastLast(s.keys, to));
  return { start, end, total: end - start, counted: s.counted[end]! - s.counted[start]! };
}

/** The first `max` items whose key falls in [from, to]. */
export function firstWithin<T>(s: Sorted<T>, from: string, to: string, max: number): T[] {
  const { start, end } = within(s, from, to);
  return s.items.slice(start, Math.min(end, start + max));
}

/** Counts per day, as prefix sums: how many records fell on the days up to each key, and how many counted. */
export type Tally = { keys: string[]; total: number[]; counted: number[] };

/** How many records fall in [from, to], and how many of them count. */
export function tallyWithin(t: Tally, from: string, to: string) {
  const start = firstFrom(t.keys, from);
  const end = Math.max(start, pastLast(t.keys, to));
  return { total: t.total[end]! - t.total[start]!, counted: t.counted[end]! - t.counted[start]! };
}

/** A tally of every record of a sorted view: each record its own key. */
const tallyOfSorted = memo(
  <T>(s: Sorted<T>): Tally => ({
    keys: s.keys,
    total: Array.from({ length: s.keys.length + 1 }, (_, i) => i),
    counted: s.counted,
  }),
);

const tallyOfDays = memo((days: DayCount[]): Tally => {
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const total = [0];
  const counted = [0];
  for (const d of sorted) {
    total.push(total.at(-1)! + d.total);
    counted.push(counted.at(-1)! + d.counted);
  }
  return { keys: sorted.map((d) => d.day), total, counted };
});

function sortedBy<T>(items: readonly T[], key: (t: T) => string, counts: (t: T) => boolean): Sorted<T> {
  let keys = items.map(key);
  let sorted = items as T[];
  if (keys.some((k, i) => i > 0 && keys[i - 1]! > k)) {
    // Stable: records on the same day keep the order they came in (the read model sends them in order).
    const order = keys
      .map((_, i) => i)
      .sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
    sorted = order.map((i) => items[i]!);
    keys = order.map((i) => keys[i]!);
  }
  const counted = new Array<number>(sorted.length + 1);
  counted[0] = 0;
  for (let i = 0; i < sorted.length; i++) counted[i + 1] = counted[i]! + (counts(sorted[i]!) ? 1 : 0);
  return { keys, items: sorted, counted };
}

/** A view of `k` built once and kept while `k` lives (inputs never change once passed in). */
export function memo<K extends object, V>(build: (k: K) => V) {
  const views = new WeakMap<K, V>();
  return (k: K): V => {
    let v = views.get(k);
    if (v === undefined) {
      v = build(k);
      views.set(k, v);
    }
    return v;
  };
}

/** Held on time: within the grace days of the due day (or before it). */
export const onTime = (dueOn: string, heldOn: string | null) =>
  heldOn !== null && daysBetween(dueOn, heldOn) <= CHECK_IN_GRACE_DAYS;

/** Check-ins by due day; counted: held on time. */
export const checkInsByDue = memo((checkIns: CheckIn[]) =>
  sortedBy(
    checkIns,
    (c) => c.dueOn,
    (c) => onTime(c.dueOn, c.heldOn),
  ),
);

/** Topics by the day they were raised; counted: raised by the client. */
export const topicsByDay = memo((topics: Topic[]) =>
  sortedBy(
    topics,
    (t) => t.raisedOn,
    (t) => t.raisedBy === 'client',
  ),
);

/** How many check-ins fell due per day and were held on time: from the daily counts when given, else the records. */
export const checkInTally = (input: BalanceInput): Tally =>
  input.checkInDays ? tallyOfDays(input.checkInDays) : tallyOfSorted(checkInsByDue(input.checkIns ?? []));

/** How many topics were raised per day and by clients: from the daily counts when given, else the records. */
export const topicTally = (input: BalanceInput): Tally =>
  input.topicDays ? tallyOfDays(input.topicDays) : tallyOfSorted(topicsByDay(input.topics ?? []));

const byClose = (a: Pulse, b: Pulse) =>
  a.closedOn < b.closedOn ? -1 : a.closedOn > b.closedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Pulse rounds with answers, by the month they closed in (oldest first), each month's rounds by close day and id. */
export const pulsesByMonth = memo((pulses: Pulse[]) => {
  const byMonth = new Map<string, Pulse[]>();
  for (const p of pulses) {
    if (p.responses <= 0) continue;
    const month = p.closedOn.slice(0, 7);
    const rounds = byMonth.get(month);
    if (rounds) rounds.push(p);
    else byMonth.set(month, [p]);
  }
  const months = [...byMonth.keys()].sort();
  return { months, rounds: months.map((m) => byMonth.get(m)!.sort(byClose)) };
});

type PulseMonthCount = NonNullable<BalanceInput['clientPulseMonths']>[number];

/** Monthly pulse counts with answers, oldest first, and their months as the keys. */
export const pulseCountsByMonth = memo((counts: PulseMonthCount[]) => {
  const items = counts.filter((c) => c.responses > 0).sort((a, b) => (a.month < b.month ? -1 : 1));
  return { months: items.map((c) => c.month), items };
});

/**
 * The months whose rounds a client pulse part can show for windows ending in `asked` months: for each, the
 * last month with rounds up to it and the one before (the part compares the two). A read model reads these
 * months' first rounds as the evidence, beside the counts of every month.
 */
export function pulseMonthsShown(months: readonly string[], asked: readonly string[]): string[] {
  const shown = new Set<string>();
  for (const month of asked) {
    const i = pastLast(months as string[], month) - 1;
    if (i >= 0) shown.add(months[i]!);
    if (i >= 1) shown.add(months[i - 1]!);
  }
  return [...shown].sort();
}

/** The time rows of each month: a workspace's rows are read once, not once per window. */
export const timeByMonth = memo((time: BalanceInput['time']) => {
  const byMonth = new Map<string, BalanceInput['time']>();
  for (const t of time) {
    const rows = byMonth.get(t.month);
    if (rows) rows.push(t);
    else byMonth.set(t.month, [t]);
  }
  return byMonth;
});
