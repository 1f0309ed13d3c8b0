import { ActionIcon, Anchor, Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import type { TimeEntry } from '../../../server/features/time/time.contract';
import { del, qs } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { usePagedList } from '../../ui/pagedQuery';
import { useMe, useWorkspace } from '../../ui/workspace';
import { formatDate } from '../relationships/terms';
import { useTimeRefresh } from './TimeEntryModal';
import { formatHours, kindInfo } from './timeTerms';

export type TimeFilter = {
  memberId?: string;
  teamId?: string;
  relationshipId?: string;
  from?: string;
  to?: string;
  kind?: string;
};

/** The entries matching a filter, newest first, with the same filter as a CSV download. */
export function TimeEntriesTable({ filter, empty }: { filter: TimeFilter; empty?: string }) {
  const { apiPath, isAdmin } = useWorkspace();
  const me = useMe();
  const refresh = useTimeRefresh();
  const list = usePagedList<TimeEntry>(['time', 'entries'], apiPath('/time-entries'), {
    ...filter,
    limit: 50,
  });
  const total = list.items.reduce((s, e) => s + e.hours, 0);
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          {list.isSuccess
            ? `${list.items.length}${list.hasNextPage ? '+' : ''} entries · ${formatHours(total)}${list.hasNextPage ? ' so far' : ''}`
            : ''}
        </Text>
        <Anchor href={apiPath(`/time-entries.csv${qs(filter)}`)} download size="sm">
          <Group gap={4}>
            <IconDownload size={14} aria-hidden /> Export CSV
          </Group>
        </Anchor>
      </Group>
      {list.isSuccess && list.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty ?? 'No time logged for this selection.'}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Relationship / team</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th ta="right">Hours</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.date)}</Table.Td>
                  <Table.Td>{e.member.name}</Table.Td>
                  <Table.Td>
                    {e.relationship?.clientName ?? (
                      <Text span c="dimmed" size="sm">
                        no relationship
                      </Text>
                    )}
                    {e.team && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {e.team.name}
                      </Text>
                    )}
                    {e.note && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {e.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={kindInfo[e.kind].color.split('.')[0]}>
                      {kindInfo[e.kind].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatHours(e.hours)}</Table.Td>
                  <Table.Td>
                    {(isAdmin || e.memberId === me.data?.user.id) && (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Delete ${formatHours(e.hours)} on ${formatDate(e.date)}`}
                        onClick={async () => {
                          try {
                            await del(apiPath(`/time-entries/${e.id}`));
                            await refresh();
                          } catch (err) {
                            showApiError(err);
                          }
                        }}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
    </>
  );
}
