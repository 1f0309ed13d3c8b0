import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/open';
import { audited } from '../../platform/audit';
import { member, roleAtLeast } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { userRef } from '../check-ins/check-ins.relationship';
import type { MailContext } from '../notifications/notifications.store';
import { addComment, deleteComment, getComment, listComments } from './topic-comments.store';
import {
  comment,
  commentInput,
  commentListQuery,
  topic,
  topicInput,
  topicListQuery,
  topicPatch,
  workspaceTopicListQuery,
} from './topics.contract';
import {
  createTopic,
  deleteTopic,
  getTopic,
  listRelationshipTopics,
  listTopics,
  type Person,
  unvoteTopic,
  updateTopic,
  voteOnTopic,
} from './topics.store';

const relationshipParams = z.object({ workspaceId: z.string(), relationshipId: id });
const params = relationshipParams.extend({ topicId: id });
const commentParams = params.extend({ commentId: id });
const tags = ['Topics'];
const base = '/relationships/:relationshipId/topics';

/** The caller as a person on the provider side (reads need no name; writes show it to others). */
const viewer = (req: FastifyRequest): Person => ({ kind: 'member', id: member(req).userId, name: '' });
async function author(db: Db, req: FastifyRequest): Promise<Person> {
  const user = await userRef(db, member(req).userId);
  return { kind: 'member', id: user.id, name: user.name };
}

