// Events as iCalendar: the download (PUBLISH) and the invitation attached to emails (REQUEST).
// The UID is the event's id, so every file for one event updates the same calendar entry.
import { createEvent, type EventAttributes } from 'ics';

export type IcsEvent = {
  id: string;
  title: string;
  description: string | null;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
};

export type IcsPerson = { name: string; email: string };

export const eventUid = (eventId: string) => `${eventId}@events.twofold`;

export function eventIcs(
  e: IcsEvent,
  options: { method: 'PUBLISH' | 'REQUEST'; url?: string; organizer?: IcsPerson; attendee?: IcsPerson },
): string {
  const attributes: EventAttributes = {
    uid: eventUid(e.id),
    productId: 'twofold/events',
    method: options.method,
    sequence: e.sequence,
    title: e.title,
    start: e.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: e.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(e.description ? { description: e.description } : {}),
    ...(e.location ? { location: e.location } : {}),
    ...(options.url ? { url: options.url } : {}),
    ...(options.organizer ? { organizer: options.organizer } : {}),
    ...(options.attendee
      ? {
          attendees: [{ ...options.attendee, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }],
        }
      : {}),
    status: 'CONFIRMED',
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('could not make the calendar file');
  return value;
}
