import type {
  CheckInStatus,
  ContextPart,
  DueBucket,
} from '../../../server/features/check-ins/check-ins.contract';

// How the app names a check-in's status, its four parts and the due buckets.

export const statusInfo: Record<CheckInStatus, { label: string; color: string }> = {
  scheduled: { label: 'Scheduled', color: 'blue' },
  held: { label: 'Held', color: 'teal' },
  skipped: { label: 'Skipped', color: 'gray' },
};

export const partOrder: ContextPart[] = [
  'businessUpdate',
  'unusedCapacity',
  'furtherTopics',
  'waysOfWorking',
];

export const bucketInfo: Record<DueBucket, { label: string; empty: string }> = {
  overdue: {
    label: 'Overdue',
    empty: 'Nothing overdue. Every relationship had its check-in on time.',
  },
  this_week: {
    label: 'Due this week',
    empty: 'Nothing due in the next seven days.',
  },
  later: { label: 'Later', empty: 'No other active relationship.' },
};

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm` in the reader's time zone, the value a datetime-local input takes. */
export function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A sensible first suggestion: the due date (or tomorrow, if that has passed) at 10:00 local time. */
export function suggestedStart(due: string | null): Date {
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  const [y, m, d] = (due ?? '').split('-').map(Number);
  const fromDue = y && m && d ? new Date(y, m - 1, d) : tomorrow;
  const day = fromDue > tomorrow ? fromDue : tomorrow;
  day.setHours(10, 0, 0, 0);
  return day;
}

/** The lines of a "further topics" answer: each one a candidate for the backlog. */
export function topicLines(text: string | undefined | null): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.replace(/^[\s\-*•·\d.)]+/, '').trim())
    .filter((l) => l.length > 0 && l.length <= 200);
}
