import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { TeamPulses as TeamPulsesData } from '../../../server/features/pulses/pulses.contract';
import { get } from '../../ui/api';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';

const TrendChart = lazy(() => import('./TrendChart'));

const monthOf = (day: string) =>
  new Date(`${day.slice(0, 7)}-15T12:00:00Z`).toLocaleDateString(undefined, {
    month: 'short',
    year: '2-digit',
  });

/** The team's own pulse beside its clients' pulse, month by month, and whether the two move together. */
export function TeamPulses({ teamId }: { teamId: string }) {
  const { apiPath } = useWorkspace();
  const q = useQuery({
    queryKey: ['pulses', 'team', teamId],
    queryFn: () => get<TeamPulsesData>(apiPath(`/teams/${teamId}/pulses`)),
  });
  return (
    <section aria-labelledby="team-pulses-title">
      <Title order={3} size="h4" id="team-pulses-title" mb="xs">
        Team pulse and client pulse
      </Title>
      <QueryState query={q}>
        {(d) => {
          if (d.employee.length === 0 && d.client.length === 0)
            return (
              <Text c="dimmed" size="sm">
                No pulse rounds with answers yet. Send an employee pulse to this team and a client pulse to
                its relationships under Pulses, and both appear here side by side.
              </Text>
            );
          const months = [...new Set([...d.employee, ...d.client].map((r) => r.closesOn.slice(0, 7)))].sort();
          const mean = (xs: (number | null)[]) => {
            const v = xs.filter((x): x is number => x !== null);
            return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : null;
          };
          const data = months.map((m) => ({
            when: monthOf(`${m}-01`),
            team: mean(d.employee.filter((r) => r.closesOn.startsWith(m)).map((r) => r.average)),
            clients: mean(d.client.filter((r) => r.closesOn.startsWith(m)).map((r) => r.average)),
          }));
          return (
            <Stack gap="sm">
              <Paper withBorder radius="md" p="md">
                <Suspense fallback={null}>
                  <TrendChart
                    data={data}
                    series={[
                      { name: 'team', label: 'Team’s own pulse', color: 'grape.6' },
                      { name: 'clients', label: 'Clients’ pulse', color: 'blue.6' },
                    ]}
                    label={`Team pulse and client pulse by month: ${data.map((x) => `${x.when} team ${x.team ?? '—'}, clients ${x.clients ?? '—'}`).join('; ')}`}
                  />
                </Suspense>
              </Paper>
              <Alert color={d.together.correlation === null ? 'gray' : 'blue'} title="Do they move together?">
                <Group gap="xs">
                  <Text size="sm">{d.together.statement}</Text>
                </Group>
              </Alert>
            </Stack>
          );
        }}
      </QueryState>
    </section>
  );
}
