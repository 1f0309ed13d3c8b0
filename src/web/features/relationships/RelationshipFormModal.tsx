import {
  Anchor,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type {
  PyramidLevel,
  Relationship,
  Stage,
} from '../../../server/features/relationships/relationships.contract';
import { post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useMe, useWorkspace } from '../../ui/workspace';
import { useClientOptions, useMemberOptions, useServiceOptions, useTeamOptions } from './options';
import { levelInfo, levelOptions, stageInfo, stageOptions } from './terms';

/**
 * Start a relationship: one team serving one client. `clientId` / `teamId` prefill the form when it is
 * opened from a client's or a team's page. Mount it with a `key` to reset between uses.
 */
export function RelationshipFormModal(props: {
  opened: boolean;
  onClose: () => void;
  clientId?: string;
  teamId?: string;
}) {
  const { apiPath, link } = useWorkspace();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: {
      clientId: props.clientId ?? (null as string | null),
      teamId: props.teamId ?? (null as string | null),
      serviceIds: [] as string[],
      ownerId: me.data?.user.id ?? (null as string | null),
      cadenceDays: 30 as number | string,
      ambition: '',
      stage: 'transactional' as Stage,
      pyramidLevel: 'expectations' as PyramidLevel,
    },
    validate: {
      clientId: (v) => (v ? null : 'Choose the client this team serves'),
      teamId: (v) => (v ? null : 'Choose the team that serves them'),
      cadenceDays: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= 7 && v <= 365
          ? null
          : 'A whole number of days, from 7 to 365',
    },
  });
  const clients = useClientOptions(form.values.clientId, props.opened);
  const teams = useTeamOptions(props.opened);
  const services = useServiceOptions(form.values.teamId, props.opened);
  const members = useMemberOptions(props.opened);
  const noTeams = teams.isSuccess && teams.options.length === 0;
  const noClients = !clients.isPending && clients.options.length === 0;

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title="New relationship"
      size="lg"
    >
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const saved = await post<Relationship>(apiPath('/relationships'), {
              ...values,
              ambition: values.ambition || undefined,
            });
            await Promise.all([
              qc.invalidateQueries({ queryKey: ['relationships'] }),
              qc.invalidateQueries({ queryKey: ['clients'] }),
              qc.invalidateQueries({ queryKey: ['client', saved.clientId] }),
            ]);
            notifySaved(`Relationship with ${saved.client.name} started`);
            props.onClose();
            navigate(link(`/relationships/${saved.id}`));
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            A relationship is one of your teams serving one client. Its stage and pyramid level start where it
            is today; every later change is kept in its history.
          </Text>
          {(noTeams || noClients) && (
            <Text size="sm" c="orange.9">
              {noTeams && (
                <>
                  There are no teams yet:{' '}
                  <Anchor component={Link} to={link('/teams')}>
                    create a team
                  </Anchor>{' '}
                  first.{' '}
                </>
              )}
              {noClients && (
                <>
                  There are no clients yet:{' '}
                  <Anchor component={Link} to={link('/clients')}>
                    add a client
                  </Anchor>{' '}
                  first.
                </>
              )}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Client"
              placeholder={clients.isPending ? 'Loading clients…' : 'Choose a client'}
              required
              searchable
              data-autofocus
              nothingFoundMessage="No client by that name"
              data={clients.options}
              onSearchChange={clients.onSearchChange}
              {...form.getInputProps('clientId')}
            />
            <Select
              label="Team"
              placeholder={teams.isPending ? 'Loading teams…' : 'Choose a team'}
              required
              searchable
              nothingFoundMessage="No team by that name"
              data={teams.options}
              {...form.getInputProps('teamId')}
              onChange={(v) => {
                form.setFieldValue('teamId', v);
                // Services belong to a team: a new team means a new choice.
                form.setFieldValue('serviceIds', []);
              }}
            />
          </SimpleGrid>
          <MultiSelect
            label="Services"
            description={
              form.values.teamId && services.isSuccess && services.options.length === 0
                ? 'This team offers no services yet — you can name them later.'
                : 'What this team offers them (optional)'
            }
            placeholder={form.values.teamId ? 'Choose services' : 'Choose a team first'}
            disabled={!form.values.teamId}
            searchable
            data={services.options}
            {...form.getInputProps('serviceIds')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Partner lead"
              description="Who keeps this relationship alive"
              placeholder="Nobody yet"
              clearable
              searchable
              data={members.options}
              {...form.getInputProps('ownerId')}
            />
            <NumberInput
              label="Check-in every (days)"
              description="30 is monthly, 90 quarterly"
              required
              min={7}
              max={365}
              allowDecimal={false}
              {...form.getInputProps('cadenceDays')}
            />
          </SimpleGrid>
          <Textarea
            label="Shared ambition"
            description="What both sides want this relationship to achieve"
            placeholder="Together we…"
            autosize
            minRows={2}
            {...form.getInputProps('ambition')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Stage today"
              description={stageInfo[form.values.stage].meaning}
              data={stageOptions}
              allowDeselect={false}
              {...form.getInputProps('stage')}
            />
            <Select
              label="Pyramid level today"
              description={levelInfo[form.values.pyramidLevel].meaning}
              data={levelOptions}
              allowDeselect={false}
              {...form.getInputProps('pyramidLevel')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Start relationship
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
