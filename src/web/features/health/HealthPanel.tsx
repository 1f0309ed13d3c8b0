import {
  Accordion,
  Anchor,
  Badge,
  Center,
  Group,
  List,
  Loader,
  Paper,
  RingProgress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import type { Health, HealthComponent, HealthHistory } from '../../../server/features/health/health.contract';
import { get } from '../../ui/api';
import { useWorkspace } from '../../ui/workspace';
import { formatDate } from '../relationships/terms';
import { evidenceLabel, evidencePath, scoreColor } from './healthTerms';

const HealthHistoryChart = lazy(() => import('./HealthHistoryChart'));

/** The relationship's health: the score, its five components with their words and records, risks and history. */
export function HealthPanel({ relationshipId }: { relationshipId: string }) {
  const { apiPath } = useWorkspace();
  // Keyed under the relationship, so any write that refreshes the relationship refreshes its health too.
  const health = useQuery({
    queryKey: ['relationship', relationshipId, 'health'],
    queryFn: () => get<Health>(apiPath(`/relationships/${relationshipId}/health`)),
  });
  const history = useQuery({
    queryKey: ['relationship', relationshipId, 'health', 'history'],
    queryFn: () => get<HealthHistory>(apiPath(`/relationships/${relationshipId}/health/history`)),
  });
  // Arriving from the early-warning list (`#relationship-health`): bring the panel into view once it has loaded.
  const { hash } = useLocation();
  const loaded = Boolean(health.data);
  useEffect(() => {
    if (loaded && hash === '#relationship-health')
      document.getElementById('relationship-health')?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="relationship-health">
      <Stack gap="md">
        <Title order={4} id="relationship-health">
          Health
        </Title>
        {health.isPending && <Loader size="sm" aria-label="Loading health" />}
        {health.isError && (
          <Text c="red" size="sm">
            Could not load the health: {health.error.message}
          </Text>
        )}
        {health.data && (
          <Group align="flex-start" gap="xl" wrap="wrap">
            <Stack gap="xs" align="center" w={150}>
              <RingProgress
                size={130}
                thickness={12}
                roundCaps
                sections={[{ value: health.data.score ?? 0, color: scoreColor(health.data.score) }]}
                label={
                  <Text
                    ta="center"
                    fz={30}
                    fw={700}
                    aria-label={`Health ${health.data.score ?? 'not scored'}`}
                  >
                    {health.data.score ?? '—'}
                  </Text>
                }
              />
              <Text size="xs" c="dimmed" ta="center">
                {health.data.score === null ? 'Nothing to score yet' : 'of 100, from the parts with data'}
              </Text>
            </Stack>
            <Stack gap="sm" style={{ flex: '1 1 320px', minWidth: 0 }}>
              <Risks health={health.data} />
              <Components components={health.data.components} />
            </Stack>
          </Group>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            History
          </Text>
          {history.data && history.data.points.length >= 2 ? (
            <Suspense
              fallback={
                <Center h={200}>
                  <Loader size="sm" aria-label="Loading chart" />
                </Center>
              }
            >
              <HealthHistoryChart history={history.data} />
            </Suspense>
          ) : (
            <Text size="sm" c="dimmed">
              {history.isPending
                ? 'Loading…'
                : 'The history builds up day by day: health is recorded once a day, and after each change.'}
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

function Risks({ health }: { health: Health }) {
  if (health.risks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No risk flags: nothing is slipping.
      </Text>
    );
  return (
    <List
      spacing={4}
      size="sm"
      icon={<IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-hidden />}
      aria-label="Risk flags"
    >
      {health.risks.map((r) => (
        <List.Item key={r.key}>
          <Text span size="sm" fw={500}>
            {r.message[0]!.toUpperCase() + r.message.slice(1)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function Components({ components }: { components: HealthComponent[] }) {
  const { link } = useWorkspace();
  return (
    <Accordion variant="separated" multiple chevronPosition="left">
      {components.map((c) => (
        <Accordion.Item key={c.key} value={c.key}>
          <Accordion.Control aria-label={`${c.label}: ${c.score ?? 'no data'}`}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={600}>
                {c.label}
              </Text>
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed">
                  weight {c.weight}
                </Text>
                <Badge variant="light" color={scoreColor(c.score)} miw={72} style={{ flexShrink: 0 }}>
                  {c.score ?? 'no data'}
                </Badge>
              </Group>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="xs">
              <Text size="sm">{c.explanation}</Text>
              {c.evidence.length > 0 && (
                <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {c.evidence.map((e) => (
                    <Group key={`${e.kind}-${e.id}`} component="li" gap="xs" wrap="nowrap" align="baseline">
                      <Badge size="xs" variant="outline" style={{ flexShrink: 0 }}>
                        {evidenceLabel[e.kind]}
                      </Badge>
                      <Anchor component={Link} to={link(evidencePath(e))} size="sm" style={{ minWidth: 0 }}>
                        {e.label}
                      </Anchor>
                      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                        {formatDate(e.on)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
