import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { invitations, memberships, type Role, users, workspaces } from '../../platform/auth/auth.table';
import { forgetCallers } from '../../platform/auth/caller-cache';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../platform/auth/secrets';
import { iso, isoOrNull } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Invitation, InvitationPreview, Me, MemberItem, User } from './accounts.contract';

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return row;
}

export async function createUser(
  db: Db,
  input: { email: string; name: string; password: string },
): Promise<User> {
  if (await findUserByEmail(db, input.email)) {
    throw new AppError('conflict', 'An account with this email already exists', [
      { path: 'email', message: 'is already registered' },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ id: newId(), email: input.email, name: input.name, passwordHash })
    .returning({ id: users.id, email: users.email, name: users.name });
  return row!;
}

export async function createWorkspace(db: Db, ownerId: string, name: string) {
  const id = newId();
  await db.insert(workspaces).values({ id, name });
  await db.insert(memberships).values({ workspaceId: id, userId: ownerId, role: 'owner' });
  forgetCallers();
  return { id, name, role: 'owner' as const };
}

/** The user when the password matches; undefined otherwise (same time either way). */
export async function checkCredentials(db: Db, email: string, password: string): Promise<User | undefined> {
  const row = await findUserByEmail(db, email);
  const ok = await verifyPassword(row?.passwordHash ?? null, password);
  return ok && row ? { id: row.id, email: row.email, name: row.name } : undefined;
}

export async function getMe(db: Db, user: User): Promise<Me> {
  const rows = await db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(workspaces.name));
  return { user, workspaces: rows };
}

export async function getWorkspace(db: Db, workspaceId: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
  if (!row) throw AppError.notFound('Workspace');
  return row;
}

export async function renameWorkspace(db: Db, workspaceId: string, name: string) {
  const [row] = await db.update(workspaces).set({ name }).where(eq(workspaces.id, workspaceId)).returning();
  if (!row) throw AppError.notFound('Workspace');
  return row;
}

// ── Members ──────────────────────────────────────────────────────────────────

export async function listMembers(db: Db, workspaceId: string): Promise<MemberItem[]> {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name))
    .limit(1000);
  return rows.map((r) => ({ ...r, joinedAt: iso(r.joinedAt) }));
}

async function ownerCount(db: Db, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')));
  return row?.n ?? 0;
}

async function memberRole(db: Db, workspaceId: string, userId: string): Promise<Role> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) throw AppError.notFound('Member');
  return row.role;
}

/** Only an owner grants or takes away ownership; a workspace always keeps one owner. */
export async function changeRole(
  db: Db,
  workspaceId: string,
  actorRole: Role,
  userId: string,
  role: Role,
): Promise<{ id: string; from: Role; to: Role }> {
  const current = await memberRole(db, workspaceId, userId);
  if ((role === 'owner' || current === 'owner') && actorRole !== 'owner') {
    throw new AppError('forbidden', 'Only an owner can grant or remove the owner role');
  }
  if (current === 'owner' && role !== 'owner' && (await ownerCount(db, workspaceId)) <= 1) {
    throw new AppError('conflict', 'A workspace needs at least one owner');
  }
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  forgetCallers();
  return { id: userId, from: current, to: role };
}

export async function removeMember(db: Db, workspaceId: string, actorRole: Role, userId: string) {
  const current = await memberRole(db, workspaceId, userId);
  if (current === 'owner' && actorRole !== 'owner')
    throw new AppError('forbidden', 'Only an owner can remove an owner');
  if (current === 'owner' && (await ownerCount(db, workspaceId)) <= 1) {
    throw new AppError('conflict', 'A workspace needs at least one owner');
  }
  await db
    .delete(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  forgetCallers();
  return { id: userId };
}

// ── Invitations ──────────────────────────────────────────────────────────────

const INVITATION_DAYS = 7;
const toInvitation = (r: typeof invitations.$inferSelect): Invitation => ({
  id: r.id,
  email: r.email,
  role: r.role,
  createdAt: iso(r.createdAt),
  expiresAt: iso(r.expiresAt),
  acceptedAt: isoOrNull(r.acceptedAt),
});

/** The link token names its workspace, so accepting it is a scoped lookup like any other. */
export async function createInvitation(
  db: Db,
  workspaceId: string,
  invitedBy: string,
  input: { email: string; role: Role },
  actorRole: Role,
): Promise<{ invitation: Invitation; token: string }> {
  if (input.role === 'owner' && actorRole !== 'owner') {
    throw new AppError('forbidden', 'Only an owner can invite an owner', [
      { path: 'role', message: 'needs the owner role' },
    ]);
  }
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    const [m] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, existing.id)))
      .limit(1);
    if (m)
      throw new AppError('conflict', 'This person is already a member', [
        { path: 'email', message: 'is already a member' },
      ]);
  }
  const token = `${workspaceId.replaceAll('-', '')}.${randomToken()}`;
  const [row] = await db
    .insert(invitations)
    .values({
      workspaceId,
      id: newId(),
      email: input.email,
      role: input.role,
      tokenHash: sha256(token),
      invitedBy,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    })
    .returning();
  return { invitation: toInvitation(row!), token };
}

export async function listInvitations(db: Db, workspaceId: string): Promise<Invitation[]> {
  const rows = await db
    .select()
    .from(invitations)
    .where(eq(invitations.workspaceId, workspaceId))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return rows.map(toInvitation);
}

function workspaceOfInvitation(token: string): string | undefined {
  const m = /^([0-9a-f]{32})\.[A-Za-z0-9_-]{43}$/.exec(token);
  if (!m) return undefined;
  const h = m[1]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function openInvitation(db: Db, token: string) {
  const workspaceId = workspaceOfInvitation(token);
  const gone = new AppError('gone', 'This invitation link is invalid, used or expired');
  if (!workspaceId) throw gone;
  const [row] = await db
    .select({ inv: invitations, workspaceName: workspaces.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        eq(invitations.tokenHash, sha256(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  if (!row) throw gone;
  return row;
}

export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const { inv, workspaceName } = await openInvitation(db, token);
  const existing = await findUserByEmail(db, inv.email);
  return { workspaceName, email: inv.email, role: inv.role, hasAccount: Boolean(existing) };
}

/** A new person sets a name and password; someone with an account confirms with their password. */
export async function acceptInvitation(
  db: Db,
  input: { token: string; name?: string; password: string },
): Promise<{ user: User; workspaceId: string; role: Role }> {
  const { inv } = await openInvitation(db, input.token);
  const existing = await findUserByEmail(db, inv.email);
  let user: User;
  if (existing) {
    if (!(await verifyPassword(existing.passwordHash, input.password))) {
      throw AppError.badField('password', 'does not match the existing account for this email');
    }
    user = { id: existing.id, email: existing.email, name: existing.name };
  } else {
    if (!input.name) throw AppError.badField('name', 'is required');
    user = await createUser(db, { email: inv.email, name: input.name, password: input.password });
  }
  await db
    .insert(memberships)
    .values({ workspaceId: inv.workspaceId, userId: user.id, role: inv.role })
    .onConflictDoNothing();
  forgetCallers();
  await db
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(and(eq(invitations.workspaceId, inv.workspaceId), eq(invitations.id, inv.id)));
  return { user, workspaceId: inv.workspaceId, role: inv.role };
}
