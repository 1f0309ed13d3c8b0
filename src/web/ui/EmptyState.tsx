import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a new user sees instead of an empty list: what this is for and what to do next. */
export function EmptyState(props: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="xs" ta="center">
        {props.icon && (
          <ThemeIcon size={48} radius="xl" variant="light">
            {props.icon}
          </ThemeIcon>
        )}
        <Title order={4}>{props.title}</Title>
        {props.children && (
          <Text c="dimmed" maw={520}>
            {props.children}
          </Text>
        )}
        {props.action}
      </Stack>
    </Paper>
  );
}
