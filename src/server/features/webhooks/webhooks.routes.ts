import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf, pageQuery } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { JobLoop } from '../../platform/jobs';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { refuseAddress } from './webhooks.address';
import {
  createdWebhook,
  webhook,
  webhookDelivery,
  webhookInput,
  webhookParams,
  webhookPatch,
} from './webhooks.contract';
import {
  createWebhook,
  deleteWebhook,
  enqueueTestDelivery,
  getWebhook,
  listDeliveries,
  listWebhooks,
  updateWebhook,
} from './webhooks.store';
import { startWebhookDelivery } from './webhooks.worker';

const tags = ['Webhooks'];
const DEV_SECRET = 'dev-only-secret-change-me-please-32c';

export function webhooksRoutes(app: FastifyInstance, { db, config, now }: AppDeps): void {
  const sessionSecret = config.sessionSecret ?? DEV_SECRET;
  const allowPrivate = config.webhooksAllowPrivate;
  let loop: JobLoop | undefined;
  app.addHook('onReady', async () => {
    loop = startWebhookDelivery({
      db,
      sessionSecret,
      allowPrivate,
      now,
      log: (msg, err) => app.log.error({ err }, msg),
    });
  });
  app.addHook('onClose', async () => {
    await loop?.stop();
  });
  const checkUrl = async (url: string | undefined) => {
    const why = url === undefined ? null : await refuseAddress(url, allowPrivate, false);
    if (why) throw AppError.badField('url', why);
  };

  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/webhooks',
      {
        schema: { tags, summary: 'List webhooks', response: { 200: pageOf(webhook) } },
        config: { minRole: 'admin' },
      },
      async (req) => ({ items: await listWebhooks(db, member(req).workspaceId), nextCursor: null }),
    );

    r.post(
      '/webhooks',
      {
        schema: {
          tags,
          summary: 'Subscribe a URL to events (the signing secret is shown once)',
          body: webhookInput,
          response: { 201: createdWebhook },
        },
        config: { minRole: 'admin' },
      },
      async (req, reply) => {
        const m = member(req);
        await checkUrl(req.body.url);
        const created = await audited(
          db,
          m,
          'webhook.created',
          (tx) => createWebhook(tx, m.workspaceId, m.userId, req.body, sessionSecret),
          { url: req.body.url, events: req.body.events },
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/webhooks/:webhookId',
      {
        schema: { tags, summary: 'One webhook', params: webhookParams, response: { 200: webhook } },
        config: { minRole: 'admin' },
      },
      async (req) => getWebhook(db, member(req).workspaceId, req.params.webhookId),
    );

    r.patch(
      '/webhooks/:webhookId',
      {
        schema: {
          tags,
          summary: 'Change a webhook’s URL or events, or pause it',
          params: webhookParams,
          body: webhookPatch,
          response: { 200: webhook },
        },
        config: { minRole: 'admin' },
      },
      async (req) => {
        const m = member(req);
        await checkUrl(req.body.url);
        return audited(db, m, 'webhook.updated', (tx) =>
          updateWebhook(tx, m.workspaceId, req.params.webhookId, req.body),
        );
      },
    );

    r.delete(
      '/webhooks/:webhookId',
      {
        schema: { tags, summary: 'Delete a webhook and its delivery log', params: webhookParams },
        config: { minRole: 'admin' },
      },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'webhook.deleted', (tx) =>
          deleteWebhook(tx, m.workspaceId, req.params.webhookId),
        );
        return reply.code(204).send();
      },
    );

    r.post(
      '/webhooks/:webhookId/test',
      {
        schema: {
          tags,
          summary: 'Send a test delivery (event webhook.test) now',
          params: webhookParams,
          body: z.object({}).optional(),
          response: { 202: z.object({ id }) },
        },
        config: { minRole: 'admin' },
      },
      async (req, reply) => {
        const m = member(req);
        const delivery = await enqueueTestDelivery(db, m.workspaceId, req.params.webhookId);
        loop?.kick();
        return reply.code(202).send(delivery);
      },
    );

    r.get(
      '/webhooks/:webhookId/deliveries',
      {
        schema: {
          tags,
          summary: 'The delivery log: status code, response time, attempts',
          params: webhookParams,
          querystring: pageQuery,
          response: { 200: pageOf(webhookDelivery) },
        },
        config: { minRole: 'admin' },
      },
      async (req) => listDeliveries(db, member(req).workspaceId, req.params.webhookId, req.query),
    );
  });
}
