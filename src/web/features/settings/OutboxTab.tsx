import { Accordion, Alert, Badge, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconPaperclip } from '@tabler/icons-react';
import type { OutboxMessage } from '../../../server/features/settings/settings.contract';
import { EmptyState } from '../../ui/EmptyState';
import { usePagedList } from '../../ui/pagedQuery';
import { formatDateTime, relativeTime } from '../../ui/when';
import { useWorkspace } from '../../ui/workspace';
import { CopyField } from './CopyField';

const statusInfo: Record<OutboxMessage['status'], { label: string; color: string }> = {
  outbox: { label: 'Held here', color: 'yellow' },
  pending: { label: 'Sending', color: 'blue' },
  sent: { label: 'Sent', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

const linkPattern = /https?:\/\/\S+/g;

export function OutboxTab() {
  const { apiPath } = useWorkspace();
  const list = usePagedList<OutboxMessage>(['outbox'], apiPath('/outbox'), { limit: 25 });

  return (
    <Stack>
      <Stack gap={4} maw={720}>
        <Title order={3}>Outbox</Title>
        <Text size="sm" c="dimmed">
          Every email this workspace sent or is holding: invitations, portal links, check-in reminders.
        </Text>
      </Stack>
      <Alert variant="light" color="blue" icon={<IconMail />} maw={720}>
        When this Twofold has no mail server configured (<code>SMTP_URL</code>), mail is not sent: it waits
        here, marked “Held here”. Open a message to copy its link — an invitation link, for example — and pass
        it on yourself.
      </Alert>
      {list.isError && (
        <Text c="red" size="sm">
          Could not load the outbox: {list.error.message}
        </Text>
      )}
      {list.isSuccess && list.items.length === 0 ? (
        <EmptyState icon={<IconMail />} title="No mail yet">
          Invite a colleague from the Members tab: the invitation email appears here.
        </EmptyState>
      ) : (
        <Accordion variant="separated" chevronPosition="left">
          {list.items.map((m) => (
            <OutboxItem key={m.id} message={m} />
          ))}
        </Accordion>
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

function OutboxItem({ message: m }: { message: OutboxMessage }) {
  const status = statusInfo[m.status] ?? { label: m.status, color: 'gray' };
  const links = [...new Set(m.text.match(linkPattern) ?? [])];
  return (
    <Accordion.Item value={m.id}>
      <Accordion.Control>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0, flex: '1 1 240px' }}>
            <Text fw={500} truncate>
              {m.subject}
            </Text>
            <Text size="sm" c="dimmed" truncate>
              To {m.to}
            </Text>
          </Stack>
          <Group gap="sm" wrap="nowrap">
            <Badge variant="light" color={status.color}>
              {status.label}
            </Badge>
            <Text size="xs" c="dimmed" w={90} ta="right">
              {relativeTime(m.createdAt)}
            </Text>
          </Group>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            Written {formatDateTime(m.createdAt)}
            {m.sentAt ? ` · sent ${formatDateTime(m.sentAt)}` : ''}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {m.text}
          </Code>
          {m.status === 'outbox' &&
            links.map((link) => <CopyField key={link} value={link} label="link from this email" />)}
          {m.attachments.length > 0 && (
            <Group gap="xs">
              {m.attachments.map((a) => (
                <Badge
                  key={a.filename}
                  variant="outline"
                  color="gray"
                  leftSection={<IconPaperclip size={12} />}
                >
                  {a.filename}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
