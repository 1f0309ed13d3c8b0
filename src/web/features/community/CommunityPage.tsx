import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBook2, IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CommunityEvent } from '../../../server/features/community/events.contract';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { EventCard } from './EventCard';
import { EventFormModal } from './EventFormModal';
import { PurposeCard } from './PurposeCard';

/** Why we do the work, and the events that bring clients and colleagues together. */
export function CommunityPage() {
  const { apiPath, link } = useWorkspace();
  const [creating, { open, close }] = useDisclosure();
  const upcoming = usePagedList<CommunityEvent>(['events', 'upcoming'], apiPath('/events'), {
    when: 'upcoming',
    limit: 20,
  });
  const past = usePagedList<CommunityEvent>(['events', 'past'], apiPath('/events'), {
    when: 'past',
    limit: 10,
  });

  return (
    <>
      <PageHeader
        title="Community"
        description="Lasting relationships grow from a shared purpose: meet-ups where clients and colleagues learn from each other."
        actions={
          <>
            <Button
              variant="default"
              component={Link}
              to={link('/knowledge')}
              leftSection={<IconBook2 size={16} />}
            >
              Knowledge library
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New event
            </Button>
          </>
        }
      />
      <Stack gap="xl">
        <PurposeCard />
        <section aria-labelledby="upcoming-heading">
          <Title order={3} id="upcoming-heading" mb="sm">
            Upcoming events
          </Title>
          {upcoming.isSuccess && upcoming.items.length === 0 ? (
            <EmptyState
              icon={<IconCalendarEvent />}
              title="Nothing planned yet"
              action={<Button onClick={open}>Plan an event</Button>}
            >
              A breakfast, a cupping, an open studio: invite clients and colleagues to learn from each other.
              Everyone you invite gets a calendar invitation and can say whether they come.
            </EmptyState>
          ) : (
            <Stack gap="sm">
              {upcoming.items.map((e) => (
                <EventCard key={e.id} event={e} />
              ))}
            </Stack>
          )}
          {upcoming.hasNextPage && (
            <Group justify="center" mt="sm">
              <Button
                variant="subtle"
                onClick={() => upcoming.fetchNextPage()}
                loading={upcoming.isFetchingNextPage}
              >
                More upcoming events
              </Button>
            </Group>
          )}
        </section>
        {past.items.length > 0 && (
          <section aria-labelledby="past-heading">
            <Title order={3} id="past-heading" mb={4}>
              Past events
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Write down what happened: the clients who came get an event on their relationship’s timeline.
            </Text>
            <Stack gap="sm">
              {past.items.map((e) => (
                <EventCard key={e.id} event={e} past />
              ))}
            </Stack>
            {past.hasNextPage && (
              <Group justify="center" mt="sm">
                <Button
                  variant="subtle"
                  onClick={() => past.fetchNextPage()}
                  loading={past.isFetchingNextPage}
                >
                  Older events
                </Button>
              </Group>
            )}
          </section>
        )}
      </Stack>
      <EventFormModal key={String(creating)} opened={creating} onClose={close} />
    </>
  );
}
