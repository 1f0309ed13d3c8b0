import { ActionIcon, Button, Divider, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { defaultAgenda } from '../../../server/features/check-ins/check-in-agenda.contract';
import type { Agenda, AgendaTemplate } from '../../../server/features/check-ins/check-ins.contract';
import { get, put } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { partOrder } from './checkInTerms';

/** Admins word the four parts of every check-in; the parts themselves stay. */
export function AgendaModal(props: { opened: boolean; onClose: () => void }) {
  const { apiPath } = useWorkspace();
  const agenda = useQuery({
    queryKey: ['check-ins', 'agenda'],
    queryFn: () => get<AgendaTemplate>(apiPath('/check-in-agenda')),
    enabled: props.opened,
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Check-in agenda" size="lg">
      <QueryState query={agenda}>{(a) => <AgendaForm agenda={a} onClose={props.onClose} />}</QueryState>
    </Modal>
  );
}

type Question = { key: string; text: string };
type Part = { title: string; questions: Question[] };
type Values = Record<keyof Agenda, Part>;

const toValues = (a: Agenda): Values =>
  Object.fromEntries(
    partOrder.map((p) => [
      p,
      { title: a[p].title, questions: a[p].questions.map((text) => ({ key: randomId(), text })) },
    ]),
  ) as Values;
const toAgenda = (v: Values): Agenda =>
  Object.fromEntries(
    partOrder.map((p) => [p, { title: v[p].title, questions: v[p].questions.map((q) => q.text) }]),
  ) as Agenda;

function AgendaForm({ agenda, onClose }: { agenda: AgendaTemplate; onClose: () => void }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const { isDefault: _d, updatedAt: _u, ...parts } = agenda;
  const form = useForm<Values>({ initialValues: toValues(parts) });
  return (
    <form
      onSubmit={form.onSubmit(async (values) => {
        try {
          await put<AgendaTemplate>(apiPath('/check-in-agenda'), toAgenda(values));
          await qc.invalidateQueries({ queryKey: ['check-ins', 'agenda'] });
          notifySaved('Agenda saved; new check-ins use it');
          onClose();
        } catch (err) {
          showApiError(err, form.setErrors);
        }
      })}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Every check-in walks through four parts on both sides. Word them your way; check-ins already
          scheduled keep the agenda they were planned with.
        </Text>
        {partOrder.map((part, i) => (
          <Stack key={part} gap="xs">
            {i > 0 && <Divider />}
            <TextInput label={`Part ${i + 1}`} required {...form.getInputProps(`${part}.title`)} />
            {form.values[part].questions.map((question, q) => (
              <Group key={question.key} gap="xs" wrap="nowrap" align="flex-start">
                <TextInput
                  aria-label={`Part ${i + 1}, question ${q + 1}`}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`${part}.questions.${q}.text`)}
                  error={form.errors[`${part}.questions.${q}`]}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size={36}
                  aria-label={`Remove question ${q + 1} of part ${i + 1}`}
                  disabled={form.values[part].questions.length <= 1}
                  onClick={() => form.removeListItem(`${part}.questions`, q)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            {form.errors[`${part}.questions`] && (
              <Text size="xs" c="red">
                {form.errors[`${part}.questions`]}
              </Text>
            )}
            <Group>
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                disabled={form.values[part].questions.length >= 10}
                onClick={() => form.insertListItem(`${part}.questions`, { key: randomId(), text: '' })}
              >
                Add a question
              </Button>
            </Group>
          </Stack>
        ))}
        <Group justify="space-between">
          <Button variant="subtle" color="gray" onClick={() => form.setValues(toValues(defaultAgenda))}>
            Restore the default
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save agenda
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
