import { Center, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../../ui/Logo';

export function AuthLayout({ children, subtitle }: { children: ReactNode; subtitle?: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={420} gap="md">
        <Stack align="center" gap={4}>
          <Logo />
          {subtitle && (
            <Text c="dimmed" ta="center" size="sm">
              {subtitle}
            </Text>
          )}
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
