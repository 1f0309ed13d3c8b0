import { Badge, Button, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowBigUp, IconArrowBigUpFilled, IconMessage } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Topic } from '../../../server/features/topics/topics.contract';
import { del, post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { sideInfo, topicStatusInfo } from './topicTerms';

/** Everything that shows a topic refreshes after a change: the relationship's backlog and the board. */
export async function refreshTopics(qc: ReturnType<typeof useQueryClient>, relationshipId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['relationship', relationshipId, 'topics'] }),
    qc.invalidateQueries({ queryKey: ['topics'] }),
  ]);
}

/** One vote per person: the button shows whether mine is in, and pressing it again takes it back. */
export function VoteButton({ topic }: { topic: Topic }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const url = apiPath(`/relationships/${topic.relationshipId}/topics/${topic.id}/votes`);
  return (
    <Button
      size="compact-sm"
      variant={topic.votedByMe ? 'filled' : 'default'}
      leftSection={topic.votedByMe ? <IconArrowBigUpFilled size={14} /> : <IconArrowBigUp size={14} />}
      aria-pressed={topic.votedByMe}
      aria-label={`${topic.votedByMe ? 'Take back my vote for' : 'Vote for'} “${topic.title}”, ${topic.voteCount} vote${topic.voteCount === 1 ? '' : 's'}`}
      loading={busy}
      onClick={async (e) => {
        e.stopPropagation();
        setBusy(true);
        try {
          if (topic.votedByMe) await del(url);
          else await post(url);
          await refreshTopics(qc, topic.relationshipId);
        } catch (err) {
          showApiError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      {topic.voteCount}
    </Button>
  );
}

/** A topic on a list or the board; opening it shows the description, status and comments. */
export function TopicCard(props: {
  topic: Topic;
  onOpen: () => void;
  showRelationship?: boolean;
  showStatus?: boolean;
}) {
  const t = props.topic;
  return (
    <Card withBorder padding="sm">
      <Stack gap={6}>
        <UnstyledButton onClick={props.onOpen} aria-label={`Open topic “${t.title}”`}>
          <Text fw={600} size="sm" lineClamp={2}>
            {t.title}
          </Text>
          {props.showRelationship && (
            <Text size="xs" c="dimmed">
              {t.relationship.client.name} — {t.relationship.team.name}
            </Text>
          )}
        </UnstyledButton>
        <Group gap={6} wrap="wrap">
          <Badge size="sm" variant="light" color={sideInfo[t.raisedBy].color}>
            {sideInfo[t.raisedBy].label}
          </Badge>
          {props.showStatus && (
            <Badge size="sm" variant="outline" color={topicStatusInfo[t.status].color}>
              {topicStatusInfo[t.status].label}
            </Badge>
          )}
        </Group>
        <Group justify="space-between" gap="xs">
          <VoteButton topic={t} />
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconMessage size={14} />}
            onClick={props.onOpen}
          >
            {t.commentCount} comment{t.commentCount === 1 ? '' : 's'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
