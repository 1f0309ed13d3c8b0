// Invitation emails: one per invitee, written to the outbox in the invitation's transaction, each with
// the event as an iCalendar REQUEST so it lands in their calendar with a yes / no / maybe of its own.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users, workspaces } from '../../platform/auth/auth.table';
import { enqueueMail, mailDateTime } from '../../platform/mail';
import type { Attendee } from './events.contract';
import { eventIcs, type IcsPerson } from './events.ics';
import type { EventRow } from './events.store';

/** "Thu, 22 Nov 2026, 17:00 – Thu, 22 Nov 2026, 19:00 UTC": email readers' time zones are unknown here. */
export function eventTimeLine(e: Pick<EventRow, 'startsAt' | 'endsAt'>): string {
  return `${mailDateTime(e.startsAt)} – ${mailDateTime(e.endsAt)} UTC`;
}

/** Calendar clients quote names; quotes and line breaks in a name would break the line. */
const calendarName = (s: string) => s.replace(/["\r\n\\;]/g, ' ').trim() || 'Guest';

export type MailContext = { publicUrl: string; smtp: boolean };

export async function mailInvitations(
  db: Db,
  workspaceId: string,
  event: EventRow,
  invited: Attendee[],
  inviterId: string,
  message: string | undefined,
  ctx: MailContext,
): Promise<void> {
  if (invited.length === 0) return;
  const [inviter] = await db.select().from(users).where(eq(users.id, inviterId)).limit(1);
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  const organizer: IcsPerson | undefined = inviter
    ? { name: calendarName(inviter.name), email: inviter.email }
    : undefined;
  const appLink = `${ctx.publicUrl}/w/${workspaceId}/events/${event.id}`;
  for (const person of invited) {
    if (!person.email) continue;
    const ics = eventIcs(event, {
      method: 'REQUEST',
      organizer,
      attendee: { name: calendarName(person.name), email: person.email },
      ...(person.kind === 'member' ? { url: appLink } : {}),
    });
    const lines = [
      `${inviter?.name ?? 'Someone'} invites you to “${event.title}”${ws ? ` (${ws.name})` : ''}.`,
      '',
      `When: ${eventTimeLine(event)}`,
      ...(event.location ? [`Where: ${event.location}`] : []),
      ...(message ? ['', message] : []),
      ...(event.description ? ['', event.description] : []),
      '',
      person.kind === 'member'
        ? `Say whether you come: ${appLink}`
        : 'Answer with your calendar (yes, no or maybe), or reply to this email.',
    ];
    await enqueueMail(
      db,
      workspaceId,
      {
        to: person.email,
        subject: `Invitation: ${event.title}`,
        text: lines.join('\n'),
        attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: ics }],
      },
      ctx.smtp,
    );
  }
}
