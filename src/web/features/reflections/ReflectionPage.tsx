import {
  ActionIcon,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Paper,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { Reflection } from '../../../server/features/reflections/reflections.contract';
import { del, get, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { PromoteButton } from '../knowledge/PromoteButton';
import { formatDate } from '../relationships/terms';
import { questions } from './questions';
import { ReflectionFormModal } from './ReflectionFormModal';

export function ReflectionPage() {
  const { reflectionId = '' } = useParams();
  const { apiPath } = useWorkspace();
  const q = useQuery({
    queryKey: ['reflection', reflectionId],
    queryFn: () => get<Reflection>(apiPath(`/reflections/${reflectionId}`)),
  });
  return <QueryState query={q}>{(r) => <ReflectionView r={r} />}</QueryState>;
}

function ReflectionView({ r }: { r: Reflection }) {
  const { apiPath, link, isAdmin } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['reflection', r.id] }),
      qc.invalidateQueries({ queryKey: ['reflections'] }),
    ]);

  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs>
            <Anchor component={Link} to={link('/reflections')}>
              Reflections
            </Anchor>
            <Text>
              {r.team.name}, {formatDate(r.heldOn)}
            </Text>
          </Breadcrumbs>
        }
        title={`${r.team.name} reflection`}
        description={`Held on ${formatDate(r.heldOn)}${r.createdBy ? `, recorded by ${r.createdBy.name}` : ''}`}
        actions={
          <>
            <Button variant="default" onClick={edit.open}>
              Edit
            </Button>
            {isAdmin && (
              <Button
                variant="subtle"
                color="red"
                onClick={() =>
                  modals.openConfirmModal({
                    title: 'Delete this reflection?',
                    children: <Text size="sm">Its learnings are deleted with it.</Text>,
                    labels: { confirm: 'Delete reflection', cancel: 'Cancel' },
                    confirmProps: { color: 'red' },
                    onConfirm: async () => {
                      try {
                        await del(apiPath(`/reflections/${r.id}`));
                        await qc.invalidateQueries({ queryKey: ['reflections'] });
                        navigate(link('/reflections'));
                      } catch (err) {
                        showApiError(err);
                      }
                    },
                  })
                }
              >
                Delete
              </Button>
            )}
          </>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md">
            <Stack>
              {questions.map((q) => (
                <Stack key={q.key} gap={2}>
                  <Title order={5}>{q.label}</Title>
                  <Text size="sm" c={r[q.key] ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                    {r[q.key] || 'Not answered'}
                  </Text>
                </Stack>
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder p="md" component="section" aria-labelledby="reflection-links">
              <Title order={4} id="reflection-links" mb="xs">
                Discussed
              </Title>
              {r.relationships.length + r.experiments.length === 0 && (
                <Text size="sm" c="dimmed">
                  No relationship or experiment linked.
                </Text>
              )}
              <Stack gap={4}>
                {r.relationships.map((x) => (
                  <Anchor key={x.id} component={Link} to={link(`/relationships/${x.id}`)} size="sm">
                    {x.clientName}
                  </Anchor>
                ))}
                {r.experiments.map((x) => (
                  <Anchor key={x.id} component={Link} to={link(`/experiments/${x.id}`)} size="sm">
                    Experiment: {x.title}
                  </Anchor>
                ))}
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="reflection-learnings">
              <Title order={4} id="reflection-learnings" mb="xs">
                Learnings
              </Title>
              <Stack gap="xs">
                {r.learnings.length === 0 && (
                  <Text size="sm" c="dimmed">
                    What will the team do differently? Write it down below.
                  </Text>
                )}
                {r.learnings.map((l) => (
                  <Group key={l.id} justify="space-between" align="flex-start" wrap="nowrap">
                    <Stack gap={2}>
                      <Text size="sm">{l.text}</Text>
                      <Group gap={4}>
                        {l.tags.map((t) => (
                          <Badge key={t} size="sm" variant="outline">
                            #{t}
                          </Badge>
                        ))}
                      </Group>
                    </Stack>
                    <Group gap={2} wrap="nowrap">
                      <PromoteButton
                        compact
                        what={`the learning “${l.text.slice(0, 40)}”`}
                        path={`/reflections/${r.id}/learnings/${l.id}/promote`}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Delete the learning “${l.text.slice(0, 40)}”`}
                        onClick={async () => {
                          try {
                            await del(apiPath(`/reflections/${r.id}/learnings/${l.id}`));
                            await refresh();
                          } catch (err) {
                            showApiError(err);
                          }
                        }}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Group>
                  </Group>
                ))}
                <AddLearning reflectionId={r.id} onAdded={refresh} />
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <ReflectionFormModal
        key={`edit-${r.updatedAt}-${editing}`}
        opened={editing}
        onClose={edit.close}
        reflection={r}
      />
    </>
  );
}

function AddLearning({ reflectionId, onAdded }: { reflectionId: string; onAdded: () => Promise<unknown> }) {
  const { apiPath } = useWorkspace();
  const form = useForm({
    initialValues: { text: '', tags: [] as string[] },
    validate: { text: (v) => (v.trim() ? null : 'What did you learn?') },
  });
  return (
    <form
      onSubmit={form.onSubmit(async (values) => {
        try {
          await post(apiPath(`/reflections/${reflectionId}/learnings`), values);
          form.reset();
          await onAdded();
          notifySaved('Learning recorded');
        } catch (err) {
          showApiError(err, form.setErrors);
        }
      })}
    >
      <Stack gap="xs">
        <TextInput label="New learning" {...form.getInputProps('text')} />
        <TagsInput label="Tags" placeholder="Enter to add" {...form.getInputProps('tags')} />
        <Button type="submit" variant="light" size="xs" loading={form.submitting} w="max-content">
          Add learning
        </Button>
      </Stack>
    </form>
  );
}
