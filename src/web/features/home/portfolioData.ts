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

export function useWorkspaceBalance() {
  const { apiPath, workspaceId } = useWorkspace();
  return useQuery({
    queryKey: ['balance', 'home', workspaceId],
    queryFn: () => get<Balance>(apiPath('/insights/balance')),
  });
}
