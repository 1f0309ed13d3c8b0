import { ActionIcon, Button, Collapse, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconFilter,
  IconHeartHandshake,
  IconPlus,
  IconSearch,
  IconSortAscending,
  IconSortDescending,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type {
  Relationship,
  RelationshipSort,
} from '../../../server/features/relationships/relationships.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { useTeamOptions } from './options';
import { RelationshipFormModal } from './RelationshipFormModal';
import { RelationshipsTable } from './RelationshipsTable';
import { levelOptions, stageOptions, statusOptions } from './terms';

const FILTERS = ['stage', 'pyramidLevel', 'teamId', 'clientKind', 'status', 'q'] as const;

const sortOptions: { value: RelationshipSort; label: string }[] = [
  { value: 'client', label: 'Client name' },
  { value: 'stage', label: 'Stage' },
  { value: 'nextCheckInDue', label: 'Next check-in' },
  { value: 'updated', label: 'Last updated' },
];
const defaultOrder: Record<RelationshipSort, 'asc' | 'desc'> = {
  client: 'asc',
  stage: 'asc',
  nextCheckInDue: 'asc',
  updated: 'desc',
};
const clientKindOptions = [
  { value: 'external', label: 'External clients' },
  { value: 'internal', label: 'Internal departments' },
];

export function RelationshipsPage() {
  const { apiPath } = useWorkspace();
  const [opened, { open, close }] = useDisclosure();
  // Filters and sort live in the URL, so a filtered view can be bookmarked and shared.
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const sort = (sortOptions.find((s) => s.value === params.get('sort'))?.value ??
    'client') as RelationshipSort;
  const order =
    params.get('order') === 'asc' || params.get('order') === 'desc'
      ? params.get('order')!
      : defaultOrder[sort];
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined]));
  const filtered = FILTERS.some((k) => params.get(k));
  const activeFilters = FILTERS.filter((k) => k !== 'q' && params.get(k)).length;
  // On a phone the filters fold away behind one button; the search and sort stay in view.
  const isPhone = useMediaQuery('(max-width: 36em)');
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);

  const [search, setSearch] = useState(params.get('q') ?? '');
  const applySearch = useDebouncedCallback((q: string) => set({ q: q.trim() || null }), 300);
  const teams = useTeamOptions();
  const list = usePagedList<Relationship>(['relationships', 'list'], apiPath('/relationships'), {
    ...filters,
    sort,
    order,
  });
  const emptyWorkspace = list.isSuccess && list.items.length === 0 && !filtered;

  const filterControls = (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <FilterSelect
        label="Stage"
        data={stageOptions}
        value={params.get('stage')}
        onChange={(v) => set({ stage: v })}
      />
      <FilterSelect
        label="Pyramid level"
        data={levelOptions}
        value={params.get('pyramidLevel')}
        onChange={(v) => set({ pyramidLevel: v })}
      />
      <FilterSelect
        label="Team"
        data={teams.options}
        value={params.get('teamId')}
        onChange={(v) => set({ teamId: v })}
      />
      <FilterSelect
        label="Client kind"
        data={clientKindOptions}
        value={params.get('clientKind')}
        onChange={(v) => set({ clientKind: v })}
      />
      <FilterSelect
        label="Status"
        data={statusOptions}
        value={params.get('status')}
        onChange={(v) => set({ status: v })}
      />
    </Group>
  );

  return (
    <>
      <PageHeader
        title="Relationships"
        description="Each of your teams serving each client: where it stands, and when the next partner check-in is due."
        actions={
          <Group gap="xs">
            <ExportCsvButton<Relationship>
              path={apiPath('/relationships')}
              params={{ ...filters, sort, order }}
              filename="relationships"
              columns={[
                { header: 'Client', value: (r) => r.client.name },
                { header: 'Team', value: (r) => r.team.name },
                { header: 'Services', value: (r) => r.services.map((s) => s.name).join('; ') },
                { header: 'Partner lead', value: (r) => r.owner?.name },
                { header: 'Stage', value: (r) => r.stage },
                { header: 'Pyramid level', value: (r) => r.pyramidLevel },
                { header: 'Status', value: (r) => r.status },
                { header: 'Cadence (days)', value: (r) => r.cadenceDays },
                { header: 'Next check-in due', value: (r) => r.nextCheckInDue },
                { header: 'Last check-in', value: (r) => r.lastCheckInAt },
                { header: 'Last touchpoint', value: (r) => r.lastTouchpointAt },
                { header: 'Health', value: (r) => r.health.score },
                { header: 'Ambition', value: (r) => r.ambition },
              ]}
            />
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New relationship
            </Button>
          </Group>
        }
      />
      <Stack gap="sm" mb="md" display={emptyWorkspace ? 'none' : undefined}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Client"
            placeholder="Search by name"
            leftSection={<IconSearch size={14} />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              applySearch(e.currentTarget.value);
            }}
            w={{ base: '100%', xs: 220 }}
          />
          {isPhone && (
            <Button
              variant="default"
              leftSection={<IconFilter size={16} />}
              onClick={toggleFilters}
              aria-expanded={filtersOpen}
              aria-controls="relationship-filters"
            >
              Filters{activeFilters > 0 ? ` (${activeFilters})` : ''}
            </Button>
          )}
          <Group gap={4} align="flex-end" wrap="nowrap" ml={isPhone ? undefined : 'auto'}>
            <Select
              label="Sort by"
              data={sortOptions}
              value={sort}
              allowDeselect={false}
              onChange={(v) => set({ sort: v === 'client' ? null : v, order: null })}
              w={150}
            />
            <Tooltip label={order === 'asc' ? 'Ascending' : 'Descending'}>
              <ActionIcon
                variant="default"
                size={36}
                aria-label={
                  order === 'asc' ? 'Sorted ascending; sort descending' : 'Sorted descending; sort ascending'
                }
                onClick={() => set({ order: order === 'asc' ? 'desc' : 'asc' })}
              >
                {order === 'asc' ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        {/* A Collapse only where filters fold away (phones); on wider screens they simply show. */}
        {isPhone ? (
          <Collapse expanded={filtersOpen} id="relationship-filters">
            {filterControls}
          </Collapse>
        ) : (
          <div id="relationship-filters">{filterControls}</div>
        )}
      </Stack>

      {list.isSuccess && list.items.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<IconSearch />}
            title="No relationship matches these filters"
            action={
              <Button
                variant="light"
                onClick={() => {
                  setSearch('');
                  set(Object.fromEntries(FILTERS.map((k) => [k, null])));
                }}
              >
                Clear filters
              </Button>
            }
          >
            Try fewer filters, or another part of the client’s name.
          </EmptyState>
        ) : (
          <FirstRelationship onStart={open} />
        )
      ) : (
        <QueryState query={list}>{() => <RelationshipsTable items={list.items} />}</QueryState>
      )}
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      <RelationshipFormModal key={String(opened)} opened={opened} onClose={close} />
    </>
  );
}

