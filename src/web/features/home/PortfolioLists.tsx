import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Portfolio, PortfolioRelationship } from '../../../server/features/health/portfolio.contract';
import { useWorkspace } from '../../ui/workspace';
import { formatDate, levelInfo, stageInfo } from '../relationships/terms';
import { useWorkspaceBalance } from './portfolioData';

function RelationshipLink({ r }: { r: PortfolioRelationship }) {
  const { link } = useWorkspace();
  return (
    <Anchor component={Link} to={link(`/relationships/${r.id}`)} size="sm" fw={600}>
      {r.clientName}
      <Text span size="xs" c="dimmed" fw={400}>
        {' '}
        · {r.teamName}
      </Text>
    </Anchor>
  );
}

/** Overdue check-ins, most overdue first, and those due in the next two weeks. */
export function CheckInsDue({ portfolio }: { portfolio: Portfolio }) {
  const { link } = useWorkspace();
  const { overdue, upcoming } = portfolio;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="check-ins-due" h="100%">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={3} id="check-ins-due">
          Partner check-ins
        </Title>
        <Anchor component={Link} to={link('/check-ins')} size="sm">
          Plan check-ins
        </Anchor>
      </Group>
      <Stack gap="md">
        <Stack gap={4} aria-label="Overdue check-ins">
          <Text size="sm" fw={600} c={overdue.count > 0 ? 'red' : undefined}>
            {overdue.count} overdue
          </Text>
          {overdue.items.map((o) => (
            <Group key={o.relationship.id} justify="space-between" wrap="nowrap" gap="xs">
              <RelationshipLink r={o.relationship} />
              <Text size="xs" c="red" style={{ flexShrink: 0 }}>
                {o.daysOverdue} day{o.daysOverdue === 1 ? '' : 's'} overdue
              </Text>
            </Group>
          ))}
        </Stack>
        <Stack gap={4} aria-label="Upcoming check-ins">
          <Text size="sm" fw={600}>
            {upcoming.count} due in the next 2 weeks
          </Text>
          {upcoming.items.map((u) => (
            <Group key={u.relationship.id} justify="space-between" wrap="nowrap" gap="xs">
              <RelationshipLink r={u.relationship} />
              <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {u.inDays === 0 ? 'today' : `in ${u.inDays} day${u.inDays === 1 ? '' : 's'}`}
              </Text>
            </Group>
          ))}
          {overdue.count + upcoming.count === 0 && (
            <Text size="sm" c="dimmed">
              Nothing due soon. Each relationship's cadence sets when its next check-in is due.
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** Stage and pyramid moves recorded in the last 90 days, newest first. */
export function StageMovements({ portfolio }: { portfolio: Portfolio }) {
  const { movements } = portfolio;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="stage-movements" h="100%">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={3} id="stage-movements">
          Moves this quarter
        </Title>
        <Text size="sm" c="dimmed">
          {movements.up} up · {movements.down} down
        </Text>
      </Group>
      {movements.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No stage or pyramid moves in the last 90 days. Record an assessment on a relationship when it moves.
        </Text>
      ) : (
        <Stack gap="xs">
          {movements.items.map((m) => (
            <Stack key={m.assessmentId} gap={0}>
              <Group gap={6} wrap="nowrap">
                {m.direction === 'down' ? (
                  <IconArrowDownRight size={16} color="var(--mantine-color-red-7)" aria-label="down" />
                ) : (
                  <IconArrowUpRight size={16} color="var(--mantine-color-teal-7)" aria-label="up" />
                )}
                <RelationshipLink r={m.relationship} />
              </Group>
              <Text size="xs" c="dimmed" pl={22}>
                {formatDate(m.on)}:{' '}
                {m.fromStage !== m.toStage
                  ? `${stageInfo[m.fromStage!].label} → ${stageInfo[m.toStage].label}`
                  : `${levelInfo[m.fromLevel!].label} → ${levelInfo[m.toLevel].label}`}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** Both movements side by side: how the client relationships move, and how the teams make room to change. */
export function BalanceSummary() {
  const { link } = useWorkspace();
  const balance = useWorkspaceBalance();
  const latest = (series: { index: number | null }[] | undefined) =>
    [...(series ?? [])].reverse().find((m) => m.index !== null)?.index ?? null;
  const outward = latest(balance.data?.outward);
  const inward = latest(balance.data?.inward);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="two-movements">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={3} id="two-movements">
          The two movements
        </Title>
        <Anchor component={Link} to={link('/balance')} size="sm">
          See the balance
        </Anchor>
      </Group>
      <SimpleGrid cols={2}>
        {[
          { label: 'Outward', hint: 'with clients', value: outward },
          { label: 'Inward', hint: 'in our own teams', value: inward },
        ].map((m) => (
          <Stack key={m.label} gap={0}>
            <Text fz={28} fw={700} lh={1.1}>
              {m.value ?? '—'}
            </Text>
            <Text size="sm" c="dimmed">
              {m.label} {m.hint}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {balance.data?.flags[0] && (
        <Text size="sm" c="orange.8" mt="sm">
          {balance.data.flags[0].message}
        </Text>
      )}
    </Paper>
  );
}
