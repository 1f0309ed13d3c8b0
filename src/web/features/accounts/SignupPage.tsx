import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { AuthLayout } from './AuthLayout';

export function SignupPage() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', workspaceName: '' },
    validate: { password: (v) => (v.length < 10 ? 'Use at least 10 characters' : null) },
  });
  return (
    <AuthLayout subtitle="Start with one client you trust and one curious team.">
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const res = await post<{ workspace: { id: string } }>('/api/v1/auth/signup', values);
            await qc.invalidateQueries({ queryKey: ['me'] });
            navigate(`/w/${res.workspace.id}`);
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <Title order={3}>Create your workspace</Title>
          <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput
            label="Work email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <TextInput
            label="Organisation"
            description="Your studio, consultancy or service function"
            placeholder="Northwind Studio"
            required
            {...form.getInputProps('workspaceName')}
          />
          <Button type="submit" loading={form.submitting}>
            Create workspace
          </Button>
          <Text size="sm" ta="center">
            Already have an account?{' '}
            <Anchor component={Link} to="/login">
              Log in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
