import { Button, Checkbox, Group, Modal, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { CheckIn } from '../../../server/features/check-ins/check-ins.contract';
import type { Contact } from '../../../server/features/clients/contacts.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { suggestedStart, toLocalInput } from './checkInTerms';

const durations = ['30', '45', '60', '90', '120'].map((v) => ({ value: v, label: `${v} minutes` }));

/** Plan the next partner check-in: when, how long, which of the client's contacts get the invite. */
export function ScheduleCheckInModal(props: {
  opened: boolean;
  onClose: () => void;
  relationship: { id: string; clientId: string; nextCheckInDue: string | null };
}) {
  const { apiPath, link } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const contacts = useQuery({
    queryKey: ['client', props.relationship.clientId, 'contacts', 'all'],
    queryFn: () => get<Page<Contact>>(apiPath(`/clients/${props.relationship.clientId}/contacts?limit=50`)),
    enabled: props.opened,
  });
  const form = useForm({
    initialValues: {
      scheduledFor: toLocalInput(suggestedStart(props.relationship.nextCheckInDue)),
      durationMinutes: '60',
      contactIds: null as string[] | null,
      sendInvites: true,
    },
    validate: {
      scheduledFor: (v) => (v && !Number.isNaN(new Date(v).getTime()) ? null : 'When will you meet?'),
    },
  });
  const everyone = contacts.data?.items ?? [];
  const chosen = form.values.contactIds ?? everyone.map((c) => c.id);

  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Schedule a check-in" size="lg">
      <form
        onSubmit={form.onSubmit(async (v) => {
          try {
            const created = await post<CheckIn>(
              apiPath(`/relationships/${props.relationship.id}/check-ins`),
              {
                scheduledFor: new Date(v.scheduledFor).toISOString(),
                durationMinutes: Number(v.durationMinutes),
                contactIds: chosen,
                sendInvites: v.sendInvites,
              },
            );
            await Promise.all([
              qc.invalidateQueries({ queryKey: ['relationship', props.relationship.id] }),
              qc.invalidateQueries({ queryKey: ['check-ins'] }),
            ]);
            notifySaved(
              v.sendInvites ? 'Check-in scheduled; the invites are on their way' : 'Check-in scheduled',
            );
            props.onClose();
            navigate(link(`/relationships/${props.relationship.id}/check-ins/${created.id}`));
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            A conversation outside the current work: both sides share how their business is doing, where they
            have room, further topics and how to work together better.
          </Text>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              type="datetime-local"
              label="When"
              required
              data-autofocus
              miw={220}
              {...form.getInputProps('scheduledFor')}
            />
            <Select
              label="How long"
              data={durations}
              allowDeselect={false}
              miw={160}
              {...form.getInputProps('durationMinutes')}
            />
          </Group>
          <Checkbox.Group
            label="Invite from the client"
            description={
              everyone.length === 0
                ? 'This client has no contacts yet; add them on the client’s page to invite them.'
                : 'They get the calendar invite with the agenda. The partner lead always gets it.'
            }
            value={chosen}
            onChange={(ids) => form.setFieldValue('contactIds', ids)}
          >
            <Stack gap={6} mt={6}>
              {everyone.map((c) => (
                <Checkbox key={c.id} value={c.id} label={`${c.name} (${c.email})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Switch
            label="Email the calendar invite (.ics) now"
            {...form.getInputProps('sendInvites', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Schedule check-in
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
