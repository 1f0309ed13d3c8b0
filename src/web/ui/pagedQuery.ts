import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '../../server/platform/common.contract';
import { get, qs } from './api';

/** A paged list read page by page ("Load more"), keyed by its path and filters. */
export function usePagedList<T>(
  key: unknown[],
  path: string,
  params: Record<string, string | number | undefined> = {},
  options: { enabled?: boolean } = {},
) {
  const q = useInfiniteQuery({
    queryKey: [...key, params],
    enabled: options.enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => get<Page<T>>(`${path}${qs({ ...params, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...q, items: q.data?.pages.flatMap((p) => p.items) ?? [] };
}
