import { Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Experiment } from '../../../server/features/experiments/experiments.contract';
import { useExperimentSave } from './useExperimentMove';

/** Concluding asks what was learned: with the client (outward) and about ourselves (inward). */
export function ConcludeModal(props: { experiment: Experiment; opened: boolean; onClose: () => void }) {
  const save = useExperimentSave();
  const e = props.experiment;
  const form = useForm({
    initialValues: { learningsOutward: e.learningsOutward ?? '', learningsInward: e.learningsInward ?? '' },
    validate: {
      learningsOutward: (v, values) =>
        v.trim() || values.learningsInward.trim() ? null : 'Say what was learned: outward, inward or both',
    },
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title={`Conclude “${e.title}”`}
      size="lg"
    >
      <form
        onSubmit={form.onSubmit(async (values) => {
          const ok = await save(
            e,
            { status: 'concluded', ...values },
            'Experiment concluded',
            form.setErrors,
          );
          if (ok) props.onClose();
        })}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            The hypothesis was: {e.hypothesis}
          </Text>
          <Textarea
            label="What we learned outward"
            description="With the client: about their reality, and about working together"
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('learningsOutward')}
          />
          <Textarea
            label="What we learned inward"
            description="About ourselves: how we work, what we value, what we need"
            autosize
            minRows={3}
            {...form.getInputProps('learningsInward')}
          />
          <Button type="submit" loading={form.submitting}>
            Conclude experiment
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
