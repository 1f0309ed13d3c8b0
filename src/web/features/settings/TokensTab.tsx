import { ActionIcon, Anchor, Badge, Button, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconBan, IconKey, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken } from '../../../server/features/tokens/tokens.contract';
import type { Page } from '../../../server/platform/common.contract';
import { del, get } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { notifySaved, showApiError } from '../../ui/forms';
import { QueryState } from '../../ui/QueryState';
import { formatDate, relativeTime } from '../../ui/when';
import { useWorkspace } from '../../ui/workspace';
import { CreateTokenModal, scopeLabel } from './CreateTokenModal';

export function TokensTab() {
  const { apiPath, workspaceId } = useWorkspace();
  const [creating, { open, close }] = useDisclosure();
  const tokens = useQuery({
    queryKey: ['tokens', workspaceId],
    queryFn: () => get<Page<ApiToken>>(apiPath('/tokens')),
  });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={0} maw={640}>
          <Title order={3}>API tokens</Title>
          <Text size="sm" c="dimmed">
            A token lets a script or another tool use the Twofold REST API for this workspace, sent as{' '}
            <code>Authorization: Bearer …</code>. See the{' '}
            <Anchor href="/api/docs" target="_blank" rel="noopener noreferrer">
              API documentation
            </Anchor>
            .
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={16} />} onClick={open}>
          New token
        </Button>
      </Group>
      <QueryState query={tokens}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState
              icon={<IconKey />}
              title="No API tokens yet"
              action={<Button onClick={open}>Create a token</Button>}
            >
              Create one per script or integration, so you can revoke one without breaking the others.
            </EmptyState>
          ) : (
            <TokenTable items={page.items} />
          )
        }
      </QueryState>
      <CreateTokenModal key={String(creating)} opened={creating} onClose={close} />
    </Stack>
  );
}

function TokenTable({ items }: { items: ApiToken[] }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const revoke = (t: ApiToken) =>
    modals.openConfirmModal({
      title: `Revoke “${t.name}”?`,
      children: (
        <Text size="sm">Anything using this token stops working at once. This cannot be undone.</Text>
      ),
      labels: { confirm: 'Revoke token', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(apiPath(`/tokens/${t.id}`));
          await qc.invalidateQueries({ queryKey: ['tokens'] });
          notifySaved(`Token “${t.name}” revoked`);
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Access</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th w={56}>
              <Text span size="xs" c="dimmed">
                Revoke
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((t) => (
            <Table.Tr key={t.id} c={t.revokedAt ? 'dimmed' : undefined}>
              <Table.Td fw={500}>{t.name}</Table.Td>
              <Table.Td>{scopeLabel[t.scope]}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(t.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  by {t.createdBy.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t.lastUsedAt ? relativeTime(t.lastUsedAt) : 'Never'}</Text>
              </Table.Td>
              <Table.Td>
                {t.revokedAt ? (
                  <Badge variant="light" color="gray">
                    Revoked {formatDate(t.revokedAt)}
                  </Badge>
                ) : (
                  <Badge variant="light" color="teal">
                    Active
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {!t.revokedAt && (
                  <Tooltip label={`Revoke ${t.name}`}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Revoke ${t.name}`}
                      onClick={() => revoke(t)}
                    >
                      <IconBan size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
