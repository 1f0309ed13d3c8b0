import {
  ActionIcon,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Experiment } from '../../../server/features/experiments/experiments.contract';
import type { Reflection } from '../../../server/features/reflections/reflections.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, patch, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { useTeamOptions } from '../relationships/options';
import { localToday } from '../relationships/terms';
import { useRelationshipOptions } from '../time/relationshipOptions';
import { questions } from './questions';

type Values = {
  teamId: string | null;
  heldOn: string;
  happening: string;
  emerging: string;
  surprisinglyWell: string;
  harderThanExpected: string;
  needs: string;
  relationshipIds: string[];
  experimentIds: string[];
  learnings: { key: string; text: string; tags: string[] }[];
};

/**
 * Hold (or edit) a team reflection: the four questions, the relationships and experiments discussed, and —
 * when holding one — what was learned, tagged. Mount with a `key` to reset.
 */
export function ReflectionFormModal(props: {
  opened: boolean;
  onClose: () => void;
  teamId?: string;
  reflection?: Reflection;
}) {
  const { apiPath, link, workspaceId } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const r = props.reflection;
  const form = useForm<Values>({
    initialValues: {
      teamId: r?.teamId ?? props.teamId ?? null,
      heldOn: r?.heldOn ?? localToday(),
      happening: r?.happening ?? '',
      emerging: r?.emerging ?? '',
      surprisinglyWell: r?.surprisinglyWell ?? '',
      harderThanExpected: r?.harderThanExpected ?? '',
      needs: r?.needs ?? '',
      relationshipIds: r?.relationshipIds ?? [],
      experimentIds: r?.experimentIds ?? [],
      learnings: [],
    },
    validate: {
      teamId: (v) => (v ? null : 'Whose reflection is it?'),
      happening: (_, v) =>
        questions.some((q) => v[q.key].trim()) ? null : 'Answer at least one of the questions',
    },
  });
  const teamId = form.values.teamId;
  const teams = useTeamOptions(props.opened);
  const relationships = useRelationshipOptions({ teamId }, props.opened && Boolean(teamId));
  const experiments = useQuery({
    queryKey: ['experiments', 'options', workspaceId, teamId],
    enabled: props.opened && Boolean(teamId),
    queryFn: () => get<Page<Experiment>>(apiPath(`/experiments?limit=200&teamId=${teamId}`)),
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title={r ? 'Edit reflection' : 'Hold a reflection'}
      size="xl"
    >
      <form
        onSubmit={form.onSubmit(async ({ learnings, teamId: team, ...values }) => {
          try {
            const saved = r
              ? await patch<Reflection>(apiPath(`/reflections/${r.id}`), values)
              : await post<Reflection>(apiPath('/reflections'), { ...values, teamId: team });
            for (const { text, tags } of learnings.filter((x) => x.text.trim()))
              await post(apiPath(`/reflections/${saved.id}/learnings`), { text, tags });
            await Promise.all([
              qc.invalidateQueries({ queryKey: ['reflections'] }),
              qc.invalidateQueries({ queryKey: ['reflection', saved.id] }),
              qc.invalidateQueries({ queryKey: ['balance'] }),
            ]);
            notifySaved(r ? 'Reflection saved' : 'Reflection recorded');
            props.onClose();
            if (!r) navigate(link(`/reflections/${saved.id}`));
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Team"
              required
              disabled={Boolean(r)}
              data={teams.options}
              {...form.getInputProps('teamId')}
              onChange={(v) => {
                form.setFieldValue('teamId', v);
                form.setFieldValue('relationshipIds', []);
                form.setFieldValue('experimentIds', []);
              }}
            />
            <TextInput label="Held on" type="date" required {...form.getInputProps('heldOn')} />
          </SimpleGrid>
          {questions.map((q, i) => (
            <Textarea
              key={q.key}
              label={q.label}
              description={q.hint}
              autosize
              minRows={2}
              data-autofocus={i === 0 ? true : undefined}
              {...form.getInputProps(q.key)}
            />
          ))}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label="Relationships discussed"
              placeholder={teamId ? 'Choose relationships' : 'Choose the team first'}
              searchable
              disabled={!teamId}
              data={relationships.options}
              {...form.getInputProps('relationshipIds')}
            />
            <MultiSelect
              label="Experiments discussed"
              placeholder={teamId ? 'Choose experiments' : 'Choose the team first'}
              searchable
              disabled={!teamId}
              data={(experiments.data?.items ?? []).map((e) => ({ value: e.id, label: e.title }))}
              {...form.getInputProps('experimentIds')}
            />
          </SimpleGrid>
          {!r && (
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={5}>Learnings</Title>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => form.insertListItem('learnings', { key: randomId(), text: '', tags: [] })}
                >
                  Add a learning
                </Button>
              </Group>
              {form.values.learnings.length === 0 && (
                <Text size="sm" c="dimmed">
                  What will you do differently? Add it as a learning, with tags to find it again.
                </Text>
              )}
              {form.values.learnings.map((l, i) => (
                <Group key={l.key} align="flex-end" wrap="nowrap" gap="xs">
                  <TextInput
                    label={`Learning ${i + 1}`}
                    style={{ flex: 2 }}
                    {...form.getInputProps(`learnings.${i}.text`)}
                  />
                  <TagsInput
                    label="Tags"
                    placeholder="Enter to add"
                    style={{ flex: 1 }}
                    {...form.getInputProps(`learnings.${i}.tags`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label={`Remove learning ${i + 1}`}
                    onClick={() => form.removeListItem('learnings', i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          )}
          <Button type="submit" loading={form.submitting}>
            {r ? 'Save reflection' : 'Record reflection'}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
