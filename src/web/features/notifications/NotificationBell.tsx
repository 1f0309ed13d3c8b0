import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '../../../server/features/notifications/notifications.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, patch, post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { relativeTime } from '../../ui/when';
import { useWorkspace } from '../../ui/workspace';

/** The bell in the header: how many unread, and the latest notifications to open or mark read. */
export function NotificationBell() {
  const { apiPath, workspaceId } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const count = useQuery({
    queryKey: ['notifications', workspaceId, 'unread'],
    queryFn: () => get<{ unread: number }>(apiPath('/notifications/unread-count')),
    // Reminders arrive in the background: look again every minute.
    refetchInterval: 60_000,
  });
  const list = useQuery({
    queryKey: ['notifications', workspaceId, 'latest'],
    queryFn: () => get<Page<Notification>>(apiPath('/notifications?limit=20')),
    enabled: opened,
  });
  const unread = count.data?.unread ?? 0;
  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications', workspaceId] });

  const open = async (n: Notification) => {
    setOpened(false);
    try {
      if (!n.read) await patch(apiPath(`/notifications/${n.id}`), { read: true });
      await refresh();
    } catch (err) {
      showApiError(err);
    }
    if (n.link) navigate(n.link);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={18}
          disabled={unread === 0}
          color="red"
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size={36}
            onClick={() => setOpened((o) => !o)}
            aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
            aria-expanded={opened}
          >
            <IconBell size={20} stroke={1.6} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Stack gap={0} role="region" aria-label="Notifications">
          <Group justify="space-between" px="sm" py="xs">
            <Text fw={600} size="sm">
              Notifications
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconChecks size={14} />}
              disabled={unread === 0}
              onClick={async () => {
                try {
                  await post(apiPath('/notifications/read-all'), {});
                  await refresh();
                } catch (err) {
                  showApiError(err);
                }
              }}
            >
              Mark all read
            </Button>
          </Group>
          <ScrollArea.Autosize mah={420}>
            {list.isPending && (
              <Text size="sm" c="dimmed" px="sm" pb="sm">
                Loading…
              </Text>
            )}
            {list.isSuccess && list.data.items.length === 0 && (
              <Text size="sm" c="dimmed" px="sm" pb="sm">
                Nothing yet. Reminders of check-ins that are due, topics the client raises, votes and comments
                show up here.
              </Text>
            )}
            {list.data?.items.map((n) => (
              <UnstyledButton
                key={n.id}
                onClick={() => open(n)}
                px="sm"
                py={8}
                w="100%"
                style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                bg={n.read ? undefined : 'indigo.0'}
              >
                <Text size="sm" fw={n.read ? 400 : 600} lineClamp={2}>
                  {!n.read && <VisuallyHidden component="span">Unread: </VisuallyHidden>}
                  {n.title}
                </Text>
                {n.body && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {relativeTime(n.createdAt)}
                </Text>
              </UnstyledButton>
            ))}
          </ScrollArea.Autosize>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
