import {
  Button,
  Collapse,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMessage, IconThumbUp } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  PortalCheckIn,
  PortalComment,
  PortalEvent,
  PortalTopic,
} from '../../../server/features/portal/portal.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, post, put } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { notifySaved, showApiError } from '../../ui/forms';
import { QueryState } from '../../ui/QueryState';
import { formatDateTime } from '../../ui/when';
import { partOrder } from '../check-ins/checkInTerms';
import { CheckInCard, EventCard, TopicSummary } from './PortalViews';
import { relPath } from './portalApi';

// The interactive parts of a relationship in the portal: the client's side of check-ins, the topic
// backlog (propose, vote, comment) and event RSVPs.

export function ClientContextForm({ relationshipId, c }: { relationshipId: string; c: PortalCheckIn }) {
  const qc = useQueryClient();
  const ctx = c.clientContext;
  const form = useForm({
    initialValues: {
      businessUpdate: ctx?.businessUpdate ?? '',
      unusedCapacity: ctx?.unusedCapacity ?? '',
      furtherTopics: ctx?.furtherTopics ?? '',
      waysOfWorking: ctx?.waysOfWorking ?? '',
    },
  });
  return (
    <form
      aria-label={`Your side for the check-in on ${formatDateTime(c.scheduledFor)}`}
      onSubmit={form.onSubmit(async (values) => {
        try {
          await put(relPath(relationshipId, `/check-ins/${c.id}/context/client`), values);
          form.resetDirty(values);
          await qc.invalidateQueries({ queryKey: ['portal', relationshipId, 'check-ins'] });
          notifySaved('Your side is shared with the team');
        } catch (err) {
          showApiError(err, form.setErrors);
        }
      })}
    >
      <Stack gap="sm" mt="sm">
        {partOrder.map((p) => (
          <Textarea
            key={p}
            label={c.agenda[p].title}
            description={c.agenda[p].questions.join(' ')}
            autosize
            minRows={2}
            {...form.getInputProps(p)}
          />
        ))}
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            {ctx ? `Last shared by ${ctx.filledBy.name}, ${formatDateTime(ctx.updatedAt)}` : 'Not shared yet'}
          </Text>
          <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
            Share your side
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PortalCheckIns({ relationshipId }: { relationshipId: string }) {
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const list = useQuery({
    queryKey: ['portal', relationshipId, 'check-ins', when],
    queryFn: () => get<Page<PortalCheckIn>>(relPath(relationshipId, `/check-ins?when=${when}&limit=20`)),
  });
  return (
    <Stack>
      <SegmentedControl
        aria-label="Which check-ins"
        value={when}
        onChange={(v) => setWhen(v as 'upcoming' | 'past')}
        data={[
          { value: 'upcoming', label: 'Upcoming' },
          { value: 'past', label: 'Past' },
        ]}
        w="fit-content"
      />
      <QueryState query={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">
              {when === 'upcoming' ? 'No check-in is planned yet.' : 'No check-in has taken place yet.'}
            </Text>
          ) : (
            page.items.map((c) => (
              <CheckInCard
                key={c.id}
                c={c}
                form={<ClientContextForm relationshipId={relationshipId} c={c} />}
              />
            ))
          )
        }
      </QueryState>
    </Stack>
  );
}

function Comments({ relationshipId, topic }: { relationshipId: string; topic: PortalTopic }) {
  const qc = useQueryClient();
  const key = ['portal', relationshipId, 'comments', topic.id];
  const list = useQuery({
    queryKey: key,
    queryFn: () =>
      get<Page<PortalComment>>(relPath(relationshipId, `/topics/${topic.id}/comments?limit=200`)),
  });
  const form = useForm({ initialValues: { body: '' } });
  return (
    <Stack gap="xs" pl="md" mt="xs">
      <QueryState query={list}>
        {(page) =>
          page.items.map((c) => (
            <Text size="sm" key={c.id}>
              <strong>{c.author.name}</strong>{' '}
              <Text span size="xs" c="dimmed">
                ({c.author.side === 'client' ? 'your side' : 'provider'}, {formatDateTime(c.createdAt)})
              </Text>
              <br />
              {c.body}
            </Text>
          ))
        }
      </QueryState>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            await post(relPath(relationshipId, `/topics/${topic.id}/comments`), values);
            form.reset();
            await qc.invalidateQueries({ queryKey: key });
            await qc.invalidateQueries({ queryKey: ['portal', relationshipId, 'topics'] });
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            aria-label={`Comment on ${topic.title}`}
            placeholder="Add a comment"
            style={{ flex: 1 }}
            {...form.getInputProps('body')}
          />
          <Button type="submit" variant="light" loading={form.submitting}>
            Comment
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

function TopicItem({ relationshipId, t }: { relationshipId: string; t: PortalTopic }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const vote = async () => {
    try {
      await post(relPath(relationshipId, `/topics/${t.id}/votes`));
      await qc.invalidateQueries({ queryKey: ['portal', relationshipId, 'topics'] });
    } catch (err) {
      showApiError(err);
    }
  };
  return (
    <div>
      <TopicSummary
        t={t}
        actions={
          <Stack gap={4} align="flex-end">
            <Button
              size="xs"
              variant={t.votedByMe ? 'filled' : 'light'}
              leftSection={<IconThumbUp size={14} />}
              onClick={vote}
              disabled={t.votedByMe}
              aria-label={t.votedByMe ? `You voted for ${t.title}` : `Vote for ${t.title}`}
            >
              {t.voteCount}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconMessage size={14} />}
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              aria-label={`Comments on ${t.title}`}
            >
              {t.commentCount}
            </Button>
          </Stack>
        }
      />
      <Collapse expanded={open}>{open && <Comments relationshipId={relationshipId} topic={t} />}</Collapse>
    </div>
  );
}

export function PortalTopics({ relationshipId }: { relationshipId: string }) {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['portal', relationshipId, 'topics'],
    queryFn: () => get<Page<PortalTopic>>(relPath(relationshipId, '/topics?limit=100')),
  });
  const form = useForm({
    initialValues: { title: '', description: '' },
    validate: { title: (v) => (v.trim() ? null : 'Give the topic a title') },
  });
  return (
    <Stack>
      <form
        aria-labelledby="propose-topic"
        onSubmit={form.onSubmit(async (values) => {
          try {
            await post(relPath(relationshipId, '/topics'), { ...values, raisedBy: 'client' });
            form.reset();
            await qc.invalidateQueries({ queryKey: ['portal', relationshipId, 'topics'] });
            notifySaved('Topic proposed — the team sees it now');
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack gap="xs">
          <Title order={4} id="propose-topic">
            Propose a topic
          </Title>
          <TextInput
            label="Title"
            placeholder="An idea, a need, an opportunity"
            {...form.getInputProps('title')}
          />
          <Textarea
            label="Why it matters (optional)"
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              Propose topic
            </Button>
          </Group>
        </Stack>
      </form>
      <QueryState query={list}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState icon={<IconThumbUp />} title="The backlog is empty">
              Propose the first topic above: something you would like to explore together.
            </EmptyState>
          ) : (
            page.items.map((t) => <TopicItem key={t.id} relationshipId={relationshipId} t={t} />)
          )
        }
      </QueryState>
    </Stack>
  );
}

export function PortalEvents({ relationshipId }: { relationshipId: string }) {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['portal', relationshipId, 'events'],
    queryFn: () => get<Page<PortalEvent>>(relPath(relationshipId, '/events?when=upcoming&limit=50')),
  });
  const answer = async (e: PortalEvent, response: string) => {
    try {
      await post(relPath(relationshipId, `/events/${e.id}/rsvps`), { response });
      await qc.invalidateQueries({ queryKey: ['portal', relationshipId, 'events'] });
      notifySaved('Your answer is saved');
    } catch (err) {
      showApiError(err);
    }
  };
  return (
    <QueryState query={list}>
      {(page) =>
        page.items.length === 0 ? (
          <Text c="dimmed">No upcoming event is open to clients right now.</Text>
        ) : (
          <Stack>
            {page.items.map((e) => (
              <EventCard
                key={e.id}
                e={e}
                actions={
                  <SegmentedControl
                    mt="xs"
                    aria-label={`Will you come to ${e.title}?`}
                    value={e.myResponse ?? ''}
                    onChange={(v) => answer(e, v)}
                    data={[
                      { value: 'yes', label: 'Going' },
                      { value: 'maybe', label: 'Maybe' },
                      { value: 'no', label: 'Not going' },
                    ]}
                  />
                }
              />
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}
