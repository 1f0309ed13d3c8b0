import { useQuery } from '@tanstack/react-query';
import type { Balance } from '../../../server/features/balance/balance.contract';
import { get } from '../../ui/api';
import { useWorkspace } from '../../ui/workspace';
import { portfolioQuery } from './portfolioQuery';

// Keys start with the features whose writes change them, so a change made elsewhere refreshes home.

export function usePortfolio() {
  const { workspaceId } = useWorkspace();
  return useQuery(portfolioQuery(workspaceId));
}

/** Last month (in UTC, as the server counts months): home asks the balance from it, for its latest index. */
export function lastMonth(now = new Date()): string {
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return last.toISOString().slice(0, 7);
}

export function useWorkspaceBalance() {
  const { apiPath, workspaceId } = useWorkspace();
  // Two months, not the Balance page's twelve: a year of every part's evidence is ~700 KB for a large
  // workspace, and home shows two numbers.
  const from = lastMonth();
  return useQuery({
    queryKey: ['balance', 'home', workspaceId, from],
    queryFn: () => get<Balance>(apiPath(`/insights/balance?from=${from}`)),
  });
}
