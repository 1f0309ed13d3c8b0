import { useQuery } from '@tanstack/react-query';
import type { Relationship } from '../../../server/features/relationships/relationships.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get } from '../../ui/api';
import { useWorkspace } from '../../ui/workspace';

/** Relationships to choose from, "Client — Team"; the first 200 by client name cover a real workspace. */
export function useRelationshipOptions(filter: { teamId?: string | null } = {}, enabled = true) {
  const { apiPath, workspaceId } = useWorkspace();
  const q = useQuery({
    queryKey: ['relationships', 'options', workspaceId, filter.teamId ?? null],
    enabled,
    queryFn: () =>
      get<Page<Relationship>>(
        apiPath(`/relationships?limit=200&sort=client${filter.teamId ? `&teamId=${filter.teamId}` : ''}`),
      ),
  });
  const items = q.data?.items ?? [];
  return {
    ...q,
    items,
    options: items.map((r) => ({ value: r.id, label: `${r.client.name} — ${r.team.name}` })),
  };
}
