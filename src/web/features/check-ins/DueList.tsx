import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { DueBucket, DueItem } from '../../../server/features/check-ins/check-ins.contract';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { formatDate, formatDateTime } from '../relationships/terms';
import { bucketInfo } from './checkInTerms';

/** One bucket of the Check-ins page: relationships whose next check-in is overdue, due this week, or later. */
export function DueList(props: {
  bucket: DueBucket;
  count: number | undefined;
  filters: Record<string, string | undefined>;
}) {
  const { apiPath, link } = useWorkspace();
  const list = usePagedList<DueItem>(['check-ins', 'due', props.bucket], apiPath('/check-ins/due'), {
    bucket: props.bucket,
    limit: 25,
    ...props.filters,
  });
  const id = `due-${props.bucket}`;
  const overdue = props.bucket === 'overdue';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={4} id={id} c={overdue && props.count ? 'red.8' : undefined}>
            {overdue && props.count ? (
              <IconAlertTriangle size={18} aria-hidden style={{ verticalAlign: -2 }} />
            ) : null}{' '}
            {bucketInfo[props.bucket].label}
          </Title>
          {props.count !== undefined && (
            <Badge
              variant="light"
              color={overdue && props.count ? 'red' : 'gray'}
              aria-label={`${props.count} relationships`}
            >
              {props.count}
            </Badge>
          )}
        </Group>
        {list.isError && (
          <Text c="red" size="sm">
            Could not load this list: {list.error.message}
          </Text>
        )}
        {list.isSuccess && list.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {bucketInfo[props.bucket].empty}
          </Text>
        )}
        {list.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Relationship</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Scheduled</Table.Th>
                  <Table.Th>Partner lead</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((i) => (
                  <Table.Tr key={i.relationship.id}>
                    <Table.Td>
                      <Anchor component={Link} to={link(`/relationships/${i.relationship.id}`)} fw={600}>
                        {i.relationship.client.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {i.relationship.team.name} · every {i.relationship.cadenceDays} days
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        fw={i.daysOverdue ? 600 : undefined}
                        c={i.daysOverdue ? 'red.8' : undefined}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {formatDate(i.nextCheckInDue)}
                      </Text>
                      {i.daysOverdue > 0 && (
                        <Text size="xs" c="red.8">
                          {i.daysOverdue} day{i.daysOverdue === 1 ? '' : 's'} overdue
                          {i.missedCadences > 1 ? ` · ${i.missedCadences} cadences missed` : ''}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {i.scheduled ? (
                        <Anchor
                          component={Link}
                          to={link(`/relationships/${i.relationship.id}/check-ins/${i.scheduled.id}`)}
                          size="sm"
                        >
                          {formatDateTime(i.scheduled.scheduledFor)}
                        </Anchor>
                      ) : (
                        <Anchor
                          component={Link}
                          to={link(`/relationships/${i.relationship.id}?schedule=1`)}
                          size="sm"
                          c="dimmed"
                        >
                          Not yet — schedule it
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={i.relationship.owner ? undefined : 'dimmed'}>
                        {i.relationship.owner?.name ?? 'Nobody yet'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
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
