import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFlask, IconPlus } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import type { Experiment } from '../../../server/features/experiments/experiments.contract';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { useTeamOptions } from '../relationships/options';
import { ExperimentCard } from './ExperimentCard';
import { ExperimentFormModal } from './ExperimentFormModal';
import { statusInfo, statusOrder } from './terms';

/** The board: every experiment in a column by status, each with its protected-time bar. */
export function ExperimentsPage() {
  const { apiPath } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const teamId = params.get('teamId') ?? undefined;
  const [opened, { open, close }] = useDisclosure();
  const teams = useTeamOptions();
  const list = usePagedList<Experiment>(['experiments', 'board'], apiPath('/experiments'), {
    limit: 200,
    teamId,
  });

  return (
    <>
      <PageHeader
        title="Experiments"
        description="Small pilots on one relationship with one curious team, and the time protected for them."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            Start an experiment
          </Button>
        }
      />
      <Group mb="md">
        <Select
          label="Team"
          placeholder="All teams"
          clearable
          data={teams.options}
          value={teamId ?? null}
          onChange={(v) => setParams(v ? { teamId: v } : {}, { replace: true })}
          w={260}
        />
      </Group>
      {list.isSuccess && list.items.length === 0 ? (
        <EmptyState
          icon={<IconFlask />}
          title="No experiments yet"
          action={<Button onClick={open}>Start your first experiment</Button>}
        >
          Pick one client you trust and one curious team. Write down what you expect to learn, protect some
          hours for it, and log partnership or learning time against it — the bar shows how much of the space
          you made is used.
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          {statusOrder.map((status) => {
            const items = list.items.filter((e) => e.status === status);
            return (
              <Stack key={status} gap="sm" component="section" aria-labelledby={`column-${status}`}>
                <Group gap="xs">
                  <Title order={3} size="h4" id={`column-${status}`}>
                    {statusInfo[status].label}
                  </Title>
                  <Badge
                    variant="light"
                    color={statusInfo[status].color}
                    aria-label={`${items.length} experiments`}
                  >
                    {items.length}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {statusInfo[status].meaning}
                </Text>
                {items.map((e) => (
                  <ExperimentCard key={e.id} experiment={e} />
                ))}
              </Stack>
            );
          })}
        </SimpleGrid>
      )}
      <ExperimentFormModal key={`new-${opened}`} opened={opened} onClose={close} teamId={teamId} />
    </>
  );
}
