import {
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFlag, IconStairsUp, IconTimeline } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type {
  Assessment,
  PyramidLevel,
  Relationship,
  Stage,
} from '../../../server/features/relationships/relationships.contract';
import { post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { formatDate, levelInfo, levelOptions, stageInfo, stageOptions } from './terms';

/** What changed in one assessment, in words: "Advisory → Partnership", or "Stage confirmed: …". */
function change(a: Assessment): string[] {
  if (a.previousStage === null || a.previousPyramidLevel === null)
    return [`Started as ${stageInfo[a.stage].label} · ${levelInfo[a.pyramidLevel].label}`];
  const lines: string[] = [];
  if (a.previousStage !== a.stage)
    lines.push(`Stage: ${stageInfo[a.previousStage].label} → ${stageInfo[a.stage].label}`);
  if (a.previousPyramidLevel !== a.pyramidLevel)
    lines.push(`Level: ${levelInfo[a.previousPyramidLevel].label} → ${levelInfo[a.pyramidLevel].label}`);
  if (lines.length === 0)
    lines.push(`Confirmed ${stageInfo[a.stage].label} · ${levelInfo[a.pyramidLevel].label}`);
  return lines;
}

/** Every stage and level the relationship had, newest first, with who, when and why. */
export function AssessmentHistory({
  relationship,
  onRecord,
}: {
  relationship: Relationship;
  onRecord: () => void;
}) {
  const { apiPath } = useWorkspace();
  const list = usePagedList<Assessment>(
    ['relationship', relationship.id, 'assessments'],
    apiPath(`/relationships/${relationship.id}/assessments`),
    { limit: 10 },
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assessment-history">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4} id="assessment-history">
            Assessment history
          </Title>
          <Button size="xs" variant="light" leftSection={<IconStairsUp size={14} />} onClick={onRecord}>
            Record assessment
          </Button>
        </Group>
        {list.isError && (
          <Text c="red" size="sm">
            Could not load the history: {list.error.message}
          </Text>
        )}
        <Timeline bulletSize={24} lineWidth={2} active={-1}>
          {list.items.map((a) => (
            <Timeline.Item
              key={a.id}
              bullet={a.previousStage === null ? <IconFlag size={14} /> : <IconTimeline size={14} />}
              title={
                <Stack gap={0}>
                  {change(a).map((line) => (
                    <Text key={line} size="sm" fw={600}>
                      {line}
                    </Text>
                  ))}
                </Stack>
              }
            >
              <Text size="xs" c="dimmed">
                {formatDate(a.assessedAt)} · {a.assessedBy?.name ?? 'Someone'}
              </Text>
              {a.note && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {a.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
        {list.hasNextPage && (
          <Group justify="center">
            <Button
              variant="subtle"
              size="xs"
              onClick={() => list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              Load earlier assessments
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** Records where the relationship stands now, and why; moves its stage and level with it. */
export function AssessmentModal(props: { opened: boolean; onClose: () => void; relationship: Relationship }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const r = props.relationship;
  const form = useForm({
    initialValues: { stage: r.stage as Stage, pyramidLevel: r.pyramidLevel as PyramidLevel, note: '' },
    validate: { note: (v) => (v.trim() ? null : 'Say why: what did you see that shows this?') },
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title="Record assessment"
      size="lg"
    >
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            await post<Assessment>(apiPath(`/relationships/${r.id}/assessments`), values);
            await Promise.all([
              qc.invalidateQueries({ queryKey: ['relationship', r.id] }),
              qc.invalidateQueries({ queryKey: ['relationships'] }),
            ]);
            notifySaved('Assessment recorded');
            props.onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            Where does this relationship stand today? Moving up, staying, or stepping back — each is worth
            recording with what you saw.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Stage"
              description={stageInfo[form.values.stage].meaning}
              data={stageOptions}
              allowDeselect={false}
              data-autofocus
              {...form.getInputProps('stage')}
            />
            <Select
              label="Pyramid level"
              description={levelInfo[form.values.pyramidLevel].meaning}
              data={levelOptions}
              allowDeselect={false}
              {...form.getInputProps('pyramidLevel')}
            />
          </SimpleGrid>
          <Textarea
            label="Why"
            description="What happened that shows this — kept in the history"
            placeholder="They invited us into their planning for next year…"
            required
            autosize
            minRows={3}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Record assessment
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
