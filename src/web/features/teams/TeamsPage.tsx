import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { Team } from '../../../server/features/teams/teams.contract';
import { patch, post } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { notifySaved, showApiError } from '../../ui/forms';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';

export function TeamsPage() {
  const { apiPath, link } = useWorkspace();
  const [opened, { open, close }] = useDisclosure();
  const list = usePagedList<Team>(['teams'], apiPath('/teams'));

  return (
    <>
      <PageHeader
        title="Teams"
        description="The groups of people who provide your services — to clients outside, or to colleagues inside."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            New team
          </Button>
        }
      />
      {list.isSuccess && list.items.length === 0 ? (
        <EmptyState
          icon={<IconUsersGroup />}
          title="No teams yet"
          action={<Button onClick={open}>Create your first team</Button>}
        >
          A team serves clients. Start with the one curious team that will try partnering first — you can add
          the rest later.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {list.items.map((t) => (
            <Card key={t.id} withBorder component={Link} to={link(`/teams/${t.id}`)}>
              <Text fw={600}>{t.name}</Text>
              <Text size="sm" c="dimmed" lineClamp={2}>
                {t.description || 'No description yet'}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      <TeamFormModal opened={opened} onClose={close} />
    </>
  );
}

export function TeamFormModal(props: { opened: boolean; onClose: () => void; team?: Team }) {
  const { apiPath, link } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: props.team?.name ?? '', description: props.team?.description ?? '' },
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.team ? 'Edit team' : 'New team'}>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const saved = props.team
              ? await patch<Team>(apiPath(`/teams/${props.team.id}`), values)
              : await post<Team>(apiPath('/teams'), values);
            await qc.invalidateQueries({ queryKey: ['teams'] });
            await qc.invalidateQueries({ queryKey: ['team', saved.id] });
            notifySaved(props.team ? 'Team saved' : `Team “${saved.name}” created`);
            props.onClose();
            if (!props.team) navigate(link(`/teams/${saved.id}`));
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <TextInput
            label="Name"
            placeholder="Strategy studio"
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <Button type="submit" loading={form.submitting}>
            {props.team ? 'Save' : 'Create team'}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

export function TeamLink({ team }: { team: { id: string; name: string } }) {
  const { link } = useWorkspace();
  return (
    <Anchor component={Link} to={link(`/teams/${team.id}`)}>
      {team.name}
    </Anchor>
  );
}
