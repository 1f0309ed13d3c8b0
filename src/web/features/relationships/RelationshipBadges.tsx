import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { daysOverdue } from '../../../domain/cadence';
import type {
  PyramidLevel,
  RelationshipStatus,
  Stage,
} from '../../../server/features/relationships/relationships.contract';
import { formatDate, levelInfo, localToday, stageInfo, stageOrder, statusInfo } from './terms';

export function StageBadge({ stage }: { stage: Stage }) {
  return (
    <Badge variant="light" color={stageInfo[stage].color} title={stageInfo[stage].meaning} w="max-content">
      {stageOrder.indexOf(stage) + 1}. {stageInfo[stage].label}
    </Badge>
  );
}

export function LevelBadge({ level }: { level: PyramidLevel }) {
  return (
    <Badge variant="outline" color={levelInfo[level].color} title={levelInfo[level].meaning} w="max-content">
      {levelInfo[level].label}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: RelationshipStatus }) {
  return (
    <Badge variant="dot" color={statusInfo[status].color} w="max-content">
      {statusInfo[status].label}
    </Badge>
  );
}

/** The next check-in date; an overdue one in red with a warning icon and the words, so colour is not the only sign. */
export function CheckInDue({ due, status }: { due: string | null; status: RelationshipStatus }) {
  if (!due)
    return (
      <Text size="sm" c="dimmed">
        {status === 'active' ? '—' : `None (${statusInfo[status].label.toLowerCase()})`}
      </Text>
    );
  const late = daysOverdue(due, localToday());
  if (late === 0)
    return (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(due)}
      </Text>
    );
  return (
    <Tooltip label={`The check-in was due ${late} day${late === 1 ? '' : 's'} ago`}>
      <Group gap={4} wrap="nowrap" c="red.8">
        <IconAlertTriangle size={14} aria-hidden />
        <Text size="sm" fw={600} c="red.8" style={{ whiteSpace: 'nowrap' }}>
          {formatDate(due)} · overdue
        </Text>
      </Group>
    </Tooltip>
  );
}

export function HealthScore({ score }: { score: number | null }) {
  if (score === null)
    return (
      <Text size="sm" c="dimmed" title="Not scored yet">
        —
      </Text>
    );
  const color = score >= 70 ? 'teal' : score >= 40 ? 'yellow' : 'red';
  return (
    <Badge variant="light" color={color} aria-label={`Health ${score} of 100`}>
      {score}
    </Badge>
  );
}
