import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { member } from '../../platform/auth/actor';
import { id } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { health, healthHistory, healthHistoryQuery } from './health.contract';
import { getHealth, getHealthHistory } from './health.store';
import { portfolio } from './portfolio.contract';
import { getPortfolio } from './portfolio.store';

const params = z.object({ workspaceId: z.string(), relationshipId: id });

export function healthRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/relationships/:relationshipId/health',
      {
        schema: {
          tags: ['Relationships'],
          summary: 'A relationship’s health, explained',
          description:
            'A 0–100 score from five components — cadence, twoWay, clientPulse, momentum, teamPulse — each with its weight, an explanation in words and the records behind it (evidence: kind, id, label, day). A component with no data has score null, says so, and does not count: the weights renormalise over the others; the score is null when none has data. Risks name what is slipping, in words.',
          params,
          response: { 200: health },
        },
      },
      async (req) => getHealth(db, member(req).workspaceId, req.params.relationshipId, now()),
    );

    r.get(
      '/relationships/:relationshipId/health/history',
      {
        schema: {
          tags: ['Relationships'],
          summary: 'A relationship’s health, day by day',
          description:
            'The daily snapshots between from and to (default: the last 180 days; at most two years), oldest first: the score and each component’s score.',
          params,
          querystring: healthHistoryQuery,
          response: { 200: healthHistory },
        },
      },
      async (req) =>
        getHealthHistory(db, member(req).workspaceId, req.params.relationshipId, req.query, now()),
    );

    r.get(
      '/insights/portfolio',
      {
        schema: {
          tags: ['Insights'],
          summary: 'The portfolio: stages, health and early warnings',
          description:
            'Active relationships by stage and pyramid level, their health distribution, the early-warning list (most at risk first, each with its reasons), overdue and upcoming check-ins (next 14 days), and stage movements of the last 90 days. Read from rollups kept current on write.',
          response: { 200: portfolio },
        },
      },
      async (req) => getPortfolio(db, member(req).workspaceId, now()),
    );
  });
}
