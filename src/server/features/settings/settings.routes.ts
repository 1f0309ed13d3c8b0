import type { FastifyInstance } from 'fastify';
import { member } from '../../platform/auth/actor';
import { pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { auditEvent, outboxMessage, settingsPageQuery } from './settings.contract';
import { listAudit, listOutbox } from './settings.store';

const tags = ['Settings'];

export function settingsRoutes(app: FastifyInstance, { db }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/outbox',
      {
        schema: {
          tags,
          summary: 'Mail sent or waiting (the outbox when no SMTP is set)',
          querystring: settingsPageQuery,
          response: { 200: pageOf(outboxMessage) },
        },
        config: { minRole: 'admin' },
      },
      async (req) => listOutbox(db, member(req).workspaceId, req.query),
    );
    r.get(
      '/audit',
      {
        schema: {
          tags,
          summary: 'Audit log: who changed what, when',
          querystring: settingsPageQuery,
          response: { 200: pageOf(auditEvent) },
        },
        config: { minRole: 'admin' },
      },
      async (req) => listAudit(db, member(req).workspaceId, req.query),
    );
  });
}
