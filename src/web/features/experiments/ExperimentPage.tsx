import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconClockPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Experiment } from '../../../server/features/experiments/experiments.contract';
import type { Reflection } from '../../../server/features/reflections/reflections.contract';
import { del, get } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { PromoteButton } from '../knowledge/PromoteButton';
import { formatDate } from '../relationships/terms';
import { TimeEntriesTable } from '../time/TimeEntriesTable';
import { TimeEntryModal } from '../time/TimeEntryModal';
import { BudgetBar } from './BudgetBar';
import { ConcludeModal } from './ConcludeModal';
import { statusInfo } from './terms';
import { useExperimentSave } from './useExperimentMove';

export function ExperimentPage() {
  const { experimentId = '' } = useParams();
  const { apiPath } = useWorkspace();
  const q = useQuery({
    queryKey: ['experiment', experimentId],
    queryFn: () => get<Experiment>(apiPath(`/experiments/${experimentId}`)),
  });
  return <QueryState query={q}>{(e) => <ExperimentView e={e} />}</QueryState>;
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

function ExperimentView({ e }: { e: Experiment }) {
  const { apiPath, link, isAdmin } = useWorkspace();
  const save = useExperimentSave();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [logging, log] = useDisclosure();
  const [concluding, conclude] = useDisclosure();
  const reflections = usePagedList<Reflection>(['reflections', 'experiment'], apiPath('/reflections'), {
    experimentId: e.id,
    limit: 20,
  });

  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs>
            <Anchor component={Link} to={link('/experiments')}>
              Experiments
            </Anchor>
            <Text>{e.title}</Text>
          </Breadcrumbs>
        }
        title={e.title}
        description={
          <>
            <Anchor component={Link} to={link(`/relationships/${e.relationshipId}`)}>
              {e.relationship.clientName}
            </Anchor>{' '}
            · {e.team.name} · {formatDate(e.startsOn)} – {formatDate(e.endsOn)}
          </>
        }
        actions={
          <>
            <Badge size="lg" variant="light" color={statusInfo[e.status].color}>
              {statusInfo[e.status].label}
            </Badge>
            <Button leftSection={<IconClockPlus size={16} />} onClick={log.open}>
              Log time on it
            </Button>
            {e.status === 'planned' && (
              <Button
                variant="light"
                onClick={() => save(e, { status: 'running' }, `“${e.title}” is running`)}
              >
                Start
              </Button>
            )}
            {e.status === 'concluded' && (
              <PromoteButton what="its learnings" path={`/experiments/${e.id}/promote`} />
            )}
            {e.status === 'running' && (
              <>
                <Button variant="light" onClick={conclude.open}>
                  Conclude…
                </Button>
                <Button
                  variant="subtle"
                  color="gray"
                  onClick={() => save(e, { status: 'stopped' }, 'Experiment stopped')}
                >
                  Stop
                </Button>
              </>
            )}
            {isAdmin && (
              <Button
                variant="subtle"
                color="red"
                onClick={() =>
                  modals.openConfirmModal({
                    title: `Delete “${e.title}”?`,
                    children: (
                      <Text size="sm">Its time entries stay; they are no longer counted against it.</Text>
                    ),
                    labels: { confirm: 'Delete experiment', cancel: 'Cancel' },
                    confirmProps: { color: 'red' },
                    onConfirm: async () => {
                      try {
                        await del(apiPath(`/experiments/${e.id}`));
                        await qc.invalidateQueries({ queryKey: ['experiments'] });
                        navigate(link('/experiments'));
                      } catch (err) {
                        showApiError(err);
                      }
                    },
                  })
                }
              >
                Delete
              </Button>
            )}
          </>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md">
            <Stack>
              <BudgetBar used={e.usedHours} protectedHours={e.protectedHours} />
              <Text size="xs" c="dimmed">
                Partnership and learning time logged on {e.relationship.clientName} for {e.team.name} between{' '}
                {formatDate(e.startsOn)} and {formatDate(e.endsOn)} counts against the protected hours.
              </Text>
              <Block title="Hypothesis">{e.hypothesis}</Block>
              {e.safety && <Block title="Safety it is given">{e.safety}</Block>}
              {e.commitment && <Block title="Commitment it is given">{e.commitment}</Block>}
              {e.learningsOutward && (
                <Block title="Learned outward (with the client)">{e.learningsOutward}</Block>
              )}
              {e.learningsInward && (
                <Block title="Learned inward (about ourselves)">{e.learningsInward}</Block>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="experiment-reflections">
            <Title order={4} id="experiment-reflections" mb="xs">
              Reflections that discussed it
            </Title>
            {reflections.isSuccess && reflections.items.length === 0 && (
              <Text size="sm" c="dimmed">
                None yet. Bring it to the team’s next reflection: what is happening, what is emerging?
              </Text>
            )}
            <Stack gap={4}>
              {reflections.items.map((r) => (
                <Anchor key={r.id} component={Link} to={link(`/reflections/${r.id}`)} size="sm">
                  {r.team.name}, {formatDate(r.heldOn)}
                </Anchor>
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <Stack gap="xs" mt="lg" component="section" aria-labelledby="experiment-time">
        <Group justify="space-between">
          <Title order={4} id="experiment-time">
            Time on its relationship during the experiment
          </Title>
        </Group>
        <TimeEntriesTable
          filter={{ relationshipId: e.relationshipId, teamId: e.teamId, from: e.startsOn, to: e.endsOn }}
          empty="No time logged on it yet. Partnership and learning hours count against the budget."
        />
      </Stack>
      <TimeEntryModal
        key={`log-${logging}`}
        opened={logging}
        onClose={log.close}
        preset={{ relationshipId: e.relationshipId, teamId: e.teamId, kind: 'partnership' }}
      />
      <ConcludeModal key={`c-${concluding}`} experiment={e} opened={concluding} onClose={conclude.close} />
    </>
  );
}
