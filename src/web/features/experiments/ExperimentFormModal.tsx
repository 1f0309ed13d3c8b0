import {
  Button,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { Experiment } from '../../../server/features/experiments/experiments.contract';
import { post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { useTeamOptions } from '../relationships/options';
import { localToday } from '../relationships/terms';
import { useRelationshipOptions } from '../time/relationshipOptions';
import { addDays } from '../time/timeTerms';

/**
 * Plan an experiment: a hypothesis, the curious team, protected hours, the safety and commitment it is given,
 * and its dates. Opened from a relationship, that relationship (and its team) are filled in. Mount with a `key`.
 */
export function ExperimentFormModal(props: {
  opened: boolean;
  onClose: () => void;
  relationshipId?: string;
  teamId?: string;
}) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const today = localToday();
  const form = useForm({
    initialValues: {
      relationshipId: props.relationshipId ?? (null as string | null),
      teamId: props.teamId ?? (null as string | null),
      title: '',
      hypothesis: '',
      protectedHours: 20 as number | string,
      safety: '',
      commitment: '',
      startsOn: today,
      endsOn: addDays(today, 56),
    },
    validate: {
      relationshipId: (v) => (v ? null : 'Choose the relationship it runs on'),
      teamId: (v) => (v ? null : 'Choose the curious team'),
      title: (v) => (v.trim() ? null : 'Give it a short name'),
      hypothesis: (v) => (v.trim() ? null : 'What do you expect to learn or change?'),
      endsOn: (v, values) => (v >= values.startsOn ? null : 'Ends on or after it starts'),
    },
  });
  const relationships = useRelationshipOptions({}, props.opened);
  const teams = useTeamOptions(props.opened);

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title="Start an experiment"
      size="lg"
    >
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const saved = await post<Experiment>(apiPath('/experiments'), {
              ...values,
              protectedHours: Number(values.protectedHours),
              safety: values.safety || undefined,
              commitment: values.commitment || undefined,
            });
            await Promise.all([
              qc.invalidateQueries({ queryKey: ['experiments'] }),
              qc.invalidateQueries({ queryKey: ['balance'] }),
            ]);
            notifySaved(`Experiment “${saved.title}” planned`);
            props.onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            Start small: one client with trust, one curious team, and explicit space — time, safety and
            commitment. Partnership and learning time logged on the relationship counts against the hours you
            protect here.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Relationship"
              placeholder={relationships.isPending ? 'Loading…' : 'Choose a relationship'}
              required
              searchable
              data={relationships.options}
              {...form.getInputProps('relationshipId')}
              onChange={(v) => {
                form.setFieldValue('relationshipId', v);
                const rel = relationships.items.find((r) => r.id === v);
                if (rel) form.setFieldValue('teamId', rel.teamId);
              }}
            />
            <Select
              label="Curious team"
              description="Defaults to the relationship's team"
              required
              searchable
              data={teams.options}
              {...form.getInputProps('teamId')}
            />
          </SimpleGrid>
          <TextInput
            label="Title"
            placeholder="Baristas reorder from the bar"
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label="Hypothesis"
            description="If we…, then… — what you expect to learn or change"
            required
            autosize
            minRows={2}
            {...form.getInputProps('hypothesis')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label="Protected hours"
              description="Partnership + learning time"
              required
              min={0.25}
              step={1}
              decimalScale={2}
              {...form.getInputProps('protectedHours')}
            />
            <TextInput label="Starts on" type="date" required {...form.getInputProps('startsOn')} />
            <TextInput label="Ends on" type="date" required {...form.getInputProps('endsOn')} />
          </SimpleGrid>
          <Textarea
            label="Safety"
            description="What may fail without consequence"
            autosize
            minRows={1}
            {...form.getInputProps('safety')}
          />
          <Textarea
            label="Commitment"
            description="Who backs it, and with what"
            autosize
            minRows={1}
            {...form.getInputProps('commitment')}
          />
          <Button type="submit" loading={form.submitting}>
            Plan experiment
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
