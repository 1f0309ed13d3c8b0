import type { TimeKind } from '../../../server/features/time/time.contract';

// How the app names the kinds of time, and the order it shows them in: the inward kinds always beside billable.

export const kindOrder: TimeKind[] = ['billable', 'partnership', 'learning', 'internal'];

export const kindInfo: Record<TimeKind, { label: string; color: string; meaning: string }> = {
  billable: { label: 'Billable', color: 'gray.6', meaning: 'Client work that is charged' },
  partnership: { label: 'Partnership', color: 'teal.6', meaning: 'Discovery, co-creation, check-ins' },
  learning: { label: 'Learning', color: 'violet.6', meaning: 'Courses, reading, reflection, experiments' },
  internal: { label: 'Internal', color: 'orange.5', meaning: 'Everything else inside the organisation' },
};

export const kindOptions = kindOrder.map((k) => ({ value: k, label: kindInfo[k].label }));

/** "1.5 h", "12 h": hours with at most two decimals. */
export function formatHours(h: number): string {
  return `${Math.round(h * 100) / 100} h`;
}

/** YYYY-MM-DD of a local date. */
export function isoLocal(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The Monday of the week a YYYY-MM-DD day falls in. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T12:00:00`);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return isoLocal(d);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00`);
  d.setDate(d.getDate() + n);
  return isoLocal(d);
}
