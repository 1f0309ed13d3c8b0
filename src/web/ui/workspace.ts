import { queryOptions, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Me } from '../../server/features/accounts/accounts.contract';
import { get } from './api';

/** Who is signed in, and their workspaces (a route loader starts it while the screen's code loads). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => get<Me>('/api/v1/me'),
  retry: false,
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

/** The current workspace from the URL (`/w/:workspaceId/…`) and a helper for its API paths. */
export function useWorkspace() {
  const { workspaceId = '' } = useParams();
  const me = useMe();
  const ws = me.data?.workspaces.find((w) => w.id === workspaceId);
  return {
    workspaceId,
    workspace: ws,
    role: ws?.role,
    isAdmin: ws?.role === 'owner' || ws?.role === 'admin',
    /** `/api/v1/workspaces/<id><path>` */
    apiPath: (path: string) => `/api/v1/workspaces/${workspaceId}${path}`,
    /** `/w/<id><path>`: a link inside the app. */
    link: (path: string) => `/w/${workspaceId}${path}`,
  };
}
