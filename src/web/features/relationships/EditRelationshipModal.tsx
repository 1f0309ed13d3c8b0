import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type {
  Relationship,
  RelationshipStatus,
} from '../../../server/features/relationships/relationships.contract';
import { patch } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { useMemberOptions, useServiceOptions } from './options';
import { statusOptions } from './terms';

/** Cadence, partner lead, status and services. Stage and level change through assessments, with a reason. */
export function EditRelationshipModal(props: {
  opened: boolean;
  onClose: () => void;
  relationship: Relationship;
}) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const r = props.relationship;
  const form = useForm({
    initialValues: {
      cadenceDays: r.cadenceDays as number | string,
      ownerId: r.ownerId,
      status: r.status as RelationshipStatus,
      serviceIds: r.serviceIds,
    },
    validate: {
      cadenceDays: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 7 && v <= 365
          ? null
          : 'A whole number of days, from 7 to 365',
    },
  });
  const services = useServiceOptions(r.teamId, props.opened);
  const members = useMemberOptions(props.opened);
  // A service that was renamed or moved is still shown by name until it is removed here.
  const serviceOptions = [
    ...services.options,
    ...r.services
      .filter((s) => !services.options.some((o) => o.value === s.id))
      .map((s) => ({ value: s.id, label: s.name })),
  ];

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title="Edit relationship"
      size="lg"
    >
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            await patch<Relationship>(apiPath(`/relationships/${r.id}`), values);
            await Promise.all([
              qc.invalidateQueries({ queryKey: ['relationship', r.id] }),
              qc.invalidateQueries({ queryKey: ['relationships'] }),
            ]);
            notifySaved('Relationship saved');
            props.onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Check-in every (days)"
              description="The next due date follows from the last check-in"
              required
              min={7}
              max={365}
              allowDecimal={false}
              data-autofocus
              {...form.getInputProps('cadenceDays')}
            />
            <Select
              label="Partner lead"
              description="Who keeps this relationship alive"
              placeholder="Nobody yet"
              clearable
              searchable
              data={members.options}
              {...form.getInputProps('ownerId')}
            />
          </SimpleGrid>
          <Select
            label="Status"
            description={
              form.values.status === 'active'
                ? 'Check-ins are expected on the cadence'
                : 'No check-ins are expected while paused or ended'
            }
            data={statusOptions}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <MultiSelect
            label="Services"
            description={`What ${r.team.name} offers ${r.client.name}`}
            placeholder={serviceOptions.length ? 'Choose services' : 'This team offers no services yet'}
            searchable
            data={serviceOptions}
            {...form.getInputProps('serviceIds')}
          />
          <Text size="xs" c="dimmed">
            To move the stage or pyramid level, record an assessment: the history keeps why it changed.
          </Text>
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
