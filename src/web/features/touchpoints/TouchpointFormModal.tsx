import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type {
  Side,
  Touchpoint,
  TouchpointKind,
  Visibility,
} from '../../../server/features/touchpoints/touchpoints.contract';
import { patch, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { kindInfo, kindOptions } from './touchpointTerms';

/** `YYYY-MM-DDTHH:mm` in the reader's time zone, the value a datetime-local input takes. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Log a touchpoint on a relationship's timeline, or edit `touchpoint`. Mount with a `key` to reset. */
export function TouchpointFormModal(props: {
  opened: boolean;
  onClose: () => void;
  relationshipId: string;
  touchpoint?: Touchpoint;
}) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const tp = props.touchpoint;
  const form = useForm({
    initialValues: {
      kind: (tp?.kind ?? 'meeting') as TouchpointKind,
      initiatedBy: (tp?.initiatedBy ?? 'provider') as Side,
      occurredAt: toLocalInput(tp?.occurredAt ?? new Date().toISOString()),
      summary: tp?.summary ?? '',
      discoveries: tp?.discoveries ?? '',
      visibility: (tp?.visibility ?? 'internal') as Visibility,
    },
    validate: {
      summary: (v) => (v.trim() ? null : 'What happened, in a sentence or two'),
      occurredAt: (v) => (v && !Number.isNaN(new Date(v).getTime()) ? null : 'When did it happen?'),
    },
  });
  const immersion = form.values.kind === 'immersion';
  const base = apiPath(`/relationships/${props.relationshipId}/touchpoints`);

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title={tp ? 'Edit touchpoint' : 'Log touchpoint'}
      size="lg"
    >
      <form
        onSubmit={form.onSubmit(async (values) => {
          const body = {
            ...values,
            occurredAt: new Date(values.occurredAt).toISOString(),
            discoveries: values.discoveries.trim() || null,
          };
          try {
            if (tp) await patch<Touchpoint>(`${base}/${tp.id}`, body);
            else await post<Touchpoint>(base, body);
            await Promise.all([
              qc.invalidateQueries({ queryKey: ['relationship', props.relationshipId] }),
              qc.invalidateQueries({ queryKey: ['relationships'] }),
            ]);
            notifySaved(tp ? 'Touchpoint saved' : 'Touchpoint logged');
            props.onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Kind"
              description={kindInfo[form.values.kind].hint}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={kindOptions}
              allowDeselect={false}
              data-autofocus
              {...form.getInputProps('kind')}
            />
            <TextInput type="datetime-local" label="When" required {...form.getInputProps('occurredAt')} />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="initiated-by-label">
              Who started it?
            </Text>
            <SegmentedControl
              aria-labelledby="initiated-by-label"
              fullWidth
              data={[
                { value: 'provider', label: 'We did (provider)' },
                { value: 'client', label: 'They did (client)' },
              ]}
              {...form.getInputProps('initiatedBy')}
            />
          </Stack>
          <Textarea
            label="Summary"
            placeholder="What happened?"
            required
            autosize
            minRows={2}
            {...form.getInputProps('summary')}
          />
          <Textarea
            label="Discoveries"
            description={
              immersion
                ? 'What did you learn about their reality, being there?'
                : 'Anything you learned about their world (optional)'
            }
            placeholder={immersion ? 'The rush at 8am is where the grinder holds everyone up…' : undefined}
            autosize
            minRows={immersion ? 3 : 1}
            {...form.getInputProps('discoveries')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="visibility-label">
              Who can see it?
            </Text>
            <SegmentedControl
              aria-labelledby="visibility-label"
              fullWidth
              data={[
                { value: 'internal', label: 'Internal — only us' },
                { value: 'shared', label: 'Shared with the client' },
              ]}
              {...form.getInputProps('visibility')}
            />
            <Text size="xs" c="dimmed">
              Shared touchpoints appear in the client’s portal; internal ones never do.
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {tp ? 'Save' : 'Log touchpoint'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
