import { Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { TimeSummary } from '../../../server/features/time/time.contract';
import { get, qs } from '../../ui/api';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { useTeamOptions } from '../relationships/options';
import { localToday } from '../relationships/terms';
import { formatHours, kindInfo, kindOrder } from './timeTerms';

const TeamTimeChart = lazy(() => import('./TeamTimeChart'));

const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`);

/**
 * A team's time by kind, month by month. Utilisation (the billable share) is only ever shown with the
 * partnership and learning shares beside it.
 */
export function TeamTimeView({
  teamId,
  onTeam,
}: {
  teamId: string | null;
  onTeam: (id: string | null) => void;
}) {
  const { apiPath } = useWorkspace();
  const teams = useTeamOptions();
  const today = localToday();
  const from = `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`;
  const summary = useQuery({
    queryKey: ['time', 'summary', teamId, from],
    queryFn: () =>
      get<TimeSummary>(apiPath(`/time-entries/summary${qs({ teamId, from, to: today, groupBy: 'month' })}`)),
  });
  return (
    <Stack gap="md">
      <Group>
        <Select
          label="Team"
          placeholder="The whole workspace"
          clearable
          data={teams.options}
          value={teamId}
          onChange={onTeam}
          w={260}
        />
      </Group>
      <QueryState query={summary}>
        {(s) =>
          s.periods.length === 0 ? (
            <Text c="dimmed">No time logged in the last twelve months{teamId ? ' for this team' : ''}.</Text>
          ) : (
            <>
              <Group gap="xl" wrap="wrap" aria-label="The last twelve months">
                <Fact
                  label="Partnership"
                  value={`${s.totals.partnershipShare}%`}
                  hours={s.totals.partnership}
                />
                <Fact label="Learning" value={`${s.totals.learningShare}%`} hours={s.totals.learning} />
                <Fact
                  label="Utilisation (billable)"
                  value={`${s.totals.utilisation}%`}
                  hours={s.totals.billable}
                />
                <Fact
                  label="Internal"
                  value={pct(s.totals.internal, s.totals.total)}
                  hours={s.totals.internal}
                />
              </Group>
              <Paper withBorder p="md">
                <Title order={4} mb="sm">
                  Hours by kind, month by month
                </Title>
                <Suspense fallback={<Text c="dimmed">Loading the chart…</Text>}>
                  <TeamTimeChart summary={s} />
                </Suspense>
              </Paper>
              <Table.ScrollContainer minWidth={720}>
                <Table striped verticalSpacing={4} aria-label="Hours and shares by month">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Month</Table.Th>
                      {kindOrder.map((k) => (
                        <Table.Th key={k} ta="right">
                          {kindInfo[k].label}
                        </Table.Th>
                      ))}
                      <Table.Th ta="right">Partnership + learning</Table.Th>
                      <Table.Th ta="right">Utilisation</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.periods.map((p) => (
                      <Table.Tr key={p.period}>
                        <Table.Td>{p.period.slice(0, 7)}</Table.Td>
                        {kindOrder.map((k) => (
                          <Table.Td key={k} ta="right">
                            {formatHours(p[k])}
                          </Table.Td>
                        ))}
                        <Table.Td ta="right" fw={600}>
                          {pct(p.partnership + p.learning, p.total)}
                        </Table.Td>
                        <Table.Td ta="right">{pct(p.billable, p.total)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}

function Fact({ label, value, hours }: { label: string; value: string; hours: number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {formatHours(hours)}
      </Text>
    </Stack>
  );
}
