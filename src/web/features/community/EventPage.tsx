import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconCalendarDown, IconMail, IconMapPin, IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { CommunityEvent } from '../../../server/features/community/events.contract';
import { del, get } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useMe, useWorkspace } from '../../ui/workspace';
import { Attendees } from './Attendees';
import { EventFormModal } from './EventFormModal';
import { EventNotes } from './EventNotes';
import { audienceInfo, eventWhen } from './eventTerms';
import { InviteModal } from './InviteModal';
import { RsvpButtons } from './RsvpButtons';

export function EventPage() {
  const { eventId = '' } = useParams();
  const { apiPath, link, isAdmin } = useWorkspace();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, editingHandlers] = useDisclosure();
  const [inviting, invitingHandlers] = useDisclosure();
  const event = useQuery({
    queryKey: ['event', eventId],
    queryFn: () => get<CommunityEvent>(apiPath(`/events/${eventId}`)),
  });

  const remove = (e: CommunityEvent) =>
    modals.openConfirmModal({
      title: `Delete “${e.title}”?`,
      children: (
        <Text size="sm">
          Its invitations and answers are deleted with it. Invitations already sent stay in people’s
          calendars.
        </Text>
      ),
      labels: { confirm: 'Delete event', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(apiPath(`/events/${e.id}`));
          await qc.invalidateQueries({ queryKey: ['events'] });
          navigate(link('/community'));
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <QueryState query={event}>
      {(e) => {
        const audience = audienceInfo[e.audience];
        const ended = new Date(e.endsAt).getTime() < Date.now();
        const mayDelete = isAdmin || e.createdBy?.id === me.data?.user.id;
        return (
          <>
            <PageHeader
              above={
                <Breadcrumbs>
                  <Anchor component={Link} to={link('/community')}>
                    Community
                  </Anchor>
                  <Text>{e.title}</Text>
                </Breadcrumbs>
              }
              title={e.title}
              description={eventWhen(e)}
              actions={
                <>
                  <Button
                    variant="default"
                    component="a"
                    href={apiPath(`/events/${e.id}/invite.ics`)}
                    download="event.ics"
                    leftSection={<IconCalendarDown size={16} />}
                  >
                    Add to calendar (.ics)
                  </Button>
                  {!ended && (
                    <Button
                      variant="default"
                      leftSection={<IconMail size={16} />}
                      onClick={invitingHandlers.open}
                    >
                      Invite
                    </Button>
                  )}
                  <Button
                    variant="default"
                    leftSection={<IconPencil size={16} />}
                    onClick={editingHandlers.open}
                  >
                    Edit
                  </Button>
                  {mayDelete && (
                    <Button variant="subtle" color="red" onClick={() => remove(e)}>
                      Delete
                    </Button>
                  )}
                </>
              }
            />
            <Grid gap="xl">
              <Grid.Col span={{ base: 12, md: 7 }}>
                <Stack gap="xl">
                  <Paper withBorder p="md" radius="md">
                    <Stack gap="sm">
                      <Group gap="xs">
                        <Badge variant="light" color={audience.color}>
                          {audience.label}
                        </Badge>
                        <Text size="sm" c="dimmed">
                          {audience.hint}
                        </Text>
                      </Group>
                      {e.location && (
                        <Group gap={6} wrap="nowrap">
                          <IconMapPin size={16} />
                          <Text size="sm">{e.location}</Text>
                        </Group>
                      )}
                      {e.description && <Text style={{ whiteSpace: 'pre-line' }}>{e.description}</Text>}
                      {e.createdBy && (
                        <Text size="xs" c="dimmed">
                          Organised by {e.createdBy.name}
                        </Text>
                      )}
                    </Stack>
                  </Paper>
                  {!ended && (
                    <Stack gap="xs">
                      <Text fw={600}>Are you coming?</Text>
                      <RsvpButtons event={e} />
                    </Stack>
                  )}
                  <EventNotes key={e.updatedAt} event={e} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Attendees event={e} onInvite={invitingHandlers.open} />
              </Grid.Col>
            </Grid>
            <EventFormModal
              key={`edit-${e.updatedAt}-${editing}`}
              opened={editing}
              onClose={editingHandlers.close}
              event={e}
            />
            <InviteModal
              key={`invite-${inviting}`}
              opened={inviting}
              onClose={invitingHandlers.close}
              event={e}
            />
          </>
        );
      }}
    </QueryState>
  );
}
