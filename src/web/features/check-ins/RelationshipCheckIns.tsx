import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CheckIn } from '../../../server/features/check-ins/check-ins.contract';
import type { Relationship } from '../../../server/features/relationships/relationships.contract';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { CheckInDue } from '../relationships/RelationshipBadges';
import { formatDateTime } from '../relationships/terms';
import { CheckInStatusBadge } from './CheckInBadges';
import { ScheduleCheckInModal } from './ScheduleCheckInModal';

/** The relationship's partner check-ins: when the next is due, and every one planned, held or skipped. */
export function RelationshipCheckIns({ relationship: r }: { relationship: Relationship }) {
  const { apiPath, link } = useWorkspace();
  // The Check-ins page links here with ?schedule=1 to plan the missing check-in straight away; the
  // parameter is dropped at once, so a reload does not open the dialog again.
  const [params, setParams] = useSearchParams();
  const [scheduling, schedule] = useDisclosure(params.get('schedule') === '1');
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on arrival
  useEffect(() => {
    if (!params.has('schedule')) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('schedule');
        return next;
      },
      { replace: true },
    );
  }, []);
  const list = usePagedList<CheckIn>(
    ['relationship', r.id, 'check-ins'],
    apiPath(`/relationships/${r.id}/check-ins`),
    { limit: 10 },
  );
  const sides = (c: CheckIn) =>
    [c.context.provider && 'our side', c.context.client && 'their side'].filter(Boolean).join(' and ');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="relationship-check-ins">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={2}>
            <Title order={4} id="relationship-check-ins">
              Check-ins
            </Title>
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                Every {r.cadenceDays} days · next due
              </Text>
              <CheckInDue due={r.nextCheckInDue} status={r.status} />
            </Group>
          </Stack>
          <Button size="xs" leftSection={<IconCalendarPlus size={14} />} onClick={schedule.open}>
            Schedule check-in
          </Button>
        </Group>
        {list.isError && (
          <Text c="red" size="sm">
            Could not load the check-ins: {list.error.message}
          </Text>
        )}
        {list.isSuccess && list.items.length === 0 && (
          <Text size="sm" c="dimmed">
            No check-in yet. Schedule the first one: a conversation outside the current work in which both
            sides share how their business is doing, where they have room and what else you could do together.
          </Text>
        )}
        {list.items.length > 0 && (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Context</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={link(`/relationships/${r.id}/check-ins/${c.id}`)} fw={600}>
                        {formatDateTime(c.heldAt ?? c.scheduledFor)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <CheckInStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={sides(c) ? undefined : 'dimmed'}>
                        {sides(c) ? `From ${sides(c)}` : 'Not filled in yet'}
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
      <ScheduleCheckInModal
        key={`schedule-${scheduling}`}
        opened={scheduling}
        onClose={schedule.close}
        relationship={r}
      />
    </Paper>
  );
}
