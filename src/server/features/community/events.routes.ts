import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { event, eventInput, eventListQuery, eventPatch } from './events.contract';
import { eventIcs } from './events.ics';
import { createEvent, deleteEvent, getEvent, getEventRow, listEvents, updateEvent } from './events.store';
import { rsvpsRoutes } from './rsvps.routes';

const params = z.object({ workspaceId: z.string(), eventId: id });
const tags = ['Community'];

export function eventsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, now, config } = deps;
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/events',
      {
        schema: {
          tags,
          summary: 'List events',
          description:
            'Upcoming (soonest first, the default), past or all (latest first); filter by audience.',
          querystring: eventListQuery,
          response: { 200: pageOf(event) },
        },
      },
      async (req) => {
        const m = member(req);
        return listEvents(db, m.workspaceId, m.userId, req.query, now());
      },
    );

    r.post(
      '/events',
      { schema: { tags, summary: 'Create an event', body: eventInput, response: { 201: event } } },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'event.created', (tx) =>
          createEvent(tx, m.workspaceId, m.userId, req.body, now()),
        );
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/events/:eventId',
      { schema: { tags, summary: 'Get an event', params, response: { 200: event } } },
      async (req) => {
        const m = member(req);
        return getEvent(db, m.workspaceId, m.userId, req.params.eventId);
      },
    );

    r.patch(
      '/events/:eventId',
      {
        schema: {
          tags,
          summary: 'Update an event, or write its notes',
          description:
            'Notes are accepted once the event has started; saving them gives the relationships of every client contact who said yes an `event` touchpoint (once per contact).',
          params,
          body: eventPatch,
          response: { 200: event },
        },
      },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'event.updated', (tx) =>
          updateEvent(tx, m.workspaceId, m.userId, req.params.eventId, req.body, now()),
        );
      },
    );

    r.delete(
      '/events/:eventId',
      {
        schema: { tags, summary: 'Delete an event', description: 'Its organiser or an admin.', params },
      },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'event.deleted', (tx) => deleteEvent(tx, m, req.params.eventId));
        return reply.code(204).send();
      },
    );

    r.get(
      '/events/:eventId/invite.ics',
      {
        schema: {
          tags,
          summary: 'The event as a calendar file (.ics)',
          description: 'text/calendar; the UID stays the same for the event, so a later download updates it.',
          params,
          response: { 200: z.string().describe('An iCalendar (RFC 5545) document') },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const row = await getEventRow(db, m.workspaceId, req.params.eventId);
        const ics = eventIcs(row, {
          method: 'PUBLISH',
          url: `${config.publicUrl}/w/${m.workspaceId}/events/${row.id}`,
        });
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'attachment; filename="event.ics"')
          .send(ics);
      },
    );
  });
  rsvpsRoutes(app, deps);
}
