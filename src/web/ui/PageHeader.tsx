import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageHeader(props: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  above?: ReactNode;
}) {
  return (
    <Stack gap={4} mb="lg">
      {props.above}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2}>{props.title}</Title>
          {props.description && <Text c="dimmed">{props.description}</Text>}
        </Stack>
        {props.actions && <Group gap="xs">{props.actions}</Group>}
      </Group>
    </Stack>
  );
}
