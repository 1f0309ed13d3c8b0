import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { PathMembership, UserRef } from './actor';
import { memberships, sessions, users } from './auth.table';
import { forgetCallers, rememberedCaller } from './caller-cache';
import { randomToken, sha256 } from './secrets';

export const SESSION_COOKIE = 'tf_session';
export const SESSION_DAYS = 30;

/** A new session id every login (no fixation); only its hash is stored. */
export async function createSession(db: Db, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ idHash: sha256(token), userId, expiresAt });
  return { token, expiresAt };
}

/**
 * The signed-in person behind a session token; with `workspaceId`, also their role there, in the same
 * statement (one statement per request to know who is calling and what they may do: ADR 006), remembered
 * for a few seconds (ADR 015).
 */
export async function findSessionUser(
  db: Db,
  token: string,
  workspaceId?: string,
): Promise<{ user: UserRef; membership?: PathMembership } | undefined> {
  const idHash = sha256(token);
  const found = await rememberedCaller(
    `session:${idHash}:${workspaceId ?? ''}`,
    async () => {
      const [row] = await db
        .select({
          user: { id: users.id, email: users.email, name: users.name },
          role: memberships.role,
          expiresAt: sessions.expiresAt,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .leftJoin(
          memberships,
          and(eq(memberships.workspaceId, workspaceId ?? NO_WORKSPACE), eq(memberships.userId, users.id)),
        )
        .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, new Date())))
        .limit(1);
      return row;
    },
    (row) => row.expiresAt.getTime(),
  );
  if (!found) return undefined;
  return { user: found.user, membership: workspaceId ? { workspaceId, role: found.role } : undefined };
}

/** A workspace id no row has: the join then finds nothing, and the statement keeps one shape. */
const NO_WORKSPACE = '00000000-0000-0000-0000-000000000000';

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(token)));
  forgetCallers();
}
