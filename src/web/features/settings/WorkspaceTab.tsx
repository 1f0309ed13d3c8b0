import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../server/features/accounts/accounts.contract';
import { patch } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';

type Ws = Me['workspaces'][number];

const roleWords = {
  owner: 'You are an owner: you manage everything here, including who else is an owner.',
  admin: 'You are an admin: you manage members, API tokens and the workspace name.',
  member: 'You are a member. Admins manage members, API tokens and the workspace name.',
};

export function WorkspaceTab() {
  const { workspace, isAdmin, apiPath } = useWorkspace();
  const qc = useQueryClient();
  const form = useForm({ initialValues: { name: workspace?.name ?? '' } });
  if (!workspace) return null;

  return (
    <Paper withBorder radius="md" p="lg" maw={560}>
      <Title order={3} mb="xs">
        Workspace
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {roleWords[workspace.role]}
      </Text>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            await patch<Ws>(apiPath(''), values);
            await qc.invalidateQueries({ queryKey: ['me'] });
            form.resetDirty();
            notifySaved('Workspace renamed');
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <TextInput
            label="Name"
            description="Shown to everyone in the workspace, and to clients in the portal and in emails."
            required={isAdmin}
            readOnly={!isAdmin}
            {...form.getInputProps('name')}
          />
          {isAdmin && (
            <Group>
              <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
                Save name
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
