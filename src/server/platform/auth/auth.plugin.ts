import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/open';
import { AppError } from '../errors';
import { uuidPattern } from '../ids';
import type { Actor } from './actor';
import { apiTokens, memberships, users } from './auth.table';
import { rememberedCaller } from './caller-cache';
import { PORTAL_COOKIE } from './cookies';
import { sha256 } from './secrets';
import { findSessionUser, SESSION_COOKIE } from './sessions';

const TOKEN_PATTERN = /^tf_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** API tokens carry their workspace, so the lookup is scoped like every other query. */
export function formatApiToken(workspaceId: string, secret: string): string {
  return `tf_${workspaceId.replaceAll('-', '')}_${secret}`;
}

function workspaceIdOfToken(token: string): string | undefined {
  const m = TOKEN_PATTERN.exec(token);
  if (!m) return undefined;
  const h = m[1]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function actorFromToken(db: Db, token: string): Promise<Actor> {
  const workspaceId = workspaceIdOfToken(token);
  if (!workspaceId) throw new AppError('unauthenticated', 'Invalid API token');
  const tokenHash = sha256(token);
  // Remembered for a few seconds (ADR 015); revoking a token forgets it here at once.
  const actor = await rememberedCaller(
    `token:${tokenHash}`,
    () => lookUpToken(db, workspaceId, tokenHash),
    () => Number.POSITIVE_INFINITY,
  );
  if (!actor) throw new AppError('unauthenticated', 'Invalid or revoked API token');
  return actor;
}

async function lookUpToken(db: Db, workspaceId: string, tokenHash: string): Promise<Actor | undefined> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      scope: apiTokens.scope,
      lastUsedAt: apiTokens.lastUsedAt,
      user: { id: users.id, email: users.email, name: users.name },
      // The token's maker's role in the token's workspace, in the same statement (ADR 006).
      role: memberships.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .leftJoin(
      memberships,
      and(eq(memberships.workspaceId, apiTokens.workspaceId), eq(memberships.userId, users.id)),
    )
    .where(
      and(
        eq(apiTokens.workspaceId, workspaceId),
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  // "Last used" to the minute is enough; skip a write on every request.
  const minuteAgo = new Date(Date.now() - 60_000);
  if (!row.lastUsedAt || row.lastUsedAt < minuteAgo) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: new Date() })
      .where(
        and(
          eq(apiTokens.workspaceId, workspaceId),
          eq(apiTokens.id, row.id),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, minuteAgo)),
        ),
      );
  }
  return {
    kind: 'token',
    user: row.user,
    workspaceId,
    tokenId: row.id,
    scope: row.scope,
    membership: { workspaceId, role: row.role },
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The workspace a route under /workspaces/{workspaceId} names (the router has matched it by now). */
function workspaceOfPath(req: FastifyRequest): string | undefined {
  const id = (req.params as { workspaceId?: unknown } | undefined)?.workspaceId;
  return typeof id === 'string' && uuidPattern.test(id) ? id : undefined;
}

function originOf(req: FastifyRequest): string | undefined {
  const origin = req.headers.origin;
  if (origin && origin !== 'null') return origin;
  const referer = req.headers.referer;
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/**
 * Resolves the caller on every request, and refuses cookie-carried writes from another origin (CSRF):
 * a browser always sends Origin on a cross-site POST, so a mismatch or an absent Origin with a cookie is refused.
 */
export function registerAuth(app: FastifyInstance, db: Db, publicUrl: string): void {
  const appOrigin = new URL(publicUrl).origin;
  app.decorateRequest('actor', null as never);
  app.decorateRequest('member', null);
  app.addHook('onRequest', async (req) => {
    req.actor = { kind: 'anonymous' };
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = await actorFromToken(db, auth.slice(7).trim());
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    const write = !SAFE_METHODS.has(req.method);
    // The portal's cookie is as ambient as the member's: its writes get the same origin check.
    if (write && (cookie || req.cookies[PORTAL_COOKIE] || req.headers.origin)) {
      const origin = originOf(req);
      const sameHost = origin && req.headers.host && new URL(origin).host === req.headers.host;
      if (origin !== appOrigin && !sameHost) {
        throw new AppError('forbidden', 'Cross-origin request refused (CSRF protection)');
      }
    }
    if (!cookie) return;
    const unsigned = req.unsignCookie(cookie);
    if (!unsigned.valid || !unsigned.value) return;
    const found = await findSessionUser(db, unsigned.value, workspaceOfPath(req));
    if (found) req.actor = { kind: 'session', ...found, sessionToken: unsigned.value };
  });
}
