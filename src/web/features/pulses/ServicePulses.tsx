import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { PulseTrend } from '../../../server/features/pulses/pulses.contract';
import type { Service } from '../../../server/features/services/services.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get } from '../../ui/api';
import { formatDate } from '../../ui/when';
import { useWorkspace } from '../../ui/workspace';
import { scoreColor } from './pulseTerms';

const TrendChart = lazy(() => import('./TrendChart'));

function ServiceRatings({ service }: { service: Service }) {
  const { apiPath } = useWorkspace();
  const q = useQuery({
    queryKey: ['pulses', 'service', service.id],
    queryFn: () => get<PulseTrend>(apiPath(`/services/${service.id}/pulses`)),
  });
  const rounds = q.data?.rounds ?? [];
  const latest = rounds.at(-1);
  return (
    <Paper withBorder radius="md" p="md">
      <Text fw={600}>{service.name}</Text>
      {rounds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {q.isPending ? 'Loading…' : 'Not rated yet: send a service pulse under Pulses.'}
        </Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm">
            Latest:{' '}
            <Text span fw={700} c={scoreColor(latest?.average ?? null)}>
              {latest?.average?.toFixed(1) ?? '—'}
            </Text>{' '}
            of 10 ({latest?.responses} colleagues, {formatDate(latest!.closesOn)})
          </Text>
          {rounds.length > 1 && (
            <Suspense fallback={null}>
              <TrendChart
                data={rounds.map((r) => ({ when: formatDate(r.closesOn), rating: r.average }))}
                series={[{ name: 'rating', label: 'Rating', color: 'teal.6' }]}
                label={`${service.name} rated by colleagues: ${rounds.map((r) => `${formatDate(r.closesOn)} ${r.average ?? '—'}`).join(', ')}`}
              />
            </Suspense>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** Internal services as colleagues rate them, round by round: staff functions show the value they add. */
export function ServicePulses() {
  const { apiPath } = useWorkspace();
  const q = useQuery({
    queryKey: ['services', 'internal'],
    queryFn: () => get<Page<Service>>(apiPath('/services?kind=internal&limit=200')),
  });
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="service-pulses-title">
      <Title order={3} size="h4" id="service-pulses-title" mt="xl" mb={4}>
        How colleagues rate internal services
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        “How much does this service make your work easier and better?” (0–10), from service pulses.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {items.map((s) => (
          <ServiceRatings key={s.id} service={s} />
        ))}
      </SimpleGrid>
    </section>
  );
}
