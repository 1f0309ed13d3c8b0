import { Anchor, Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconSitemap } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Service, ServiceKind } from '../../../server/features/services/services.contract';
import type { Team } from '../../../server/features/teams/teams.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { ServicePulses } from '../pulses/ServicePulses';
import { ServiceFormModal } from './ServiceFormModal';
import { ServicesTable } from './ServicesTable';

type KindFilter = 'all' | ServiceKind;

const sections: Record<ServiceKind, { title: string; blurb: string }> = {
  external: { title: 'External services', blurb: 'To paying clients outside your organisation.' },
  internal: {
    title: 'Internal services',
    blurb: 'To colleagues: HR, finance, planning, research — leadership is a service, too.',
  },
};

export function ServicesPage() {
  const { apiPath, link } = useWorkspace();
  const [kind, setKind] = useState<KindFilter>('all');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  // The kind a new service starts as (from the section's "Add one"); null while no form is open.
  const [creating, setCreating] = useState<ServiceKind | null>(null);
  // Any service at all? Decides between the first-use explanation and "nothing matches".
  const any = useQuery({
    queryKey: ['services', 'any'],
    queryFn: () => get<Page<Service>>(apiPath('/services?limit=1')),
  });
  const teams = useQuery({
    queryKey: ['teams', 'any'],
    queryFn: () => get<Page<Team>>(apiPath('/teams?limit=1')),
  });
  const add = (k: ServiceKind = 'external') => setCreating(k);

  const noServices = any.isSuccess && any.data.items.length === 0;
  const noTeams = teams.isSuccess && teams.data.items.length === 0;

  return (
    <>
      <PageHeader
        title="Services"
        description="What your teams offer — to paying clients outside, or to colleagues inside."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => add()} disabled={noTeams}>
            New service
          </Button>
        }
      />
      {noServices ? (
        <EmptyState
          icon={<IconSitemap />}
          title="No services yet"
          action={
            noTeams ? (
              <Button component={Link} to={link('/teams')}>
                Create a team first
              </Button>
            ) : (
              <Button onClick={() => add()}>Add your first service</Button>
            )
          }
        >
          A service is what one of your teams offers. <b>External</b> services go to paying clients;{' '}
          <b>internal</b> services go to colleagues — HR, finance, planning, even leadership. Both can grow
          into partnerships.
          {noTeams && ' Every service belongs to a team, so start with a team.'}
        </EmptyState>
      ) : (
        <Stack gap="xl">
          <Group gap="sm" wrap="wrap">
            <SegmentedControl
              aria-label="Show services of kind"
              value={kind}
              onChange={(v) => setKind(v as KindFilter)}
              data={[
                { value: 'all', label: 'All' },
                { value: 'external', label: 'External' },
                { value: 'internal', label: 'Internal' },
              ]}
            />
            <TextInput
              aria-label="Search services"
              placeholder="Search by name"
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 200px', maxWidth: 360 }}
            />
          </Group>
          {(['external', 'internal'] as const)
            .filter((k) => kind === 'all' || kind === k)
            .map((k) => (
              <ServiceSection key={k} kind={k} q={q} onAdd={() => add(k)} />
            ))}
          {kind !== 'external' && <ServicePulses />}
        </Stack>
      )}
      {creating && (
        <ServiceFormModal key={creating} opened onClose={() => setCreating(null)} kind={creating} />
      )}
    </>
  );
}

function ServiceSection(props: { kind: ServiceKind; q: string; onAdd: () => void }) {
  const { apiPath } = useWorkspace();
  const list = usePagedList<Service>(['services'], apiPath('/services'), {
    kind: props.kind,
    q: props.q || undefined,
  });
  const s = sections[props.kind];
  return (
    <Stack gap="xs" component="section" aria-labelledby={`services-${props.kind}`}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} id={`services-${props.kind}`}>
            {s.title}
          </Title>
          <Text size="sm" c="dimmed">
            {s.blurb}
          </Text>
        </div>
      </Group>
      {list.isSuccess && list.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {props.q ? (
            `No ${props.kind} service matches “${props.q}”.`
          ) : (
            <>
              No {props.kind} services yet.{' '}
              <Anchor component="button" type="button" size="sm" onClick={props.onAdd}>
                Add one
              </Anchor>
            </>
          )}
        </Text>
      ) : (
        <ServicesTable items={list.items} show="team" />
      )}
      {list.isError && (
        <Text c="red" size="sm">
          Could not load these services: {list.error.message}
        </Text>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
