import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { attendee, invitationInput, invitationResult, rsvpInput, rsvpListQuery } from './events.contract';
import { mailInvitations } from './events.mail';
import { getEventRow } from './events.store';
import { invite, listRsvps, respond } from './rsvps.store';

const params = z.object({ workspaceId: z.string(), eventId: id });
const tags = ['Community'];

/** Invitations and answers of one event; mounted by eventsRoutes. */
export function rsvpsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, now, config } = deps;
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/events/:eventId/rsvps',
      {
        schema: {
          tags,
          summary: 'Who is invited and who comes',
          description: 'Members and client contacts; `response` null means invited, no answer yet.',
          params,
          querystring: rsvpListQuery,
          response: { 200: pageOf(attendee) },
        },
      },
      async (req) => {
        const m = member(req);
        await getEventRow(db, m.workspaceId, req.params.eventId);
        return listRsvps(db, m.workspaceId, req.params.eventId, req.query);
      },
    );

    r.post(
      '/events/:eventId/rsvps',
      {
        schema: {
          tags,
          summary: 'Answer yes, no or maybe',
          description:
            'Your own answer (one per person; answering again changes it), or with `contactId` the answer a client contact gave you. 201 for a first answer, 200 for a change.',
          params,
          body: rsvpInput,
          response: { 200: attendee, 201: attendee },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const { response, contactId } = req.body;
        const result = await audited(
          db,
          m,
          'rsvp.recorded',
          async (tx) => {
            const row = await getEventRow(tx, m.workspaceId, req.params.eventId);
            const who = contactId ? { contactId } : { userId: m.userId };
            const r = await respond(tx, m.workspaceId, row, who, response, m.userId, now());
            return { id: r.attendee.id, ...r };
          },
          { eventId: req.params.eventId, response, contactId: contactId ?? null },
        );
        return reply.code(result.created ? 201 : 200).send(result.attendee);
      },
    );

    r.post(
      '/events/:eventId/invitations',
      {
        schema: {
          tags,
          summary: 'Invite members and client contacts by email',
          description:
            'Each new invitee gets an email with the event attached as a calendar invitation (.ics, METHOD:REQUEST). People already invited are not emailed again. Contacts only for events open to clients.',
          params,
          body: invitationInput,
          response: { 201: invitationResult },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const result = await audited(
          db,
          m,
          'event.invited',
          async (tx) => {
            const row = await getEventRow(tx, m.workspaceId, req.params.eventId);
            const done = await invite(tx, m.workspaceId, row, req.body, now());
            await mailInvitations(tx, m.workspaceId, row, done.invited, m.userId, req.body.message, {
              publicUrl: config.publicUrl,
              smtp: Boolean(config.smtpUrl),
            });
            return { id: row.id, ...done };
          },
          (r) => ({ invited: r.invited.length, alreadyInvited: r.alreadyInvited }),
        );
        deps.mail.kick();
        return reply.code(201).send({ invited: result.invited, alreadyInvited: result.alreadyInvited });
      },
    );
  });
}
