import { Anchor, Badge, Group, Paper, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef } from 'react';
import { Link } from 'react-router';
import type { Portfolio } from '../../../server/features/health/portfolio.contract';
import { useRoutedLinks } from '../../ui/routedLinks';
import { useWorkspace } from '../../ui/workspace';
import { scoreColor } from '../health/healthTerms';
import { stageInfo } from '../relationships/terms';
import { DistributionChart } from './DistributionChart';
import classes from './homeLists.module.css';

const sentence = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The relationships most at risk first, each with its reasons in words and a link to its health. */
export function EarlyWarnings({ portfolio }: { portfolio: Portfolio }) {
  const { link } = useWorkspace();
  const list = useRef<HTMLOListElement>(null);
  useRoutedLinks(list);
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
        <ol className={classes.list} ref={list}>
          {portfolio.risks.map((r) => (
            <li key={r.relationship.id}>
              <a
                href={link(`/relationships/${r.relationship.id}#relationship-health`)}
                className={`${classes.warningRow} mantine-focus-auto`}
                aria-label={`${r.relationship.clientName} (${r.relationship.teamName}), health ${r.score ?? 'not scored'}: ${r.risks.map((x) => x.message).join('; ')}`}
              >
                <span className={classes.warningText}>
                  <span className={classes.clientName}>
                    {r.relationship.clientName}{' '}
                    <span className={`${classes.small} ${classes.dimmed} ${classes.team}`}>
                      · {r.relationship.teamName} · {stageInfo[r.relationship.stage].label}
                    </span>
                  </span>
                  {r.risks.map((x) => (
                    <span key={x.key} className={`${classes.reason} ${classes.small}`}>
                      <IconAlertTriangle size={14} className={classes.reasonIcon} aria-hidden />
                      {sentence(x.message)}
                    </span>
                  ))}
                </span>
                <Badge variant="light" color={scoreColor(r.score)} size="lg" style={{ flexShrink: 0 }}>
                  {r.score ?? '—'}
                </Badge>
              </a>
            </li>
          ))}
        </ol>
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
