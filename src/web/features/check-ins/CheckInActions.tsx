import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { Action, CheckIn } from '../../../server/features/check-ins/check-ins.contract';
import { del, patch, post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { useMemberOptions } from '../relationships/options';
import { formatDate } from '../relationships/terms';

/** What both sides agreed to do next: who, what, by when; ticked off when done. */
export function CheckInActions({ checkIn: c }: { checkIn: CheckIn }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const members = useMemberOptions();
  const base = apiPath(`/relationships/${c.relationshipId}/check-ins/${c.id}/actions`);
  const key = ['relationship', c.relationshipId, 'check-in', c.id, 'actions'];
  const list = usePagedList<Action>(key, base, { limit: 100 });
  const form = useForm({ initialValues: { title: '', ownerId: null as string | null, dueOn: '' } });
  const refresh = () => qc.invalidateQueries({ queryKey: key });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="check-in-actions">
      <Stack gap="sm">
        <Title order={4} id="check-in-actions">
          Actions
        </Title>
        {list.isSuccess && list.items.length === 0 && (
          <Text size="sm" c="dimmed">
            No actions yet. Note who does what by when, so the conversation turns into work.
          </Text>
        )}
        {list.items.map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap" gap="xs">
            <Checkbox
              checked={a.done}
              label={
                <Text size="sm" td={a.done ? 'line-through' : undefined}>
                  {a.title}
                  <Text span size="xs" c="dimmed">
                    {a.owner ? ` · ${a.owner.name}` : ''}
                    {a.dueOn ? ` · by ${formatDate(a.dueOn)}` : ''}
                  </Text>
                </Text>
              }
              onChange={async (e) => {
                try {
                  await patch(`${base}/${a.id}`, { done: e.currentTarget.checked });
                  await refresh();
                } catch (err) {
                  showApiError(err);
                }
              }}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Delete the action “${a.title}”`}
              onClick={async () => {
                try {
                  await del(`${base}/${a.id}`);
                  await refresh();
                } catch (err) {
                  showApiError(err);
                }
              }}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <form
          onSubmit={form.onSubmit(async (v) => {
            try {
              await post<Action>(base, { title: v.title, ownerId: v.ownerId, dueOn: v.dueOn || null });
              form.reset();
              await refresh();
            } catch (err) {
              showApiError(err, form.setErrors);
            }
          })}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label="New action"
              placeholder="Send the capacity plan"
              required
              style={{ flex: '1 1 200px' }}
              {...form.getInputProps('title')}
            />
            <Select
              label="Who"
              placeholder="Anyone"
              data={members.options}
              clearable
              w={160}
              {...form.getInputProps('ownerId')}
            />
            <TextInput type="date" label="By" w={150} {...form.getInputProps('dueOn')} />
            <Button
              type="submit"
              variant="light"
              leftSection={<IconPlus size={14} />}
              loading={form.submitting}
            >
              Add action
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
