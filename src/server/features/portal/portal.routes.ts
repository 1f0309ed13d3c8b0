import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { id, pageOf, pageQuery } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { answerAsContact, openPulsesForContact } from '../pulses/pulse-contact.store';
import {
  portalCheckIn,
  portalCheckInQuery,
  portalComment,
  portalCommentInput,
  portalContextInput,
  portalEvent,
  portalEventQuery,
  portalKnowledge,
  portalPulse,
  portalPulseAnswer,
  portalRelationship,
  portalRelationshipDetail,
  portalRsvpInput,
  portalSearchQuery,
  portalSearchResult,
  portalTopic,
  portalTopicInput,
  portalTouchpoint,
} from './portal.contract';
import { contactOf, registerPortalRoutes } from './portal.guard';
import {
  assertOwnRelationship,
  getPortalCheckIn,
  getPortalRelationship,
  getPortalTopic,
  listPortalCheckIns,
  listPortalComments,
  listPortalRelationships,
  listPortalTopics,
  listPortalTouchpoints,
} from './portal.read';
import {
  commentFromPortal,
  proposeTopic,
  rsvpFromPortal,
  saveClientContext,
  voteFromPortal,
} from './portal.write';
import { getPortalEvent, listPortalEvents, listPortalKnowledge, portalSearch } from './portal-community.read';

const tags = ['Client portal'];
const rel = z.object({ relationshipId: id });
const checkInParams = rel.extend({ checkInId: id });
const topicParams = rel.extend({ topicId: id });
const eventParams = rel.extend({ eventId: id });
const pulseParams = z.object({ pulseId: id });

