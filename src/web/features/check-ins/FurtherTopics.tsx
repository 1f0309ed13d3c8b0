import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CheckIn } from '../../../server/features/check-ins/check-ins.contract';
import type { Topic, TopicSide } from '../../../server/features/topics/topics.contract';
import { post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { topicLines } from './checkInTerms';

/**
 * The further topics both sides named, one per line, each a click away from the shared backlog
 * (linked to this check-in, raised by the side that named it).
 */
export function FurtherTopics({ checkIn: c }: { checkIn: CheckIn }) {
  const { apiPath, link } = useWorkspace();
  const qc = useQueryClient();
  const [adding, setAdding] = useState<string | null>(null);
  const base = apiPath(`/relationships/${c.relationshipId}/topics`);
  // The whole backlog (a relationship's open topics fit in one page): a line already on it links there.
  const backlog = usePagedList<Topic>(['relationship', c.relationshipId, 'topics', 'backlog'], base, {
    limit: 200,
  });
  const candidates: { title: string; sides: TopicSide[] }[] = [];
  const lines = [
    ...topicLines(c.context.provider?.furtherTopics).map((title) => ({ title, side: 'provider' as const })),
    ...topicLines(c.context.client?.furtherTopics).map((title) => ({ title, side: 'client' as const })),
  ];
  for (const { title, side } of lines) {
    const same = candidates.find((x) => x.title.toLowerCase() === title.toLowerCase());
    if (!same) candidates.push({ title, sides: [side] });
    else if (!same.sides.includes(side)) same.sides.push(side);
  }
  const onBacklog = (title: string) =>
    backlog.items.find((t) => t.title.toLowerCase() === title.toLowerCase());

  const add = async (title: string, side: TopicSide) => {
    setAdding(title);
    try {
      await post<Topic>(base, { title, raisedBy: side, checkInId: c.id });
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['relationship', c.relationshipId, 'topics'] }),
        qc.invalidateQueries({ queryKey: ['topics'] }),
      ]);
      notifySaved(`“${title}” is on the backlog`);
    } catch (err) {
      showApiError(err);
    } finally {
      setAdding(null);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="further-topics">
      <Stack gap="sm">
        <Title order={4} id="further-topics">
          Further topics
        </Title>
        {candidates.length === 0 ? (
          <Text size="sm" c="dimmed">
            Write further topics on either side, one per line; each can go on the shared topic backlog with
            one click.
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {candidates.map(({ title, sides }) => {
              const existing = onBacklog(title);
              // Named by the client (alone or with us): it goes on the backlog as raised by them.
              const side: TopicSide = sides.includes('client') ? 'client' : 'provider';
              return (
                <Group key={title} component="li" justify="space-between" wrap="nowrap" gap="sm">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Badge
                      size="sm"
                      style={{ flexShrink: 0 }}
                      variant="light"
                      color={sides.length > 1 ? 'teal' : side === 'client' ? 'grape' : 'indigo'}
                    >
                      {sides.length > 1 ? 'Both' : side === 'client' ? 'Theirs' : 'Ours'}
                    </Badge>
                    <Text size="sm" truncate>
                      {title}
                    </Text>
                  </Group>
                  {existing ? (
                    <Anchor
                      component={Link}
                      to={link(`/relationships/${c.relationshipId}?topic=${existing.id}`)}
                      size="sm"
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      <IconCheck size={14} style={{ verticalAlign: 'middle' }} aria-hidden /> On the backlog
                    </Anchor>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconPlus size={14} />}
                      loading={adding === title}
                      onClick={() => add(title, side)}
                      aria-label={`Add “${title}” to the backlog`}
                    >
                      Add to backlog
                    </Button>
                  )}
                </Group>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
