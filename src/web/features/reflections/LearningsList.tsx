import { Anchor, Badge, Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { LearningItem } from '../../../server/features/reflections/reflections.contract';
import { EmptyState } from '../../ui/EmptyState';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { PromoteButton } from '../knowledge/PromoteButton';
import { formatDate } from '../relationships/terms';

/** Every learning, newest first; a tag narrows the list. */
export function LearningsList({ teamId }: { teamId?: string }) {
  const { apiPath, link } = useWorkspace();
  const [tag, setTag] = useState('');
  const [debounced] = useDebouncedValue(tag.trim(), 250);
  const list = usePagedList<LearningItem>(['reflections', 'learnings'], apiPath('/learnings'), {
    teamId,
    tag: debounced || undefined,
    limit: 50,
  });
  return (
    <Stack gap="sm">
      <TextInput
        label="Tag"
        placeholder="e.g. immersion"
        value={tag}
        onChange={(e) => setTag(e.currentTarget.value)}
        w={260}
      />
      {list.isSuccess && list.items.length === 0 && (
        <EmptyState
          icon={<IconBulb />}
          title={debounced ? `No learning tagged “${debounced}”` : 'No learnings yet'}
        >
          Learnings are recorded with a reflection: what the team will do differently, tagged so it can be
          found again.
        </EmptyState>
      )}
      {list.items.map((l) => (
        <Stack key={l.id} gap={2} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text size="sm">{l.text}</Text>
            <PromoteButton
              compact
              what={`the learning “${l.text.slice(0, 40)}”`}
              path={`/reflections/${l.reflection.id}/learnings/${l.id}/promote`}
            />
          </Group>
          <Group gap={6}>
            {l.tags.map((t) => (
              <UnstyledButton key={t} onClick={() => setTag(t)} aria-label={`Show learnings tagged ${t}`}>
                <Badge variant="outline" size="sm">
                  #{t}
                </Badge>
              </UnstyledButton>
            ))}
            <Anchor component={Link} to={link(`/reflections/${l.reflection.id}`)} size="xs" c="dimmed">
              {l.reflection.team.name}, {formatDate(l.reflection.heldOn)}
            </Anchor>
          </Group>
        </Stack>
      ))}
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
