import { Anchor, Badge, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Portfolio } from '../../../server/features/health/portfolio.contract';
import { useWorkspace } from '../../ui/workspace';
import { scoreColor } from '../health/healthTerms';
import { stageInfo } from '../relationships/terms';
import { DistributionChart } from './DistributionChart';

const sentence = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The relationships most at risk first, each with its reasons in words and a link to its health. */
export function EarlyWarnings({ portfolio }: { portfolio: Portfolio }) {
  const { link } = useWorkspace();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="early-warnings" h="100%">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={3} id="early-warnings">
          Early warnings
        </Title>
        <Text size="sm" c="dimmed">
          {portfolio.atRisk} of {portfolio.active} with a risk flag
        </Text>
      </Group>
      {portfolio.risks.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing is slipping: every active relationship holds its check-ins, hears from the client and keeps
          moving. Health is recomputed after every change and once a day.
        </Text>
      ) : (
        <Stack gap={0} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {portfolio.risks.map((r) => (
            <li key={r.relationship.id}>
              <UnstyledButton
                component={Link}
                to={link(`/relationships/${r.relationship.id}#relationship-health`)}
                py="sm"
                px="xs"
                w="100%"
                style={{
                  display: 'block',
                  borderTop: '1px solid var(--mantine-color-default-border)',
                  borderRadius: 0,
                }}
                aria-label={`${r.relationship.clientName} (${r.relationship.teamName}), health ${r.score ?? 'not scored'}: ${r.risks.map((x) => x.message).join('; ')}`}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text fw={600} truncate>
                      {r.relationship.clientName}{' '}
                      <Text span size="sm" c="dimmed" fw={400}>
                        · {r.relationship.teamName} · {stageInfo[r.relationship.stage].label}
                      </Text>
                    </Text>
                    {r.risks.map((x) => (
                      <Group key={x.key} gap={6} wrap="nowrap" align="flex-start">
                        <IconAlertTriangle
                          size={14}
                          color="var(--mantine-color-orange-7)"
                          style={{ flexShrink: 0, marginTop: 3 }}
                          aria-hidden
                        />
                        <Text size="sm">{sentence(x.message)}</Text>
                      </Group>
                    ))}
                  </Stack>
                  <Badge variant="light" color={scoreColor(r.score)} size="lg" style={{ flexShrink: 0 }}>
                    {r.score ?? '—'}
                  </Badge>
                </Group>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** How the active relationships spread over health bands. */
export function HealthDistribution({ portfolio }: { portfolio: Portfolio }) {
  const { link } = useWorkspace();
  const scored = portfolio.distribution.reduce((n, b) => n + b.count, 0);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="health-distribution">
      <Title order={3} id="health-distribution" mb={4}>
        Health
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {scored} scored
        {portfolio.unscored > 0 ? `, ${portfolio.unscored} not yet (nothing recorded to score)` : ''}.{' '}
        <Anchor component={Link} to={link('/relationships')} size="sm">
          See each score
        </Anchor>
      </Text>
      {scored === 0 ? (
        <Text size="sm" c="dimmed">
          Log touchpoints and hold check-ins: each relationship gets a health score from them.
        </Text>
      ) : (
        <DistributionChart distribution={portfolio.distribution} />
      )}
    </Paper>
  );
}
