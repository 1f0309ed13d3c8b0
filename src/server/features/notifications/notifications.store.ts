import { and, count, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { memberships, users } from '../../platform/auth/auth.table';
import { iso, isoOrNull } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { enqueueMail } from '../../platform/mail';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import { escapeHtml } from '../../platform/text';
import type { Notification, NotificationKind, NotificationListQuery } from './notifications.contract';
import { notifications } from './notifications.table';

type Row = typeof notifications.$inferSelect;

const toNotification = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  relationshipId: r.relationshipId,
  checkInId: r.checkInId,
  topicId: r.topicId,
  read: r.readAt !== null,
  readAt: isoOrNull(r.readAt),
  createdAt: iso(r.createdAt),
});

export type NotificationEvent = {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path inside the web app (without the origin). */
  link: string | null;
  relationshipId?: string | null;
  checkInId?: string | null;
  topicId?: string | null;
  /** The same key never notifies the same person twice. */
  dedupeKey?: string;
};

/** How to email a notification: links need the public origin, and the outbox needs to know about SMTP. */
export type MailContext = { publicUrl: string; smtp: boolean };

/**
 * Notifies members (once per dedupe key) in the caller's transaction, and emails those it newly notified
 * when `mail` is given. People who are not (or no longer) members are skipped. Returns who was notified.
 */
export async function notify(
  db: Db,
  workspaceId: string,
  userIds: Array<string | null | undefined>,
  event: NotificationEvent,
  mail?: MailContext,
): Promise<string[]> {
  const wanted = [...new Set(userIds.filter((u): u is string => Boolean(u)))];
  if (wanted.length === 0) return [];
  const members = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, wanted)));
  if (members.length === 0) return [];
  const inserted = await db
    .insert(notifications)
    .values(
      members.map((m) => ({
        workspaceId,
        id: newId(),
        userId: m.id,
        kind: event.kind,
        title: event.title,
        body: event.body,
        link: event.link,
        relationshipId: event.relationshipId ?? null,
        checkInId: event.checkInId ?? null,
        topicId: event.topicId ?? null,
        dedupeKey: event.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: notifications.userId });
  const notified = new Set(inserted.map((r) => r.userId));
  if (mail) {
    const url = event.link ? `${mail.publicUrl}${event.link}` : mail.publicUrl;
    for (const m of members.filter((x) => notified.has(x.id))) {
      await enqueueMail(
        db,
        workspaceId,
        {
          to: m.email,
          subject: event.title,
          text: `${event.body ? `${event.body}\n\n` : ''}Open it in Twofold:\n${url}\n`,
          html: `${event.body ? `<p>${escapeHtml(event.body).replaceAll('\n', '<br>')}</p>` : ''}<p><a href="${url}">Open it in Twofold</a></p>`,
        },
        mail.smtp,
      );
    }
  }
  return [...notified];
}

/** The workspace's owners and admins: who hears about a relationship that has no partner lead. */
export async function workspaceLeads(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ['owner', 'admin'])));
  return rows.map((r) => r.userId);
}

const mine = (workspaceId: string, userId: string) =>
  and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId));

/** One person's notifications, newest first. */
export async function listNotifications(
  db: Db,
  workspaceId: string,
  userId: string,
  query: NotificationListQuery,
) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        mine(workspaceId, userId),
        query.unread === 'true' ? isNull(notifications.readAt) : undefined,
        after ? afterCursor([notifications.createdAt, notifications.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [iso(r.createdAt), r.id]);
  return { items: page.items.map(toNotification), nextCursor: page.nextCursor };
}

export async function unreadCount(db: Db, workspaceId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(workspaceId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Someone else's notification is "not found", like anything of another workspace. */
export async function markRead(
  db: Db,
  workspaceId: string,
  userId: string,
  id: string,
  read: boolean,
  now: Date,
): Promise<Notification> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: read ? now : null })
    .where(and(mine(workspaceId, userId), eq(notifications.id, id)))
    .returning();
  if (!row) throw AppError.notFound('Notification');
  return toNotification(row);
}

export async function markAllRead(
  db: Db,
  workspaceId: string,
  userId: string,
  before: Date | undefined,
  now: Date,
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        mine(workspaceId, userId),
        isNull(notifications.readAt),
        before ? lte(notifications.createdAt, before) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
