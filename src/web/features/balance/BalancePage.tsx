import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Balance, TeamBalance } from '../../../server/features/balance/balance.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get } from '../../ui/api';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { BalanceLines, BalanceQuadrant } from './BalanceCharts';
import { monthLabel, signed } from './balanceTerms';
import { EvidenceDrawer, type EvidenceView } from './EvidenceDrawer';
import { PartsPanel } from './PartsPanel';

/**
 * The two movements side by side: outward (how relationships move) and inward (how the team makes room to
 * change), per team or for the workspace, month by month; every number opens the records behind it.
 */
export function BalancePage() {
  const { apiPath, workspaceId } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const teamId = params.get('team');
  const [picked, setPicked] = useState<number | null>(null);
  const [evidence, setEvidence] = useState<EvidenceView | null>(null);
  const teams = useQuery({
    queryKey: ['balance', 'teams', workspaceId],
    queryFn: () => get<Page<TeamBalance>>(apiPath('/insights/balance/teams?limit=200')),
  });
  const balance = useQuery({
    queryKey: ['balance', 'series', workspaceId, teamId],
    queryFn: () => get<Balance>(apiPath(`/insights/balance${teamId ? `?teamId=${teamId}` : ''}`)),
  });
  // The series lists the last month's records; an earlier month's come with it alone, once it is opened.
  const months = balance.data?.months ?? [];
  const opened = picked !== null && picked < months.length - 1 ? months[picked]! : null;
  const openedMonth = useQuery({
    queryKey: ['balance', 'month', workspaceId, teamId, opened],
    queryFn: () =>
      get<Balance>(
        apiPath(`/insights/balance?from=${opened}&to=${opened}${teamId ? `&teamId=${teamId}` : ''}`),
      ),
    enabled: opened !== null,
  });
  const choose = (id: string | null) => {
    setPicked(null);
    setParams(id ? { team: id } : {}, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Balance"
        description="Outward with clients, inward with ourselves: a partnership needs both movements, together."
      />
      <Select
        label="Show"
        data={[
          { value: '', label: 'The whole workspace' },
          ...(teams.data?.items ?? []).map((t) => ({ value: t.team.id, label: t.team.name })),
        ]}
        value={teamId ?? ''}
        onChange={(v) => choose(v || null)}
        allowDeselect={false}
        w={280}
        mb="md"
      />
      <QueryState query={balance}>
        {(b) => {
          const i = picked ?? b.months.length - 1;
          // An opened earlier month shows its own answer's parts once it is here, the series' until then.
          const own = opened !== null ? openedMonth.data : undefined;
          const recordsLoading = opened !== null && own === undefined;
          const monthOf = (movement: 'outward' | 'inward') => (own ? own[movement][0]! : b[movement][i]!);
          return (
            <Stack gap="lg">
              <Flags balance={b} onEvidence={setEvidence} onTeam={choose} />
              <Grid>
                <Grid.Col span={{ base: 12, lg: 7 }}>
                  <Paper withBorder p="md" component="section" aria-labelledby="balance-lines">
                    <Title order={4} id="balance-lines" mb="xs">
                      {b.scope.name}: the two movements
                    </Title>
                    <BalanceLines balance={b} onMonth={setPicked} />
                    <MonthTable balance={b} selected={i} onSelect={setPicked} />
                  </Paper>
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 5 }}>
                  <Paper withBorder p="md" component="section" aria-labelledby="balance-quadrant">
                    <Title order={4} id="balance-quadrant" mb="xs">
                      All teams
                    </Title>
                    {teams.data && <BalanceQuadrant teams={teams.data.items} />}
                    <TeamList teams={teams.data?.items ?? []} current={teamId} onTeam={choose} />
                  </Paper>
                </Grid.Col>
              </Grid>
              <Grid>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <PartsPanel
                    movement="Outward"
                    month={monthOf('outward')}
                    recordsLoading={recordsLoading}
                    teamId={b.scope.teamId}
                    onEvidence={setEvidence}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <PartsPanel
                    movement="Inward"
                    month={monthOf('inward')}
                    recordsLoading={recordsLoading}
                    teamId={b.scope.teamId}
                    onEvidence={setEvidence}
                  />
                </Grid.Col>
              </Grid>
            </Stack>
          );
        }}
      </QueryState>
      <EvidenceDrawer view={evidence} onClose={() => setEvidence(null)} />
    </>
  );
}

function Flags(props: {
  balance: Balance;
  onEvidence: (v: EvidenceView) => void;
  onTeam: (id: string) => void;
}) {
  const { flags, scope } = props.balance;
  if (flags.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No flag: no movement is advancing while the other stands still{scope.teamId ? ' for this team' : ''}.
      </Text>
    );
  return (
    <Stack gap="xs" component="section" aria-label="Flags">
      {flags.map((f) => (
        <Alert
          key={`${f.teamId}-${f.key}`}
          color="orange"
          icon={<IconScale />}
          title={f.key === 'outwardOnly' ? 'Moving outward only' : 'Moving inward only'}
        >
          <Stack gap="xs">
            <Text size="sm">{f.message}</Text>
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                color="orange"
                onClick={() =>
                  props.onEvidence({
                    title: f.message,
                    evidence: f.evidence,
                    total: f.evidence.length,
                    teamId: f.teamId,
                  })
                }
              >
                See the records
              </Button>
              {f.teamId && f.teamId !== scope.teamId && (
                <Button size="xs" variant="subtle" color="orange" onClick={() => props.onTeam(f.teamId!)}>
                  Open {f.teamName}
                </Button>
              )}
            </Group>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}

/** The numbers of the lines, each a button that opens that month's parts: the chart, readable as text. */
function MonthTable(props: { balance: Balance; selected: number; onSelect: (i: number) => void }) {
  const b = props.balance;
  const row = (name: 'Outward' | 'Inward', series: Balance['outward']) => (
    <Table.Tr>
      <Table.Th>{name}</Table.Th>
      {series.map((m, i) => (
        <Table.Td
          key={m.month}
          ta="center"
          bg={i === props.selected ? 'var(--mantine-color-gray-1)' : undefined}
        >
          <UnstyledButton
            onClick={() => props.onSelect(i)}
            aria-label={`${name} in ${monthLabel(m.month)}: ${m.index ?? 'no data'} — show its parts`}
            aria-pressed={i === props.selected}
            fz="sm"
            fw={i === props.selected ? 700 : 400}
          >
            {m.index ?? '–'}
          </UnstyledButton>
        </Table.Td>
      ))}
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={480} mt="sm">
      <Table verticalSpacing={2} horizontalSpacing={4} aria-label="Index by month">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {b.months.map((m) => (
              <Table.Th key={m} ta="center" fz={11} px={2} fw={500}>
                {monthLabel(m)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {row('Outward', b.outward)}
          {row('Inward', b.inward)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TeamList(props: { teams: TeamBalance[]; current: string | null; onTeam: (id: string) => void }) {
  return (
    <Stack gap={4} mt="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {props.teams.map((t) => (
        <li key={t.team.id}>
          <UnstyledButton
            onClick={() => props.onTeam(t.team.id)}
            aria-current={t.team.id === props.current}
            fz="sm"
          >
            <Text span fw={600} size="sm">
              {t.team.name}
            </Text>
            <Text span size="sm">
              {' '}
              — outward {t.outward ?? '–'} ({signed(t.outwardChange)} in 3 months), inward {t.inward ?? '–'} (
              {signed(t.inwardChange)}){t.flags.length > 0 ? ' · flagged' : ''}
            </Text>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
