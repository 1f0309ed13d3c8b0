import { Button, Grid, Group, Select, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarEvent, IconListCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DueSummary } from '../../../server/features/check-ins/check-ins.contract';
import { get, qs } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { useWorkspace } from '../../ui/workspace';
import { useMemberOptions, useTeamOptions } from '../relationships/options';
import { AgendaModal } from './AgendaModal';
import { DueList } from './DueList';
import { RoomList } from './RoomList';

/** Every relationship's next partner check-in across the workspace: overdue, this week, later — and where there is room. */
export function CheckInsPage() {
  const { apiPath, isAdmin, link } = useWorkspace();
  const [editing, agenda] = useDisclosure();
  const [teamId, setTeamId] = useState<string | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const teams = useTeamOptions();
  const members = useMemberOptions();
  const filters = { teamId: teamId ?? undefined, ownerId: ownerId ?? undefined };
  const summary = useQuery({
    queryKey: ['check-ins', 'due', 'summary', filters],
    queryFn: () => get<DueSummary>(apiPath(`/check-ins/due/summary${qs(filters)}`)),
  });
  return (
    <>
      <PageHeader
        title="Check-ins"
        description="The partner conversations held outside the current work, on each relationship’s cadence. Nothing slips: what is overdue comes first."
        actions={
          isAdmin && (
            <Button variant="default" leftSection={<IconListCheck size={16} />} onClick={agenda.open}>
              Edit agenda
            </Button>
          )
        }
      />
      {summary.isSuccess &&
      !teamId &&
      !ownerId &&
      summary.data.overdue + summary.data.thisWeek + summary.data.later === 0 ? (
        <EmptyState
          icon={<IconCalendarEvent />}
          title="No active relationship yet"
          action={
            <Button component={Link} to={link('/relationships')}>
              Go to relationships
            </Button>
          }
        >
          Check-ins follow each relationship’s cadence. Create a relationship and say how often you want to
          talk; its first check-in shows up here, with a reminder before it is due.
        </EmptyState>
      ) : (
        <Stack gap="lg">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label="Team"
              placeholder="Every team"
              data={teams.options}
              value={teamId}
              onChange={setTeamId}
              clearable
              w={200}
            />
            <Select
              label="Partner lead"
              placeholder="Everyone"
              data={members.options}
              value={ownerId}
              onChange={setOwnerId}
              clearable
              w={200}
            />
          </Group>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="lg">
                <DueList bucket="overdue" count={summary.data?.overdue} filters={filters} />
                <DueList bucket="this_week" count={summary.data?.thisWeek} filters={filters} />
                <DueList bucket="later" count={summary.data?.later} filters={filters} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <RoomList />
            </Grid.Col>
          </Grid>
        </Stack>
      )}
      <AgendaModal opened={editing} onClose={agenda.close} />
    </>
  );
}
