import { useQuery } from '@tanstack/react-query';
import type { Invitation, MemberItem } from '../../../server/features/accounts/accounts.contract';
import type { Relationship } from '../../../server/features/relationships/relationships.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, qs } from '../../ui/api';
import { useWorkspace } from '../../ui/workspace';

// What the home page reads. Keys start with each feature's own key, so a change made elsewhere refreshes home.

/** One page is enough for the first steps; the portfolio counts every relationship on the server. */
const MAX_PAGES = 1;

export type HomeRelationships = { items: Relationship[]; complete: boolean };

export function useHomeRelationships() {
  const { apiPath, workspaceId } = useWorkspace();
  return useQuery({
    queryKey: ['relationships', 'home', workspaceId],
    queryFn: async (): Promise<HomeRelationships> => {
      const items: Relationship[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await get<Page<Relationship>>(
          apiPath(`/relationships${qs({ limit: 200, sort: 'updated', order: 'desc', cursor })}`),
        );
        items.push(...(res.items ?? []));
        cursor = res.nextCursor ?? undefined;
        if (!cursor) break;
      }
      return { items, complete: !cursor };
    },
  });
}

/** True when the list has at least one item (asks for one). */
function useHasAny(key: string, path: string, enabled = true) {
  const { apiPath, workspaceId } = useWorkspace();
  return useQuery({
    queryKey: [key, 'any', workspaceId],
    enabled,
    queryFn: async () => ((await get<Page<unknown>>(apiPath(`${path}?limit=1`))).items ?? []).length > 0,
  });
}

export function useGettingStarted(relationships: HomeRelationships | undefined) {
  const { apiPath, workspaceId, isAdmin } = useWorkspace();
  const teams = useHasAny('teams', '/teams');
  const clients = useHasAny('clients', '/clients');
  const members = useQuery({
    queryKey: ['members', workspaceId],
    queryFn: () => get<Page<MemberItem>>(apiPath('/members')),
  });
  const invitations = useQuery({
    queryKey: ['invitations', workspaceId],
    enabled: isAdmin,
    queryFn: () => get<Page<Invitation>>(apiPath('/invitations')),
  });
  const items = relationships?.items ?? [];
  const firstRelationship = items[0];
  return {
    isPending: teams.isPending || clients.isPending || members.isPending,
    team: teams.data ?? false,
    client: clients.data ?? false,
    relationship: items.length > 0,
    touchpoint: items.some((r) => Boolean(r.lastTouchpointAt)),
    colleague: (members.data?.items.length ?? 0) > 1 || (invitations.data?.items.length ?? 0) > 0,
    firstRelationshipId: firstRelationship?.id,
  };
}

export type GettingStartedState = ReturnType<typeof useGettingStarted>;
