import type { Db } from '../../db/open';
import { calendarInvite } from '../../platform/ics';
import { enqueueMail, mailDateTime } from '../../platform/mail';
import { escapeHtml } from '../../platform/text';
import type { MailContext } from '../notifications/notifications.store';
import { contextParts } from './check-ins.contract';
import type { RelationshipRef } from './check-ins.relationship';
import type { checkIns } from './check-ins.table';

type Row = typeof checkIns.$inferSelect;
type Method = 'REQUEST' | 'CANCEL';

/** The calendar UID: one per check-in, so every update and cancellation replaces the same event. */
export const checkInUid = (checkInId: string) => `check-in-${checkInId}@twofold`;

export const checkInPath = (workspaceId: string, relationshipId: string, checkInId: string) =>
  `/w/${workspaceId}/relationships/${relationshipId}/check-ins/${checkInId}`;

const title = (rel: RelationshipRef) => `Partner check-in: ${rel.client.name} × ${rel.team.name}`;

/** "Tue, 24 Nov 2026, 10:00 UTC". */
export const formatWhen = (d: Date): string => `${mailDateTime(d)} UTC`;

function agendaText(row: Row): string {
  return contextParts
    .map((part, i) => {
      const p = row.agenda[part];
      return `${i + 1}. ${p.title}\n${p.questions.map((q) => `   - ${q}`).join('\n')}`;
    })
    .join('\n');
}

function description(row: Row, rel: RelationshipRef, url: string): string {
  return [
    `A conversation outside the current work between ${rel.team.name} and ${rel.client.name}: both sides share how their business is doing, where they have room, further topics and how to work together better.`,
    '',
    'Agenda',
    agendaText(row),
    '',
    `In Twofold: ${url}`,
  ].join('\n');
}

/** The .ics of a check-in: organised by the first attendee (the partner lead), times in UTC. */
export function checkInCalendar(
  workspaceId: string,
  row: Row,
  rel: RelationshipRef,
  method: Method,
  publicUrl: string,
): string {
  const [organizer = { name: rel.team.name, email: 'no-reply@twofold.local' }] = row.attendees;
  const url = `${publicUrl}${checkInPath(workspaceId, rel.id, row.id)}`;
  return calendarInvite({
    uid: checkInUid(row.id),
    sequence: row.sequence,
    method,
    start: row.scheduledFor,
    durationMinutes: row.durationMinutes,
    title: title(rel),
    description: description(row, rel, url),
    url,
    organizer,
    attendees: row.attendees,
  });
}

/**
 * Emails the invite (or its update, or its cancellation) to everyone invited, in the caller's transaction:
 * the mail outbox delivers it after the commit. Contacts get no link into the app (the portal has its own).
 */
export async function sendInvites(
  db: Db,
  workspaceId: string,
  row: Row,
  rel: RelationshipRef,
  method: Method,
  mail: MailContext,
): Promise<number> {
  const ics = checkInCalendar(workspaceId, row, rel, method, mail.publicUrl);
  const when = formatWhen(row.scheduledFor);
  const updated = row.sequence > 0;
  const subject =
    method === 'CANCEL'
      ? `Cancelled: ${title(rel)}, ${when}`
      : `${updated ? 'Moved: ' : ''}${title(rel)}, ${when}`;
  const link = `${mail.publicUrl}${checkInPath(workspaceId, rel.id, row.id)}`;
  for (const person of row.attendees) {
    const lead =
      method === 'CANCEL'
        ? `The partner check-in of ${when} between ${rel.team.name} and ${rel.client.name} is cancelled.`
        : `${updated ? 'The partner check-in moved to' : 'A partner check-in is planned for'} ${when}, between ${rel.team.name} and ${rel.client.name} (${row.durationMinutes} minutes). The calendar invite is attached.`;
    const agenda = method === 'CANCEL' ? '' : `\n\nAgenda\n${agendaText(row)}`;
    const open = person.kind === 'contact' ? '' : `\n\nPrepare your side in Twofold:\n${link}`;
    await enqueueMail(
      db,
      workspaceId,
      {
        to: person.email,
        subject,
        text: `Hello ${person.name},\n\n${lead}${agenda}${open}\n`,
        html: `<p>Hello ${escapeHtml(person.name)},</p><p>${escapeHtml(lead)}</p>${
          agenda ? `<pre style="font-family:inherit">${escapeHtml(agenda.trim())}</pre>` : ''
        }${person.kind === 'contact' ? '' : `<p><a href="${link}">Prepare your side in Twofold</a></p>`}`,
        attachments: [
          {
            filename: 'check-in.ics',
            contentType: `text/calendar; method=${method}`,
            content: ics,
          },
        ],
      },
      mail.smtp,
    );
  }
  return row.attendees.length;
}
