import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import type { MailContext } from '../notifications/notifications.store';
import {
  type ContextSide,
  checkIn,
  checkInInput,
  checkInListQuery,
  checkInPatch,
  contextInput,
} from './check-ins.contract';
import { checkInCalendar } from './check-ins.invite';
import {
  checkInForCalendar,
  deleteCheckIn,
  getCheckIn,
  listCheckIns,
  saveContext,
  scheduleCheckIn,
  updateCheckIn,
} from './check-ins.store';

const relationshipParams = z.object({ workspaceId: z.string(), relationshipId: id });
const params = relationshipParams.extend({ checkInId: id });
const tags = ['Check-ins'];
const base = '/relationships/:relationshipId/check-ins';

export function checkInsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, now } = deps;
  const mail: MailContext = { publicUrl: deps.config.publicUrl, smtp: Boolean(deps.config.smtpUrl) };

  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      base,
      {
        schema: {
          tags,
          summary: "List a relationship's check-ins",
          description: 'Latest date first, with both sides’ context; filter by status.',
          params: relationshipParams,
          querystring: checkInListQuery,
          response: { 200: pageOf(checkIn) },
        },
      },
      async (req) => listCheckIns(db, member(req).workspaceId, req.params.relationshipId, req.query),
    );

    r.post(
      base,
      {
        schema: {
          tags,
          summary: 'Schedule a check-in',
          description:
            'Snapshots the workspace agenda and emails everyone invited (the partner lead, whoever schedules it and the client’s contacts) a calendar invite (.ics). Reminders go to the partner lead the day before, and the day after if it is not recorded.',
          params: relationshipParams,
          body: checkInInput,
          response: { 201: checkIn },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'check_in.scheduled', (tx) =>
          scheduleCheckIn(tx, m.workspaceId, m.userId, req.params.relationshipId, req.body, now(), mail),
        );
        deps.mail.kick();
        return reply.code(201).send(created);
      },
    );

    r.get(
      `${base}/:checkInId`,
      { schema: { tags, summary: 'Get a check-in', params, response: { 200: checkIn } } },
      async (req) => getCheckIn(db, member(req).workspaceId, req.params.relationshipId, req.params.checkInId),
    );

    r.patch(
      `${base}/:checkInId`,
      {
        schema: {
          tags,
          summary: 'Record, skip or move a check-in',
          description:
            'status "held" (with heldAt, default now) restarts the cadence: the relationship’s next due date moves. "skipped" needs the reason in notes and moves nothing. A new scheduledFor sends everyone the updated invite (same UID, SEQUENCE + 1).',
          params,
          body: checkInPatch,
          response: { 200: checkIn },
        },
      },
      async (req) => {
        const m = member(req);
        const { relationshipId, checkInId } = req.params;
        const action = req.body.status ? `check_in.${req.body.status}` : 'check_in.updated';
        const updated = await audited(db, m, action, (tx) =>
          updateCheckIn(tx, m.workspaceId, relationshipId, checkInId, req.body, now(), mail),
        );
        deps.mail.kick();
        return updated;
      },
    );

    r.delete(
      `${base}/:checkInId`,
      {
        schema: {
          tags,
          summary: 'Cancel a check-in',
          description:
            'A scheduled check-in ahead is cancelled in every invitee’s calendar; a held one is history and stays (409).',
          params,
        },
      },
      async (req, reply) => {
        const m = member(req);
        const { relationshipId, checkInId } = req.params;
        await audited(db, m, 'check_in.deleted', (tx) =>
          deleteCheckIn(tx, m.workspaceId, relationshipId, checkInId, now(), mail),
        );
        deps.mail.kick();
        return reply.code(204).send();
      },
    );

    const contextRoute = (side: ContextSide) =>
      r.put(
        `${base}/:checkInId/context/${side}`,
        {
          schema: {
            tags,
            summary: side === 'provider' ? 'Fill our side of the context' : 'Fill their side of the context',
            description:
              side === 'provider'
                ? 'How our business is doing, our unused capacity, further topics and ways of working.'
                : 'The client’s side, filled by us on their behalf (marked provider_on_behalf); client contacts fill it themselves in the portal.',
            params,
            body: contextInput,
            response: { 200: checkIn },
          },
        },
        async (req) => {
          const m = member(req);
          const { relationshipId, checkInId } = req.params;
          return audited(db, m, `check_in.context_${side}`, (tx) =>
            saveContext(tx, m.workspaceId, relationshipId, checkInId, side, m.userId, req.body, now()),
          );
        },
      );
    contextRoute('provider');
    contextRoute('client');

    r.get(
      `${base}/:checkInId/invite.ics`,
      {
        schema: {
          tags,
          summary: 'Download the calendar invite (.ics)',
          description:
            'The same invite the email carries: stable UID, current SEQUENCE, times in UTC, the partner lead as organizer and everyone invited as attendees.',
          params,
          produces: ['text/calendar'],
          response: {
            200: z.string().describe('An iCalendar (RFC 5545) file'),
          },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const { row, rel } = await checkInForCalendar(
          db,
          m.workspaceId,
          req.params.relationshipId,
          req.params.checkInId,
        );
        const ics = checkInCalendar(m.workspaceId, row, rel, 'REQUEST', deps.config.publicUrl);
        return reply
          .type('text/calendar; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="check-in-${row.scheduledFor.toISOString().slice(0, 10)}.ics"`,
          )
          .send(ics);
      },
    );
  });
}
