import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { getAgendaTemplate, saveAgendaTemplate } from './agenda.store';
import { createAction, deleteAction, listActions, updateAction } from './check-in-actions.store';
import {
  action,
  actionInput,
  actionListQuery,
  actionPatch,
  agenda,
  agendaTemplate,
  dueItem,
  dueQuery,
  dueSummary,
  dueSummaryQuery,
  roomItem,
  roomQuery,
} from './check-ins.contract';
import { listDue, listRoom, summarizeDue } from './check-ins.planner';

const tags = ['Check-ins'];
const checkInParams = z.object({ workspaceId: z.string(), relationshipId: id, checkInId: id });
const actionParams = checkInParams.extend({ actionId: id });
const actions = '/relationships/:relationshipId/check-ins/:checkInId/actions';

/** Check-ins across the workspace (what is due, where there is room), the agenda, and check-in actions. */
export function checkInsWorkspaceRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/check-ins/due',
      {
        schema: {
          tags,
          summary: 'Check-ins due across the workspace',
          description:
            'Every active relationship by its next due date (from cadenceDays and the last held check-in), most overdue first, with the next check-in already scheduled. bucket: overdue, this_week (today and the next six days) or later.',
          querystring: dueQuery,
          response: { 200: pageOf(dueItem) },
        },
      },
      async (req) => listDue(db, member(req).workspaceId, req.query, now()),
    );

    r.get(
      '/check-ins/due/summary',
      {
        schema: {
          tags,
          summary: 'Count check-ins overdue, due this week and later',
          querystring: dueSummaryQuery,
          response: { 200: dueSummary },
        },
      },
      async (req) => summarizeDue(db, member(req).workspaceId, req.query, now()),
    );

    r.get(
      '/check-ins/room',
      {
        schema: {
          tags,
          summary: 'Where there is room',
          description:
            'Unused capacity either side declared in recent check-ins, across all relationships, newest first — to match capacity with topics.',
          querystring: roomQuery,
          response: { 200: pageOf(roomItem) },
        },
      },
      async (req) => listRoom(db, member(req).workspaceId, req.query, now()),
    );

    r.get(
      '/check-in-agenda',
      {
        schema: {
          tags,
          summary: 'Get the check-in agenda',
          description: 'The questions of the four parts every check-in walks through.',
          response: { 200: agendaTemplate },
        },
      },
      async (req) => getAgendaTemplate(db, member(req).workspaceId),
    );

    r.put(
      '/check-in-agenda',
      {
        schema: {
          tags,
          summary: 'Edit the check-in agenda',
          description:
            'Admins word the titles and questions; the four parts stay. Check-ins already scheduled keep the agenda they were scheduled with.',
          body: agenda,
          response: { 200: agendaTemplate },
        },
        config: { minRole: 'admin' },
      },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'check_in_agenda.updated', (tx) =>
          saveAgendaTemplate(tx, m.workspaceId, m.userId, req.body, now()),
        );
      },
    );

    r.get(
      actions,
      {
        schema: {
          tags,
          summary: "List a check-in's actions",
          params: checkInParams,
          querystring: actionListQuery,
          response: { 200: pageOf(action) },
        },
      },
      async (req) => {
        const { relationshipId, checkInId } = req.params;
        return listActions(db, member(req).workspaceId, relationshipId, checkInId, req.query);
      },
    );

    r.post(
      actions,
      {
        schema: {
          tags,
          summary: 'Add an action to a check-in',
          description: 'Who does what, by when.',
          params: checkInParams,
          body: actionInput,
          response: { 201: action },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const { relationshipId, checkInId } = req.params;
        const created = await audited(db, m, 'check_in_action.created', (tx) =>
          createAction(tx, m.workspaceId, relationshipId, checkInId, m.userId, req.body, now()),
        );
        return reply.code(201).send(created);
      },
    );

    r.patch(
      `${actions}/:actionId`,
      {
        schema: {
          tags,
          summary: 'Update an action',
          description: '`done: true` ticks it off.',
          params: actionParams,
          body: actionPatch,
          response: { 200: action },
        },
      },
      async (req) => {
        const m = member(req);
        const { relationshipId, checkInId, actionId } = req.params;
        return audited(db, m, 'check_in_action.updated', (tx) =>
          updateAction(tx, m.workspaceId, relationshipId, checkInId, actionId, req.body, now()),
        );
      },
    );

    r.delete(
      `${actions}/:actionId`,
      { schema: { tags, summary: 'Delete an action', params: actionParams } },
      async (req, reply) => {
        const m = member(req);
        const { relationshipId, checkInId, actionId } = req.params;
        await audited(db, m, 'check_in_action.deleted', (tx) =>
          deleteAction(tx, m.workspaceId, relationshipId, checkInId, actionId),
        );
        return reply.code(204).send();
      },
    );
  });
}
