import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import { useRef } from 'react';
import { Link } from 'react-router';
import type { Portfolio, PortfolioRelationship } from '../../../server/features/health/portfolio.contract';
import { useRoutedLinks } from '../../ui/routedLinks';
import { useWorkspace } from '../../ui/workspace';
import { formatDate, levelInfo, stageInfo } from '../relationships/terms';
import classes from './homeLists.module.css';
import { useWorkspaceBalance } from './portfolioData';

/** A relationship's name and team as a plain link: its list routes the click (`useRoutedLinks`). */
function RelationshipLink({ r, link }: { r: PortfolioRelationship; link: (path: string) => string }) {
  return (
    <a
      href={link(`/relationships/${r.id}`)}
      className={`${classes.relationshipLink} ${classes.small} mantine-focus-auto`}
    >
      {r.clientName}
      <span className={`${classes.xs} ${classes.dimmed} ${classes.team}`}> · {r.teamName}</span>
    </a>
  );
}

/** Overdue check-ins, most overdue first, and those due in the next two weeks. */
export function CheckInsDue({ portfolio }: { portfolio: Portfolio }) {
  const { link } = useWorkspace();
  const lists = useRef<HTMLDivElement>(null);
  useRoutedLinks(lists);
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
      <Stack gap="md" ref={lists}>
        <Stack gap={4} aria-label="Overdue check-ins">
          <Text size="sm" fw={600} c={overdue.count > 0 ? 'red' : undefined}>
            {overdue.count} overdue
          </Text>
          {overdue.items.map((o) => (
            <div key={o.relationship.id} className={classes.dueRow}>
              <RelationshipLink r={o.relationship} link={link} />
              <span className={classes.xs} style={{ color: 'var(--mantine-color-red-text)' }}>
                {o.daysOverdue} day{o.daysOverdue === 1 ? '' : 's'} overdue
              </span>
            </div>
          ))}
        </Stack>
        <Stack gap={4} aria-label="Upcoming check-ins">
          <Text size="sm" fw={600}>
            {upcoming.count} due in the next 2 weeks
          </Text>
          {upcoming.items.map((u) => (
            <div key={u.relationship.id} className={classes.dueRow}>
              <RelationshipLink r={u.relationship} link={link} />
              <span className={`${classes.xs} ${classes.dimmed}`}>
                {u.inDays === 0 ? 'today' : `in ${u.inDays} day${u.inDays === 1 ? '' : 's'}`}
              </span>
            </div>
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
  const { link } = useWorkspace();
  const list = useRef<HTMLOListElement>(null);
  useRoutedLinks(list);
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
        <ol className={`${classes.list} ${classes.moves}`} ref={list}>
          {movements.items.map((m) => (
            <li key={m.assessmentId}>
              <div className={classes.move}>
                {m.direction === 'down' ? (
                  <IconArrowDownRight size={16} color="var(--mantine-color-red-7)" aria-label="down" />
                ) : (
                  <IconArrowUpRight size={16} color="var(--mantine-color-teal-7)" aria-label="up" />
                )}
                <RelationshipLink r={m.relationship} link={link} />
              </div>
              <div className={`${classes.xs} ${classes.dimmed} ${classes.moveWhat}`}>
                {formatDate(m.on)}:{' '}
                {m.fromStage !== m.toStage
                  ? `${stageInfo[m.fromStage!].label} → ${stageInfo[m.toStage].label}`
                  : `${levelInfo[m.fromLevel!].label} → ${levelInfo[m.toLevel].label}`}
              </div>
            </li>
          ))}
        </ol>
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
