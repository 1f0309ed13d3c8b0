import { Alert, Button, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiTokenInput, CreatedApiToken } from '../../../server/features/tokens/tokens.contract';
import { post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { CopyField } from './CopyField';

export const scopeLabel: Record<ApiTokenInput['scope'], string> = {
  read: 'Read only',
  read_write: 'Read and write',
};

/** Creates a token, then shows the raw value once: Twofold keeps only its hash. */
export function CreateTokenModal(props: { opened: boolean; onClose: () => void }) {
  const { apiPath, workspaceId } = useWorkspace();
  const qc = useQueryClient();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const form = useForm<ApiTokenInput>({ initialValues: { name: '', scope: 'read' } });

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={created ? 'Copy your new token' : 'New API token'}
      size="lg"
      // Closing by accident would lose the only copy of the token.
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle />} title="Shown only this once">
            Copy the token now and keep it somewhere safe, like a password manager or your CI secrets. Twofold
            stores only a fingerprint of it and cannot show it again. If it is lost, revoke it and create a
            new one.
          </Alert>
          <CopyField value={created.token} label="token" />
          <Text size="sm" c="dimmed">
            Try it:
          </Text>
          <CopyField
            value={`curl -H "Authorization: Bearer ${created.token}" ${window.location.origin}/api/v1/workspaces/${workspaceId}/teams`}
            label="example command"
          />
          <Button onClick={props.onClose}>I have copied it</Button>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit(async (values) => {
            try {
              const token = await post<CreatedApiToken>(apiPath('/tokens'), values);
              await qc.invalidateQueries({ queryKey: ['tokens'] });
              setCreated(token);
            } catch (err) {
              showApiError(err, form.setErrors);
            }
          })}
        >
          <Stack>
            <TextInput
              label="Name"
              description="What uses it, so you know what breaks if you revoke it."
              placeholder="Nightly CRM sync"
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Radio.Group label="Access" {...form.getInputProps('scope')}>
              <Stack gap="xs" mt="xs">
                <Radio value="read" label="Read only" description="Reports, exports and dashboards." />
                <Radio
                  value="read_write"
                  label="Read and write"
                  description="Imports and integrations that create or change records."
                />
              </Stack>
            </Radio.Group>
            <Button type="submit" loading={form.submitting}>
              Create token
            </Button>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
