import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id, pageOf, token } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { MinuteThrottle } from '../../platform/throttle';
import { openResponse, submitResponse } from './pulse-responses.store';
import { pulseResults, pulseTrend, servicePulses, teamPulses } from './pulse-results';
import {
  createdPulse,
  pulse,
  pulseAnswer,
  pulseInput,
  pulseListQuery,
  pulsePatch,
  pulseQuestions,
  pulseResults as pulseResultsSchema,
  pulseTrend as pulseTrendSchema,
  teamPulses as teamPulsesSchema,
} from './pulses.contract';
import {
  createPulse,
  deletePulse,
  getPulse,
  listPulses,
  type MailContext,
  updatePulse,
} from './pulses.store';

const params = z.object({ workspaceId: z.string(), pulseId: id });
const tags = ['Pulses'];

export function pulsesRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, now } = deps;
  const mail: MailContext = { publicUrl: deps.config.publicUrl, smtp: Boolean(deps.config.smtpUrl) };

  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/pulses',
      {
        schema: {
          tags,
          summary: 'List pulse rounds',
          description: 'Newest first, with status (open until the end of closesOn) and response rate.',
          querystring: pulseListQuery,
          response: { 200: pageOf(pulse) },
        },
      },
      async (req) => listPulses(db, member(req).workspaceId, req.query, now()),
    );

    r.post(
      '/pulses',
      {
        schema: {
          tags,
          summary: 'Send a pulse round',
          description:
            'Creates the round and emails each recipient a personal link (through the outbox, in the same transaction). The links are returned once, here.',
          body: pulseInput,
          response: { 201: createdPulse },
        },
      },
      async (req, reply) => {
        const m = member(req);
        const created = await audited(db, m, 'pulse.created', (tx) =>
          createPulse(tx, m.workspaceId, m.userId, req.body, now(), mail),
        );
        deps.mail.kick();
        return reply.code(201).send(created);
      },
    );

    r.get(
      '/pulses/:pulseId',
      { schema: { tags, summary: 'Get a pulse round', params, response: { 200: pulse } } },
      async (req) => getPulse(db, member(req).workspaceId, req.params.pulseId, now()),
    );

    r.patch(
      '/pulses/:pulseId',
      {
        schema: {
          tags,
          summary: 'Rename a round or move its closing day',
          params,
          body: pulsePatch,
          response: { 200: pulse },
        },
      },
      async (req) => {
        const m = member(req);
        return audited(db, m, 'pulse.updated', (tx) =>
          updatePulse(tx, m.workspaceId, req.params.pulseId, req.body, now()),
        );
      },
    );

    r.delete(
      '/pulses/:pulseId',
      { schema: { tags, summary: 'Delete a round with its answers', params } },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'pulse.deleted', (tx) => deletePulse(tx, m.workspaceId, req.params.pulseId));
        return reply.code(204).send();
      },
    );

    r.get(
      '/pulses/:pulseId/results',
      {
        schema: {
          tags,
          summary: 'Results of a round',
          description:
            'Average, distribution 0–10 and comments. Employee rounds are anonymous: below 3 responses only the count is shown, and no comment names anyone.',
          params,
          response: { 200: pulseResultsSchema },
        },
      },
      async (req) => pulseResults(db, member(req).workspaceId, req.params.pulseId),
    );

    r.get(
      '/pulses/:pulseId/trend',
      {
        schema: {
          tags,
          summary: 'The rounds of the same kind and target, oldest first',
          params,
          response: { 200: pulseTrendSchema },
        },
      },
      async (req) => pulseTrend(db, member(req).workspaceId, req.params.pulseId),
    );

    r.get(
      '/teams/:teamId/pulses',
      {
        schema: {
          tags,
          summary: 'A team’s own pulse beside its clients’ pulse',
          description:
            'Employee rounds and the client rounds of the team’s relationships over time, and whether they move together (Pearson’s r over months with both; no claim below 4).',
          params: z.object({ workspaceId: z.string(), teamId: id }),
          response: { 200: teamPulsesSchema },
        },
      },
      async (req) => teamPulses(db, member(req).workspaceId, req.params.teamId),
    );

    r.get(
      '/services/:serviceId/pulses',
      {
        schema: {
          tags,
          summary: 'Colleagues’ ratings of an internal service over time',
          params: z.object({ workspaceId: z.string(), serviceId: id }),
          response: { 200: pulseTrendSchema },
        },
      },
      async (req) => servicePulses(db, member(req).workspaceId, req.params.serviceId),
    );
  });

  // The respondent's side: no account, the token is the credential. Throttled per address, since a
  // token is a secret someone could try to guess.
  const byIp = new MinuteThrottle(deps.authAttemptsPerIpPerMinute ?? 60);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tokenParams = z.object({ token });
  const publicTags = ['Pulse respondents'];

  r.get(
    '/api/v1/pulse-responses/:token',
    {
      schema: {
        tags: publicTags,
        summary: 'The questions behind a personal pulse link',
        description: 'No account needed. A used link, or one whose round has closed, answers 410.',
        security: [],
        params: tokenParams,
        response: { 200: pulseQuestions },
      },
    },
    async (req, reply) => {
      byIp.hit(`pulse:${req.ip}`);
      reply.header('cache-control', 'no-store');
      return openResponse(db, req.params.token, now());
    },
  );

  r.put(
    '/api/v1/pulse-responses/:token',
    {
      schema: {
        tags: publicTags,
        summary: 'Answer a pulse through a personal link',
        description:
          '`score` answers the first question (0–10); employee rounds also need `secondScore`; `comment` is the client round’s second question, or a remark. Works once: a second answer answers 410.',
        security: [],
        params: tokenParams,
        body: pulseAnswer,
        response: { 204: z.null().describe('The answer is stored and the link used up (no body)') },
      },
    },
    async (req, reply) => {
      byIp.hit(`pulse:${req.ip}`);
      await submitResponse(db, req.params.token, req.body, now());
      return reply.code(204).send(null);
    },
  );
}
