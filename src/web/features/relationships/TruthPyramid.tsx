import { Badge, Box, Group, Paper, Stack, Text, Title, useMantineTheme } from '@mantine/core';
import type { PyramidLevel } from '../../../server/features/relationships/relationships.contract';
import { levelInfo, levelOrder } from './terms';

const BAND = 44; // height of one band, in px (the labels beside the pyramid line up with it)
const WIDTH = 132;

/** Corners of band `i` (0 = base) of a triangle WIDTH wide and 3 × BAND high. */
function band(i: number): string {
  const h = BAND * 3;
  const half = (y: number) => (WIDTH / 2) * (y / h); // half-width at depth y from the apex
  const top = h - (i + 1) * BAND;
  const bottom = h - i * BAND;
  const cx = WIDTH / 2;
  return [
    [cx - half(top), top],
    [cx + half(top), top],
    [cx + half(bottom), bottom],
    [cx - half(bottom), bottom],
  ]
    .map(([x, y]) => `${x},${y}`)
    .join(' ');
}

/**
 * The relationship truth pyramid: expectations at the base, then desires, unrecognised needs at the top.
 * The current band is filled and hatched, and its label says "Now", so colour is not the only sign.
 */
export function TruthPyramid({ level }: { level: PyramidLevel }) {
  const theme = useMantineTheme();
  const current = levelOrder.indexOf(level);
  const fill = theme.colors[levelInfo[level].color] ?? theme.colors.gray;
  const top = [...levelOrder].reverse();
  return (
    <Paper withBorder p="md" h="100%" component="section" aria-labelledby="truth-pyramid">
      <Stack gap="sm">
        <Title order={4} id="truth-pyramid">
          Truth pyramid
        </Title>
        <Group gap="md" wrap="nowrap" align="flex-start">
          <svg
            width={WIDTH}
            height={BAND * 3}
            viewBox={`0 0 ${WIDTH} ${BAND * 3}`}
            role="img"
            aria-label={`Level ${current + 1} of 3: ${levelInfo[level].label}`}
            style={{ flexShrink: 0 }}
          >
            <defs>
              <pattern
                id="pyramid-hatch"
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <line x1="0" y1="0" x2="0" y2="6" stroke={theme.white} strokeWidth="2" strokeOpacity="0.45" />
              </pattern>
            </defs>
            {levelOrder.map((l, i) => {
              const isCurrent = i === current;
              const reached = i < current;
              return (
                <g key={l}>
                  <polygon
                    points={band(i)}
                    fill={isCurrent ? fill[6] : reached ? fill[1] : theme.colors.gray[0]}
                    stroke={isCurrent ? fill[8] : theme.colors.gray[5]}
                    strokeWidth={isCurrent ? 2.5 : 1}
                    strokeDasharray={i > current ? '4 3' : undefined}
                  />
                  {isCurrent && <polygon points={band(i)} fill="url(#pyramid-hatch)" />}
                </g>
              );
            })}
          </svg>
          <Stack gap={0} style={{ minWidth: 0 }}>
            {top.map((l) => {
              const isCurrent = l === level;
              return (
                <Box key={l} h={BAND} style={{ display: 'flex', alignItems: 'center' }}>
                  <Group gap={4} wrap="wrap">
                    <Text size="sm" fw={isCurrent ? 700 : 400} c={isCurrent ? undefined : 'dimmed'}>
                      {levelInfo[l].label}
                    </Text>
                    {isCurrent && (
                      <Badge size="xs" color={levelInfo[l].color} variant="filled" style={{ flexShrink: 0 }}>
                        Now
                      </Badge>
                    )}
                  </Group>
                </Box>
              );
            })}
          </Stack>
        </Group>
        <Text size="sm">{levelInfo[level].meaning}</Text>
      </Stack>
    </Paper>
  );
}
