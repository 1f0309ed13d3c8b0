import type { FastifyInstance } from 'fastify';
import { member } from '../../platform/auth/actor';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { searchQuery, searchResult } from './search.contract';
import { searchWorkspace } from './search.store';

const tags = ['Search'];

export function searchRoutes(app: FastifyInstance, { db }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/search',
      {
        schema: {
          tags,
          summary: 'Search everything',
          description:
            'Clients, contacts, relationships, topics, learnings, knowledge and events in one query: hits grouped by kind, ranked, with highlighted snippets as text runs (`{ text, match }`), capped per kind.',
          querystring: searchQuery,
          response: { 200: searchResult },
        },
      },
      async (req) => {
        const { q, kind, limit } = req.query;
        const groups = await searchWorkspace(db, member(req).workspaceId, {
          q,
          kinds: kind,
          limit,
          audience: { kind: 'member' },
        });
        return { q, groups };
      },
    );
  });
}
