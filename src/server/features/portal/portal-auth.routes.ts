import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit';
import { clearPortalCookie, PORTAL_COOKIE, setPortalCookie } from '../../platform/auth/cookies';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { MinuteThrottle } from '../../platform/throttle';
import { getPurpose } from '../community/purpose.store';
import {
  magicLinkAccepted,
  magicLinkInput,
  portalMe as portalMeSchema,
  portalSessionQuery,
} from './portal.contract';
import { contactOf, PORTAL_PREFIX, registerPortalRoutes } from './portal.guard';
import {
  createPortalSession,
  deletePortalSession,
  portalContactsByEmail,
  portalMe,
  redeemPortalLink,
  sendPortalLink,
} from './portal-auth.store';

const tags = ['Client portal'];
const ACCEPTED =
  'If this address has access to a client portal, a sign-in link is on its way. Check your inbox.';

/**
 * Getting in and out of the portal. Asking for a link always answers 202 with the same words, known address
 * or not; the address and the caller's IP are throttled, so the form cannot be used to flood an inbox.
 */
export function portalAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const secure = config.publicUrl.startsWith('https:');
  const smtp = Boolean(config.smtpUrl);
  const byEmail = new MinuteThrottle(deps.portalLinksPerEmailPerMinute ?? 3);
  const byIp = new MinuteThrottle(deps.portalAttemptsPerIpPerMinute ?? 30);

  void app.register(
    async (scope) => {
      const r = scope.withTypeProvider<ZodTypeProvider>();
      r.post(
        '/magic-link',
        {
          schema: {
            tags,
            summary: 'Email a sign-in link to a client contact',
            description:
              'Always 202, whether or not the address is known. An address with portal access in several workspaces gets one link per workspace, each in its own email naming the provider.',
            body: magicLinkInput,
            response: { 202: magicLinkAccepted },
            security: [],
          },
        },
        async (req, reply) => {
          const email = req.body.email.trim().toLowerCase();
          byIp.hit(`portal:${req.ip}`);
          byEmail.hit(`link:${email}`);
          const found = await portalContactsByEmail(db, email);
          if (found.length > 0) {
            const now = deps.now();
            await db.transaction(async (tx) => {
              for (const c of found)
                await sendPortalLink(
                  tx,
                  c.workspaceId,
                  c.id,
                  { publicUrl: config.publicUrl, smtp, now },
                  'sign-in',
                );
            });
            deps.mail.kick();
          }
          return reply.code(202).send({ message: ACCEPTED });
        },
      );

      r.get(
        '/session',
        {
          schema: {
            tags,
            summary: 'Open the portal with an emailed link',
            description:
              'Spends the single-use link and sets the portal session cookie. A browser (Accept: text/html) is sent on to the portal; a script gets the signed-in contact as JSON. A used, expired or unknown link is 410.',
            querystring: portalSessionQuery,
            response: { 200: portalMeSchema },
            security: [],
          },
        },
        async (req, reply) => {
          byIp.hit(`portal:${req.ip}`);
          const browser = String(req.headers.accept ?? '').includes('text/html');
          const now = deps.now();
          const session = await db.transaction(async (tx) => {
            const who = await redeemPortalLink(tx, req.query.token, now);
            if (!who) return null;
            // A new session each sign-in; the one this browser carried in ends (no fixation).
            const carried = req.cookies[PORTAL_COOKIE] ? req.unsignCookie(req.cookies[PORTAL_COOKIE]) : null;
            if (carried?.valid && carried.value) await deletePortalSession(tx, carried.value);
            const s = await createPortalSession(tx, who, now);
            await recordAudit(
              tx,
              { workspaceId: who.workspaceId, actorKind: 'contact', actorId: who.contactId },
              'portal.login',
              'contact',
              who.contactId,
            );
            return { ...s, who };
          });
          if (!session) {
            if (browser) return reply.redirect('/portal?link=expired', 303);
            throw new AppError('gone', 'This sign-in link is used, expired or unknown; ask for a new one');
          }
          setPortalCookie(reply, session.token, session.expiresAt, secure);
          if (browser) return reply.redirect('/portal', 303);
          const viewer = { ...session.who, contactName: '' };
          return meOf(viewer);
        },
      );
    },
    { prefix: PORTAL_PREFIX },
  );

  async function meOf(v: { workspaceId: string; contactId: string; clientId: string; contactName: string }) {
    const row = await portalMe(db, v);
    if (!row) throw AppError.notFound('Contact');
    const purpose = await getPurpose(db, v.workspaceId);
    return {
      contact: { id: row.contactId, name: row.contactName, email: row.email },
      client: { id: row.clientId, name: row.clientName },
      workspace: { id: v.workspaceId, name: row.workspaceName, purpose: purpose.statement },
    };
  }

  registerPortalRoutes(app, db, deps.now, (r) => {
    r.get(
      '/me',
      { schema: { tags, summary: 'Who is signed in to the portal', response: { 200: portalMeSchema } } },
      async (req) => meOf(contactOf(req)),
    );
    r.post('/logout', { schema: { tags, summary: 'Sign out of the portal' } }, async (req, reply) => {
      await deletePortalSession(db, contactOf(req).sessionToken);
      clearPortalCookie(reply, secure);
      return reply.code(204).send();
    });
  });
}
