import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { MemberItem } from '../../../server/features/accounts/accounts.contract';
import type { Client } from '../../../server/features/clients/clients.contract';
import type { Service } from '../../../server/features/services/services.contract';
import type { Team } from '../../../server/features/teams/teams.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, qs } from '../../ui/api';
import { useWorkspace } from '../../ui/workspace';

// The choices the relationship forms offer: teams, clients, a team's services and the workspace's members.

export type Option = { value: string; label: string };

/** A workspace has a handful of teams; the first 200 by name cover any real one. */
export function useTeamOptions(enabled = true) {
  const { apiPath, workspaceId } = useWorkspace();
  const q = useQuery({
    queryKey: ['teams', 'options', workspaceId],
    enabled,
    queryFn: () => get<Page<Team>>(apiPath('/teams?limit=200')),
  });
  return { ...q, options: (q.data?.items ?? []).map((t): Option => ({ value: t.id, label: t.name })) };
}

/**
 * Clients can be many: the first 200 by name, then the server's name search as the person types.
 * `selectedId` is always kept among the options so a preset choice shows its name.
 */
export function useClientOptions(selectedId: string | null, enabled = true) {
  const { apiPath, workspaceId } = useWorkspace();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const list = useQuery({
    queryKey: ['clients', 'options', workspaceId, debounced],
    enabled,
    placeholderData: (prev) => prev,
    queryFn: () => get<Page<Client>>(apiPath(`/clients${qs({ limit: 200, q: debounced || undefined })}`)),
  });
  const selected = useQuery({
    queryKey: ['client', selectedId],
    enabled: enabled && Boolean(selectedId),
    queryFn: () => get<Client>(apiPath(`/clients/${selectedId}`)),
  });
  const items = [...(list.data?.items ?? [])];
  if (selected.data && !items.some((c) => c.id === selected.data.id)) items.unshift(selected.data);
  return {
    isPending: list.isPending,
    clients: items,
    options: items.map((c): Option => ({ value: c.id, label: c.name })),
    onSearchChange: setSearch,
  };
}

export function useServiceOptions(teamId: string | null, enabled = true) {
  const { apiPath } = useWorkspace();
  const q = useQuery({
    queryKey: ['services', 'options', teamId],
    enabled: enabled && Boolean(teamId),
    queryFn: () => get<Page<Service>>(apiPath(`/services${qs({ teamId: teamId ?? undefined, limit: 200 })}`)),
  });
  return { ...q, options: (q.data?.items ?? []).map((s): Option => ({ value: s.id, label: s.name })) };
}

export function useMemberOptions(enabled = true) {
  const { apiPath, workspaceId } = useWorkspace();
  const q = useQuery({
    queryKey: ['members', workspaceId],
    enabled,
    queryFn: () => get<Page<MemberItem>>(apiPath('/members')),
  });
  return { ...q, options: (q.data?.items ?? []).map((m): Option => ({ value: m.userId, label: m.name })) };
}
