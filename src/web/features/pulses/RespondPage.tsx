import {
  Alert,
  Box,
  Button,
  Center,
  Container,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconClockOff, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import type { PulseQuestions } from '../../../server/features/pulses/pulses.contract';
import { ApiError, get, put } from '../../ui/api';
import { formatDate } from '../../ui/when';
import { Scale } from './PulseScale';

// The page a pulse recipient opens from their email: public, no account, phone first. One screen, the
// questions as native radio groups (arrow keys move within a group), then a thank-you.

function Frame(props: { children: ReactNode }) {
  return (
    <Box bg="gray.0" mih="100vh" py={{ base: 'md', sm: 'xl' }}>
      <Container size={560} px="sm">
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} component="main">
          {props.children}
        </Paper>
      </Container>
    </Box>
  );
}

function Gone(props: { title: string; children: ReactNode; icon: ReactNode }) {
  return (
    <Frame>
      <Stack align="center" ta="center" gap="sm" py="lg">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          {props.icon}
        </ThemeIcon>
        <Title order={1} size="h2">
          {props.title}
        </Title>
        <Text c="dimmed">{props.children}</Text>
      </Stack>
    </Frame>
  );
}

export function RespondPage() {
  const { token = '' } = useParams();
  const path = `/api/v1/pulse-responses/${encodeURIComponent(token)}`;
  const q = useQuery({
    queryKey: ['pulse-response', token],
    queryFn: () => get<PulseQuestions>(path),
    retry: false,
  });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<'answering' | 'sending' | 'thanks' | 'gone'>('answering');
  const [goneReason, setGoneReason] = useState<string | null>(null);

  if (state === 'thanks')
    return (
      <Gone title="Thank you" icon={<IconCircleCheck size={30} />}>
        Your answer is in. {q.data?.anonymous ? 'It is anonymous: it counts only as part of the group.' : ''}{' '}
        You can close this page.
      </Gone>
    );
  if (q.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (state === 'gone' || (q.isError && q.error instanceof ApiError && q.error.status === 410))
    return (
      <Gone title="This link no longer works" icon={<IconClockOff size={30} />}>
        {goneReason ?? (q.error instanceof ApiError ? q.error.message : 'The round has closed.')} Each link
        works once, until the round’s closing day.
      </Gone>
    );
  if (q.isError)
    return (
      <Gone title="This link is not valid" icon={<IconLock size={30} />}>
        Check that the whole link from the email was opened. If it still does not work, ask the person who
        sent it.
      </Gone>
    );

  const data = q.data;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing = Object.fromEntries(
      data.questions
        .filter((x) => x.type === 'scale' && x.required && !answers[x.key])
        .map((x) => [x.key, 'Choose a number from 0 to 10']),
    );
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setState('sending');
    try {
      await put(path, {
        score: Number(answers.score),
        ...(answers.secondScore ? { secondScore: Number(answers.secondScore) } : {}),
        ...(answers.comment?.trim() ? { comment: answers.comment.trim() } : {}),
      });
      setState('thanks');
    } catch (err) {
      if (err instanceof ApiError && err.status === 410) {
        setGoneReason(err.message);
        return setState('gone');
      }
      setErrors(err instanceof ApiError ? err.fieldErrors() : { comment: 'Could not send; try again.' });
      setState('answering');
    }
  }

  return (
    <Frame>
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {data.askedBy} asks
            </Text>
            <Title order={1} size="h2">
              {data.title}
            </Title>
            <Text size="sm" c="dimmed">
              Open until {formatDate(data.closesOn)}.{' '}
              {data.anonymous
                ? 'Anonymous: results are shown only as a group of at least three, never linked to you.'
                : 'It takes a minute.'}
            </Text>
          </Stack>
          {data.questions.map((x) =>
            x.type === 'scale' ? (
              <Scale
                key={x.key}
                name={x.key}
                label={x.text}
                value={answers[x.key] ?? null}
                onChange={(v) => setAnswers((a) => ({ ...a, [x.key]: v }))}
                error={errors[x.key]}
              />
            ) : (
              <Textarea
                key={x.key}
                label={x.text}
                autosize
                minRows={3}
                maxLength={2000}
                value={answers[x.key] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setAnswers((a) => ({ ...a, [x.key]: value }));
                }}
                error={errors[x.key]}
                styles={{ label: { fontSize: 'var(--mantine-font-size-md)' } }}
              />
            ),
          )}
          {Object.keys(errors).length > 0 && (
            <Alert color="red" role="alert">
              Please answer the questions marked above.
            </Alert>
          )}
          <Group>
            <Button type="submit" size="md" loading={state === 'sending'} fullWidth>
              Send my answer
            </Button>
          </Group>
        </Stack>
      </form>
    </Frame>
  );
}
