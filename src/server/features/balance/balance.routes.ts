import type { FastifyInstance } from 'fastify';
import { member } from '../../platform/auth/actor';
import { pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { limitConcurrency } from '../../platform/limit-concurrency';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { balance, balanceQuery, teamBalance, teamBalanceQuery } from './balance.contract';
import { getBalance, listTeamBalances } from './balance.store';

const tags = ['Insights'];

export function balanceRoutes(app: FastifyInstance, { db, now, config }: AppDeps): void {
  // A balance holds its workspace's months while it computes, so few run at once (limit-concurrency.ts). On
  // PostgreSQL four do: each reads in two statements, one connection at a time, so while some compute the
  // others' reads run in the database's own processes (two were too few to keep both busy). Embedded, one
  // thread does both, and a second would only hold a second copy.
  const inTurn = limitConcurrency(config.databaseUrl ? 4 : 1);
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/insights/balance',
      {
        schema: {
          tags,
          summary: 'The two movements, month by month',
          description:
            'For a team (teamId) or the whole workspace: an outward and an inward index per month, 0–100, each from named parts that explain their score and carry the records behind it. Parts with no data are left out, never counted as zero. Flags name a movement that advances while the other stands still.',
          querystring: balanceQuery,
          response: { 200: balance },
        },
      },
      async (req) => inTurn(() => getBalance(db, member(req).workspaceId, req.query, now())),
    );

    r.get(
      '/insights/balance/teams',
      {
        schema: {
          tags,
          summary: 'Every team’s two movements (the quadrant)',
          description:
            'Each team’s outward and inward index for the last month of the range, their change over three months, and its flags; by team name.',
          querystring: teamBalanceQuery,
          response: { 200: pageOf(teamBalance) },
        },
      },
      async (req) => inTurn(() => listTeamBalances(db, member(req).workspaceId, req.query, now())),
    );
  });
}
