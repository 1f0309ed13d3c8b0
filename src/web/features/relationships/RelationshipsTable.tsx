import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Relationship } from '../../../server/features/relationships/relationships.contract';
import { useWorkspace } from '../../ui/workspace';
import { CheckInDue, HealthScore, LevelBadge, StageBadge, StatusBadge } from './RelationshipBadges';

type Column = 'client' | 'team' | 'owner' | 'health';

/**
 * Relationships as rows; the first cell links to the relationship. `hide` drops columns a context already
 * names (the team on a team's page, the client on a client's page).
 */
export function RelationshipsTable(props: { items: Relationship[]; hide?: Column[] }) {
  const { link } = useWorkspace();
  const shows = (c: Column) => !props.hide?.includes(c);
  return (
    <Table.ScrollContainer minWidth={shows('client') && shows('team') ? 940 : 760}>
      <Table verticalSpacing="sm" highlightOnHover styles={{ th: { whiteSpace: 'nowrap' } }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{shows('client') ? 'Client' : 'Team'}</Table.Th>
            {shows('client') && shows('team') && <Table.Th>Team</Table.Th>}
            <Table.Th>Stage</Table.Th>
            <Table.Th>Pyramid level</Table.Th>
            {shows('owner') && <Table.Th>Partner lead</Table.Th>}
            <Table.Th>Next check-in</Table.Th>
            {shows('health') && <Table.Th ta="right">Health</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Stack gap={2}>
                  <Anchor component={Link} to={link(`/relationships/${r.id}`)} fw={600}>
                    {shows('client') ? r.client.name : r.team.name}
                  </Anchor>
                  {(r.status !== 'active' || r.client.kind === 'internal') && (
                    <Group gap={6}>
                      {r.status !== 'active' && <StatusBadge status={r.status} />}
                      {shows('client') && r.client.kind === 'internal' && (
                        <Text size="xs" c="dimmed">
                          Internal department
                        </Text>
                      )}
                    </Group>
                  )}
                </Stack>
              </Table.Td>
              {shows('client') && shows('team') && <Table.Td>{r.team.name}</Table.Td>}
              <Table.Td>
                <StageBadge stage={r.stage} />
              </Table.Td>
              <Table.Td>
                <LevelBadge level={r.pyramidLevel} />
              </Table.Td>
              {shows('owner') && (
                <Table.Td>
                  <Text size="sm" c={r.owner ? undefined : 'dimmed'}>
                    {r.owner?.name ?? 'Nobody yet'}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <CheckInDue due={r.nextCheckInDue} status={r.status} />
              </Table.Td>
              {shows('health') && (
                <Table.Td ta="right">
                  <HealthScore score={r.health.score} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
