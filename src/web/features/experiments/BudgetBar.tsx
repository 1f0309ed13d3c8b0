import { Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { formatHours } from '../time/timeTerms';

/**
 * Used of protected hours. The numbers are always written out, and an overrun is striped and named in words,
 * so the bar does not rely on colour.
 */
export function BudgetBar({ used, protectedHours }: { used: number; protectedHours: number }) {
  const share = protectedHours > 0 ? Math.min(100, (used / protectedHours) * 100) : 0;
  const over = used > protectedHours;
  const label = `${formatHours(used)} of ${formatHours(protectedHours)} protected time used`;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">
          Protected time
        </Text>
        <Group gap={4} wrap="nowrap">
          {over && <IconAlertTriangle size={14} color="var(--mantine-color-red-8)" aria-hidden />}
          <Text size="xs" fw={600} c={over ? 'red.8' : undefined} data-testid="budget-used">
            {formatHours(used)} of {formatHours(protectedHours)}
            {over ? ` · over by ${formatHours(used - protectedHours)}` : ''}
          </Text>
        </Group>
      </Group>
      <Progress
        value={share}
        color={over ? 'red' : 'teal'}
        striped={over}
        size="md"
        aria-label={label}
        title={label}
      />
    </Stack>
  );
}
