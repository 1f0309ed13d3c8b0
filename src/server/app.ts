import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { accountRoutes } from './features/accounts/accounts.routes';
import { balanceRoutes } from './features/balance/balance.routes';
import { checkInsRoutes } from './features/check-ins/check-ins.routes';
import { checkInsWorkspaceRoutes } from './features/check-ins/check-ins-workspace.routes';
import { checkInReminderWorker } from './features/check-ins/reminders.worker';
import { clientsRoutes } from './features/clients/clients.routes';
import { eventsRoutes } from './features/community/events.routes';
import { purposeRoutes } from './features/community/purpose.routes';
import { experimentsRoutes } from './features/experiments/experiments.routes';
import { healthRoutes } from './features/health/health.routes';
import { healthWorker } from './features/health/health.worker';
import { importsRoutes } from './features/imports/imports.routes';
import { knowledgeRoutes } from './features/knowledge/knowledge.routes';
import { promoteRoutes } from './features/knowledge/promote.routes';
import { notificationsRoutes } from './features/notifications/notifications.routes';
import { portalRoutes } from './features/portal/portal.routes';
import { portalAuthRoutes } from './features/portal/portal-auth.routes';
import { portalPreviewRoutes } from './features/portal/portal-preview.routes';
import { pulseReminderWorker } from './features/pulses/pulses.reminders';
import { pulsesRoutes } from './features/pulses/pulses.routes';
import { learningsRoutes } from './features/reflections/learnings.routes';
import { reflectionsRoutes } from './features/reflections/reflections.routes';
import { relationshipsRoutes } from './features/relationships/relationships.routes';
import { searchRoutes } from './features/search/search.routes';
import { servicesRoutes } from './features/services/services.routes';
import { settingsRoutes } from './features/settings/settings.routes';
import { teamsRoutes } from './features/teams/teams.routes';
import { timeRoutes } from './features/time/time.routes';
import { tokensRoutes } from './features/tokens/tokens.routes';
import { topicsRoutes } from './features/topics/topics.routes';
import { touchpointsRoutes } from './features/touchpoints/touchpoints.routes';
import { transferRoutes } from './features/transfer/transfer.routes';
import { webhooksRoutes } from './features/webhooks/webhooks.routes';
import { registerAuth } from './platform/auth/auth.plugin';
import { rememberingSigner } from './platform/auth/cookie-signer';
import { SESSION_COOKIE } from './platform/auth/sessions';
import type { AppDeps } from './platform/deps';
import { registerErrorHandling, sendNoRoute } from './platform/errors';
import { homeScreenLinks } from './platform/first-screen-code';
import { registerInputGuard } from './platform/input-guard';
import { OneLinePerRequest } from './platform/logging';
import { projectRoot } from './platform/paths';
import { registerSecurityHeaders } from './platform/security-headers';
import { answerSerializer } from './platform/serializer';

const HOME_PATH = /^\/w\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/**
 * The data a signed-in member's home page asks for first — who they are (the shell waits for it) and the
 * portfolio — so the browser fetches it while it downloads the code instead of after (the page's own
 * requests then take the preloaded answers). Anything else: none.
 */
export function firstScreenData(path: string, signedIn: boolean): string[] {
  const home = signedIn ? HOME_PATH.exec(path) : null;
  return home ? ['/api/v1/me', `/api/v1/workspaces/${home[1]}/insights/portfolio`] : [];
}

/** A request for a file the build would have made; anything else under / is a client-side route. */
const ASSET_PATH = /\.(js|mjs|css|map|svg|png|jpe?g|gif|webp|ico|json|txt|woff2?|ttf|br|gz)$/i;

export const webRoot = join(projectRoot, 'dist', 'web');

/** Every feature's routes, in one list: adding a feature is adding a line here. */
const features: Array<(app: FastifyInstance, deps: AppDeps) => void> = [
  accountRoutes,
  tokensRoutes,
  settingsRoutes,
  teamsRoutes,
  servicesRoutes,
  clientsRoutes,
  relationshipsRoutes,
  touchpointsRoutes,
  checkInsRoutes,
  checkInsWorkspaceRoutes,
  topicsRoutes,
  notificationsRoutes,
  checkInReminderWorker,
  timeRoutes,
  experimentsRoutes,
  reflectionsRoutes,
  learningsRoutes,
  balanceRoutes,
  healthRoutes,
  healthWorker,
  purposeRoutes,
  eventsRoutes,
  knowledgeRoutes,
  promoteRoutes,
  searchRoutes,
  portalAuthRoutes,
  portalRoutes,
  portalPreviewRoutes,
  pulsesRoutes,
  pulseReminderWorker,
  transferRoutes,
  webhooksRoutes,
  importsRoutes,
];

/** One registered route, as the reliability tests walk them. */
export type RouteInfo = { method: string; url: string; minRole: string | undefined; hidden: boolean };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the app registered (filled by an onRoute hook), for the isolation matrix and fuzzer. */
    routeCatalog: RouteInfo[];
  }
}

export type BuildOptions = { logger?: boolean | object; serveWeb?: boolean };

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new OneLinePerRequest(),
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(answerSerializer());
  registerErrorHandling(app);
  const routeCatalog: RouteInfo[] = [];
  app.decorate('routeCatalog', routeCatalog);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeCatalog.push({
        method,
        url: route.url,
        minRole: route.config?.minRole,
        hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide),
      });
    }
  });

  await app.register(fastifyCookie, {
    secret: rememberingSigner(deps.config.sessionSecret ?? 'dev-only-secret-change-me-please-32c'),
  });
  registerSecurityHeaders(app, deps.config.publicUrl);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Twofold API',
        version: '1',
        description:
          'The REST API of Twofold, the partnership platform. Authenticate with the session cookie or `Authorization: Bearer <api token>`. Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'tf_session' },
          portalSession: { type: 'apiKey', in: 'cookie', name: 'tf_portal' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuth(app, deps.db, deps.config.publicUrl);
  registerInputGuard(app);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const feature of features) feature(app, deps);

  const serveWeb = options.serveWeb !== false && existsSync(join(webRoot, 'index.html'));
  const homeLinks = serveWeb ? homeScreenLinks(webRoot) : { entry: [], screen: [] };
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, path) {
        // Hashed assets never change; index.html must always be revalidated.
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  // The web app owns every other GET path (client-side routes); the API answers problem+json.
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (serveWeb && req.method === 'GET' && !path.startsWith('/api/') && !ASSET_PATH.test(path)) {
      const data = firstScreenData(path, Boolean(req.cookies[SESSION_COOKIE]));
      // The initial script, the home page's data, then the rest of its code (the preloads go out in this order).
      if (data.length > 0)
        reply.header(
          'link',
          [
            ...homeLinks.entry,
            ...data.map((d) => `<${d}>; rel=preload; as=fetch; crossorigin`),
            ...homeLinks.screen,
          ].join(', '),
        );
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    sendNoRoute(req, reply);
  });
  return app;
}
