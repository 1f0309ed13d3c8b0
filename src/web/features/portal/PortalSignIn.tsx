import { Alert, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { portalPath } from './portalApi';

/** "Enter your email": the same answer for every address, so the page reveals nobody. */
export function PortalSignIn() {
  const [params] = useSearchParams();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter your email address') },
  });
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <Title order={1} size="h2">
            Your shared space
          </Title>
          {params.get('link') === 'expired' && !sentTo && (
            <Alert color="yellow" title="That link has expired or was used already">
              Links work once, for 15 minutes. Ask for a fresh one below.
            </Alert>
          )}
          {sentTo ? (
            <Alert color="teal" icon={<IconMailCheck />} title="Check your inbox">
              If {sentTo} has access to a client portal, a sign-in link is on its way. It works once, for 15
              minutes.
            </Alert>
          ) : (
            <form
              onSubmit={form.onSubmit(async ({ email }) => {
                try {
                  await post(portalPath('/magic-link'), { email: email.trim() });
                  setSentTo(email.trim());
                } catch (err) {
                  showApiError(err, form.setErrors);
                }
              })}
            >
              <Stack>
                <Text size="sm" c="dimmed">
                  Enter the email address your provider knows you by. We will email you a link to sign in — no
                  password needed.
                </Text>
                <TextInput
                  label="Email"
                  type="email"
                  autoComplete="email"
                  required
                  {...form.getInputProps('email')}
                />
                <Button type="submit" loading={form.submitting}>
                  Email me a sign-in link
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
