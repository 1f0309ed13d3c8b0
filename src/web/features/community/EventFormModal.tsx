import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { CommunityEvent, EventAudience } from '../../../server/features/community/events.contract';
import { patch, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { audienceInfo, audienceOptions, toLocalInput } from './eventTerms';

/** Next week at 17:00 for two hours: a sensible start for a meet-up. */
function defaultTimes() {
  const start = new Date();
  start.setDate(start.getDate() + 7);
  start.setHours(17, 0, 0, 0);
  const end = new Date(start.getTime() + 2 * 3_600_000);
  return { startsAt: toLocalInput(start.toISOString()), endsAt: toLocalInput(end.toISOString()) };
}

/** Create an event, or edit `event`. Mount with a `key` to reset. */
export function EventFormModal(props: { opened: boolean; onClose: () => void; event?: CommunityEvent }) {
  const { apiPath, link } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const ev = props.event;
  const times = ev
    ? { startsAt: toLocalInput(ev.startsAt), endsAt: toLocalInput(ev.endsAt) }
    : defaultTimes();
  const form = useForm({
    initialValues: {
      title: ev?.title ?? '',
      ...times,
      location: ev?.location ?? '',
      description: ev?.description ?? '',
      audience: (ev?.audience ?? 'clients') as EventAudience,
    },
    validate: {
      title: (v) => (v.trim() ? null : 'What is it called?'),
      endsAt: (v, values) =>
        new Date(v).getTime() > new Date(values.startsAt).getTime() ? null : 'Ends after it starts',
    },
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title={ev ? 'Edit event' : 'New event'}
      size="lg"
    >
      <form
        onSubmit={form.onSubmit(async (values) => {
          const body = {
            ...values,
            startsAt: new Date(values.startsAt).toISOString(),
            endsAt: new Date(values.endsAt).toISOString(),
          };
          try {
            const saved = ev
              ? await patch<CommunityEvent>(apiPath(`/events/${ev.id}`), body)
              : await post<CommunityEvent>(apiPath('/events'), body);
            await qc.invalidateQueries({ queryKey: ['events'] });
            await qc.invalidateQueries({ queryKey: ['event', saved.id] });
            notifySaved(ev ? 'Event saved' : `“${saved.title}” is on the calendar`);
            props.onClose();
            if (!ev) navigate(link(`/events/${saved.id}`));
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <TextInput
            label="Title"
            placeholder="Harvest cupping with our cafés"
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="datetime-local" label="Starts" required {...form.getInputProps('startsAt')} />
            <TextInput type="datetime-local" label="Ends" required {...form.getInputProps('endsAt')} />
          </SimpleGrid>
          <TextInput
            label="Place or link"
            placeholder="The roastery, Bergen — or a video call link"
            {...form.getInputProps('location')}
          />
          <Textarea
            label="What it is about"
            autosize
            minRows={3}
            placeholder="Why come, who will be there, what to bring"
            {...form.getInputProps('description')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="audience-label">
              Who is it for?
            </Text>
            <SegmentedControl
              aria-labelledby="audience-label"
              fullWidth
              data={audienceOptions}
              {...form.getInputProps('audience')}
            />
            <Text size="xs" c="dimmed">
              {audienceInfo[form.values.audience].hint}.{' '}
              {form.values.audience === 'internal'
                ? 'Clients never see it.'
                : 'Clients you invite see it in their portal.'}
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {ev ? 'Save' : 'Create event'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
