import { Button, Modal, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Service, ServiceKind } from '../../../server/features/services/services.contract';
import type { Team } from '../../../server/features/teams/teams.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, patch, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { kindLabel } from './ServiceKindBadge';

/** Create a service (for `teamId` when given) or edit `service`. Mount it with a `key` to reset between uses. */
export function ServiceFormModal(props: {
  opened: boolean;
  onClose: () => void;
  service?: Service;
  teamId?: string;
  kind?: ServiceKind;
}) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  // A workspace has a handful of teams; the first 200 by name cover any real one.
  const teams = useQuery({
    queryKey: ['teams', 'options'],
    queryFn: () => get<Page<Team>>(apiPath('/teams?limit=200')),
    enabled: props.opened,
  });
  const form = useForm({
    initialValues: {
      name: props.service?.name ?? '',
      kind: props.service?.kind ?? props.kind ?? ('external' as ServiceKind),
      teamId: props.service?.teamId ?? props.teamId ?? '',
      description: props.service?.description ?? '',
    },
    validate: { teamId: (v) => (v ? null : 'Choose the team that provides this service') },
  });
  const editing = props.service;

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={editing ? 'Edit service' : 'New service'}>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const saved = editing
              ? await patch<Service>(apiPath(`/services/${editing.id}`), values)
              : await post<Service>(apiPath('/services'), values);
            await qc.invalidateQueries({ queryKey: ['services'] });
            notifySaved(editing ? 'Service saved' : `Service “${saved.name}” added to ${saved.team.name}`);
            props.onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <TextInput
            label="Name"
            placeholder="Brand strategy, onboarding, leadership…"
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Radio.Group label="Who is it for?" required {...form.getInputProps('kind')}>
            <Stack gap="xs" mt={6}>
              <Radio
                value="external"
                label={kindLabel.external}
                description="Offered to paying clients outside your organisation"
              />
              <Radio
                value="internal"
                label={kindLabel.internal}
                description="Offered to colleagues — HR, finance, planning, even leadership"
              />
            </Stack>
          </Radio.Group>
          <Select
            label="Team"
            description="The team that provides it"
            placeholder={teams.isPending ? 'Loading teams…' : 'Choose a team'}
            required
            searchable
            nothingFoundMessage="No team by that name"
            data={(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
            {...form.getInputProps('teamId')}
          />
          <Textarea
            label="Description"
            placeholder="What the people you serve get from it"
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Button type="submit" loading={form.submitting}>
            {editing ? 'Save' : 'Add service'}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
