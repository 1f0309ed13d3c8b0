import { Alert, Button, Loader, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { InvitationPreview } from '../../../server/features/accounts/accounts.contract';
import { get, post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { AuthLayout } from './AuthLayout';

export function InvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => get<InvitationPreview>(`/api/v1/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
  const form = useForm({ initialValues: { name: '', password: '' } });

  if (preview.isPending)
    return (
      <AuthLayout>
        <Loader aria-label="Loading" />
      </AuthLayout>
    );
  if (preview.isError)
    return (
      <AuthLayout>
        <Alert color="orange" title="This invitation cannot be used">
          The link is invalid, already used, or expired. Ask the person who invited you for a new one.
        </Alert>
      </AuthLayout>
    );
  const inv = preview.data;
  return (
    <AuthLayout subtitle={`You are invited to ${inv.workspaceName}`}>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const res = await post<{ workspaceId: string }>('/api/v1/invitations/accept', {
              token,
              password: values.password,
              ...(inv.hasAccount ? {} : { name: values.name }),
            });
            await qc.invalidateQueries({ queryKey: ['me'] });
            navigate(`/w/${res.workspaceId}`);
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <Title order={3}>Join {inv.workspaceName}</Title>
          <Text size="sm" c="dimmed">
            As <b>{inv.email}</b>, with the {inv.role} role.
          </Text>
          {!inv.hasAccount && <TextInput label="Your name" required {...form.getInputProps('name')} />}
          <PasswordInput
            label={inv.hasAccount ? 'Your Twofold password' : 'Choose a password'}
            description={
              inv.hasAccount ? 'You already have an account with this email' : 'At least 10 characters'
            }
            autoComplete={inv.hasAccount ? 'current-password' : 'new-password'}
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            Join the workspace
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
