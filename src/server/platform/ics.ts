import { createEvent, type EventAttributes } from 'ics';

export type CalendarPerson = { name: string; email: string };

export type CalendarInvite = {
  /** Stable per event: an update or cancellation with the same UID replaces the event in the calendar. */
  uid: string;
  /** Raised on every change a calendar should apply (date, time, cancellation). */
  sequence: number;
  /** REQUEST invites (and updates), CANCEL withdraws. */
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  durationMinutes: number;
  title: string;
  description: string;
  url?: string;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
};

/** Quotes and line breaks would end a CN="…" parameter early; calendars need plain names. */
const plainName = (s: string) => s.replace(/["\\;\r\n\t]/g, ' ').trim() || 'Guest';

/**
 * An iCalendar (RFC 5545) text for one event, in UTC throughout (DTSTART…Z), so every calendar app
 * shows it at the right moment in its own time zone without a VTIMEZONE block.
 */
export function calendarInvite(invite: CalendarInvite): string {
  const attributes: EventAttributes = {
    productId: 'twofold/twofold',
    method: invite.method,
    uid: invite.uid,
    sequence: invite.sequence,
    start: invite.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: invite.durationMinutes },
    title: invite.title,
    description: invite.description,
    ...(invite.url ? { url: invite.url } : {}),
    status: invite.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: plainName(invite.organizer.name), email: invite.organizer.email },
    attendees: invite.attendees.map((a) => ({
      name: plainName(a.name),
      email: a.email,
      rsvp: true,
      role: 'REQ-PARTICIPANT',
      partstat: 'NEEDS-ACTION',
    })),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('could not build the calendar invite');
  return value;
}
