import { Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { WebhookDelivery } from '../../../server/features/webhooks/webhooks.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get } from '../../ui/api';
import { QueryState } from '../../ui/QueryState';
import { relativeTime } from '../../ui/when';
import { useWorkspace } from '../../ui/workspace';

const statusColor = { pending: 'yellow', delivered: 'teal', failed: 'red' } as const;

/** The last deliveries of one webhook; refreshed every few seconds while anything is still pending. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { apiPath } = useWorkspace();
  const log = useQuery({
    queryKey: ['webhooks', webhookId, 'deliveries'],
    queryFn: () => get<Page<WebhookDelivery>>(apiPath(`/webhooks/${webhookId}/deliveries?limit=20`)),
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? 2000 : false),
  });
  return (
    <QueryState query={log}>
      {(page) =>
        page.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No deliveries yet. “Send test” sends one now.
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-label="Delivery log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Event</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Response</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>When</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {d.event}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColor[d.status]}>
                      {d.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {d.lastStatusCode ?? '—'}
                      {d.lastResponseMs !== null ? ` · ${d.lastResponseMs} ms` : ''}
                    </Text>
                    {d.lastError && d.status !== 'delivered' && (
                      <Text size="xs" c="dimmed">
                        {d.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{d.attempts}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{relativeTime(d.deliveredAt ?? d.createdAt)}</Text>
                    {d.nextAttemptAt && d.attempts > 0 && (
                      <Text size="xs" c="dimmed">
                        next try {relativeTime(d.nextAttemptAt)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </QueryState>
  );
}
