import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconPlus, IconSend, IconTrash, IconWebhook } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Webhook, WebhookEvent } from '../../../server/features/webhooks/webhooks.contract';
import type { Page } from '../../../server/platform/common.contract';
import { del, get, post } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { notifySaved, showApiError } from '../../ui/forms';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { CreateWebhookModal, eventLabel } from './CreateWebhookModal';
import { DeliveryLog } from './DeliveryLog';

/** Settings → Webhooks: subscriptions, each with "Send test" and its delivery log. */
export function WebhooksTab() {
  const { apiPath, workspaceId } = useWorkspace();
  const [creating, { open, close }] = useDisclosure();
  const hooks = useQuery({
    queryKey: ['webhooks', workspaceId],
    queryFn: () => get<Page<Webhook>>(apiPath('/webhooks')),
  });
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Stack gap={0} maw={640}>
          <Title order={3}>Webhooks</Title>
          <Text size="sm" c="dimmed">
            Twofold tells another system when something happens here — a relationship starts, a check-in is
            held — with a signed JSON POST. A receiver that fails is tried again for about an hour.
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={16} />} onClick={open}>
          New webhook
        </Button>
      </Group>
      <QueryState query={hooks}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState
              icon={<IconWebhook />}
              title="No webhooks yet"
              action={<Button onClick={open}>Create a webhook</Button>}
            >
              Add the URL of your CRM, chat or automation tool and pick the events it should hear about.
            </EmptyState>
          ) : (
            page.items.map((h) => <WebhookCard key={h.id} hook={h} />)
          )
        }
      </QueryState>
      <CreateWebhookModal key={String(creating)} opened={creating} onClose={close} />
    </Stack>
  );
}

function WebhookCard({ hook }: { hook: Webhook }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const sendTest = async () => {
    try {
      await post(apiPath(`/webhooks/${hook.id}/test`), {});
      await qc.invalidateQueries({ queryKey: ['webhooks', hook.id, 'deliveries'] });
      notifySaved('Test delivery queued');
    } catch (err) {
      showApiError(err);
    }
  };
  const remove = () =>
    modals.openConfirmModal({
      title: 'Delete this webhook?',
      children: <Text size="sm">{hook.url} stops hearing from Twofold, and its delivery log goes too.</Text>,
      labels: { confirm: 'Delete webhook', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(apiPath(`/webhooks/${hook.id}`));
          await qc.invalidateQueries({ queryKey: ['webhooks'] });
          notifySaved('Webhook deleted');
        } catch (err) {
          showApiError(err);
        }
      },
    });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={2}>
            <Text fw={600} ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
              {hook.url}
            </Text>
            <Group gap={4}>
              {hook.events.map((e) => (
                <Badge key={e} variant="light" size="sm" title={e}>
                  {eventLabel[e as WebhookEvent] ?? e}
                </Badge>
              ))}
              {!hook.active && <Badge color="gray">paused</Badge>}
            </Group>
          </Stack>
          <Group gap="xs">
            <Button variant="light" leftSection={<IconSend size={16} />} onClick={sendTest}>
              Send test
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={remove}>
              Delete
            </Button>
          </Group>
        </Group>
        <DeliveryLog webhookId={hook.id} />
      </Stack>
    </Card>
  );
}
