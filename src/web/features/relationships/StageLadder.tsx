import { Badge, Box, Group, Paper, Stack, Text, Title, useMantineTheme, VisuallyHidden } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { Stage } from '../../../server/features/relationships/relationships.contract';
import { stageInfo, stageOrder } from './terms';

const STEP = 34; // height of one step, in px
const RISE = 18; // how far each step moves right of the one below: the staircase

/**
 * The stage ladder as a staircase climbing from transactional (bottom) to co-creation (top).
 * Steps passed carry a check, the current one is filled and says "Now", the ones ahead are dashed:
 * the shape and the words tell it without colour.
 */
export function StageLadder({ stage }: { stage: Stage }) {
  const theme = useMantineTheme();
  const current = stageOrder.indexOf(stage);
  const top = [...stageOrder].reverse();
  return (
    <Paper withBorder p="md" h="100%" component="section" aria-labelledby="stage-ladder">
      <Stack gap="sm">
        <Title order={4} id="stage-ladder">
          Stage ladder
        </Title>
        <Box
          component="ol"
          reversed
          aria-label={`Stage ${current + 1} of 4: ${stageInfo[stage].label}`}
          style={{ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: 4 }}
        >
          {top.map((s) => {
            const i = stageOrder.indexOf(s);
            const color = theme.colors[stageInfo[s].color] ?? theme.colors.gray;
            const state = i < current ? 'past' : i === current ? 'current' : 'ahead';
            return (
              <Box
                component="li"
                key={s}
                aria-current={state === 'current' ? 'step' : undefined}
                style={{
                  marginLeft: i * RISE,
                  height: STEP,
                  borderRadius: 6,
                  padding: '0 10px',
                  display: 'flex',
                  alignItems: 'center',
                  background: state === 'current' ? color[6] : state === 'past' ? color[0] : 'transparent',
                  border:
                    state === 'ahead'
                      ? `2px dashed ${theme.colors.gray[4]}`
                      : `2px solid ${color[state === 'current' ? 7 : 3]}`,
                }}
              >
                <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    {state === 'past' && <IconCheck size={14} color={color[7]} aria-hidden />}
                    <Text
                      size="sm"
                      fw={state === 'current' ? 700 : 500}
                      c={state === 'current' ? 'white' : state === 'ahead' ? 'dimmed' : color[8]}
                      truncate
                    >
                      {stageInfo[s].label}
                    </Text>
                    {state === 'past' && <VisuallyHidden component="span">(passed)</VisuallyHidden>}
                  </Group>
                  {state === 'current' && (
                    <Badge size="xs" variant="white" color={stageInfo[s].color}>
                      Now
                    </Badge>
                  )}
                </Group>
              </Box>
            );
          })}
        </Box>
        <Text size="sm">{stageInfo[stage].meaning}</Text>
      </Stack>
    </Paper>
  );
}
