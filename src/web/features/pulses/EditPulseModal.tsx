import { Button, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { Pulse } from '../../../server/features/pulses/pulses.contract';
import { patch } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { localToday } from '../relationships/terms';

/** Rename an open round or move its closing day (a pending reminder moves with it). Mount with a `key`. */
export function EditPulseModal(props: { pulse: Pulse; opened: boolean; onClose: () => void }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const form = useForm({
    initialValues: { title: props.pulse.title, closesOn: props.pulse.closesOn },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the round a name'),
      closesOn: (v) => (v >= localToday() ? null : 'Today or later'),
    },
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title="Edit round"
    >
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            await patch<Pulse>(apiPath(`/pulses/${props.pulse.id}`), values);
            await qc.invalidateQueries({ queryKey: ['pulses'] });
            notifySaved('Round updated');
            props.onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <TextInput label="Title" required {...form.getInputProps('title')} />
          <TextInput
            type="date"
            label="Closes on"
            description="Links work until the end of this day"
            {...form.getInputProps('closesOn')}
          />
          <Button type="submit" loading={form.submitting}>
            Save
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
