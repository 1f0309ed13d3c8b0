import {
  Alert,
  Anchor,
  Badge,
  Card,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowRight, IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Relationship } from '../../../server/features/relationships/relationships.contract';
import { daysUntil, relativeTime } from '../../ui/when';
import { useWorkspace } from '../../ui/workspace';
import { levelInfo, levelOrder, stageInfo, stageOrder } from '../relationships/terms';
import type { HomeRelationships } from './homeData';

const RECENT = 6;

/** The portfolio at a glance: where relationships stand on the stage ladder and what moved lately. */
export function Overview({ data }: { data: HomeRelationships }) {
  const active = data.items.filter((r) => (r.status ?? 'active') === 'active');
  return (
    <Stack gap="lg">
      <StageLadder active={active} all={data.items} complete={data.complete} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <RecentRelationships items={data.items.slice(0, RECENT)} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <CheckInsDue active={active} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function StageLadder({
  active,
  all,
  complete,
}: {
  active: Relationship[];
  all: Relationship[];
  complete: boolean;
}) {
  const { link } = useWorkspace();
  const byStage = (s: string) => active.filter((r) => r.stage === s).length;
  const byLevel = levelOrder.map((l) => ({ l, n: active.filter((r) => r.pyramidLevel === l).length }));
  const paused = all.filter((r) => r.status === 'paused').length;
  const ended = all.filter((r) => r.status === 'ended').length;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="stage-ladder">
      <Group justify="space-between" align="baseline" mb="md" wrap="wrap">
        <Title order={3} id="stage-ladder">
          Stage ladder
        </Title>
        <Text size="sm" c="dimmed">
          {active.length} active relationship{active.length === 1 ? '' : 's'}
          {complete ? '' : ' (the most recently updated)'}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {stageOrder.map((s, i) => (
          <Card
            key={s}
            withBorder
            padding="md"
            component={Link}
            to={link(`/relationships?stage=${s}&status=active`)}
            aria-label={`${byStage(s)} ${stageInfo[s].label.toLowerCase()}: show them`}
            style={{ borderTop: `4px solid var(--mantine-color-${stageInfo[s].color}-5)` }}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text fz={32} fw={700} lh={1}>
                {byStage(s)}
              </Text>
              {i < stageOrder.length - 1 && (
                <IconArrowRight size={16} color="var(--mantine-color-dimmed)" aria-hidden />
              )}
            </Group>
            <Text fw={600} mt="xs">
              {stageInfo[s].label}
            </Text>
            <Text size="sm" c="dimmed">
              {stageInfo[s].meaning}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="md">
        Truth pyramid:{' '}
        {byLevel.map(({ l, n }) => `${n} meeting ${levelInfo[l].label.toLowerCase()}`).join(' · ')}
        {paused + ended > 0 &&
          ` — not counted: ${[paused && `${paused} paused`, ended && `${ended} ended`].filter(Boolean).join(', ')}`}
      </Text>
    </Paper>
  );
}

function StageBadge({ stage }: { stage: Relationship['stage'] }) {
  const info = stageInfo[stage] ?? { label: String(stage), color: 'gray' };
  return (
    <Badge variant="light" color={info.color} style={{ flexShrink: 0 }}>
      {info.label}
    </Badge>
  );
}

function RecentRelationships({ items }: { items: Relationship[] }) {
  const { link } = useWorkspace();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="recent" h="100%">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={3} id="recent">
          Recently updated
        </Title>
        <Anchor component={Link} to={link('/relationships')} size="sm">
          All relationships
        </Anchor>
      </Group>
      <Stack gap={0}>
        {items.map((r) => (
          <UnstyledButton
            key={r.id}
            component={Link}
            to={link(`/relationships/${r.id}`)}
            py="sm"
            px="xs"
            style={{ borderTop: '1px solid var(--mantine-color-default-border)', borderRadius: 0 }}
          >
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Text fw={600} truncate>
                  {r.client?.name ?? 'Unnamed client'}
                </Text>
                <Text size="sm" c="dimmed" truncate>
                  {r.team?.name ?? 'No team'}
                  {r.client?.kind === 'internal' ? ' · internal client' : ''}
                  {r.status && r.status !== 'active' ? ` · ${r.status}` : ''}
                </Text>
              </Stack>
              <Group gap="sm" wrap="nowrap">
                <StageBadge stage={r.stage} />
                <Text size="xs" c="dimmed" w={96} ta="right">
                  {r.updatedAt ? relativeTime(r.updatedAt) : ''}
                </Text>
              </Group>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Paper>
  );
}

function CheckInsDue({ active }: { active: Relationship[] }) {
  const withDue = active.filter((r): r is Relationship & { nextCheckInDue: string } =>
    Boolean(r.nextCheckInDue),
  );
  const overdue = withDue.filter((r) => daysUntil(r.nextCheckInDue) < 0).length;
  const soon = withDue.filter((r) => {
    const d = daysUntil(r.nextCheckInDue);
    return d >= 0 && d <= 14;
  }).length;
  return (
    <Stack gap="lg" h="100%">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="check-ins">
        <Title order={3} id="check-ins" mb="sm">
          Partner check-ins
        </Title>
        <Group gap="xl">
          <Stack gap={0}>
            <Text fz={28} fw={700} c={overdue > 0 ? 'red' : undefined} lh={1.1}>
              {overdue}
            </Text>
            <Text size="sm" c="dimmed">
              overdue
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text fz={28} fw={700} lh={1.1}>
              {soon}
            </Text>
            <Text size="sm" c="dimmed">
              due in the next 2 weeks
            </Text>
          </Stack>
        </Group>
        <Text size="sm" c="dimmed" mt="sm">
          Counted from each relationship's cadence and its last check-in.
        </Text>
      </Paper>
      <Alert variant="light" color="gray" icon={<IconInfoCircle />} title="Coming to this page">
        Relationship health, check-in scheduling and the balance of the two movements — outward with clients,
        inward with your own team — appear here as those parts of Twofold arrive.
      </Alert>
    </Stack>
  );
}
