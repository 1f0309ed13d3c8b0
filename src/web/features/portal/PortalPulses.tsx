import { Alert, Button, Card, Group, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { PortalPulse } from '../../../server/features/portal/portal.contract';
import type { Page } from '../../../server/platform/common.contract';
import { ApiError, get, put } from '../../ui/api';
import { formatDate } from '../../ui/when';
import { Scale } from '../pulses/PulseScale';
import { portalPath } from './portalApi';

// "Open pulses for you": the rounds this contact was sent and has not answered, answered right here. The
// answer uses up the emailed link too. Nothing shows when none is open.

function PulseForm({ pulse }: { pulse: PortalPulse }) {
  const [score, setScore] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<'answering' | 'sending' | 'thanks' | 'gone'>('answering');
  const [gone, setGone] = useState('');
  const scale = pulse.questions.find((q) => q.type === 'scale');
  const text = pulse.questions.find((q) => q.type === 'text');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (score === null) return setErrors({ score: 'Choose a number from 0 to 10' });
    setErrors({});
    setState('sending');
    try {
      await put(portalPath(`/pulses/${pulse.id}/response`), {
        score: Number(score),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setState('thanks');
    } catch (err) {
      if (err instanceof ApiError && err.status === 410) {
        setGone(err.message);
        return setState('gone');
      }
      setErrors(err instanceof ApiError ? err.fieldErrors() : { comment: 'Could not send; try again.' });
      setState('answering');
    }
  }

  if (state === 'thanks' || state === 'gone')
    return (
      <Group gap="sm" wrap="nowrap" role="status">
        <ThemeIcon variant="light" color={state === 'thanks' ? 'teal' : 'gray'} radius="xl">
          <IconCircleCheck size={18} />
        </ThemeIcon>
        <Text>
          <b>{pulse.title}</b>: {state === 'thanks' ? 'thank you, your answer is in.' : gone}
        </Text>
      </Group>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={pulse.title}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={3} size="h4">
            {pulse.title}
          </Title>
          <Text size="sm" c="dimmed">
            Open until {formatDate(pulse.closesOn)}. It takes a minute.
          </Text>
        </Stack>
        {scale && (
          <Scale
            name={`${pulse.id}-score`}
            label={scale.text}
            value={score}
            onChange={setScore}
            error={errors.score}
          />
        )}
        {text && (
          <Textarea
            label={text.text}
            autosize
            minRows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.comment}
          />
        )}
        {Object.keys(errors).length > 0 && (
          <Alert color="red" role="alert">
            Please answer the question marked above.
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={state === 'sending'}>
            Send my answer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PortalPulses() {
  const q = useQuery({
    queryKey: ['portal', 'pulses'],
    queryFn: () => get<Page<PortalPulse>>(portalPath('/pulses?limit=200')),
  });
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="open-pulses">
      <Stack gap="lg">
        <Stack gap={2}>
          <Title order={2} size="h3" id="open-pulses">
            Open pulses
          </Title>
          <Text size="sm" c="dimmed">
            How is the work together going for you? Your answer goes to the team, as it would by the emailed
            link.
          </Text>
        </Stack>
        {q.data.items.map((p) => (
          <PulseForm key={p.id} pulse={p} />
        ))}
      </Stack>
    </Card>
  );
}
