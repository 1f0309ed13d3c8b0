import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHeartHandshake, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Relationship } from '../../../server/features/relationships/relationships.contract';
import { EmptyState } from '../../ui/EmptyState';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { RelationshipFormModal } from './RelationshipFormModal';
import { RelationshipsTable } from './RelationshipsTable';

/** The relationships of one team or one client, on its page, with "New relationship" prefilled for it. */
export function LinkedRelationships(props: {
  filter: { teamId: string } | { clientId: string };
  emptyTitle: string;
  empty: ReactNode;
}) {
  const { apiPath } = useWorkspace();
  const [opened, { open, close }] = useDisclosure();
  const byTeam = 'teamId' in props.filter;
  const list = usePagedList<Relationship>(['relationships', 'list'], apiPath('/relationships'), {
    ...props.filter,
    sort: byTeam ? 'client' : 'stage',
    limit: 20,
  });
  const headingId = byTeam ? 'team-relationships' : 'client-relationships';

  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group justify="space-between">
        <Title order={3} id={headingId}>
          Relationships
        </Title>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={open}>
          New relationship
        </Button>
      </Group>
      {list.isSuccess && list.items.length === 0 ? (
        <EmptyState
          icon={<IconHeartHandshake />}
          title={props.emptyTitle}
          action={
            <Button variant="light" onClick={open}>
              Start a relationship
            </Button>
          }
        >
          {props.empty}
        </EmptyState>
      ) : (
        <RelationshipsTable items={list.items} hide={byTeam ? ['team'] : ['client']} />
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
          Could not load relationships: {list.error.message}
        </Text>
      )}
      <RelationshipFormModal key={String(opened)} opened={opened} onClose={close} {...props.filter} />
    </Stack>
  );
}
