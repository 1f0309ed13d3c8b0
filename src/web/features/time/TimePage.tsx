import { Button, CloseButton, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { TimeSummary } from '../../../server/features/time/time.contract';
import { get, qs } from '../../ui/api';
import { PageHeader } from '../../ui/PageHeader';
import { useMe, useWorkspace } from '../../ui/workspace';
import { useMemberOptions, useTeamOptions } from '../relationships/options';
import { formatDate } from '../relationships/terms';
import { TeamTimeView } from './TeamTimeView';
import { TimeEntriesTable, type TimeFilter } from './TimeEntriesTable';
import { TimeEntryModal } from './TimeEntryModal';
import { formatHours, kindInfo, kindOrder } from './timeTerms';
import { WeekGrid } from './WeekGrid';

const views = ['week', 'team', 'entries'] as const;
type View = (typeof views)[number];
const filterKeys = ['memberId', 'teamId', 'relationshipId', 'from', 'to', 'kind'] as const;

/** Time: a member's week grid, a team's split by kind over time, and any selection of entries (with CSV). */
export function TimePage() {
  const me = useMe();
  const { isAdmin } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const [logging, log] = useDisclosure();
  const view = (views as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as View)
    : 'week';
  const memberId = params.get('member') ?? me.data?.user.id ?? '';
  const members = useMemberOptions(isAdmin);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const filter: TimeFilter = Object.fromEntries(
    filterKeys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  );

  return (
    <>
      <PageHeader
        title="Time"
        description="Hours by kind — billable, partnership, learning, internal — so the time made for partnering is seen beside the billable work."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={log.open}>
            Log time
          </Button>
        }
      />
      <Tabs value={view} onChange={(v) => set({ view: v === 'week' ? null : v })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="week">Week</Tabs.Tab>
          <Tabs.Tab value="team">Team view</Tabs.Tab>
          <Tabs.Tab value="entries">Entries</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="week">
          <Stack gap="sm">
            {isAdmin && (
              <Select
                label="Member"
                data={members.options}
                value={memberId}
                onChange={(v) => set({ member: v === me.data?.user.id ? null : v })}
                allowDeselect={false}
                searchable
                w={260}
              />
            )}
            {memberId && <WeekGrid key={memberId} memberId={memberId} readOnly={false} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="team">
          <TeamTimeView teamId={params.get('teamId')} onTeam={(v) => set({ teamId: v })} />
        </Tabs.Panel>
        <Tabs.Panel value="entries">
          <EntriesView filter={filter} onClear={(k) => set({ [k]: null })} />
        </Tabs.Panel>
      </Tabs>
      <TimeEntryModal key={`log-${logging}`} opened={logging} onClose={log.close} />
    </>
  );
}

/** A selection of entries (as the balance links to it): the filters in words, the totals by kind, the list. */
function EntriesView({ filter, onClear }: { filter: TimeFilter; onClear: (key: string) => void }) {
  const { apiPath } = useWorkspace();
  const teams = useTeamOptions();
  const members = useMemberOptions();
  const summary = useQuery({
    queryKey: ['time', 'summary', 'entries', filter],
    queryFn: () =>
      get<TimeSummary>(
        apiPath(`/time-entries/summary${qs({ ...filter, kind: undefined, groupBy: 'month' })}`),
      ),
  });
  const words: Record<string, (v: string) => string> = {
    teamId: (v) => `Team: ${teams.options.find((t) => t.value === v)?.label ?? '…'}`,
    memberId: (v) => `Member: ${members.options.find((m) => m.value === v)?.label ?? '…'}`,
    relationshipId: () => 'One relationship',
    from: (v) => `From ${formatDate(v)}`,
    to: (v) => `To ${formatDate(v)}`,
    kind: (v) => `Kind: ${kindInfo[v as keyof typeof kindInfo]?.label ?? v}`,
  };
  const t = summary.data?.totals;
  return (
    <Stack gap="sm">
      {Object.keys(filter).length > 0 && (
        <Group gap="xs">
          {Object.entries(filter).map(([k, v]) => (
            <Group
              key={k}
              gap={2}
              px="xs"
              py={2}
              style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 12 }}
            >
              <Text size="xs">{words[k]?.(v as string)}</Text>
              <CloseButton
                size="xs"
                aria-label={`Remove the filter ${words[k]?.(v as string)}`}
                onClick={() => onClear(k)}
              />
            </Group>
          ))}
        </Group>
      )}
      {t && t.total > 0 && (
        <Text size="sm">
          {kindOrder.map((k) => `${kindInfo[k].label} ${formatHours(t[k])}`).join(' · ')} — partnership +
          learning {Math.round(((t.partnership + t.learning) / t.total) * 100)}%, utilisation {t.utilisation}%
        </Text>
      )}
      <TimeEntriesTable filter={filter} />
    </Stack>
  );
}
