import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TouchpointSummary } from '../../../server/features/touchpoints/touchpoints.contract';
import { get } from '../../ui/api';
import { useWorkspace } from '../../ui/workspace';
import { formatDate } from '../relationships/terms';
import { sideInfo } from './touchpointTerms';

const pct = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 100));

/**
 * Our side and their side: who started the touchpoints. A relationship where only the provider speaks
 * is not yet a partnership, so the client's share is shown as prominently as ours.
 */
export function SidesBalance({ relationshipId }: { relationshipId: string }) {
  const { apiPath } = useWorkspace();
  const summary = useQuery({
    queryKey: ['relationship', relationshipId, 'touchpoints-summary'],
    queryFn: () => get<TouchpointSummary>(apiPath(`/relationships/${relationshipId}/touchpoints/summary`)),
  });
  const s = summary.data;
  const ours = s?.byInitiator.provider ?? 0;
  const theirs = s?.byInitiator.client ?? 0;
  const total = ours + theirs;
  const theirShare = pct(theirs, total);

  return (
    <Paper withBorder p="md" h="100%" component="section" aria-labelledby="sides-balance">
      <Stack gap="sm">
        <Title order={4} id="sides-balance">
          Our side and their side
        </Title>
        {summary.isError && (
          <Text c="red" size="sm">
            Could not load: {summary.error.message}
          </Text>
        )}
        {s && total === 0 && (
          <Text size="sm" c="dimmed">
            No touchpoints yet. As you log them, note who started each one: here you will see whether the
            client reaches out too, or only we do.
          </Text>
        )}
        {s && total > 0 && (
          <>
            <Progress.Root size={22} aria-hidden>
              <Progress.Section value={pct(ours, total)} color={sideInfo.provider.color}>
                <Progress.Label>{ours}</Progress.Label>
              </Progress.Section>
              <Progress.Section value={theirShare} color={sideInfo.client.color}>
                <Progress.Label>{theirs}</Progress.Label>
              </Progress.Section>
            </Progress.Root>
            <Stack gap={2}>
              <Group gap={6} wrap="nowrap">
                <IconArrowRight size={14} aria-hidden />
                <Text size="sm">
                  <b>We</b> started {ours} ({pct(ours, total)}%)
                </Text>
              </Group>
              <Group gap={6} wrap="nowrap">
                <IconArrowLeft size={14} aria-hidden />
                <Text size="sm">
                  <b>They</b> started {theirs} ({theirShare}%)
                </Text>
              </Group>
            </Stack>
            {total >= 4 && theirShare < 25 && (
              <Text size="sm" c="orange.9">
                Mostly our side so far. What would make it easy for them to come to you?
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {total} touchpoint{total === 1 ? '' : 's'}
              {s.byKind.immersion > 0 &&
                ` · ${s.byKind.immersion} immersion${s.byKind.immersion === 1 ? '' : 's'} in their world`}
              {s.lastAt && ` · latest ${formatDate(s.lastAt)}`}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
