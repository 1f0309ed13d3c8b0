// Magic links and portal sessions: how a client contact with nothing but an email address gets in.
// Both tokens carry their workspace id, so every lookup is scoped like any other tenant query.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { workspaces } from '../../platform/auth/auth.table';
import { randomToken, sha256 } from '../../platform/auth/secrets';
import { newId } from '../../platform/ids';
import { enqueueMail } from '../../platform/mail';
import { escapeHtml } from '../../platform/text';
import { clients, contacts } from '../clients/clients.table';
import { portalLinks, portalSessions } from './portal.table';

export const LINK_MINUTES = 15;
export const PORTAL_SESSION_DAYS = 7;

/** The signed-in contact of a portal request. */
export type PortalViewer = {
  workspaceId: string;
  clientId: string;
  /** null in a member's "view as client" preview: nobody has voted or answered there. */
  contactId: string | null;
  contactName: string;
};

const TOKEN = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;
const scopedToken = (workspaceId: string) => `${workspaceId.replaceAll('-', '')}.${randomToken()}`;

function workspaceOf(token: string): string | undefined {
  const h = TOKEN.exec(token)?.[1];
  if (!h) return undefined;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type LinkMail = { publicUrl: string; smtp: boolean; now: Date };

/** A new single-use link for one contact, emailed in the caller's transaction. */
export async function sendPortalLink(
  db: Db,
  workspaceId: string,
  contactId: string,
  mail: LinkMail,
  kind: 'invitation' | 'sign-in',
): Promise<void> {
  const [c] = await db
    .select({ name: contacts.name, email: contacts.email, workspaceName: workspaces.name })
    .from(contacts)
    .innerJoin(workspaces, eq(workspaces.id, contacts.workspaceId))
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)))
    .limit(1);
  if (!c) return;
  const token = scopedToken(workspaceId);
  await db.insert(portalLinks).values({
    workspaceId,
    id: newId(),
    contactId,
    tokenHash: sha256(token),
    expiresAt: new Date(mail.now.getTime() + LINK_MINUTES * 60_000),
    createdAt: mail.now,
  });
  const link = `${mail.publicUrl}/api/v1/portal/session?token=${token}`;
  const again = `${mail.publicUrl}/portal`;
  const ws = c.workspaceName;
  const intro =
    kind === 'invitation'
      ? `${ws} invites you to your shared space with them on Twofold: your ambition together, check-ins, the topic backlog and events.`
      : `Here is your sign-in link to your shared space with ${ws}.`;
  await enqueueMail(
    db,
    workspaceId,
    {
      to: c.email,
      subject:
        kind === 'invitation' ? `${ws} invites you to your shared space` : `Your sign-in link for ${ws}`,
      text: `Hello ${c.name},\n\n${intro}\n\nOpen it here:\n${link}\n\nThe link works once, for ${LINK_MINUTES} minutes. Later, ask for a fresh one at ${again} with this email address.\n`,
      html: `<p>Hello ${escapeHtml(c.name)},</p><p>${escapeHtml(intro)}</p><p><a href="${link}">Open your shared space</a></p><p>The link works once, for ${LINK_MINUTES} minutes. Later, ask for a fresh one at <a href="${again}">${again}</a> with this email address.</p>`,
    },
    mail.smtp,
  );
}

/**
 * Every workspace where this address has portal access, one contact each (the email is unique per
 * workspace). A lookup across workspaces by nature; served by a partial index on lower(email).
 */
export async function portalContactsByEmail(db: Db, email: string) {
  return db
    .select({ workspaceId: contacts.workspaceId, id: contacts.id })
    .from(contacts)
    .where(and(sql`lower(${contacts.email}) = lower(${email})`, eq(contacts.portalAccess, true)))
    .limit(20);
}

/**
 * Spends a link: it works once (the update that marks it used is the check), before it expires, and only
 * while the contact still has portal access. Returns the contact, or null for any failure alike.
 */
