import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  bucketRange,
  cadenceReminder,
  checkInReminderTimes,
  DUE_SOON_DAYS,
  daysOverdue,
  dueBucket,
  isOverdue,
  isoDay,
  missedCadences,
  nextCheckInDue,
} from './cadence';

const DAY = 86_400_000;
// Instants between 2000 and 2100, at any time of day.
const instant = fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 }).map((ms) => new Date(ms));
const cadence = fc.integer({ min: 1, max: 365 });

describe('nextCheckInDue', () => {
  it('is one cadence after the start when no check-in was held', () => {
    expect(nextCheckInDue({ cadenceDays: 30, lastCheckInAt: null, startedAt: '2026-01-01T09:30:00Z' })).toBe(
      '2026-01-31',
    );
  });

  it('is one cadence after the last held check-in', () => {
    expect(
      nextCheckInDue({ cadenceDays: 14, lastCheckInAt: '2026-03-10T23:59:00Z', startedAt: '2026-01-01' }),
    ).toBe('2026-03-24');
  });

  it('is never before the last held check-in (nor before the start)', () => {
    fc.assert(
      fc.property(cadence, instant, fc.option(instant, { nil: null }), (cadenceDays, startedAt, last) => {
        const due = nextCheckInDue({ cadenceDays, lastCheckInAt: last, startedAt });
        const from = isoDay(last ?? startedAt);
        expect(due > from).toBe(true);
      }),
    );
  });

  it('never moves earlier when a later check-in is held', () => {
    fc.assert(
      fc.property(
        cadence,
        instant,
        instant,
        fc.integer({ min: 0, max: 400 * DAY }),
        (c, start, first, gap) => {
          const later = new Date(first.getTime() + gap);
          const before = nextCheckInDue({ cadenceDays: c, lastCheckInAt: first, startedAt: start });
          const after = nextCheckInDue({ cadenceDays: c, lastCheckInAt: later, startedAt: start });
          expect(after >= before).toBe(true);
        },
      ),
    );
  });

  it('never moves earlier when the first check-in is held after the start', () => {
    fc.assert(
      fc.property(cadence, instant, fc.integer({ min: 0, max: 400 * DAY }), (c, start, gap) => {
        const none = nextCheckInDue({ cadenceDays: c, lastCheckInAt: null, startedAt: start });
        const held = nextCheckInDue({
          cadenceDays: c,
          lastCheckInAt: new Date(start.getTime() + gap),
          startedAt: start,
        });
        expect(held >= none).toBe(true);
      }),
    );
  });

  it('refuses a cadence below one day', () => {
    expect(() => nextCheckInDue({ cadenceDays: 0, lastCheckInAt: null, startedAt: '2026-01-01' })).toThrow();
  });
});

describe('isOverdue', () => {
  it('is overdue exactly when today is after the due day', () => {
    fc.assert(
      fc.property(instant, instant, (dueAt, today) => {
        const due = isoDay(dueAt);
        expect(isOverdue(due, today)).toBe(isoDay(today) > due);
      }),
    );
  });

  it('is not overdue on the due day itself, whatever the hour', () => {
    expect(isOverdue('2026-05-01', '2026-05-01T23:59:59Z')).toBe(false);
    expect(isOverdue('2026-05-01', '2026-05-02T00:00:00Z')).toBe(true);
  });

  it('is never overdue without a due date', () => {
    expect(isOverdue(null, '2099-01-01')).toBe(false);
    expect(daysOverdue(null, '2099-01-01')).toBe(0);
  });
});

describe('missedCadences', () => {
  it('counts whole cadences missed since the last check-in', () => {
    const base = { cadenceDays: 30, lastCheckInAt: '2026-01-01', startedAt: '2025-06-01' };
    expect(missedCadences({ ...base, today: '2026-01-31' })).toBe(0);
    expect(missedCadences({ ...base, today: '2026-02-01' })).toBe(1);
    expect(missedCadences({ ...base, today: '2026-03-02' })).toBe(1);
    expect(missedCadences({ ...base, today: '2026-03-03' })).toBe(2);
  });

  it('is at least one exactly when the next check-in is overdue, and never shrinks as days pass', () => {
    fc.assert(
      fc.property(
        cadence,
        instant,
        fc.option(instant, { nil: null }),
        instant,
        fc.integer({ min: 0, max: 400 }),
        (cadenceDays, startedAt, last, today, wait) => {
          const input = { cadenceDays, lastCheckInAt: last, startedAt };
          const missed = missedCadences({ ...input, today });
          expect(missed >= 1).toBe(isOverdue(nextCheckInDue(input), today));
          const later = missedCadences({ ...input, today: new Date(today.getTime() + wait * DAY) });
          expect(later).toBeGreaterThanOrEqual(missed);
        },
      ),
    );
  });
});

