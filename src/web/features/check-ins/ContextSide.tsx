import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { CheckIn, ContextSide as Side } from '../../../server/features/check-ins/check-ins.contract';
import { put } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { formatDateTime } from '../relationships/terms';
import { filledByText } from './CheckInBadges';
import { partOrder } from './checkInTerms';

const heading: Record<Side, { title: string; hint: string }> = {
  provider: {
    title: 'Our side',
    hint: 'What we bring: how our business is doing, where we have room, what else we could do together.',
  },
  client: {
    title: 'Their side',
    hint: 'The client’s view. Their contacts will fill it in the client portal; until then you note it for them, and it says so.',
  },
};

/** One side of a check-in's context: the four parts, each worded by the agenda's questions. */
export function ContextSide({ checkIn: c, side }: { checkIn: CheckIn; side: Side }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const current = c.context[side];
  const form = useForm({
    initialValues: {
      businessUpdate: current?.businessUpdate ?? '',
      unusedCapacity: current?.unusedCapacity ?? '',
      furtherTopics: current?.furtherTopics ?? '',
      waysOfWorking: current?.waysOfWorking ?? '',
    },
  });
  const id = `context-${side}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} h="100%">
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const saved = await put<CheckIn>(
              apiPath(`/relationships/${c.relationshipId}/check-ins/${c.id}/context/${side}`),
              values,
            );
            qc.setQueryData(['relationship', c.relationshipId, 'check-in', c.id], saved);
            await qc.invalidateQueries({ queryKey: ['check-ins'] });
            form.resetDirty(values);
            notifySaved(side === 'provider' ? 'Our side saved' : 'Their side saved');
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack gap="sm">
          <Stack gap={2}>
            <Title order={4} id={id}>
              {heading[side].title}
            </Title>
            <Text size="sm" c="dimmed">
              {heading[side].hint}
            </Text>
          </Stack>
          {partOrder.map((part) => (
            <Textarea
              key={part}
              label={c.agenda[part].title}
              description={c.agenda[part].questions.join(' ')}
              placeholder={part === 'furtherTopics' ? 'One topic per line' : undefined}
              autosize
              minRows={2}
              {...form.getInputProps(part)}
            />
          ))}
          <Group justify="space-between" wrap="wrap">
            <Text size="xs" c="dimmed">
              {current
                ? `${filledByText(current.filledBy)}, ${formatDateTime(current.updatedAt)}`
                : 'Not filled in yet'}
            </Text>
            <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
              {side === 'provider' ? 'Save our side' : 'Save their side'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
