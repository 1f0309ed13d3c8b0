import {
  Button,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { TimeEntry, TimeKind } from '../../../server/features/time/time.contract';
import { post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { localToday } from '../relationships/terms';
import { useRelationshipOptions } from './relationshipOptions';
import { formatHours, kindInfo, kindOptions } from './timeTerms';

export type TimePreset = {
  relationshipId?: string;
  teamId?: string;
  kind?: TimeKind;
  date?: string;
  memberId?: string;
};

/** Refreshes every view that sums time: lists, the week grid, experiments' bars and the balance. */
export function useTimeRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      [['time'], ['experiments'], ['experiment'], ['balance']].map((queryKey) =>
        qc.invalidateQueries({ queryKey }),
      ),
    );
}

/** Log hours quickly: day, relationship (optional), kind, hours. Mount with a `key` to reset. */
export function TimeEntryModal(props: { opened: boolean; onClose: () => void; preset?: TimePreset }) {
  const { apiPath } = useWorkspace();
  const refresh = useTimeRefresh();
  const p = props.preset ?? {};
  const form = useForm({
    initialValues: {
      date: p.date ?? localToday(),
      relationshipId: p.relationshipId ?? (null as string | null),
      kind: p.kind ?? ('partnership' as TimeKind),
      hours: 1 as number | string,
      note: '',
    },
    validate: {
      hours: (v) => (Number(v) > 0 && Number(v) <= 24 ? null : 'Between a quarter of an hour and 24 hours'),
      date: (v) => (v ? null : 'Which day?'),
    },
  });
  const relationships = useRelationshipOptions({}, props.opened);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title="Log time"
    >
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const saved = await post<TimeEntry>(apiPath('/time-entries'), {
              ...values,
              hours: Number(values.hours),
              memberId: p.memberId,
              teamId: values.relationshipId === p.relationshipId ? p.teamId : undefined,
              note: values.note || undefined,
            });
            await refresh();
            notifySaved(
              `${formatHours(saved.hours)} of ${kindInfo[saved.kind].label.toLowerCase()} time logged`,
            );
            props.onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <SegmentedControl
            fullWidth
            data={kindOptions}
            aria-label="Kind of time"
            {...form.getInputProps('kind')}
          />
          <Text size="xs" c="dimmed">
            {kindInfo[form.values.kind].meaning}
          </Text>
          <SimpleGrid cols={2}>
            <TextInput label="Day" type="date" required {...form.getInputProps('date')} />
            <NumberInput
              label="Hours"
              required
              min={0.25}
              max={24}
              step={0.25}
              decimalScale={2}
              data-autofocus
              {...form.getInputProps('hours')}
            />
          </SimpleGrid>
          <Select
            label="Relationship"
            placeholder="None (time for the team itself)"
            clearable
            searchable
            data={relationships.options}
            {...form.getInputProps('relationshipId')}
          />
          <TextInput label="Note" placeholder="What was it for?" {...form.getInputProps('note')} />
          <Button type="submit" loading={form.submitting}>
            Log time
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