describe('a held check-in', () => {
  it('resets overdue: holding one today leaves nothing overdue and no cadence missed until a full cadence passes', () => {
    fc.assert(
      fc.property(cadence, instant, instant, (c, start, heldAt) => {
        const input = { cadenceDays: c, lastCheckInAt: heldAt, startedAt: start };
        const due = nextCheckInDue(input);
        expect(isOverdue(due, heldAt)).toBe(false);
        expect(missedCadences({ ...input, today: heldAt })).toBe(0);
        // Still not overdue on the due day itself, overdue the day after.
        expect(isOverdue(due, due)).toBe(false);
        expect(isOverdue(due, addDays(due, 1))).toBe(true);
      }),
    );
  });

  it('moves the due date to one cadence after it, whenever it is held after the last one', () => {
    fc.assert(
      fc.property(cadence, instant, instant, fc.integer({ min: 0, max: 400 }), (c, start, last, gap) => {
        const heldAt = new Date(last.getTime() + gap * DAY);
        const due = nextCheckInDue({ cadenceDays: c, lastCheckInAt: heldAt, startedAt: start });
        expect(due).toBe(addDays(heldAt, c));
      }),
    );
  });
});

describe('dueBucket', () => {
  const day = instant.map((d) => isoDay(d));
  it('is overdue exactly when isOverdue says so, this week for the next seven days, later after', () => {
    fc.assert(
      fc.property(day, instant, (due, today) => {
        const bucket = dueBucket(due, today);
        expect(bucket === 'overdue').toBe(isOverdue(due, today));
        const ahead = (Date.parse(due) - Date.parse(isoDay(today))) / DAY;
        if (ahead >= 0 && ahead < 7) expect(bucket).toBe('this_week');
        if (ahead >= 7) expect(bucket).toBe('later');
      }),
    );
  });

  it('agrees with its date range (the query the Check-ins page runs)', () => {
    fc.assert(
      fc.property(day, instant, (due, today) => {
        for (const bucket of ['overdue', 'this_week', 'later'] as const) {
          const { from, to } = bucketRange(bucket, today);
          const inRange = (from === undefined || due >= from) && (to === undefined || due <= to);
          expect(inRange).toBe(dueBucket(due, today) === bucket);
        }
      }),
    );
  });
});

describe('cadenceReminder', () => {
  const day = instant.map((d) => isoDay(d));
  it('reminds of an overdue check-in exactly when it is overdue and none is scheduled', () => {
    fc.assert(
      fc.property(day, instant, fc.boolean(), (due, today, scheduled) => {
        const r = cadenceReminder(due, today, scheduled);
        expect(r === 'overdue').toBe(!scheduled && isOverdue(due, today));
        if (scheduled) expect(r).toBeNull();
      }),
    );
  });

  it('reminds a few days ahead, never earlier', () => {
    expect(cadenceReminder('2026-05-10', '2026-05-06', false)).toBeNull();
    expect(cadenceReminder('2026-05-10', addDays('2026-05-10', -DUE_SOON_DAYS), false)).toBe('due');
    expect(cadenceReminder('2026-05-10', addDays('2026-05-10', -DUE_SOON_DAYS - 1), false)).toBeNull();
    expect(cadenceReminder('2026-05-10', '2026-05-10T22:00:00Z', false)).toBe('due');
    expect(cadenceReminder('2026-05-10', '2026-05-11', false)).toBe('overdue');
    expect(cadenceReminder(null, '2026-05-11', false)).toBeNull();
  });
});

describe('checkInReminderTimes', () => {
  it('reminds a day before (only while that is ahead) and a day after if nobody recorded it', () => {
    fc.assert(
      fc.property(instant, instant, (scheduledFor, now) => {
        const { upcoming, unrecorded } = checkInReminderTimes(scheduledFor, now);
        expect(unrecorded.getTime()).toBe(scheduledFor.getTime() + DAY);
        if (upcoming) {
          expect(upcoming.getTime()).toBe(scheduledFor.getTime() - DAY);
          expect(upcoming.getTime()).toBeGreaterThan(now.getTime());
        } else expect(scheduledFor.getTime() - DAY).toBeLessThanOrEqual(now.getTime());
      }),
    );
  });
});
