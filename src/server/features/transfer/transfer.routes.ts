import type { FastifyInstance } from 'fastify';
import { audited, recordAudit } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { restoreResult, workspaceDocument } from './transfer.contract';
import { exportWorkspace, restoreWorkspace } from './transfer.store';

const tags = ['Export and restore'];

/** A whole workspace is larger than any other request; this is the one route that takes more. */
const RESTORE_BODY_LIMIT = 256 * 1024 * 1024;

export function transferRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/export',
      {
        schema: {
          tags,
          summary: 'The whole workspace as one versioned JSON document (docs/export-format.md)',
          response: { 200: workspaceDocument },
        },
        config: { minRole: 'admin' },
      },
      async (req, reply) => {
        const m = member(req);
        const doc = await exportWorkspace(db, m.workspaceId, now());
        const counts = Object.fromEntries(Object.entries(doc.tables).map(([t, rows]) => [t, rows.length]));
        await recordAudit(db, m, 'workspace.exported', 'workspace', m.workspaceId, { tables: counts });
        const day = doc.exportedAt.slice(0, 10);
        reply.header('content-disposition', `attachment; filename="twofold-workspace-${day}.json"`);
        return doc;
      },
    );

    r.post(
      '/restore',
      {
        bodyLimit: RESTORE_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Restore an exported document into this workspace (409 unless it is empty)',
          body: workspaceDocument,
          response: { 200: restoreResult },
        },
        config: { minRole: 'admin' },
      },
      async (req) => {
        const m = member(req);
        const { idMap: _ids, ...result } = await audited(
          db,
          m,
          'workspace.restored',
          (tx) => restoreWorkspace(tx, m.workspaceId, req.body),
          (res) => ({ from: req.body.workspace.id, tables: res.tables, exportedAt: req.body.exportedAt }),
        );
        return result;
      },
    );
  });
}
