import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { auditEvents } from '../../platform/audit.table';
import { users } from '../../platform/auth/auth.table';
import { iso, isoOrNull } from '../../platform/common.contract';
import { mailMessages } from '../../platform/mail.table';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import type { AuditEvent, OutboxMessage } from './settings.contract';

// Read models over platform tables (mail, audit) for the Settings screens.

export async function listOutbox(db: Db, workspaceId: string, q: { limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await db
    .select()
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.workspaceId, workspaceId),
        after ? afterCursor([mailMessages.createdAt, mailMessages.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [iso(r.createdAt), r.id]);
  return {
    items: page.items.map(
      (r): OutboxMessage => ({
        id: r.id,
        to: r.to,
        subject: r.subject,
        text: r.text,
        status: r.status,
        attachments: (r.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType })),
        createdAt: iso(r.createdAt),
        sentAt: isoOrNull(r.sentAt),
      }),
    ),
    nextCursor: page.nextCursor,
  };
}

export async function listAudit(db: Db, workspaceId: string, q: { limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await db
    .select({ e: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.workspaceId, workspaceId),
        after ? afterCursor([auditEvents.at, auditEvents.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [iso(r.e.at), r.e.id]);
  return {
    items: page.items.map(
      ({ e, actorName }): AuditEvent => ({
        id: e.id,
        actorKind: e.actorKind,
        actorId: e.actorId,
        actorName,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        details: e.details ?? null,
        at: iso(e.at),
      }),
    ),
    nextCursor: page.nextCursor,
  };
}
