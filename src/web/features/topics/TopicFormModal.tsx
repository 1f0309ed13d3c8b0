import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { Topic, TopicSide } from '../../../server/features/topics/topics.contract';
import { post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { refreshTopics } from './TopicCard';

/** Put a topic on the relationship's shared backlog, raised by us or noted for them. */
export function TopicFormModal(props: { opened: boolean; onClose: () => void; relationshipId: string }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const form = useForm({
    initialValues: { title: '', description: '', raisedBy: 'provider' as TopicSide },
    validate: { title: (v) => (v.trim() ? null : 'Name the topic in a few words') },
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Raise a topic">
      <form
        onSubmit={form.onSubmit(async (v) => {
          try {
            await post<Topic>(apiPath(`/relationships/${props.relationshipId}/topics`), {
              ...v,
              description: v.description.trim() || null,
            });
            await refreshTopics(qc, props.relationshipId);
            notifySaved('Topic raised');
            props.onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <TextInput
            label="Topic"
            placeholder="A reorder tool for cafés"
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea label="What is it about?" autosize minRows={2} {...form.getInputProps('description')} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="topic-raised-by">
              Who raised it?
            </Text>
            <SegmentedControl
              aria-labelledby="topic-raised-by"
              fullWidth
              data={[
                { value: 'provider', label: 'We did' },
                { value: 'client', label: 'They did' },
              ]}
              {...form.getInputProps('raisedBy')}
            />
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Raise topic
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
