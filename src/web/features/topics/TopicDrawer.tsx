import { Anchor, Badge, Button, Drawer, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Comment, Topic, TopicStatus } from '../../../server/features/topics/topics.contract';
import { del, get, patch, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { usePagedList } from '../../ui/pagedQuery';
import { QueryState } from '../../ui/QueryState';
import { useMe, useWorkspace } from '../../ui/workspace';
import { formatDateTime } from '../relationships/terms';
import { refreshTopics, VoteButton } from './TopicCard';
import { sideInfo, statusOptions, topicStatusInfo } from './topicTerms';

/** One topic, opened: what it is, who raised it, where it stands on the board, votes and the conversation. */
export function TopicDrawer(props: { relationshipId: string; topicId: string | null; onClose: () => void }) {
  const { apiPath } = useWorkspace();
  const topic = useQuery({
    queryKey: ['relationship', props.relationshipId, 'topics', 'one', props.topicId],
    queryFn: () => get<Topic>(apiPath(`/relationships/${props.relationshipId}/topics/${props.topicId}`)),
    enabled: props.topicId !== null,
  });
  return (
    <Drawer opened={props.topicId !== null} onClose={props.onClose} position="right" size="lg" title="Topic">
      {props.topicId && (
        <QueryState query={topic}>{(t) => <TopicDetails topic={t} onClose={props.onClose} />}</QueryState>
      )}
    </Drawer>
  );
}

function TopicDetails({ topic: t, onClose }: { topic: Topic; onClose: () => void }) {
  const { apiPath, link, isAdmin } = useWorkspace();
  const me = useMe();
  const qc = useQueryClient();
  const base = apiPath(`/relationships/${t.relationshipId}/topics/${t.id}`);
  const comments = usePagedList<Comment>(
    ['relationship', t.relationshipId, 'topics', 'comments', t.id],
    `${base}/comments`,
    {
      limit: 100,
    },
  );
  const form = useForm({ initialValues: { body: '' } });
  const mayDelete = isAdmin || (t.author.kind === 'member' && t.author.id === me.data?.user.id);

  const setStatus = async (status: TopicStatus) => {
    try {
      await patch<Topic>(base, { status });
      await refreshTopics(qc, t.relationshipId);
      notifySaved(`Moved to ${topicStatusInfo[status].label}`);
    } catch (err) {
      showApiError(err);
    }
  };
  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${t.title}”?`,
      children: <Text size="sm">Its votes and comments go with it.</Text>,
      labels: { confirm: 'Delete topic', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(base);
          await refreshTopics(qc, t.relationshipId);
          notifySaved('Topic deleted');
          onClose();
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text fw={700} size="lg">
          {t.title}
        </Text>
        <Anchor component={Link} to={link(`/relationships/${t.relationshipId}`)} size="sm">
          {t.relationship.client.name} — {t.relationship.team.name}
        </Anchor>
        <Group gap={6}>
          <Badge variant="light" color={sideInfo[t.raisedBy].color}>
            {sideInfo[t.raisedBy].label}
          </Badge>
          <Text size="xs" c="dimmed">
            noted by {t.author.name}, {formatDateTime(t.createdAt)}
            {t.checkInId ? ' · from a check-in' : ''}
          </Text>
        </Group>
      </Stack>
      {t.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t.description}
        </Text>
      )}
      <Group align="flex-end" justify="space-between">
        <Select
          label="Status"
          description={topicStatusInfo[t.status].meaning}
          data={statusOptions}
          value={t.status}
          allowDeselect={false}
          onChange={(v) => v && v !== t.status && setStatus(v as TopicStatus)}
          w={220}
        />
        <VoteButton topic={t} />
      </Group>
      <Stack gap="xs" component="section" aria-label="Comments">
        <Text fw={600} size="sm">
          Comments
        </Text>
        {comments.isSuccess && comments.items.length === 0 && (
          <Text size="sm" c="dimmed">
            No comments yet. Both sides can add to the conversation.
          </Text>
        )}
        {comments.items.map((c) => (
          <Stack
            key={c.id}
            gap={0}
            pl="sm"
            style={{
              borderLeft: `3px solid var(--mantine-color-${c.side === 'client' ? 'grape' : 'indigo'}-3)`,
            }}
          >
            <Text size="xs" c="dimmed">
              {c.author.name} {c.side === 'client' ? '(client)' : ''} · {formatDateTime(c.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
          </Stack>
        ))}
        <form
          onSubmit={form.onSubmit(async (v) => {
            try {
              await post<Comment>(`${base}/comments`, v);
              form.reset();
              await refreshTopics(qc, t.relationshipId);
            } catch (err) {
              showApiError(err, form.setErrors);
            }
          })}
        >
          <Stack gap="xs">
            <Textarea label="Add a comment" autosize minRows={2} required {...form.getInputProps('body')} />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={form.submitting}>
                Comment
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      {mayDelete && (
        <Group>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} />}
            onClick={confirmDelete}
          >
            Delete topic
          </Button>
        </Group>
      )}
    </Stack>
  );
}
