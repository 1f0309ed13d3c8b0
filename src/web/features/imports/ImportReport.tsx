import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ImportState } from '../../../server/features/imports/imports.contract';
import { get } from '../../ui/api';
import { useWorkspace } from '../../ui/workspace';

/** Problems listed on the page; the download holds them all. */
const SHOWN = 100;

const statusColor = { pending: 'gray', running: 'blue', done: 'green', failed: 'red' } as const;

export function ImportStatusBadge({ status }: { status: ImportState['status'] }) {
  return (
    <Badge color={statusColor[status]} variant="light">
      {status}
    </Badge>
  );
}

function Stat(props: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {props.label}
      </Text>
      <Text fz={28} fw={700} c={props.color} aria-label={`${props.label}: ${props.value}`}>
        {props.value.toLocaleString('en-GB')}
      </Text>
    </Paper>
  );
}

/** Follows a running import (polling) with a progress bar, then shows what happened and what was rejected. */
export function ImportReport({ importId }: { importId: string }) {
  const { apiPath, link } = useWorkspace();
  const q = useQuery({
    queryKey: ['imports', importId],
    queryFn: () => get<ImportState>(apiPath(`/imports/${importId}`)),
    refetchInterval: (query) => {
      const s = query.state.data?.status;
      return s === 'done' || s === 'failed' ? false : 500;
    },
  });
  const state = q.data;
  if (!state) return <Text c="dimmed">Loading the import…</Text>;
  const finished = state.status === 'done' || state.status === 'failed';
  const percent = state.total ? Math.round((state.processed / state.total) * 100) : 0;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{finished ? 'Import report' : 'Importing…'}</Title>
        <ImportStatusBadge status={state.status} />
      </Group>
      <div>
        <Progress
          value={percent}
          size="xl"
          animated={!finished}
          color={state.status === 'failed' ? 'red' : finished ? 'green' : 'blue'}
          aria-label="Import progress"
        />
        <Text size="sm" c="dimmed" mt={4}>
          {state.processed.toLocaleString('en-GB')} of {state.total.toLocaleString('en-GB')} rows ({percent}%)
        </Text>
      </div>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label="Created" value={state.created} color="green.8" />
        <Stat label="Updated" value={state.updated} color="blue.8" />
        <Stat label="Unchanged or repeated" value={state.skipped} />
        <Stat label="Rejected" value={state.rejected} color={state.rejected ? 'red.8' : undefined} />
      </SimpleGrid>
      {state.failure && <Text c="red">The import stopped: {state.failure}</Text>}
      {finished && state.rejected > 0 && (
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <div>
              <Title order={4}>{state.rejected.toLocaleString('en-GB')} rows were not imported</Title>
              <Text size="sm" c="dimmed">
                Download them with the reason in a last column, fix them in your spreadsheet and import that
                file.
              </Text>
            </div>
            <Button
              component="a"
              href={apiPath(`/imports/${state.id}/rejected.csv`)}
              download
              leftSection={<IconDownload size={16} />}
              variant="light"
            >
              Download rejected rows
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={400}>
            <Table fz="sm" verticalSpacing={4} aria-label="Problems by row">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>Field</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.errors.slice(0, SHOWN).map((e) => (
                  <Table.Tr key={`${e.row}-${e.field}`}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.field}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {state.errors.length > SHOWN && (
            <Text size="sm" c="dimmed" mt="xs">
              The first {SHOWN} problems are shown; the download has every rejected row.
            </Text>
          )}
        </Paper>
      )}
      {state.status === 'done' && (
        <Text size="sm">
          Find what you imported on the{' '}
          <Anchor
            component={Link}
            to={link(state.entity === 'relationships' ? '/relationships' : '/clients')}
          >
            {state.entity === 'relationships' ? 'Relationships' : 'Clients'} page
          </Anchor>
          .
        </Text>
      )}
    </Stack>
  );
}
