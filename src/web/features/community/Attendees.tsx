import { Anchor, Badge, Group, Menu, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type {
  Attendee,
  CommunityEvent,
  RsvpResponse,
} from '../../../server/features/community/events.contract';
import { post } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { showApiError } from '../../ui/forms';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { responseInfo } from './eventTerms';

const order: Array<RsvpResponse | 'invited'> = ['yes', 'maybe', 'invited', 'no'];
const heading = { yes: 'Going', maybe: 'Maybe', invited: 'Invited, no answer yet', no: 'Not going' } as const;

/** Who comes: members and client contacts, by their answer. A contact's answer can be recorded here. */
export function Attendees({ event, onInvite }: { event: CommunityEvent; onInvite: () => void }) {
  const { apiPath } = useWorkspace();
  const list = usePagedList<Attendee>(['event-rsvps', event.id], apiPath(`/events/${event.id}/rsvps`), {
    limit: 200,
  });
  const groups = order
    .map((key) => ({ key, people: list.items.filter((a) => (a.response ?? 'invited') === key) }))
    .filter((g) => g.people.length > 0);

  return (
    <section aria-labelledby="attendees-heading">
      <Title order={3} id="attendees-heading" mb="sm">
        Who comes
      </Title>
      {list.isSuccess && list.items.length === 0 ? (
        <EmptyState
          icon={<IconUsers />}
          title="Nobody has answered yet"
          action={
            <Anchor component="button" type="button" onClick={onInvite}>
              Invite colleagues and clients
            </Anchor>
          }
        >
          Say whether you come above, and invite people: each gets an email with a calendar invitation.
        </EmptyState>
      ) : (
        <Stack gap="md">
          {groups.map((g) => (
            <Stack key={g.key} gap={6}>
              <Text size="sm" fw={600}>
                {heading[g.key]} · {g.people.length}
              </Text>
              <Paper withBorder radius="md">
                {g.people.map((a, i) => (
                  <AttendeeRow key={a.id} event={event} attendee={a} first={i === 0} />
                ))}
              </Paper>
            </Stack>
          ))}
        </Stack>
      )}
    </section>
  );
}

function AttendeeRow({
  event,
  attendee: a,
  first,
}: {
  event: CommunityEvent;
  attendee: Attendee;
  first: boolean;
}) {
  const { apiPath, link } = useWorkspace();
  const qc = useQueryClient();
  const record = async (response: RsvpResponse) => {
    try {
      await post(apiPath(`/events/${event.id}/rsvps`), { response, contactId: a.personId });
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['event-rsvps', event.id] }),
        qc.invalidateQueries({ queryKey: ['event', event.id] }),
        qc.invalidateQueries({ queryKey: ['events'] }),
      ]);
    } catch (err) {
      showApiError(err);
    }
  };
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      px="md"
      py="xs"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {a.name}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {a.kind === 'contact' && a.client ? (
            <>
              <Anchor component={Link} to={link(`/clients/${a.client.id}`)} size="xs">
                {a.client.name}
              </Anchor>{' '}
              · {a.email}
            </>
          ) : (
            `Colleague · ${a.email}`
          )}
        </Text>
      </Stack>
      {a.kind === 'contact' ? (
        <Menu position="bottom-end">
          <Menu.Target>
            <UnstyledButton aria-label={`Record the answer of ${a.name}`} style={{ flexShrink: 0 }}>
              <Badge
                variant="light"
                color={a.response ? responseInfo[a.response].color : 'gray'}
                rightSection={<IconChevronDown size={12} />}
              >
                {a.response ? responseInfo[a.response].label : 'No answer'}
              </Badge>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>They told you…</Menu.Label>
            {(['yes', 'maybe', 'no'] as const).map((r) => (
              <Menu.Item key={r} onClick={() => record(r)}>
                {responseInfo[r].label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ) : (
        a.response && (
          <Badge variant="light" color={responseInfo[a.response].color} style={{ flexShrink: 0 }}>
            {responseInfo[a.response].label}
          </Badge>
        )
      )}
    </Group>
  );
}
