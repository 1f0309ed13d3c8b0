import { queryOptions } from '@tanstack/react-query';
import type { Portfolio } from '../../../server/features/health/portfolio.contract';
import { get } from '../../ui/api';

// Marks the bench reads (bench/web.ts): navigation start → data requested → data rendered (HomePage).
export const PORTFOLIO_REQUESTED = 'portfolio:requested';
export const PORTFOLIO_RENDERED = 'portfolio:rendered';

/**
 * The portfolio read model. Outside the home page's chunk so the route's loader can start the request while
 * that chunk downloads; the key starts with 'relationships' so a change to one refreshes home.
 */
export const portfolioQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: ['relationships', 'portfolio', workspaceId],
    queryFn: () => {
      performance.mark(PORTFOLIO_REQUESTED);
      return get<Portfolio>(`/api/v1/workspaces/${workspaceId}/insights/portfolio`);
    },
  });
