import { useQuery } from '@tanstack/react-query';
import type { Balance } from '../../../server/features/balance/balance.contract';
import type { Portfolio } from '../../../server/features/health/portfolio.contract';
import { get } from '../../ui/api';
import { useWorkspace } from '../../ui/workspace';

// Keys start with the features whose writes change them, so a change made elsewhere refreshes home.

export function usePortfolio() {
  const { apiPath, workspaceId } = useWorkspace();
  return useQuery({
    queryKey: ['relationships', 'portfolio', workspaceId],
    queryFn: () => get<Portfolio>(apiPath('/insights/portfolio')),
  });
}

export function useWorkspaceBalance() {
  const { apiPath, workspaceId } = useWorkspace();
  return useQuery({
    queryKey: ['balance', 'home', workspaceId],
    queryFn: () => get<Balance>(apiPath('/insights/balance')),
  });
}