export function topicsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, now } = deps;
  const mail: MailContext = { publicUrl: deps.config.publicUrl, smtp: Boolean(deps.config.smtpUrl) };

  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/topics',
      {
        schema: {
          tags,
          summary: 'List topics across the workspace',
          description: 'Every relationship’s backlog, newest first; filter by status for a board column.',
          querystring: workspaceTopicListQuery,
          response: { 200: pageOf(topic) },
        },
      },
      async (req) => listTopics(db, member(req).workspaceId, viewer(req), req.query),
    );

    r.get(
      base,
      {
        schema: {
          tags,
          summary: "List a relationship's topic backlog",
          params: relationshipParams,
          querystring: topicListQuery,
          response: { 200: pageOf(topic) },
        },
      },
      async (req) =>
        listRelationshipTopics(
          db,
          member(req).workspaceId,
          viewer(req),
          req.params.relationshipId,
          req.query,
        ),
    );

    r.post(
      base,
      {
        schema: {
          tags,
          summary: 'Raise a topic',
          description:
            'raisedBy says which side brought it (a member may note a topic the client raised; the partner lead is told). With checkInId it is a further topic from that check-in.',
          params: relationshipParams,
          body: topicInput,
          response: { 201: topic },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const who = await author(db, req);
        const created = await audited(db, m, 'topic.created', (tx) =>
          createTopic(tx, m.workspaceId, who, req.params.relationshipId, req.body, now(), mail),
        );
        deps.mail.kick();
        return reply.code(201).send(created);
      },
    );

    r.get(
      `${base}/:topicId`,
      { schema: { tags, summary: 'Get a topic', params, response: { 200: topic } } },
      async (req) =>
        getTopic(db, member(req).workspaceId, viewer(req), req.params.relationshipId, req.params.topicId),
    );

    r.patch(
      `${base}/:topicId`,
      {
        schema: {
          tags,
          summary: 'Update a topic or move it on the board',
          description: 'status: proposed → exploring → agreed → done, or declined.',
          params,
          body: topicPatch,
          response: { 200: topic },
        },
      },
      async (req) => {
        const m = member(req);
        return audited(
          db,
          m,
          'topic.updated',
          (tx) =>
            updateTopic(
              tx,
              m.workspaceId,
              viewer(req),
              req.params.relationshipId,
              req.params.topicId,
              req.body,
              now(),
            ),
          (t) => (req.body.status ? { status: t.status } : {}),
        );
      },
    );

    r.delete(
      `${base}/:topicId`,
      {
        schema: {
          tags,
          summary: 'Delete a topic',
          description: 'By the member who wrote it down, or an admin. Its votes and comments go with it.',
          params,
        },
      },
      async (req, reply) => {
        const m = member(req);
        const { relationshipId, topicId } = req.params;
        await audited(db, m, 'topic.deleted', async (tx) => {
          const existing = await getTopic(tx, m.workspaceId, viewer(req), relationshipId, topicId);
          const mine = existing.author.kind === 'member' && existing.author.id === m.userId;
          if (!mine && !roleAtLeast(m.role, 'admin'))
            throw new AppError(
              'forbidden',
              'Only the person who wrote a topic down, or an admin, can delete it',
            );
          return deleteTopic(tx, m.workspaceId, relationshipId, topicId);
        });
        return reply.code(204).send();
      },
    );

    r.post(
      `${base}/:topicId/votes`,
      {
        schema: {
          tags,
          summary: 'Vote for a topic',
          description:
            'One vote per person: the first vote answers 201, any repeat 200 with the same count (idempotent).',
          params,
          body: z.object({}).nullish().describe('No fields: the vote is the caller’s'),
          response: { 200: topic, 201: topic },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const who = await author(db, req);
        const { topic: voted, added } = await audited(
          db,
          m,
          'topic.voted',
          async (tx) => {
            const result = await voteOnTopic(
              tx,
              m.workspaceId,
              who,
              req.params.relationshipId,
              req.params.topicId,
            );
            return { ...result, id: result.topic.id };
          },
          (x) => ({ added: x.added }),
        );
        return reply.code(added ? 201 : 200).send(voted);
      },
    );

    r.delete(
      `${base}/:topicId/votes`,
      {
        schema: {
          tags,
          summary: 'Take back my vote',
          description: 'Idempotent: without a vote, nothing changes.',
          params,
        },
      },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'topic.unvoted', (tx) =>
          unvoteTopic(tx, m.workspaceId, viewer(req), req.params.relationshipId, req.params.topicId),
        );
        return reply.code(204).send();
      },
    );

    r.get(
      `${base}/:topicId/comments`,
      {
        schema: {
          tags,
          summary: 'List comments on a topic',
          description: 'Oldest first, from both sides.',
          params,
          querystring: commentListQuery,
          response: { 200: pageOf(comment) },
        },
      },
      async (req) =>
        listComments(
          db,
          member(req).workspaceId,
          viewer(req),
          req.params.relationshipId,
          req.params.topicId,
          req.query,
        ),
    );

    r.post(
      `${base}/:topicId/comments`,
      {
        schema: {
          tags,
          summary: 'Comment on a topic',
          params,
          body: commentInput,
          response: { 201: comment },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const who = await author(db, req);
        const created = await audited(db, m, 'topic_comment.created', (tx) =>
          addComment(
            tx,
            m.workspaceId,
            who,
            req.params.relationshipId,
            req.params.topicId,
            req.body,
            now(),
            mail,
          ),
        );
        deps.mail.kick();
        return reply.code(201).send(created);
      },
    );

    r.delete(
      `${base}/:topicId/comments/:commentId`,
      {
        schema: {
          tags,
          summary: 'Delete a comment',
          description: 'By its author, or an admin.',
          params: commentParams,
        },
      },
      async (req, reply) => {
        const m = member(req);
        const { relationshipId, topicId, commentId } = req.params;
        await audited(db, m, 'topic_comment.deleted', async (tx) => {
          await getTopic(tx, m.workspaceId, viewer(req), relationshipId, topicId);
          const existing = await getComment(tx, m.workspaceId, topicId, commentId);
          const mine = existing.author.kind === 'member' && existing.author.id === m.userId;
          if (!mine && !roleAtLeast(m.role, 'admin'))
            throw new AppError('forbidden', 'Only its author, or an admin, can delete a comment');
          return deleteComment(tx, m.workspaceId, viewer(req), relationshipId, topicId, commentId);
        });
        return reply.code(204).send();
      },
    );
  });
}