function FilterSelect(props: {
  label: string;
  data: { value: string; label: string }[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  return (
    <Select
      label={props.label}
      placeholder="Any"
      clearable
      data={props.data}
      value={props.value}
      onChange={props.onChange}
      w={{ base: 'calc(50% - 6px)', xs: 160 }}
    />
  );
}

/** True when the workspace has at least one of these (asks for one). */
function useHasAny(path: '/teams' | '/clients') {
  const { apiPath, workspaceId } = useWorkspace();
  return useQuery({
    queryKey: [path.slice(1), 'any', workspaceId],
    queryFn: async () => (await get<Page<unknown>>(apiPath(`${path}?limit=1`))).items.length > 0,
  });
}

/** The empty workspace: what a relationship is, and the step that comes first. */
function FirstRelationship(props: { onStart: () => void }) {
  const { link } = useWorkspace();
  const teams = useHasAny('/teams');
  const clients = useHasAny('/clients');
  const ready = teams.isSuccess && clients.isSuccess;
  const missing = [
    teams.data === false && { to: '/teams', label: 'Create a team', what: 'a team that serves' },
    clients.data === false && { to: '/clients', label: 'Add a client', what: 'a client it serves' },
  ].filter((x) => x !== false);

  return (
    <EmptyState
      icon={<IconHeartHandshake />}
      title="No relationships yet"
      action={
        !ready ? null : missing.length > 0 ? (
          <Group justify="center">
            {missing.map((m) => (
              <Button key={m.to} component={Link} to={link(m.to)} variant="light">
                {m.label}
              </Button>
            ))}
          </Group>
        ) : (
          <Button onClick={props.onStart}>Start your first relationship</Button>
        )
      }
    >
      <Stack gap="xs" component="span">
        <span>
          A relationship is one of your teams serving one client. Here you follow how it grows from
          transactional supply to advice, partnership and co-creation — with check-ins on a cadence and a
          timeline of every touchpoint.
        </span>
        {missing.length > 0 && (
          <Text component="span" fw={500} c="dark">
            First you need {missing.map((m) => m.what).join(' and ')}.
          </Text>
        )}
      </Stack>
    </EmptyState>
  );
}
