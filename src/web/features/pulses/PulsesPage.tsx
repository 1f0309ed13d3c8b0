import { Anchor, Badge, Button, Group, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconActivityHeartbeat, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Pulse, PulseKind } from '../../../server/features/pulses/pulses.contract';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { formatDate } from '../../ui/when';
import { useWorkspace } from '../../ui/workspace';
import { NewPulseModal } from './NewPulseModal';
import { kindInfo, percent } from './pulseTerms';

export function PulsesPage() {
  const { apiPath, link } = useWorkspace();
  const [creating, { open, close }] = useDisclosure();
  const [kind, setKind] = useState<PulseKind | null>(null);
  const list = usePagedList<Pulse>(['pulses'], apiPath('/pulses'), { kind: kind ?? undefined, limit: 50 });

  return (
    <>
      <PageHeader
        title="Pulses"
        description="Short rounds by personal link: how clients, your own people and colleagues experience the work."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            New pulse
          </Button>
        }
      />
      <Stack>
        <Select
          label="Kind"
          placeholder="All kinds"
          clearable
          w={200}
          data={(Object.keys(kindInfo) as PulseKind[]).map((k) => ({ value: k, label: kindInfo[k].label }))}
          value={kind}
          onChange={(v) => setKind(v as PulseKind | null)}
        />
        {list.isPending ? null : list.items.length === 0 ? (
          <EmptyState
            icon={<IconActivityHeartbeat />}
            title={kind ? `No ${kindInfo[kind].label.toLowerCase()} pulses yet` : 'No pulse rounds yet'}
            action={<Button onClick={open}>Send the first pulse</Button>}
          >
            Ask a client’s contacts how meaningfully a team contributes to their work, ask a team how
            meaningful theirs is, or ask colleagues about an internal service. Everyone gets a personal link
            by email; no account needed.
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Round</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th w={170}>Responses</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={link(`/pulses/${p.id}`)} fw={500}>
                        {p.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {p.target}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={kindInfo[p.kind].color}>
                        {kindInfo[p.kind].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {p.status === 'open'
                          ? `Open until ${formatDate(p.closesOn)}`
                          : `Closed ${formatDate(p.closesOn)}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Progress
                          value={p.responseRate * 100}
                          w={70}
                          aria-label={`Response rate ${percent(p.responseRate)}`}
                        />
                        <Text size="sm">
                          {p.responses}/{p.invited} · {percent(p.responseRate)}
                        </Text>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.hasNextPage && (
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        )}
      </Stack>
      <NewPulseModal opened={creating} onClose={close} />
    </>
  );
}
