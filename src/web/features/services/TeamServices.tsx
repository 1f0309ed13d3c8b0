import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSitemap } from '@tabler/icons-react';
import type { Service } from '../../../server/features/services/services.contract';
import { EmptyState } from '../../ui/EmptyState';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { ServiceFormModal } from './ServiceFormModal';
import { ServicesTable } from './ServicesTable';

/** The services one team offers, on the team's page. */
export function TeamServices({ teamId }: { teamId: string }) {
  const { apiPath } = useWorkspace();
  const [opened, { open, close }] = useDisclosure();
  const list = usePagedList<Service>(['services'], apiPath('/services'), { teamId });

  return (
    <Stack gap="xs" component="section" aria-labelledby="team-services">
      <Group justify="space-between">
        <Title order={3} id="team-services">
          Services
        </Title>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={open}>
          Add service
        </Button>
      </Group>
      {list.isSuccess && list.items.length === 0 ? (
        <EmptyState
          icon={<IconSitemap />}
          title="This team offers no services yet"
          action={
            <Button variant="light" onClick={open}>
              Add the first service
            </Button>
          }
        >
          Name what it does for the people it serves: <b>external</b> services for paying clients,{' '}
          <b>internal</b> ones for colleagues.
        </EmptyState>
      ) : (
        <ServicesTable items={list.items} show="kind" />
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      {list.isError && (
        <Text c="red" size="sm">
          Could not load this team’s services: {list.error.message}
        </Text>
      )}
      <ServiceFormModal key={String(opened)} opened={opened} onClose={close} teamId={teamId} />
    </Stack>
  );
}
