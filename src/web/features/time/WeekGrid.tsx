import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TimeEntry, TimeKind } from '../../../server/features/time/time.contract';
import type { Page } from '../../../server/platform/common.contract';
import { del, get, patch, post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { useTeamOptions } from '../relationships/options';
import { formatDate, localToday } from '../relationships/terms';
import { useRelationshipOptions } from './relationshipOptions';
import { useTimeRefresh } from './TimeEntryModal';
import { addDays, formatHours, kindInfo, kindOptions, kindOrder, mondayOf } from './timeTerms';

type Row = { relationshipId: string | null; teamId: string | null; kind: TimeKind; label: string };
const rowKey = (r: Pick<Row, 'relationshipId' | 'teamId' | 'kind'>) =>
  `${r.relationshipId ?? '-'}|${r.relationshipId ? '-' : (r.teamId ?? '-')}|${r.kind}`;
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * One member's week: a row per relationship (or team) and kind, a column per day. Typing hours into an empty
 * cell logs them; changing a cell with one entry corrects it (0 deletes it). A cell holding several entries
 * is changed in the list.
 */
export function WeekGrid({ memberId, readOnly }: { memberId: string; readOnly: boolean }) {
  const { apiPath } = useWorkspace();
  const refresh = useTimeRefresh();
  const [monday, setMonday] = useState(mondayOf(localToday()));
  const [extra, setExtra] = useState<Row[]>([]);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const week = useQuery({
    queryKey: ['time', 'week', memberId, monday],
    queryFn: () =>
      get<Page<TimeEntry>>(
        apiPath(`/time-entries?memberId=${memberId}&from=${days[0]}&to=${days[6]}&limit=200`),
      ),
  });
  const entries = week.data?.items ?? [];

  const rows = new Map<string, Row>();
  for (const e of entries) {
    const label = e.relationship?.clientName ?? (e.team ? `${e.team.name} (team)` : 'No relationship');
    rows.set(rowKey(e), { relationshipId: e.relationshipId, teamId: e.teamId, kind: e.kind, label });
  }
  for (const r of extra) if (!rows.has(rowKey(r))) rows.set(rowKey(r), r);
  const ordered = [...rows.values()].sort(
    (a, b) => a.label.localeCompare(b.label) || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind),
  );
  const cell = (r: Row, day: string) => entries.filter((e) => rowKey(e) === rowKey(r) && e.date === day);
  const sum = (xs: TimeEntry[]) => xs.reduce((s, e) => s + e.hours, 0);

  async function write(r: Row, day: string, value: number) {
    const here = cell(r, day);
    const current = sum(here);
    if (Math.abs(value - current) < 0.001) return;
    try {
      if (here.length === 0 && value > 0)
        await post(apiPath('/time-entries'), {
          memberId,
          relationshipId: r.relationshipId,
          teamId: r.relationshipId ? undefined : r.teamId,
          date: day,
          hours: value,
          kind: r.kind,
        });
      else if (here.length === 1 && value > 0)
        await patch(apiPath(`/time-entries/${here[0]!.id}`), { hours: value });
      else if (here.length === 1) await del(apiPath(`/time-entries/${here[0]!.id}`));
      await refresh();
    } catch (err) {
      showApiError(err);
    }
  }

  const byKind = Object.fromEntries(
    kindOrder.map((k) => [k, sum(entries.filter((e) => e.kind === k))]),
  ) as Record<TimeKind, number>;
  const total = sum(entries);
  const share = (h: number) => (total === 0 ? 0 : Math.round((100 * h) / total));

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            aria-label="Previous week"
            onClick={() => setMonday(addDays(monday, -7))}
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Text fw={600} aria-live="polite">
            Week of {formatDate(monday)}
          </Text>
          <ActionIcon variant="default" aria-label="Next week" onClick={() => setMonday(addDays(monday, 7))}>
            <IconChevronRight size={16} />
          </ActionIcon>
          <Button variant="subtle" size="xs" onClick={() => setMonday(mondayOf(localToday()))}>
            This week
          </Button>
        </Group>
        <Text size="sm" aria-label="The week by kind">
          {kindOrder
            .map((k) => `${kindInfo[k].label} ${formatHours(byKind[k])} (${share(byKind[k])}%)`)
            .join(' · ')}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={820}>
        <Table withTableBorder verticalSpacing={4} aria-label={`Time for the week of ${formatDate(monday)}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Relationship and kind</Table.Th>
              {days.map((d, i) => (
                <Table.Th key={d} ta="center" style={{ whiteSpace: 'nowrap' }}>
                  {DAY_NAMES[i]} {Number(d.slice(8))}
                </Table.Th>
              ))}
              <Table.Th ta="right">Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={9}>
                  <Text size="sm" c="dimmed" py="xs">
                    Nothing logged this week. Add a row for a relationship and a kind of time, then type the
                    hours into the days.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {ordered.map((r) => (
              <Table.Tr key={rowKey(r)}>
                <Table.Td miw={170}>
                  <Group gap={6} wrap="wrap" style={{ rowGap: 2 }}>
                    <Text size="sm">{r.label}</Text>
                    <Badge
                      size="sm"
                      variant="light"
                      color={kindInfo[r.kind].color.split('.')[0]}
                      style={{ flexShrink: 0 }}
                    >
                      {kindInfo[r.kind].label}
                    </Badge>
                  </Group>
                </Table.Td>
                {days.map((d, i) => {
                  const here = cell(r, d);
                  const value = sum(here);
                  const label = `${r.label}, ${kindInfo[r.kind].label}, ${DAY_NAMES[i]} ${formatDate(d)}`;
                  if (here.length > 1)
                    return (
                      <Table.Td key={d} ta="center">
                        <Tooltip label={`${here.length} entries: change them in the Entries list`}>
                          <Text
                            size="sm"
                            fw={600}
                            aria-label={`${label}: ${formatHours(value)} in ${here.length} entries`}
                          >
                            {Math.round(value * 100) / 100}
                          </Text>
                        </Tooltip>
                      </Table.Td>
                    );
                  return (
                    <Table.Td key={d} p={2}>
                      <NumberInput
                        key={`${d}-${value}`}
                        size="xs"
                        w={64}
                        mx="auto"
                        min={0}
                        max={24}
                        step={0.25}
                        decimalScale={2}
                        hideControls
                        disabled={readOnly}
                        aria-label={label}
                        defaultValue={value || ''}
                        onBlur={(ev) => {
                          const v = Number(ev.currentTarget.value || 0);
                          if (!Number.isNaN(v)) void write(r, d, v);
                        }}
                        onKeyDown={(ev) => {
                          if (ev.key === 'Enter') ev.currentTarget.blur();
                        }}
                      />
                    </Table.Td>
                  );
                })}
                <Table.Td ta="right" fw={600}>
                  {formatHours(days.reduce((s, d) => s + sum(cell(r, d)), 0))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>Day total</Table.Th>
              {days.map((d) => (
                <Table.Th key={d} ta="center">
                  {Math.round(sum(entries.filter((e) => e.date === d)) * 100) / 100 || ''}
                </Table.Th>
              ))}
              <Table.Th ta="right">{formatHours(total)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {!readOnly && <AddRow onAdd={(r) => setExtra((xs) => [...xs, r])} />}
    </Stack>
  );
}

/** A new row in the grid: a relationship (or a team, for time not on a relationship) and a kind. */
function AddRow({ onAdd }: { onAdd: (r: Row) => void }) {
  const relationships = useRelationshipOptions();
  const teams = useTeamOptions();
  const [relationshipId, setRelationshipId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [kind, setKind] = useState<TimeKind>('partnership');
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select
          label="Relationship"
          placeholder="None"
          clearable
          searchable
          data={relationships.options}
          value={relationshipId}
          onChange={setRelationshipId}
          w={280}
        />
        {!relationshipId && (
          <Select
            label="Team"
            placeholder="No team"
            clearable
            data={teams.options}
            value={teamId}
            onChange={setTeamId}
            w={200}
          />
        )}
        <Select
          label="Kind"
          data={kindOptions}
          value={kind}
          allowDeselect={false}
          onChange={(v) => v && setKind(v as TimeKind)}
          w={160}
        />
        <Button
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => {
            const rel = relationships.items.find((r) => r.id === relationshipId);
            const team = teams.options.find((t) => t.value === teamId);
            onAdd({
              relationshipId,
              teamId: rel ? rel.teamId : teamId,
              kind,
              label: rel ? rel.client.name : team ? `${team.label} (team)` : 'No relationship',
            });
          }}
        >
          Add row
        </Button>
      </Group>
    </Paper>
  );
}
