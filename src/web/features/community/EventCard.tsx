import { Anchor, Badge, Card, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CommunityEvent } from '../../../server/features/community/events.contract';
import { useWorkspace } from '../../ui/workspace';
import { audienceInfo, dateTile, eventWhen } from './eventTerms';
import { RsvpButtons } from './RsvpButtons';

/** One event in a list: its date, where, who it is for, how many come, and (upcoming) your answer. */
export function EventCard({ event, past = false }: { event: CommunityEvent; past?: boolean }) {
  const { link } = useWorkspace();
  const tile = dateTile(event.startsAt);
  const audience = audienceInfo[event.audience];
  return (
    <Card withBorder padding="md" component="article" aria-label={event.title}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Paper
          withBorder
          radius="md"
          w={56}
          py={4}
          ta="center"
          style={{ flexShrink: 0 }}
          bg={past ? 'gray.0' : 'indigo.0'}
          aria-hidden
        >
          <Text fw={700} size="lg" lh={1.1}>
            {tile.day}
          </Text>
          <Text size="xs" tt="uppercase" c="dimmed">
            {tile.month}
          </Text>
        </Paper>
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" justify="space-between" wrap="wrap">
            <Anchor component={Link} to={link(`/events/${event.id}`)} fw={600} size="lg">
              {event.title}
            </Anchor>
            <Badge variant="light" color={audience.color}>
              {audience.label}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {eventWhen(event)}
          </Text>
          {event.location && (
            <Group gap={4} wrap="nowrap">
              <IconMapPin size={14} />
              <Text size="sm" truncate>
                {event.location}
              </Text>
            </Group>
          )}
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" c="dimmed">
              {past
                ? `${event.rsvps.yes} came${event.notes ? ' · notes written' : ' · no notes yet'}`
                : `${event.rsvps.yes} going · ${event.rsvps.maybe} maybe${event.rsvps.invited ? ` · ${event.rsvps.invited} not answered` : ''}`}
            </Text>
            {!past && <RsvpButtons event={event} size="xs" />}
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}
