import { Badge, Button, Group, Paper, ScrollArea, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconLayoutKanban } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Topic, TopicStatus } from '../../../server/features/topics/topics.contract';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { TopicCard } from './TopicCard';
import { TopicDrawer } from './TopicDrawer';
import { statusOrder, topicStatusInfo } from './topicTerms';

type Opened = { relationshipId: string; topicId: string } | null;

/** Every relationship's shared backlog as one board: proposed → exploring → agreed → done, or declined. */
export function TopicsPage() {
  const { apiPath, link } = useWorkspace();
  const [raisedBy, setRaisedBy] = useState('both');
  const [opened, setOpened] = useState<Opened>(null);
  const any = usePagedList<Topic>(['topics', 'any'], apiPath('/topics'), { limit: 1 });
  const filters = { raisedBy: raisedBy === 'both' ? undefined : raisedBy };
  return (
    <>
      <PageHeader
        title="Topics"
        description="The shared backlog of every relationship: ideas, needs and opportunities raised by either side."
        actions={
          !(any.isSuccess && any.items.length === 0) && (
            <SegmentedControl
              aria-label="Raised by"
              value={raisedBy}
              onChange={setRaisedBy}
              data={[
                { value: 'both', label: 'Both sides' },
                { value: 'client', label: 'By them' },
                { value: 'provider', label: 'By us' },
              ]}
            />
          )
        }
      />
      {any.isSuccess && any.items.length === 0 ? (
        <EmptyState
          icon={<IconLayoutKanban />}
          title="No topics yet"
          action={
            <Button component={Link} to={link('/relationships')}>
              Open a relationship
            </Button>
          }
        >
          Topics are raised on a relationship — by you, or by the client in a check-in. Open a relationship
          and raise the first one; it shows up on this board for everyone.
        </EmptyState>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" wrap="nowrap" gap="md" pb="sm">
            {statusOrder.map((s) => (
              <BoardColumn key={s} status={s} filters={filters} onOpen={setOpened} />
            ))}
          </Group>
        </ScrollArea>
      )}
      <TopicDrawer
        relationshipId={opened?.relationshipId ?? ''}
        topicId={opened?.topicId ?? null}
        onClose={() => setOpened(null)}
      />
    </>
  );
}

function BoardColumn(props: {
  status: TopicStatus;
  filters: Record<string, string | undefined>;
  onOpen: (o: Opened) => void;
}) {
  const { apiPath } = useWorkspace();
  const list = usePagedList<Topic>(['topics', 'board', props.status], apiPath('/topics'), {
    status: props.status,
    limit: 30,
    ...props.filters,
  });
  const id = `column-${props.status}`;
  return (
    <Paper withBorder p="sm" w={270} miw={270} bg="gray.0" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5} id={id}>
            {topicStatusInfo[props.status].label}
          </Title>
          <Badge variant="light" color={topicStatusInfo[props.status].color}>
            {list.items.length}
            {list.hasNextPage ? '+' : ''}
          </Badge>
        </Group>
        {list.isSuccess && list.items.length === 0 && (
          <Text size="xs" c="dimmed">
            {topicStatusInfo[props.status].meaning}
          </Text>
        )}
        {list.items.map((t) => (
          <TopicCard
            key={t.id}
            topic={t}
            showRelationship
            onOpen={() => props.onOpen({ relationshipId: t.relationshipId, topicId: t.id })}
          />
        ))}
        {list.hasNextPage && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            Load more
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