export async function redeemPortalLink(db: Db, token: string, now: Date) {
  const workspaceId = workspaceOf(token);
  if (!workspaceId) return null;
  const [link] = await db
    .update(portalLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(portalLinks.workspaceId, workspaceId),
        eq(portalLinks.tokenHash, sha256(token)),
        isNull(portalLinks.usedAt),
        gt(portalLinks.expiresAt, now),
      ),
    )
    .returning({ contactId: portalLinks.contactId });
  if (!link) return null;
  const [c] = await db
    .select({ id: contacts.id, clientId: contacts.clientId })
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, workspaceId),
        eq(contacts.id, link.contactId),
        eq(contacts.portalAccess, true),
      ),
    )
    .limit(1);
  return c ? { workspaceId, contactId: c.id, clientId: c.clientId } : null;
}

/** A new session for every sign-in (no fixation); only its hash is stored. */
export async function createPortalSession(
  db: Db,
  who: { workspaceId: string; contactId: string; clientId: string },
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = scopedToken(who.workspaceId);
  const expiresAt = new Date(now.getTime() + PORTAL_SESSION_DAYS * 86_400_000);
  await db.insert(portalSessions).values({ ...who, idHash: sha256(token), createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** The contact behind a portal cookie, while the session lives and the contact keeps portal access. */
export async function findPortalViewer(db: Db, token: string, now: Date): Promise<PortalViewer | null> {
  const workspaceId = workspaceOf(token);
  if (!workspaceId) return null;
  const [row] = await db
    .select({ contactId: contacts.id, clientId: contacts.clientId, name: contacts.name })
    .from(portalSessions)
    .innerJoin(
      contacts,
      and(eq(contacts.workspaceId, portalSessions.workspaceId), eq(contacts.id, portalSessions.contactId)),
    )
    .where(
      and(
        eq(portalSessions.workspaceId, workspaceId),
        eq(portalSessions.idHash, sha256(token)),
        gt(portalSessions.expiresAt, now),
        eq(contacts.portalAccess, true),
        eq(contacts.clientId, portalSessions.clientId),
      ),
    )
    .limit(1);
  return row
    ? { workspaceId, clientId: row.clientId, contactId: row.contactId, contactName: row.name }
    : null;
}

export async function deletePortalSession(db: Db, token: string): Promise<void> {
  const workspaceId = workspaceOf(token);
  if (!workspaceId) return;
  await db
    .delete(portalSessions)
    .where(and(eq(portalSessions.workspaceId, workspaceId), eq(portalSessions.idHash, sha256(token))));
}

/** Revoking access ends every portal session and unused link of the contact at once. */
export async function endPortalAccess(db: Db, workspaceId: string, contactId: string): Promise<void> {
  await db
    .delete(portalSessions)
    .where(and(eq(portalSessions.workspaceId, workspaceId), eq(portalSessions.contactId, contactId)));
  await db
    .delete(portalLinks)
    .where(and(eq(portalLinks.workspaceId, workspaceId), eq(portalLinks.contactId, contactId)));
}

/** The contact, their client and the workspace, for the portal's header. */
export async function portalMe(db: Db, v: PortalViewer) {
  const [row] = await db
    .select({
      contactId: contacts.id,
      contactName: contacts.name,
      email: contacts.email,
      clientId: clients.id,
      clientName: clients.name,
      workspaceName: workspaces.name,
    })
    .from(contacts)
    .innerJoin(clients, and(eq(clients.workspaceId, contacts.workspaceId), eq(clients.id, contacts.clientId)))
    .innerJoin(workspaces, eq(workspaces.id, contacts.workspaceId))
    .where(and(eq(contacts.workspaceId, v.workspaceId), eq(contacts.id, v.contactId ?? '')))
    .limit(1);
  return row;
}

/** What granting or revoking portal access needs besides the database: the mail and who is acting. */
export type PortalAccessContext = LinkMail & { actor: AuditActor };

/**
 * Called by the contacts store when a contact's portal access changes: granting emails an invitation
 * link; revoking ends every session at once. Both are audited in the caller's transaction.
 */
export async function portalAccessChanged(
  db: Db,
  workspaceId: string,
  contactId: string,
  granted: boolean,
  ctx: PortalAccessContext,
): Promise<void> {
  if (granted) await sendPortalLink(db, workspaceId, contactId, ctx, 'invitation');
  else await endPortalAccess(db, workspaceId, contactId);
  await recordAudit(
    db,
    ctx.actor,
    granted ? 'contact.portal_access_granted' : 'contact.portal_access_revoked',
    'contact',
    contactId,
  );
}
