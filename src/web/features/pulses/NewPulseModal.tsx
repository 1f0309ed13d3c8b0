import { Button, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { CreatedPulse, PulseKind } from '../../../server/features/pulses/pulses.contract';
import type { Service } from '../../../server/features/services/services.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { useMemberOptions, useTeamOptions } from '../relationships/options';
import { localToday } from '../relationships/terms';
import { useRelationshipOptions } from '../time/relationshipOptions';
import { addDays } from '../time/timeTerms';
import { kindInfo } from './pulseTerms';

/** Send a round: the kind, who it asks about, and until when. Mount with a `key` to start fresh. */
export function NewPulseModal(props: { opened: boolean; onClose: () => void }) {
  const { apiPath, link } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: {
      kind: 'client' as PulseKind,
      scope: 'relationship' as 'relationship' | 'team',
      title: '',
      relationshipId: null as string | null,
      teamId: null as string | null,
      serviceId: null as string | null,
      memberIds: [] as string[],
      closesOn: addDays(localToday(), 14),
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the round a name, e.g. “Spring client pulse”'),
      relationshipId: (v, f) =>
        f.kind === 'client' && f.scope === 'relationship' && !v ? 'Choose the relationship' : null,
      teamId: (v, f) =>
        (f.kind === 'employee' || (f.kind === 'client' && f.scope === 'team')) && !v
          ? 'Choose the team'
          : null,
      serviceId: (v, f) => (f.kind === 'service' && !v ? 'Choose the internal service' : null),
      closesOn: (v) => (v >= localToday() ? null : 'Today or later'),
    },
  });
  const v = form.values;
  const relationships = useRelationshipOptions({}, props.opened && v.kind === 'client');
  const teams = useTeamOptions(props.opened);
  const members = useMemberOptions(props.opened && v.kind !== 'client');
  const services = useQuery({
    queryKey: ['services', 'internal'],
    enabled: props.opened && v.kind === 'service',
    queryFn: () => get<Page<Service>>(apiPath('/services?kind=internal&limit=200')),
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title="New pulse"
      size="lg"
    >
      <form
        onSubmit={form.onSubmit(async (f) => {
          const body = {
            kind: f.kind,
            title: f.title,
            closesOn: f.closesOn,
            relationshipId: f.kind === 'client' && f.scope === 'relationship' ? f.relationshipId : undefined,
            teamId:
              f.kind === 'employee' || (f.kind === 'client' && f.scope === 'team') || f.kind === 'service'
                ? (f.teamId ?? undefined)
                : undefined,
            serviceId: f.kind === 'service' ? f.serviceId : undefined,
            memberIds: f.kind !== 'client' && f.memberIds.length ? f.memberIds : undefined,
          };
          try {
            const created = await post<CreatedPulse>(apiPath('/pulses'), body);
            await qc.invalidateQueries({ queryKey: ['pulses'] });
            notifySaved(`“${created.title}” sent to ${created.links.length} people`);
            props.onClose();
            form.reset();
            navigate(link(`/pulses/${created.id}`));
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="pulse-kind-label">
              Kind
            </Text>
            <SegmentedControl
              aria-labelledby="pulse-kind-label"
              data={(Object.keys(kindInfo) as PulseKind[]).map((k) => ({
                value: k,
                label: kindInfo[k].label,
              }))}
              {...form.getInputProps('kind')}
            />
            <Text size="xs" c="dimmed">
              {kindInfo[v.kind].description}
            </Text>
          </Stack>
          <TextInput label="Title" placeholder="Spring pulse" required {...form.getInputProps('title')} />
          {v.kind === 'client' && (
            <>
              <SegmentedControl
                aria-label="Who to ask"
                data={[
                  { value: 'relationship', label: 'One relationship' },
                  { value: 'team', label: 'All relationships of a team' },
                ]}
                {...form.getInputProps('scope')}
              />
              {v.scope === 'relationship' ? (
                <Select
                  label="Relationship"
                  description="Every contact of the client gets a link"
                  searchable
                  data={relationships.options}
                  {...form.getInputProps('relationshipId')}
                />
              ) : (
                <Select
                  label="Team"
                  description="The contacts of all the team’s active relationships"
                  data={teams.options}
                  {...form.getInputProps('teamId')}
                />
              )}
            </>
          )}
          {v.kind === 'employee' && (
            <Select
              label="Team"
              description="By default its people: who logged time for it in the last 90 days or owns one of its relationships"
              data={teams.options}
              {...form.getInputProps('teamId')}
            />
          )}
          {v.kind === 'service' && (
            <>
              <Select
                label="Internal service"
                data={(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                nothingFoundMessage="No internal services yet — add one under Services"
                {...form.getInputProps('serviceId')}
              />
              <Select
                label="Only the people of a team (optional)"
                description="Leave empty to ask every colleague in the workspace"
                clearable
                data={teams.options}
                {...form.getInputProps('teamId')}
              />
            </>
          )}
          {v.kind !== 'client' && (
            <MultiSelect
              label="Exactly these people (optional)"
              description={v.kind === 'employee' ? 'At least 3, so answers stay anonymous' : undefined}
              searchable
              data={members.options}
              {...form.getInputProps('memberIds')}
            />
          )}
          <TextInput
            type="date"
            label="Closes on"
            description="Links work until the end of this day; people who have not answered get one reminder"
            {...form.getInputProps('closesOn')}
          />
          <Button type="submit" loading={form.submitting}>
            Send pulse
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
