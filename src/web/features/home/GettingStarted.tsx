import { Button, Group, Paper, Progress, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useWorkspace } from '../../ui/workspace';
import type { GettingStartedState } from './homeData';

type Step = { key: string; done: boolean; title: string; why: string; action: string; to?: string };

/** The five first steps, each ticked off from what the workspace already holds. */
export function GettingStarted({ state, compact }: { state: GettingStartedState; compact?: boolean }) {
  const { link, isAdmin } = useWorkspace();
  const steps: Step[] = [
    {
      key: 'team',
      done: state.team,
      title: 'Create a team',
      why: 'A team provides services. Start with the one curious team that will try partnering first.',
      action: 'Create a team',
      to: link('/teams'),
    },
    {
      key: 'client',
      done: state.client,
      title: 'Add a client',
      why: 'An organisation you serve, or a department of your own organisation that your team serves.',
      action: 'Add a client',
      to: link('/clients'),
    },
    {
      key: 'relationship',
      done: state.relationship,
      title: 'Start a relationship',
      why: 'One team serving one client, with a shared ambition and a cadence for partner check-ins.',
      action: 'Start a relationship',
      to: link('/relationships'),
    },
    {
      key: 'touchpoint',
      done: state.touchpoint,
      title: 'Log a touchpoint',
      why: "A meeting, a call, a delivery — or an afternoon spent in the client's world.",
      action: 'Log a touchpoint',
      to: link(state.firstRelationshipId ? `/relationships/${state.firstRelationshipId}` : '/relationships'),
    },
    {
      key: 'colleague',
      done: state.colleague,
      title: 'Invite a colleague',
      why: isAdmin
        ? 'Partnership is a team effort: bring in the people who serve this client with you.'
        : 'Partnership is a team effort. Ask an admin of this workspace to invite your colleagues.',
      action: 'Invite a colleague',
      to: isAdmin ? link('/settings?tab=members') : undefined,
    },
  ];
  const done = steps.filter((s) => s.done).length;
  const next = steps.find((s) => !s.done);

  return (
    <Paper
      withBorder
      radius="md"
      p={compact ? 'md' : 'lg'}
      component="section"
      aria-labelledby="getting-started"
    >
      <Group justify="space-between" align="baseline" mb="xs" wrap="wrap">
        <Title order={compact ? 4 : 3} id="getting-started">
          Getting started
        </Title>
        <Text size="sm" c="dimmed">
          {done} of {steps.length} done
        </Text>
      </Group>
      <Progress value={(done / steps.length) * 100} size="sm" mb="md" aria-label="Getting started progress" />
      <Stack gap={compact ? 'xs' : 'md'} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {steps.map((s, i) => (
          <Group key={s.key} component="li" wrap="nowrap" align="flex-start" gap="md">
            <ThemeIcon
              radius="xl"
              size={28}
              variant={s.done ? 'filled' : 'light'}
              color={s.done ? 'teal' : 'gray'}
              aria-hidden
            >
              {s.done ? <IconCheck size={16} /> : <Text size="sm">{i + 1}</Text>}
            </ThemeIcon>
            {/* The button sits beside the text on wide screens and wraps below it on a phone. */}
            <Group justify="space-between" align="flex-start" gap="xs" style={{ flex: 1, minWidth: 0 }}>
              <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
                <Text fw={600} td={s.done ? 'line-through' : undefined} c={s.done ? 'dimmed' : undefined}>
                  {s.title}
                  {s.done && <VisuallyHidden> (done)</VisuallyHidden>}
                </Text>
                {!(compact && s.done) && (
                  <Text size="sm" c="dimmed">
                    {s.why}
                  </Text>
                )}
              </Stack>
              {s.to && !s.done && (
                <Button
                  component={Link}
                  to={s.to}
                  size="xs"
                  variant={s === next ? 'filled' : 'default'}
                  style={{ flexShrink: 0 }}
                >
                  {s.action}
                </Button>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
