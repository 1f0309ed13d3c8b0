import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import {
  timeEntry,
  timeEntryInput,
  timeEntryListQuery,
  timeEntryPatch,
  timeFilters,
  timeSummary,
  timeSummaryQuery,
} from './time.contract';
import { timeEntriesCsv } from './time.csv';
import { summarizeTime } from './time.rollups';
import {
  createTimeEntry,
  deleteTimeEntry,
  exportTimeEntries,
  getTimeEntry,
  listTimeEntries,
  updateTimeEntry,
} from './time.store';

const params = z.object({ workspaceId: z.string(), timeEntryId: id });
const tags = ['Time'];

export function timeRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/time-entries',
      {
        schema: {
          tags,
          summary: 'List time entries',
          description:
            "Newest day first. Filter by member, team (the relationship's team, or the team named on the entry), relationship, kind and days.",
          querystring: timeEntryListQuery,
          response: { 200: pageOf(timeEntry) },
        },
      },
      async (req) => listTimeEntries(db, member(req).workspaceId, req.query),
    );

    r.get(
      '/time-entries.csv',
      {
        schema: {
          tags,
          summary: 'Export time entries as CSV',
          description: 'Every entry matching the filters (the same as the list), oldest first.',
          querystring: timeFilters,
          response: {
            200: {
              description: 'CSV with a header row',
              content: { 'text/csv': { schema: z.string() } },
            },
          },
        },
      },
      async (req, reply) => {
        const entries = await exportTimeEntries(db, member(req).workspaceId, req.query);
        const day = now().toISOString().slice(0, 10);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="time-entries-${day}.csv"`)
          .send(timeEntriesCsv(entries));
      },
    );

    r.get(
      '/time-entries/summary',
      {
        schema: {
          tags,
          summary: 'Hours by kind over time',
          description:
            'Hours per kind per day, week or month for the filters, with totals. Utilisation (billable share) is given only beside the partnership and learning shares.',
          querystring: timeSummaryQuery,
          response: { 200: timeSummary },
        },
      },
      async (req) => summarizeTime(db, member(req).workspaceId, req.query),
    );

    r.post(
      '/time-entries',
      {
        schema: {
          tags,
          summary: 'Log time',
          description:
            "memberId defaults to the caller (only admins log for someone else); teamId defaults to the relationship's team.",
          body: timeEntryInput,
          response: { 201: timeEntry },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'timeEntry.created', (tx) =>
          createTimeEntry(tx, m.workspaceId, m, req.body),
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/time-entries/:timeEntryId',
      { schema: { tags, summary: 'Get a time entry', params, response: { 200: timeEntry } } },
      async (req) => getTimeEntry(db, member(req).workspaceId, req.params.timeEntryId),
    );

    r.patch(
      '/time-entries/:timeEntryId',
      {
        schema: {
          tags,
          summary: 'Update a time entry',
          description: 'Your own entries; admins may change anyone’s.',
          params,
          body: timeEntryPatch,
          response: { 200: timeEntry },
        },
      },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'timeEntry.updated', (tx) =>
          updateTimeEntry(tx, m.workspaceId, m, req.params.timeEntryId, req.body),
        );
      },
    );

    r.delete(
      '/time-entries/:timeEntryId',
      {
        schema: {
          tags,
          summary: 'Delete a time entry',
          description: 'Your own entries; admins may delete anyone’s.',
          params,
        },
      },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'timeEntry.deleted', (tx) =>
          deleteTimeEntry(tx, m.workspaceId, m, req.params.timeEntryId),
        );
        return reply.code(204).send();
      },
    );
  });
}
