import { Group, Text } from '@mantine/core';

/** `compact`: the word mark hides on phones, where the header is short of room. */
export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true">
        <circle cx="12" cy="16" r="9" fill="none" stroke="var(--mantine-color-indigo-6)" strokeWidth="3" />
        <circle cx="20" cy="16" r="9" fill="none" stroke="var(--mantine-color-teal-6)" strokeWidth="3" />
      </svg>
      <Text fw={700} size="lg" visibleFrom={compact ? 'sm' : undefined}>
        Twofold
      </Text>
    </Group>
  );
}
