import {
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Client, ClientKind } from '../../../server/features/clients/clients.contract';
import { EmptyState } from '../../ui/EmptyState';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { ClientFormModal } from './ClientFormModal';
import { ClientKindBadge, WebsiteLink } from './ClientKind';

type KindFilter = 'all' | ClientKind;

export function ClientsPage() {
  const { apiPath, link } = useWorkspace();
  const [opened, { open, close }] = useDisclosure();
  const [kind, setKind] = useState<KindFilter>('all');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const filtered = kind !== 'all' || q !== '';
  const list = usePagedList<Client>(['clients'], apiPath('/clients'), {
    kind: kind === 'all' ? undefined : kind,
    q: q || undefined,
  });

  return (
    <>
      <PageHeader
        title="Clients"
        description="The organisations you serve — and the departments of your own organisation you serve as clients."
        actions={
          <Group gap="xs">
            <ExportCsvButton<Client>
              path={apiPath('/clients')}
              params={{ kind: kind === 'all' ? undefined : kind, q: q || undefined }}
              filename="clients"
              columns={[
                { header: 'Name', value: (c) => c.name },
                { header: 'Kind', value: (c) => c.kind },
                { header: 'Industry', value: (c) => c.industry },
                { header: 'Website', value: (c) => c.website },
                { header: 'Contacts', value: (c) => c.contactCount },
                { header: 'Relationships', value: (c) => c.relationshipCount },
                { header: 'Created', value: (c) => c.createdAt },
              ]}
            />
            <Button
              component={Link}
              to={link('/import')}
              variant="default"
              leftSection={<IconUpload size={16} />}
            >
              Import CSV
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New client
            </Button>
          </Group>
        }
      />
      {list.isSuccess && list.items.length === 0 && !filtered ? (
        <EmptyState
          icon={<IconBuildingCommunity />}
          title="No clients yet"
          action={
            <Group>
              <Button onClick={open}>Add your first client</Button>
              <Button component={Link} to={link('/import')} variant="default">
                Import from a CSV
              </Button>
            </Group>
          }
        >
          Add the client you most want to grow a partnership with: an <b>external organisation</b> that pays
          for your work, or an <b>internal department</b> your team serves. Then add the people you work with
          there. Coming from a CRM? Import your companies and contacts from its CSV export.
        </EmptyState>
      ) : (
        <>
          <Group gap="sm" mb="md" wrap="wrap">
            <SegmentedControl
              aria-label="Show clients of kind"
              value={kind}
              onChange={(v) => setKind(v as KindFilter)}
              data={[
                { value: 'all', label: 'All' },
                { value: 'external', label: 'External' },
                { value: 'internal', label: 'Internal' },
              ]}
            />
            <TextInput
              aria-label="Search clients"
              placeholder="Search by name"
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 200px', maxWidth: 360 }}
            />
          </Group>
          {list.isError && (
            <Text c="red" size="sm">
              Could not load clients: {list.error.message}
            </Text>
          )}
          {list.isPending ? (
            <Center py="xl">
              <Loader aria-label="Loading clients" />
            </Center>
          ) : list.isSuccess && list.items.length === 0 ? (
            <Text c="dimmed">No client matches these filters.</Text>
          ) : (
            <Table.ScrollContainer minWidth={340}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th visibleFrom="sm">Industry</Table.Th>
                    <Table.Th visibleFrom="md">Website</Table.Th>
                    <Table.Th ta="right" visibleFrom="sm">
                      Contacts
                    </Table.Th>
                    <Table.Th ta="right" visibleFrom="sm">
                      Relationships
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={link(`/clients/${c.id}`)} fw={500} size="sm">
                          {c.name}
                        </Anchor>
                        {c.industry && (
                          <Text size="xs" c="dimmed" hiddenFrom="sm">
                            {c.industry}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <ClientKindBadge kind={c.kind} compact />
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{c.industry ?? <Text c="dimmed">—</Text>}</Table.Td>
                      <Table.Td visibleFrom="md">
                        {c.website ? <WebsiteLink website={c.website} /> : <Text c="dimmed">—</Text>}
                      </Table.Td>
                      <Table.Td ta="right" visibleFrom="sm">
                        {c.contactCount}
                      </Table.Td>
                      <Table.Td ta="right" visibleFrom="sm">
                        {c.relationshipCount}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {list.hasNextPage && (
            <Group justify="center" mt="md">
              <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                Load more
              </Button>
            </Group>
          )}
        </>
      )}
      <ClientFormModal key={String(opened)} opened={opened} onClose={close} />
    </>
  );
}
