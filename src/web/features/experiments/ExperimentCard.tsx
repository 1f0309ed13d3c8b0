import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Experiment } from '../../../server/features/experiments/experiments.contract';
import { useWorkspace } from '../../ui/workspace';
import { formatDate } from '../relationships/terms';
import { BudgetBar } from './BudgetBar';
import { ConcludeModal } from './ConcludeModal';
import { statusInfo } from './terms';
import { useExperimentSave } from './useExperimentMove';

/** One experiment: what it tests, where, its protected-time bar, and the next step it can take. */
export function ExperimentCard({
  experiment: e,
  showRelationship = true,
}: {
  experiment: Experiment;
  showRelationship?: boolean;
}) {
  const { link } = useWorkspace();
  const save = useExperimentSave();
  const [concluding, conclude] = useDisclosure();
  return (
    <Card withBorder padding="sm" component="article" aria-label={e.title}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={link(`/experiments/${e.id}`)} fw={600} lh={1.3}>
            {e.title}
          </Anchor>
          <Badge variant="light" color={statusInfo[e.status].color} style={{ flexShrink: 0 }}>
            {statusInfo[e.status].label}
          </Badge>
        </Group>
        {showRelationship && (
          <Text size="sm" c="dimmed">
            {e.relationship.clientName} · {e.team.name}
          </Text>
        )}
        <Text size="sm" lineClamp={2}>
          {e.hypothesis}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDate(e.startsOn)} – {formatDate(e.endsOn)}
        </Text>
        <BudgetBar used={e.usedHours} protectedHours={e.protectedHours} />
        {e.status === 'planned' && (
          <Group gap="xs">
            <Button
              size="xs"
              leftSection={<IconPlayerPlay size={14} />}
              onClick={() => save(e, { status: 'running' }, `“${e.title}” is running`)}
            >
              Start
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              onClick={() => save(e, { status: 'stopped' }, 'Experiment dropped')}
            >
              Drop
            </Button>
          </Group>
        )}
        {e.status === 'running' && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={conclude.open}>
              Conclude…
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              leftSection={<IconPlayerStop size={14} />}
              onClick={() => save(e, { status: 'stopped' }, 'Experiment stopped')}
            >
              Stop
            </Button>
          </Group>
        )}
        {e.status === 'concluded' && (e.learningsOutward || e.learningsInward) && (
          <Text size="xs" lineClamp={3}>
            <Text span size="xs" fw={600}>
              Learned:{' '}
            </Text>
            {e.learningsOutward ?? e.learningsInward}
          </Text>
        )}
      </Stack>
      <ConcludeModal key={`${concluding}`} experiment={e} opened={concluding} onClose={conclude.close} />
    </Card>
  );
}
