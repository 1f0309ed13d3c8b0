import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Topic } from '../../../server/features/topics/topics.contract';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { TopicCard } from './TopicCard';
import { TopicDrawer } from './TopicDrawer';
import { TopicFormModal } from './TopicFormModal';

const views = [
  { value: 'open', label: 'Open' },
  { value: 'all', label: 'All' },
];

/** The relationship's shared topic backlog: raised by either side, voted and discussed by both. */
export function RelationshipTopics({ relationshipId }: { relationshipId: string }) {
  const { apiPath } = useWorkspace();
  const [raising, raise] = useDisclosure();
  const [view, setView] = useState('open');
  // `?topic=<id>` (from a notification or a check-in) opens that topic.
  const [params, setParams] = useSearchParams();
  const openId = params.get('topic');
  const setOpen = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('topic', id);
        else next.delete('topic');
        return next;
      },
      { replace: true },
    );
  const list = usePagedList<Topic>(
    ['relationship', relationshipId, 'topics', 'list'],
    apiPath(`/relationships/${relationshipId}/topics`),
    {
      limit: 50,
    },
  );
  const shown =
    view === 'open'
      ? list.items.filter((t) => ['proposed', 'exploring', 'agreed'].includes(t.status))
      : list.items;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="relationship-topics">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={4} id="relationship-topics">
            Topics
          </Title>
          <Group gap="xs">
            <SegmentedControl
              size="xs"
              data={views}
              value={view}
              onChange={setView}
              aria-label="Which topics"
            />
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={raise.open}>
              Raise topic
            </Button>
          </Group>
        </Group>
        {list.isSuccess && shown.length === 0 && (
          <Text size="sm" c="dimmed">
            {list.items.length === 0
              ? 'The shared backlog is empty. Raise a topic — an idea, a need, an opportunity — or turn a further topic from a check-in into one. Both sides vote and comment.'
              : 'No open topic. Switch to “All” to see what is done or declined.'}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {shown.map((t) => (
            <TopicCard key={t.id} topic={t} showStatus onOpen={() => setOpen(t.id)} />
          ))}
        </SimpleGrid>
        {list.hasNextPage && (
          <Group justify="center">
            <Button
              variant="subtle"
              size="xs"
              onClick={() => list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              Load more
            </Button>
          </Group>
        )}
      </Stack>
      <TopicFormModal
        key={`raise-${raising}`}
        opened={raising}
        onClose={raise.close}
        relationshipId={relationshipId}
      />
      <TopicDrawer relationshipId={relationshipId} topicId={openId} onClose={() => setOpen(null)} />
    </Paper>
  );
}
