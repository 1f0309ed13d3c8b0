import { Anchor, Badge, Button, Card, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMessageCircleQuestion, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Reflection } from '../../../server/features/reflections/reflections.contract';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { useTeamOptions } from '../relationships/options';
import { formatDate } from '../relationships/terms';
import { CadenceList } from './CadenceList';
import { LearningsList } from './LearningsList';
import { ReflectionFormModal } from './ReflectionFormModal';

/** Reflections per team, each team's cadence (overdue ones flagged), and the learnings they yielded. */
export function ReflectionsPage() {
  const { apiPath, link } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const teamId = params.get('teamId') ?? undefined;
  const tab = params.get('tab') === 'learnings' ? 'learnings' : 'reflections';
  const [opened, { open, close }] = useDisclosure();
  const [holdFor, setHoldFor] = useState<string | undefined>(teamId);
  const teams = useTeamOptions();
  const list = usePagedList<Reflection>(['reflections', 'list'], apiPath('/reflections'), {
    teamId,
    limit: 20,
  });
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const hold = (team?: string) => {
    setHoldFor(team ?? teamId);
    open();
  };

  return (
    <>
      <PageHeader
        title="Reflections"
        description="A team's regular sensemaking: what is actually happening, what is emerging, what works surprisingly well — and what proves harder than expected."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => hold()}>
            Hold a reflection
          </Button>
        }
      />
      <CadenceList onHold={hold} />
      <Tabs value={tab} onChange={(v) => set('tab', v === 'learnings' ? v : null)}>
        <Tabs.List mb="md">
          <Tabs.Tab value="reflections">Reflections</Tabs.Tab>
          <Tabs.Tab value="learnings">Learnings</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reflections">
          <Select
            label="Team"
            placeholder="All teams"
            clearable
            data={teams.options}
            value={teamId ?? null}
            onChange={(v) => set('teamId', v)}
            w={260}
            mb="md"
          />
          {list.isSuccess && list.items.length === 0 ? (
            <EmptyState
              icon={<IconMessageCircleQuestion />}
              title="No reflections yet"
              action={<Button onClick={() => hold()}>Hold the first one</Button>}
            >
              Set aside an hour with the team. Answer the four questions together, link the relationships and
              experiments you talked about, and write down what you learned.
            </EmptyState>
          ) : (
            <Stack gap="sm">
              {list.items.map((r) => (
                <Card
                  key={r.id}
                  withBorder
                  padding="sm"
                  component="article"
                  aria-label={`${r.team.name}, ${formatDate(r.heldOn)}`}
                >
                  <Group justify="space-between" align="flex-start">
                    <Anchor component={Link} to={link(`/reflections/${r.id}`)} fw={600}>
                      {r.team.name} · {formatDate(r.heldOn)}
                    </Anchor>
                    <Group gap={4}>
                      {r.learningCount > 0 && (
                        <Badge variant="light" color="violet">
                          {r.learningCount} {r.learningCount === 1 ? 'learning' : 'learnings'}
                        </Badge>
                      )}
                      {r.experiments.length > 0 && (
                        <Badge variant="light" color="blue">
                          {r.experiments.length} {r.experiments.length === 1 ? 'experiment' : 'experiments'}
                        </Badge>
                      )}
                    </Group>
                  </Group>
                  <Text size="sm" lineClamp={2} mt={4}>
                    {r.happening || r.emerging || r.surprisinglyWell}
                  </Text>
                  {r.relationships.length > 0 && (
                    <Text size="xs" c="dimmed" mt={4}>
                      Discussed: {r.relationships.map((x) => x.clientName).join(', ')}
                    </Text>
                  )}
                </Card>
              ))}
              {list.hasNextPage && (
                <Group justify="center">
                  <Button
                    variant="subtle"
                    onClick={() => list.fetchNextPage()}
                    loading={list.isFetchingNextPage}
                  >
                    Load more
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="learnings">
          <LearningsList teamId={teamId} />
        </Tabs.Panel>
      </Tabs>
      <ReflectionFormModal
        key={`hold-${opened}-${holdFor}`}
        opened={opened}
        onClose={close}
        teamId={holdFor}
      />
    </>
  );
}