/** A client contact's shared space: only their own client's relationships, only what is shared. */
export function portalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const mail = { publicUrl: config.publicUrl, smtp: Boolean(config.smtpUrl) };
  const write = <T>(fn: (tx: typeof db) => Promise<T>) =>
    db
      .transaction((tx) => fn(tx as unknown as typeof db))
      .then((r) => {
        deps.mail.kick();
        return r;
      });

  registerPortalRoutes(app, db, deps.now, (r) => {
    r.get(
      '/relationships',
      {
        schema: {
          tags,
          summary: "The contact's own client's relationships with the provider",
          querystring: pageQuery,
          response: { 200: pageOf(portalRelationship) },
        },
      },
      async (req) => listPortalRelationships(db, contactOf(req), req.query),
    );
    r.get(
      '/relationships/:relationshipId',
      {
        schema: {
          tags,
          summary: 'One relationship: the shared ambition and the journey together',
          params: rel,
          response: { 200: portalRelationshipDetail },
        },
      },
      async (req) => getPortalRelationship(db, contactOf(req), req.params.relationshipId),
    );

    r.get(
      '/relationships/:relationshipId/check-ins',
      {
        schema: {
          tags,
          summary: 'Check-ins, with the client side of each one’s context',
          params: rel,
          querystring: portalCheckInQuery,
          response: { 200: pageOf(portalCheckIn) },
        },
      },
      async (req) => listPortalCheckIns(db, contactOf(req), req.params.relationshipId, req.query, deps.now()),
    );
    r.get(
      '/relationships/:relationshipId/check-ins/:checkInId',
      { schema: { tags, summary: 'One check-in', params: checkInParams, response: { 200: portalCheckIn } } },
      async (req) => getPortalCheckIn(db, contactOf(req), req.params.relationshipId, req.params.checkInId),
    );
    r.put(
      '/relationships/:relationshipId/check-ins/:checkInId/context/client',
      {
        schema: {
          tags,
          summary: "Fill in the client's side of a check-in, before or after it",
          params: checkInParams,
          body: portalContextInput,
          response: { 200: portalCheckIn },
        },
      },
      async (req) =>
        write((tx) =>
          saveClientContext(
            tx,
            contactOf(req),
            req.params.relationshipId,
            req.params.checkInId,
            req.body,
            deps.now(),
            mail,
          ),
        ),
    );

    r.get(
      '/relationships/:relationshipId/topics',
      {
        schema: {
          tags,
          summary: 'The shared topic backlog',
          params: rel,
          querystring: pageQuery,
          response: { 200: pageOf(portalTopic) },
        },
      },
      async (req) => listPortalTopics(db, contactOf(req), req.params.relationshipId, req.query),
    );
    r.post(
      '/relationships/:relationshipId/topics',
      {
        schema: {
          tags,
          summary: 'Propose a topic (raised by the client)',
          params: rel,
          body: portalTopicInput,
          response: { 201: portalTopic },
        },
      },
      async (req, reply) => {
        const topic = await write((tx) =>
          proposeTopic(tx, contactOf(req), req.params.relationshipId, req.body, deps.now(), mail),
        );
        return reply.code(201).send(topic);
      },
    );
    r.get(
      '/relationships/:relationshipId/topics/:topicId',
      { schema: { tags, summary: 'One topic', params: topicParams, response: { 200: portalTopic } } },
      async (req) => getPortalTopic(db, contactOf(req), req.params.relationshipId, req.params.topicId),
    );
    r.post(
      '/relationships/:relationshipId/topics/:topicId/votes',
      {
        schema: {
          tags,
          summary: 'Vote for a topic (once; a second vote changes nothing)',
          params: topicParams,
          body: z.object({}).nullish().describe('No fields: the vote is the contact’s'),
          response: { 200: portalTopic, 201: portalTopic },
        },
      },
      async (req, reply) => {
        const { topic, added } = await write((tx) =>
          voteFromPortal(tx, contactOf(req), req.params.relationshipId, req.params.topicId),
        );
        return reply.code(added ? 201 : 200).send(topic);
      },
    );
    r.get(
      '/relationships/:relationshipId/topics/:topicId/comments',
      {
        schema: {
          tags,
          summary: 'The conversation on a topic',
          params: topicParams,
          querystring: pageQuery,
          response: { 200: pageOf(portalComment) },
        },
      },
      async (req) =>
        listPortalComments(db, contactOf(req), req.params.relationshipId, req.params.topicId, req.query),
    );
    r.post(
      '/relationships/:relationshipId/topics/:topicId/comments',
      {
        schema: {
          tags,
          summary: 'Comment on a topic',
          params: topicParams,
          body: portalCommentInput,
          response: { 201: portalComment },
        },
      },
      async (req, reply) => {
        const comment = await write((tx) =>
          commentFromPortal(
            tx,
            contactOf(req),
            req.params.relationshipId,
            req.params.topicId,
            req.body.body,
            deps.now(),
            mail,
          ),
        );
        return reply.code(201).send(comment);
      },
    );

    r.get(
      '/relationships/:relationshipId/touchpoints',
      {
        schema: {
          tags,
          summary: 'The touchpoints the provider shared',
          params: rel,
          querystring: pageQuery,
          response: { 200: pageOf(portalTouchpoint) },
        },
      },
      async (req) => listPortalTouchpoints(db, contactOf(req), req.params.relationshipId, req.query),
    );

    r.get(
      '/relationships/:relationshipId/events',
      {
        schema: {
          tags,
          summary: 'Events open to clients or the community',
          params: rel,
          querystring: portalEventQuery,
          response: { 200: pageOf(portalEvent) },
        },
      },
      async (req) => {
        const v = contactOf(req);
        await assertOwnRelationship(db, v, req.params.relationshipId);
        return listPortalEvents(db, v, req.query, deps.now());
      },
    );
    r.get(
      '/relationships/:relationshipId/events/:eventId',
      { schema: { tags, summary: 'One event', params: eventParams, response: { 200: portalEvent } } },
      async (req) => {
        const v = contactOf(req);
        await assertOwnRelationship(db, v, req.params.relationshipId);
        return getPortalEvent(db, v, req.params.eventId);
      },
    );
    r.post(
      '/relationships/:relationshipId/events/:eventId/rsvps',
      {
        schema: {
          tags,
          summary: 'Answer an event invitation: yes, no or maybe',
          params: eventParams,
          body: portalRsvpInput,
          response: { 200: portalEvent, 201: portalEvent },
        },
      },
      async (req, reply) => {
        const { event, created } = await write((tx) =>
          rsvpFromPortal(
            tx,
            contactOf(req),
            req.params.relationshipId,
            req.params.eventId,
            req.body.response,
            deps.now(),
          ),
        );
        return reply.code(created ? 201 : 200).send(event);
      },
    );

    r.get(
      '/relationships/:relationshipId/knowledge',
      {
        schema: {
          tags,
          summary: 'Knowledge the provider shared',
          params: rel,
          querystring: pageQuery,
          response: { 200: pageOf(portalKnowledge) },
        },
      },
      async (req) => {
        const v = contactOf(req);
        await assertOwnRelationship(db, v, req.params.relationshipId);
        return listPortalKnowledge(db, v, req.query);
      },
    );

    r.get(
      '/pulses',
      {
        schema: {
          tags,
          summary: 'Client pulses the contact was sent and has not answered yet, soonest to close first',
          querystring: pageQuery,
          response: { 200: pageOf(portalPulse) },
        },
      },
      async (req) => {
        const v = contactOf(req);
        return openPulsesForContact(db, v.workspaceId, v.contactId, deps.now(), req.query);
      },
    );
    r.put(
      '/pulses/:pulseId/response',
      {
        schema: {
          tags,
          summary: 'Answer a pulse here instead of by the emailed link (either one uses up the other)',
          params: pulseParams,
          body: portalPulseAnswer,
          response: { 204: z.null().describe('Answered') },
        },
      },
      async (req, reply) => {
        const v = contactOf(req);
        await answerAsContact(db, v.workspaceId, v.contactId, req.params.pulseId, req.body, deps.now());
        return reply.code(204).send(null);
      },
    );

    r.get(
      '/search',
      {
        schema: {
          tags,
          summary: 'Search what is shared with the client: topics, knowledge, events',
          querystring: portalSearchQuery,
          response: { 200: portalSearchResult },
        },
      },
      async (req) => ({ hits: await portalSearch(db, contactOf(req), req.query.q) }),
    );
  });
}
