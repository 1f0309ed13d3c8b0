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
