// The cadence rule: when the next partner check-in of a relationship is due, and how far behind it is.
// Pure functions of plain data: dates are ISO strings (`2026-11-22` or full timestamps) or Date objects,
// and every calculation is in UTC whole days so the same inputs give the same answer on every machine.

export type Instant = string | Date;

export type CadenceInput = {
  /** How often check-ins should happen, in days (at least 1). */
  cadenceDays: number;
  /** When the last check-in was held; null when none has been held yet. */
  lastCheckInAt: Instant | null;
  /** When the relationship started (the clock runs from here until the first check-in). */
  startedAt: Instant;
};

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, as days since 1970-01-01. */
function dayNumber(at: Instant): number {
  const ms = typeof at === 'string' ? Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${String(at)}`);
  return Math.floor(ms / DAY_MS);
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC calendar day of an instant as `YYYY-MM-DD`. */
export function isoDay(at: Instant): string {
  return fromDayNumber(dayNumber(at));
}

/** The day the next check-in is due: one cadence after the last held check-in, or after the start when none. */
export function nextCheckInDue({ cadenceDays, lastCheckInAt, startedAt }: CadenceInput): string {
  if (!Number.isInteger(cadenceDays) || cadenceDays < 1) throw new RangeError('cadenceDays must be ≥ 1');
  return fromDayNumber(dayNumber(lastCheckInAt ?? startedAt) + cadenceDays);
}

/** A check-in is overdue from the day after it was due; with no due date (paused, ended) nothing is. */
export function isOverdue(due: string | null, today: Instant): boolean {
  if (due === null) return false;
  return dayNumber(today) > dayNumber(due);
}

/** Whole days past the due date (0 when not overdue). */
export function daysOverdue(due: string | null, today: Instant): number {
  if (due === null) return 0;
  return Math.max(0, dayNumber(today) - dayNumber(due));
}

/**
 * How many check-ins should have happened since the last one (or the start) but did not:
 * 0 while the next one is not overdue, 1 from the day after it was due, 2 once a second cadence has passed…
 * so "no check-in for 3 cadences" is `missedCadences(...) >= 3`.
 */
export function missedCadences(input: CadenceInput & { today: Instant }): number {
  const due = nextCheckInDue(input);
  const late = daysOverdue(due, input.today);
  if (late === 0) return 0;
  return 1 + Math.floor((late - 1) / input.cadenceDays);
}

/** A calendar day `n` days after (or before, when negative) `day`, as `YYYY-MM-DD`. */
export function addDays(day: Instant, n: number): string {
  return fromDayNumber(dayNumber(day) + n);
}

export type DueBucket = 'overdue' | 'this_week' | 'later';

/** How many days ahead count as "this week": today and the six days after it. */
export const WEEK_DAYS = 7;

/** Where a due date falls from today: overdue (after its day), this week (today and the next six days), or later. */
export function dueBucket(due: string, today: Instant): DueBucket {
  const d = dayNumber(due) - dayNumber(today);
  if (d < 0) return 'overdue';
  return d < WEEK_DAYS ? 'this_week' : 'later';
}

/**
 * The same buckets as inclusive ranges of due dates, for a database query:
 * `from ≤ due ≤ to`, either end open when absent.
 */
export function bucketRange(bucket: DueBucket, today: Instant): { from?: string; to?: string } {
  if (bucket === 'overdue') return { to: addDays(today, -1) };
  if (bucket === 'this_week') return { from: isoDay(today), to: addDays(today, WEEK_DAYS - 1) };
  return { from: addDays(today, WEEK_DAYS) };
}

/** A cadence reminder goes out this many days before the due date. */
export const DUE_SOON_DAYS = 3;

/**
 * Which cadence reminder a relationship's owner should get today: `due` a few days before the due date,
 * `overdue` once it has passed — and none while a check-in is already scheduled (the calendar has it).
 */
export function cadenceReminder(
  due: string | null,
  today: Instant,
  scheduled: boolean,
): 'due' | 'overdue' | null {
  if (due === null || scheduled) return null;
  const d = dayNumber(due) - dayNumber(today);
  if (d < 0) return 'overdue';
  return d <= DUE_SOON_DAYS ? 'due' : null;
}

const HOUR_MS = 3_600_000;

/**
 * When a scheduled check-in's reminders run: a day before it (`upcoming`, only if that is still ahead), and a
 * day after it (`unrecorded`: it passed and nobody marked it held or skipped).
 */
export function checkInReminderTimes(
  scheduledFor: Instant,
  now: Instant,
): { upcoming: Date | null; unrecorded: Date } {
  const at = typeof scheduledFor === 'string' ? Date.parse(scheduledFor) : scheduledFor.getTime();
  const current = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const upcoming = at - 24 * HOUR_MS;
  return {
    upcoming: upcoming > current ? new Date(upcoming) : null,
    unrecorded: new Date(at + 24 * HOUR_MS),
  };
}
