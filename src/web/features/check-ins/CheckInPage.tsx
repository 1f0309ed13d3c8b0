import { Alert, Anchor, Breadcrumbs, Button, Grid, Group, Menu, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import {
  IconArrowsExchange,
  IconCalendarDown,
  IconCheck,
  IconChevronDown,
  IconPlayerSkipForward,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CheckIn } from '../../../server/features/check-ins/check-ins.contract';
import { del, get } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { formatDateTime } from '../relationships/terms';
import { CheckInActions } from './CheckInActions';
import { CheckInStatusBadge } from './CheckInBadges';
import { CheckInStatusModal, refreshCheckIn, type StatusAction } from './CheckInStatusModal';
import { ContextSide } from './ContextSide';
import { FurtherTopics } from './FurtherTopics';

export function CheckInPage() {
  const { relationshipId = '', checkInId = '' } = useParams();
  const { apiPath } = useWorkspace();
  const checkIn = useQuery({
    queryKey: ['relationship', relationshipId, 'check-in', checkInId],
    queryFn: () => get<CheckIn>(apiPath(`/relationships/${relationshipId}/check-ins/${checkInId}`)),
  });
  return <QueryState query={checkIn}>{(c) => <CheckInView c={c} />}</QueryState>;
}

function CheckInView({ c }: { c: CheckIn }) {
  const { apiPath, link } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [action, setAction] = useState<StatusAction | null>(null);
  const relationshipLink = link(`/relationships/${c.relationshipId}`);
  const icsUrl = apiPath(`/relationships/${c.relationshipId}/check-ins/${c.id}/invite.ics`);
  const scheduled = c.status === 'scheduled';

  const confirmCancel = () =>
    modals.openConfirmModal({
      title: 'Cancel this check-in?',
      children: (
        <Text size="sm">
          {new Date(c.scheduledFor) > new Date()
            ? 'Everyone invited gets a cancellation, and it leaves their calendars.'
            : 'It leaves the list of check-ins.'}
        </Text>
      ),
      labels: { confirm: 'Cancel check-in', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(apiPath(`/relationships/${c.relationshipId}/check-ins/${c.id}`));
          await refreshCheckIn(qc, c.relationshipId);
          notifySaved('Check-in cancelled');
          navigate(relationshipLink);
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs>
            <Anchor component={Link} to={link('/check-ins')}>
              Check-ins
            </Anchor>
            <Anchor component={Link} to={relationshipLink}>
              {c.relationship.client.name} — {c.relationship.team.name}
            </Anchor>
            <Text>{formatDateTime(c.scheduledFor)}</Text>
          </Breadcrumbs>
        }
        title={`Check-in with ${c.relationship.client.name}`}
        description={
          <Group gap="xs" component="span">
            <CheckInStatusBadge status={c.status} />
            <Text span c="dimmed">
              {c.status === 'held' && c.heldAt
                ? `Held ${formatDateTime(c.heldAt)}`
                : `${formatDateTime(c.scheduledFor)} · ${c.durationMinutes} minutes`}
            </Text>
          </Group>
        }
        actions={
          <>
            {scheduled && (
              <Button leftSection={<IconCheck size={16} />} onClick={() => setAction('held')}>
                Mark held
              </Button>
            )}
            <Button
              component="a"
              href={icsUrl}
              download
              variant="default"
              leftSection={<IconCalendarDown size={16} />}
            >
              Download invite (.ics)
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={14} />}>
                  More
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {scheduled && (
                  <Menu.Item leftSection={<IconArrowsExchange size={14} />} onClick={() => setAction('move')}>
                    Move to another date
                  </Menu.Item>
                )}
                {scheduled && (
                  <Menu.Item
                    leftSection={<IconPlayerSkipForward size={14} />}
                    onClick={() => setAction('skipped')}
                  >
                    Skip, with a reason
                  </Menu.Item>
                )}
                {c.status !== 'held' && (
                  <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={confirmCancel}>
                    Cancel check-in
                  </Menu.Item>
                )}
                {c.status === 'held' && <Menu.Item disabled>A held check-in stays in the history</Menu.Item>}
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <Stack gap="lg">
        {c.notes && (
          <Alert
            color={c.status === 'skipped' ? 'gray' : 'teal'}
            title={c.status === 'skipped' ? 'Why it was skipped' : 'Notes'}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.notes}
            </Text>
          </Alert>
        )}
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ContextSide key={`provider-${c.context.provider?.updatedAt}`} checkIn={c} side="provider" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ContextSide key={`client-${c.context.client?.updatedAt}`} checkIn={c} side="client" />
          </Grid.Col>
        </Grid>
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <FurtherTopics checkIn={c} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <CheckInActions checkIn={c} />
          </Grid.Col>
        </Grid>
        <Text size="xs" c="dimmed">
          Invited: {c.attendees.map((a) => a.name).join(', ')}
        </Text>
      </Stack>
      <CheckInStatusModal
        key={`${action}-${c.updatedAt}`}
        checkIn={c}
        action={action}
        onClose={() => setAction(null)}
      />
    </>
  );
}
