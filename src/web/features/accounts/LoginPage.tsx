import { Alert, Anchor, Button, Code, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { get, post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { AuthLayout } from './AuthLayout';

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const demo = useQuery({
    queryKey: ['demo'],
    queryFn: () => get<{ email: string; password: string } | null>('/api/v1/auth/demo'),
    retry: false,
  });
  const form = useForm({ initialValues: { email: '', password: '' } });

  return (
    <AuthLayout subtitle="The partnership platform for service organisations">
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            await post('/api/v1/auth/login', values);
            await qc.invalidateQueries({ queryKey: ['me'] });
            navigate(params.get('next') ?? '/');
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <Title order={3}>Log in</Title>
          {demo.data && (
            <Alert color="teal" title="Explore the demo workspace">
              <Text size="sm">
                Email <Code>{demo.data.email}</Code> · password <Code>{demo.data.password}</Code>
              </Text>
              <Button
                mt="xs"
                size="xs"
                variant="light"
                color="teal"
                onClick={() => form.setValues({ email: demo.data!.email, password: demo.data!.password })}
              >
                Fill in the demo login
              </Button>
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            Log in
          </Button>
          <Text size="sm" ta="center">
            New to Twofold?{' '}
            <Anchor component={Link} to="/signup">
              Create a workspace
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
