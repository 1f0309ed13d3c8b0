import type {
  CommunityEvent,
  EventAudience,
  RsvpResponse,
} from '../../../server/features/community/events.contract';

export const audienceInfo: Record<EventAudience, { label: string; hint: string; color: string }> = {
  internal: { label: 'Internal', hint: 'Our own people only', color: 'gray' },
  clients: { label: 'With clients', hint: 'Our people and the client contacts we invite', color: 'indigo' },
  community: {
    label: 'Community',
    hint: 'Open to anyone we invite: clients, partners, neighbours',
    color: 'teal',
  },
};

export const audienceOptions = (Object.keys(audienceInfo) as EventAudience[]).map((value) => ({
  value,
  label: audienceInfo[value].label,
}));

export const responseInfo: Record<RsvpResponse, { label: string; color: string }> = {
  yes: { label: 'Going', color: 'teal' },
  maybe: { label: 'Maybe', color: 'yellow' },
  no: { label: 'Not going', color: 'gray' },
};

const day = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "Thu, 22 Nov 2026 · 17:00–19:00", or both days when it runs over midnight; in the reader's time zone. */
export function eventWhen(e: Pick<CommunityEvent, 'startsAt' | 'endsAt'>): string {
  const start = new Date(e.startsAt);
  const end = new Date(e.endsAt);
  if (start.toDateString() === end.toDateString())
    return `${day.format(start)} · ${time.format(start)}–${time.format(end)}`;
  return `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

/** The day of the month and short month, for a date tile. */
export function dateTile(iso: string): { day: string; month: string } {
  const d = new Date(iso);
  return { day: String(d.getDate()), month: d.toLocaleString('en-GB', { month: 'short' }) };
}

export const hasStarted = (e: Pick<CommunityEvent, 'startsAt'>, now = Date.now()) =>
  new Date(e.startsAt).getTime() <= now;

/** `YYYY-MM-DDTHH:mm` in the reader's time zone, the value a datetime-local input takes. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
