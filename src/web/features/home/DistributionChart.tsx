import { Box, Group, Stack, Text } from '@mantine/core';
import type { Portfolio } from '../../../server/features/health/portfolio.contract';

const colors = ['red.6', 'orange.6', 'yellow.6', 'teal.5', 'teal.7'];
const HEIGHT = 140;

/**
 * Active relationships per band of health, as five bars. Drawn with plain boxes, not the charts library: the
 * home page is the first screen, and that library's code costs a slow machine a quarter of a second to start —
 * for five bars. A click on a bar is not needed: the list beside it names the ones at risk.
 */
export function DistributionChart({ distribution }: { distribution: Portfolio['distribution'] }) {
  const max = Math.max(1, ...distribution.map((b) => b.count));
  const label = `Health distribution: ${distribution.map((b) => `${b.count} at ${b.from}–${b.to}`).join(', ')}`;
  return (
    <Group role="img" aria-label={label} gap="xs" align="flex-end" wrap="nowrap" h={HEIGHT + 44}>
      {distribution.map((b, i) => (
        <Stack key={b.from} gap={4} align="center" justify="flex-end" style={{ flex: 1 }} h="100%">
          <Text size="xs" fw={600}>
            {b.count}
          </Text>
          <Box
            w="100%"
            maw={56}
            bg={colors[i]}
            h={Math.max(2, Math.round((b.count / max) * HEIGHT))}
            style={{ borderRadius: '4px 4px 0 0' }}
          />
          <Text size="xs" c="dimmed">
            {b.from}–{b.to}
          </Text>
        </Stack>
      ))}
    </Group>
  );
}
