import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { AuditEvent } from '../../../server/features/settings/settings.contract';
import { EmptyState } from '../../ui/EmptyState';
import { usePagedList } from '../../ui/pagedQuery';
import { formatDateTime, relativeTime } from '../../ui/when';
import { useWorkspace } from '../../ui/workspace';

const actorKindLabel: Record<AuditEvent['actorKind'], string> = {
  user: 'A former member',
  token: 'An API token',
  contact: 'A client contact',
  system: 'Twofold',
};

/** `api_token.revoked` → "API token revoked". */
export function describeAction(action: string): string {
  const text = action.replace(/[._]/g, ' ').replace(/\bapi\b/g, 'API');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeDetails(details: AuditEvent['details']): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ')
    .slice(0, 300);
}

export function AuditTab() {
  const { apiPath } = useWorkspace();
  const list = usePagedList<AuditEvent>(['audit'], apiPath('/audit'), { limit: 50 });

  return (
    <Stack>
      <Stack gap={4} maw={720}>
        <Title order={3}>Audit log</Title>
        <Text size="sm" c="dimmed">
          Who changed what, and when: every change to this workspace, by people, API tokens and client
          contacts. Entries cannot be edited or removed.
        </Text>
      </Stack>
      {list.isError && (
        <Text c="red" size="sm">
          Could not load the audit log: {list.error.message}
        </Text>
      )}
      {list.isSuccess && list.items.length === 0 ? (
        <EmptyState icon={<IconHistory />} title="Nothing recorded yet">
          Changes appear here as soon as anyone creates, edits or deletes something.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm" title={relativeTime(e.at)}>
                      {formatDateTime(e.at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{e.actorName ?? actorKindLabel[e.actorKind] ?? e.actorKind}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {describeAction(e.action)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                      {describeDetails(e.details)}
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
          <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
    </Stack>
  );
}
