import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { RoomItem } from '../../../server/features/check-ins/check-ins.contract';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { formatDate } from '../relationships/terms';
import { filledByText } from './CheckInBadges';

/** "Where there is room": unused capacity either side declared in the last 90 days, newest first. */
export function RoomList() {
  const { apiPath, link } = useWorkspace();
  const list = usePagedList<RoomItem>(['check-ins', 'room'], apiPath('/check-ins/room'), { limit: 8 });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="room">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={4} id="room">
            Where there is room
          </Title>
          <Text size="sm" c="dimmed">
            Unused capacity either side named in check-ins of the last 90 days — match it with the topics
            waiting on the backlog.
          </Text>
        </Stack>
        {list.isSuccess && list.items.length === 0 && (
          <Text size="sm" c="dimmed">
            Nobody has named spare capacity yet. Ask about it in the next check-in: it is where new work
            starts.
          </Text>
        )}
        {list.items.map((i) => (
          <Stack key={`${i.checkInId}-${i.side}`} gap={2}>
            <Group gap="xs" wrap="wrap">
              <Badge size="sm" variant="light" color={i.side === 'client' ? 'grape' : 'indigo'}>
                {i.side === 'client' ? 'Their room' : 'Our room'}
              </Badge>
              <Anchor
                component={Link}
                to={link(`/relationships/${i.relationship.id}/check-ins/${i.checkInId}`)}
                size="sm"
                fw={600}
              >
                {i.relationship.client.name} — {i.relationship.team.name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatDate(i.at)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {i.unusedCapacity}
            </Text>
            <Text size="xs" c="dimmed">
              {filledByText(i.filledBy)}
            </Text>
          </Stack>
        ))}
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
    </Paper>
  );
}
