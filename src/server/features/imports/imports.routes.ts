import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { type JobLoop, startJobLoop } from '../../platform/jobs';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import {
  commitInput,
  importListQuery,
  importState,
  importSummary,
  uploadQuery,
  uploadResult,
} from './imports.contract';
import { decodeCsv } from './imports.csv';
import { dropAbandonedUploads, dueImports, runImport } from './imports.run';
import { commitImport, createImport, getImport, listImports, rejectedCsv } from './imports.store';

const params = z.object({ workspaceId: z.string(), importId: id });
const tags = ['Imports'];
/** A 100,000-row CRM export is ~15 MB; this route alone takes files up to this size (ADR 012). */
export const UPLOAD_LIMIT = 50 * 1024 * 1024;

/**
 * CSV imports, and the worker that runs them: committed imports are read from the table, so a restart
 * or another node picks up whatever was left, from its last committed batch.
 */
export function importsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  let loop: JobLoop | undefined;

  registerWorkspaceRoutes(app, db, (r) => {
    r.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
      (_req, body, done) => done(null, decodeCsv(body as Buffer)),
    );

    r.get(
      '/imports',
      {
        schema: {
          tags,
          summary: 'List past imports',
          description: 'Newest first, without their files.',
          querystring: importListQuery,
          response: { 200: pageOf(importSummary) },
        },
      },
      async (req) => listImports(db, member(req).workspaceId, req.query),
    );

    r.post(
      '/imports',
      {
        bodyLimit: UPLOAD_LIMIT,
        schema: {
          tags,
          summary: 'Upload a CSV file to import',
          description:
            'Send the file as the body with Content-Type text/csv (UTF-8, with or without BOM; `,` or `;` between fields). Answers with its columns, the mapping we suggest (column names of HubSpot, Salesforce, Pipedrive and Twenty exports are recognised) and the first rows with what is wrong in each. Nothing is written until POST …/commit.',
          consumes: ['text/csv'],
          querystring: uploadQuery,
          body: z.string({ error: 'must be a CSV file sent as text/csv' }).min(1, 'is empty'),
          response: { 201: uploadResult },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(
          db,
          m,
          'import.created',
          (tx) =>
            createImport(tx, m.workspaceId, m.userId, req.query.entity, req.body, req.query.fileName ?? null),
          (r) => ({ entity: r.entity, rows: r.total }),
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/imports/:importId',
      {
        schema: { tags, summary: 'Progress and report of an import', params, response: { 200: importState } },
      },
      async (req) => getImport(db, member(req).workspaceId, req.params.importId),
    );

    r.post(
      '/imports/:importId/commit',
      {
        schema: {
          tags,
          summary: 'Start an import with a mapping',
          description:
            'mapping: our field → the CSV column that fills it. Answers 202 at once; follow GET /imports/{id} for progress. Contacts are matched by email, clients by domain or name, relationships by client and team, so running the same file twice changes nothing.',
          params,
          body: commitInput,
          response: { 202: importState },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const state = await audited(db, m, 'import.committed', (tx) =>
          commitImport(tx, m.workspaceId, req.params.importId, req.body.mapping),
        );
        loop?.kick();
        return reply.code(202).send(state);
      },
    );

    r.get(
      '/imports/:importId/rejected.csv',
      {
        schema: {
          tags,
          summary: 'Download the rejected rows',
          description:
            'The rows that were not imported, as the file had them, with the problem in a last column.',
          params,
          response: {
            200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } },
          },
        },
      },
      async (req, reply) => {
        const csv = await rejectedCsv(db, member(req).workspaceId, req.params.importId);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="rejected-rows-${req.params.importId}.csv"`)
          .send(csv);
      },
    );
  });

  app.addHook('onReady', async () => {
    loop = startJobLoop({
      intervalMs: 30_000,
      firstDelayMs: 5_000,
      pass: async () => {
        await dropAbandonedUploads(db, deps.now());
        let ran = 0;
        for (const due of await dueImports(db, deps.now())) {
          await runImport(db, due.workspaceId, due.id).catch((err) =>
            app.log.error({ err, importId: due.id }, 'import batch failed; it will be retried'),
          );
          ran++;
        }
        return ran;
      },
      log: (msg, err) => app.log.error({ err }, msg),
    });
  });
  app.addHook('onClose', async () => {
    await loop?.stop();
  });
}
