import { Badge, Card, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconCalendarEvent, IconMapPin } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type {
  PortalCheckIn,
  PortalEvent,
  PortalKnowledge,
  PortalRelationshipDetail,
  PortalTopic,
  PortalTouchpoint,
} from '../../../server/features/portal/portal.contract';
import { EmptyState } from '../../ui/EmptyState';
import { formatDate, formatDateTime } from '../../ui/when';
import { partOrder } from '../check-ins/checkInTerms';
import { Markdown } from '../knowledge/Markdown';
import { stageInfo, stageOrder } from '../relationships/terms';
import { topicStatusInfo } from '../topics/topicTerms';
import { kindInfo } from '../touchpoints/touchpointTerms';

// What a client contact sees, as plain views of the portal's own responses. The portal pages add the
// forms and buttons; the member's "view as client" preview shows these same views, read-only.

/** The shared ambition and the stage, told as a journey with its steps so far. */
export function JourneyView({ r }: { r: PortalRelationshipDetail }) {
  const reached = stageOrder.indexOf(r.stage);
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
          Our shared ambition
        </Text>
        <Text size="lg" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {r.ambition || 'Not written down yet — bring it up in the next check-in.'}
        </Text>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          The journey together
        </Title>
        <Group gap="xs" mb="md" wrap="wrap">
          {stageOrder.map((s, i) => (
            <Badge
              key={s}
              color={i <= reached ? stageInfo[s].color : 'gray'}
              variant={s === r.stage ? 'filled' : 'light'}
            >
              {stageInfo[s].label}
            </Badge>
          ))}
        </Group>
        <Text size="sm" mb="sm">
          Now: <strong>{stageInfo[r.stage].label}</strong> — {stageInfo[r.stage].meaning}
        </Text>
        <Timeline active={r.journey.length - 1} bulletSize={14} lineWidth={2}>
          {r.journey.map((j) => (
            <Timeline.Item key={j.since} title={stageInfo[j.stage].label}>
              <Text size="xs" c="dimmed">
                since {formatDate(j.since)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>
    </Stack>
  );
}

/** A check-in with the client's side of its context, or a form to fill it (`form`). */
export function CheckInCard({ c, form }: { c: PortalCheckIn; form?: ReactNode }) {
  const ctx = c.clientContext;
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>{formatDateTime(c.scheduledFor)}</Text>
        <Badge
          variant="light"
          color={c.status === 'held' ? 'teal' : c.status === 'skipped' ? 'gray' : 'blue'}
        >
          {c.status === 'scheduled' ? 'Upcoming' : c.status === 'held' ? 'Held' : 'Skipped'}
        </Badge>
      </Group>
      {form ??
        (ctx ? (
          <Stack gap={6} mt="sm">
            {partOrder.map((p) => (
              <div key={p}>
                <Text size="sm" fw={500}>
                  {c.agenda[p].title}
                </Text>
                <Text size="sm" c={ctx[p] ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                  {ctx[p] || '—'}
                </Text>
              </div>
            ))}
            <Text size="xs" c="dimmed">
              Shared by {ctx.filledBy.name}, {formatDateTime(ctx.updatedAt)}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" mt="xs">
            Your side of the context is not filled in yet.
          </Text>
        ))}
    </Card>
  );
}

export function TopicSummary({ t, actions }: { t: PortalTopic; actions?: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600}>{t.title}</Text>
          {t.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {t.description}
            </Text>
          )}
          <Group gap="xs">
            <Badge variant="light" color={topicStatusInfo[t.status].color}>
              {topicStatusInfo[t.status].label}
            </Badge>
            <Text size="xs" c="dimmed">
              raised by {t.raisedBy === 'client' ? 'you' : 'the provider'} · {t.author.name} · {t.voteCount}{' '}
              vote{t.voteCount === 1 ? '' : 's'} · {t.commentCount} comment
              {t.commentCount === 1 ? '' : 's'}
            </Text>
          </Group>
        </Stack>
        {actions}
      </Group>
    </Card>
  );
}

export function TouchpointList({ items }: { items: PortalTouchpoint[] }) {
  if (items.length === 0)
    return (
      <EmptyState icon={<IconCalendarEvent />} title="Nothing shared yet">
        Meetings, deliveries and visits the provider shares with you appear here.
      </EmptyState>
    );
  return (
    <Timeline bulletSize={22} lineWidth={2}>
      {items.map((tp) => {
        const Icon = kindInfo[tp.kind].icon;
        return (
          <Timeline.Item key={tp.id} bullet={<Icon size={12} />} title={kindInfo[tp.kind].label}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {tp.summary}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDate(tp.occurredAt)} ·{' '}
              {tp.initiatedBy === 'client' ? 'your initiative' : 'their initiative'}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

export function EventCard({ e, actions }: { e: PortalEvent; actions?: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{e.title}</Text>
          <Badge variant="light">{e.audience === 'community' ? 'Community' : 'For clients'}</Badge>
        </Group>
        <Text size="sm">
          {formatDateTime(e.startsAt)} – {formatDateTime(e.endsAt)}
        </Text>
        {e.location && (
          <Group gap={4}>
            <IconMapPin size={14} aria-hidden />
            <Text size="sm">{e.location}</Text>
          </Group>
        )}
        {e.description && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {e.description}
          </Text>
        )}
        {actions}
      </Stack>
    </Card>
  );
}

export function KnowledgeList({ items }: { items: PortalKnowledge[] }) {
  if (items.length === 0)
    return (
      <EmptyState icon={<IconCalendarEvent />} title="No shared knowledge yet">
        Articles and learnings the provider shares with its clients appear here.
      </EmptyState>
    );
  return (
    <Stack gap="md">
      {items.map((k) => (
        <Card withBorder padding="md" key={k.id} component="article">
          <Title order={4}>{k.title}</Title>
          <Group gap={4} my={4}>
            {k.tags.map((tag) => (
              <Badge key={tag} variant="outline" size="sm">
                #{tag}
              </Badge>
            ))}
          </Group>
          <Markdown source={k.body} />
        </Card>
      ))}
    </Stack>
  );
}
