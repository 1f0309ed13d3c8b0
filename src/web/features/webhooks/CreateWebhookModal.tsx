import { Alert, Button, Checkbox, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type WebhookEvent,
  type WebhookInput,
  webhookEvents,
} from '../../../server/features/webhooks/webhooks.contract';
import { post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { CopyField } from '../settings/CopyField';

export const eventLabel: Record<WebhookEvent, string> = {
  'relationship.created': 'A relationship starts',
  'relationship.stage_changed': 'A relationship moves to another stage',
  'check_in.held': 'A check-in is held',
  'topic.created': 'A topic is raised',
  'pulse.responded': 'A client answers a pulse',
  'health.risk_raised': 'A relationship’s health raises a risk',
};

/** Subscribes a URL, then shows the signing secret once: it is never shown again. */
export function CreateWebhookModal(props: { opened: boolean; onClose: () => void }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<WebhookInput>({ initialValues: { url: '', events: ['relationship.created'] } });

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={secret ? 'Copy the signing secret' : 'New webhook'}
      size="lg"
      closeOnClickOutside={!secret}
    >
      {secret ? (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle />} title="Shown only this once">
            Your receiver uses this secret to check that a delivery comes from Twofold: every delivery carries
            <code> Twofold-Signature: t=…,v1=…</code>, the HMAC-SHA256 of “t.body” with this secret.
          </Alert>
          <CopyField value={secret} label="signing secret" />
          <Button onClick={props.onClose}>I have copied it</Button>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit(async (values) => {
            try {
              const created = await post<{ secret: string }>(apiPath('/webhooks'), values);
              await qc.invalidateQueries({ queryKey: ['webhooks'] });
              setSecret(created.secret);
            } catch (err) {
              showApiError(err, form.setErrors);
            }
          })}
        >
          <Stack>
            <TextInput
              label="URL"
              description="Where Twofold sends a JSON POST for each event."
              placeholder="https://example.com/twofold-events"
              required
              data-autofocus
              {...form.getInputProps('url')}
            />
            <Checkbox.Group label="Events" {...form.getInputProps('events')}>
              <Stack gap="xs" mt="xs">
                {webhookEvents.map((e) => (
                  <Checkbox
                    key={e}
                    value={e}
                    label={eventLabel[e]}
                    description={
                      <Text span size="xs" ff="monospace">
                        {e}
                      </Text>
                    }
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Button type="submit" loading={form.submitting}>
              Create webhook
            </Button>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
