import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { CheckIn } from '../../../server/features/check-ins/check-ins.contract';
import { patch } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { toLocalInput } from './checkInTerms';

export type StatusAction = 'held' | 'skipped' | 'move';

/** Everything that refreshes when a check-in changes: it, its relationship (due date) and the lists. */
export async function refreshCheckIn(qc: ReturnType<typeof useQueryClient>, relationshipId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['relationship', relationshipId] }),
    qc.invalidateQueries({ queryKey: ['relationships'] }),
    qc.invalidateQueries({ queryKey: ['check-ins'] }),
  ]);
}

const titles: Record<StatusAction, string> = {
  held: 'Mark the check-in held',
  skipped: 'Skip this check-in',
  move: 'Move the check-in',
};

/** Record that the check-in was held (the next due date moves), skip it with a reason, or move it. */
export function CheckInStatusModal(props: {
  checkIn: CheckIn;
  action: StatusAction | null;
  onClose: () => void;
}) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const c = props.checkIn;
  const now = new Date();
  const scheduled = new Date(c.scheduledFor);
  const form = useForm({
    initialValues: {
      heldAt: toLocalInput(scheduled < now ? scheduled : now),
      scheduledFor: toLocalInput(scheduled),
      durationMinutes: String(c.durationMinutes),
      notes: c.notes ?? '',
    },
    validate: {
      notes: (v) => (props.action === 'skipped' && !v.trim() ? 'Say why it was skipped' : null),
    },
  });
  const action = props.action;
  return (
    <Modal opened={action !== null} onClose={props.onClose} title={action ? titles[action] : ''}>
      <form
        onSubmit={form.onSubmit(async (v) => {
          const body =
            action === 'held'
              ? { status: 'held', heldAt: new Date(v.heldAt).toISOString(), notes: v.notes.trim() || null }
              : action === 'skipped'
                ? { status: 'skipped', notes: v.notes.trim() }
                : {
                    scheduledFor: new Date(v.scheduledFor).toISOString(),
                    durationMinutes: Number(v.durationMinutes),
                  };
          try {
            await patch<CheckIn>(apiPath(`/relationships/${c.relationshipId}/check-ins/${c.id}`), body);
            await refreshCheckIn(qc, c.relationshipId);
            notifySaved(
              action === 'held'
                ? 'Check-in held; the next one is due a cadence from now'
                : action === 'skipped'
                  ? 'Check-in skipped'
                  : 'Check-in moved; everyone invited gets the updated invite',
            );
            props.onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          {action === 'held' && (
            <>
              <TextInput
                type="datetime-local"
                label="Held on"
                required
                data-autofocus
                {...form.getInputProps('heldAt')}
              />
              <Textarea
                label="Notes"
                description="What you agreed, in a few lines (optional)"
                autosize
                minRows={2}
                {...form.getInputProps('notes')}
              />
              <Text size="xs" c="dimmed">
                The relationship’s next check-in becomes due one cadence after this date.
              </Text>
            </>
          )}
          {action === 'skipped' && (
            <>
              <Textarea
                label="Why was it skipped?"
                required
                autosize
                minRows={2}
                data-autofocus
                {...form.getInputProps('notes')}
              />
              <Text size="xs" c="dimmed">
                A skipped check-in does not count: the next one stays due as it was.
              </Text>
            </>
          )}
          {action === 'move' && (
            <>
              <TextInput
                type="datetime-local"
                label="New date and time"
                required
                data-autofocus
                {...form.getInputProps('scheduledFor')}
              />
              <Select
                label="How long"
                data={['30', '45', '60', '90', '120'].map((m) => ({ value: m, label: `${m} minutes` }))}
                allowDeselect={false}
                {...form.getInputProps('durationMinutes')}
              />
              <Text size="xs" c="dimmed">
                Everyone invited gets the updated calendar invite; their calendars move the same event.
              </Text>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting} color={action === 'skipped' ? 'gray' : undefined}>
              {action === 'held' ? 'Mark held' : action === 'skipped' ? 'Skip check-in' : 'Move check-in'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
