import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/open';
import { PORTAL_COOKIE } from '../../platform/auth/cookies';
import type { ZodFastify } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findPortalViewer, type PortalViewer } from './portal-auth.store';

export const PORTAL_PREFIX = '/api/v1/portal';

declare module 'fastify' {
  interface FastifyRequest {
    portal: (PortalViewer & { contactId: string; sessionToken: string }) | null;
  }
}

/**
 * Mounts portal routes behind their own guard: only a portal session (the tf_portal cookie) gets through.
 * A member's session or an API token is not one — they get 401 here, as a portal session does on every
 * workspace route, whose guard knows nothing of this cookie.
 */
export function registerPortalRoutes(
  app: FastifyInstance,
  db: Db,
  now: () => Date,
  routes: (scope: ZodFastify) => void | Promise<void>,
): void {
  void app.register(
    async (scope) => {
      scope.decorateRequest('portal', null);
      scope.addHook('preValidation', async (req: FastifyRequest) => {
        req.portal = null;
        const raw = req.cookies[PORTAL_COOKIE];
        const unsigned = raw ? req.unsignCookie(raw) : undefined;
        const viewer =
          unsigned?.valid && unsigned.value ? await findPortalViewer(db, unsigned.value, now()) : null;
        if (!viewer?.contactId)
          throw new AppError('unauthenticated', 'Open the portal with the link from your email');
        req.portal = { ...viewer, contactId: viewer.contactId, sessionToken: unsigned!.value! };
      });
      await routes(scope.withTypeProvider<ZodTypeProvider>());
    },
    { prefix: PORTAL_PREFIX },
  );
}

/** The signed-in contact of a route inside the portal guard. */
export function contactOf(req: FastifyRequest) {
  if (!req.portal) throw new Error('portal route mounted outside the portal guard');
  return req.portal;
}
