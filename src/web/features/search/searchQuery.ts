import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchKind, SearchResult } from '../../../server/features/search/search.contract';
import { get, qs } from '../../ui/api';
import { useWorkspace } from '../../ui/workspace';

/** Search the workspace; keeps showing the last results while the next ones load, so the list never blinks. */
export function useSearch(q: string, options: { kind?: SearchKind; limit?: number } = {}) {
  const { apiPath, workspaceId } = useWorkspace();
  const query = q.trim();
  return useQuery({
    queryKey: ['search', workspaceId, query, options.kind, options.limit],
    queryFn: () =>
      get<SearchResult>(apiPath(`/search${qs({ q: query, kind: options.kind, limit: options.limit })}`)),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}
