import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/open';
import { type Actor, roleAtLeast } from './auth/actor';
import { memberships, type Role } from './auth/auth.table';
import type { ZodFastify } from './deps';
import { AppError } from './errors';
import { uuidPattern } from './ids';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Lowest role allowed on a workspace route; `member` when absent. */
    minRole?: Role;
  }
}

export const WORKSPACE_PREFIX = '/api/v1/workspaces/:workspaceId';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Mounts a feature's workspace routes behind the guard, so no route under /workspaces/{id} can skip it:
 * anonymous → 401; not a member (or a token of another workspace) → 404, never revealing existence;
 * a read-only token on a write, or a role below the route's minRole → 403.
 */
export function registerWorkspaceRoutes(
  app: FastifyInstance,
  db: Db,
  routes: (scope: ZodFastify) => void | Promise<void>,
): void {
  void app.register(
    async (scope) => {
      scope.addHook('preValidation', async (req: FastifyRequest) => {
        await guard(db, req);
      });
      await routes(scope.withTypeProvider<ZodTypeProvider>());
    },
    { prefix: WORKSPACE_PREFIX },
  );
}

/** The caller's role here: read with the caller when the path named this workspace, else looked up. */
async function roleIn(db: Db, actor: Exclude<Actor, { kind: 'anonymous' }>, workspaceId: string) {
  if (actor.membership?.workspaceId === workspaceId) {
    return actor.membership.role ? { role: actor.membership.role } : undefined;
  }
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, actor.user.id)))
    .limit(1);
  return row;
}

async function guard(db: Db, req: FastifyRequest): Promise<void> {
  req.member = null;
  const actor = req.actor;
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first');
  const workspaceId = (req.params as { workspaceId?: string }).workspaceId ?? '';
  // Made only when thrown: an error captures a stack trace, which every request would otherwise pay for.
  const notFound = () => AppError.notFound('Workspace');
  if (!uuidPattern.test(workspaceId)) throw notFound();
  if (actor.kind === 'token' && actor.workspaceId !== workspaceId) throw notFound();
  const row = await roleIn(db, actor, workspaceId);
  if (!row) throw notFound();
  if (actor.kind === 'token' && actor.scope === 'read' && !SAFE_METHODS.has(req.method)) {
    throw new AppError('forbidden', 'This API token is read-only');
  }
  const minRole = req.routeOptions.config.minRole ?? 'member';
  if (!roleAtLeast(row.role, minRole)) {
    throw new AppError('forbidden', `This needs the ${minRole} role`);
  }
  req.member = {
    workspaceId,
    userId: actor.user.id,
    role: row.role,
    actorKind: actor.kind === 'token' ? 'token' : 'user',
    actorId: actor.kind === 'token' ? actor.tokenId : actor.user.id,
  };
}
