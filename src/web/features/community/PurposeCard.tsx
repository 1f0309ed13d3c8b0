import { Anchor, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Purpose } from '../../../server/features/community/purpose.contract';
import { get, put } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';

export function usePurpose() {
  const { apiPath, workspaceId } = useWorkspace();
  return useQuery({
    queryKey: ['purpose', workspaceId],
    queryFn: () => get<Purpose>(apiPath('/purpose')),
    staleTime: 60_000,
  });
}

/**
 * The purpose statement: why the people here do the work. It heads the home page and the community
 * page; admins write it, and until they do, they are asked to.
 */
export function PurposeCard({ compact = false }: { compact?: boolean }) {
  const { isAdmin, link } = useWorkspace();
  const purpose = usePurpose();
  const [editing, { open, close }] = useDisclosure();
  const statement = purpose.data?.statement;
  if (purpose.isPending || (!statement && !isAdmin)) return null;
  return (
    <Paper
      withBorder
      p={compact ? 'md' : 'lg'}
      radius="md"
      component="section"
      aria-label="Our purpose"
      style={{ borderLeft: '4px solid var(--mantine-color-indigo-5)' }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text size="xs" tt="uppercase" fw={700} c="indigo">
            Our purpose
          </Text>
          {statement ? (
            <Text size={compact ? 'md' : 'lg'} style={{ whiteSpace: 'pre-line' }}>
              {statement}
            </Text>
          ) : (
            <Text c="dimmed">
              Why do your people do this work? Write it down in a few sentences — it will head this page, the
              home page and your clients’ portal.
            </Text>
          )}
          {compact && statement && (
            <Anchor component={Link} to={link('/community')} size="sm">
              Community and events
            </Anchor>
          )}
        </Stack>
        {isAdmin && (
          <Button
            variant={statement ? 'subtle' : 'light'}
            size="xs"
            leftSection={<IconPencil size={14} />}
            onClick={open}
            style={{ flexShrink: 0 }}
          >
            {statement ? 'Edit' : 'Write our purpose'}
          </Button>
        )}
      </Group>
      {isAdmin && (
        <PurposeModal key={String(editing)} opened={editing} onClose={close} current={statement ?? ''} />
      )}
    </Paper>
  );
}

function PurposeModal(props: { opened: boolean; onClose: () => void; current: string }) {
  const { apiPath, workspaceId } = useWorkspace();
  const qc = useQueryClient();
  const form = useForm({ initialValues: { statement: props.current } });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title="Our purpose"
      size="lg"
    >
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const saved = await put<Purpose>(apiPath('/purpose'), values);
            qc.setQueryData(['purpose', workspaceId], saved);
            notifySaved('Purpose saved');
            props.onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <Textarea
            label="Why we do the work"
            description="A few sentences everyone here would sign. Clients read it in their portal too."
            placeholder="We help neighbourhood cafés become the best hour of their guests’ day — by learning their trade as well as our own."
            autosize
            minRows={4}
            data-autofocus
            {...form.getInputProps('statement')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
