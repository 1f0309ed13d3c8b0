import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type ImportEntity, type ImportMapping, mappingProblems } from '../../../domain/imports';
import type { ImportSummary, UploadResult } from '../../../server/features/imports/imports.contract';
import { ApiError, post } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { MappingTable, PreviewTable } from './ImportMapping';
import { ImportReport, ImportStatusBadge } from './ImportReport';

const entityLabels: Record<ImportEntity, string> = {
  contacts: 'Contacts',
  clients: 'Clients',
  relationships: 'Relationships',
};

/** Sends the file as it is (text/csv): the server reads the encoding, delimiter and quoting. */
async function uploadCsv(path: string, file: File): Promise<UploadResult> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv' },
    body: file,
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new ApiError(res.status, {
      type: '',
      title: res.statusText,
      status: res.status,
      detail: data.detail ?? res.statusText,
      errors: data.errors,
    });
  return data as UploadResult;
}

export function ImportPage() {
  const { importId } = useParams();
  const { link } = useWorkspace();
  return (
    <>
      <PageHeader
        title="Import"
        description="Bring your clients, contacts and relationships from a CSV export of HubSpot, Salesforce, Pipedrive, Twenty or a spreadsheet."
        above={
          <Anchor component={Link} to={link('/clients')} size="sm">
            ← Clients
          </Anchor>
        }
      />
      {importId ? <ImportReport importId={importId} /> : <NewImport />}
    </>
  );
}

function NewImport() {
  const { apiPath, link } = useWorkspace();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [entity, setEntity] = useState<ImportEntity>('contacts');
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<UploadResult | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const upload = useMutation({
    mutationFn: (f: File) =>
      uploadCsv(apiPath(`/imports?entity=${entity}&fileName=${encodeURIComponent(f.name.slice(0, 200))}`), f),
    onSuccess: (r) => {
      setUploaded(r);
      setMapping(r.suggestedMapping);
    },
  });
  const commit = useMutation({
    mutationFn: () => post<{ id: string }>(apiPath(`/imports/${uploaded!.id}/commit`), { mapping }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['imports'] });
      void qc.invalidateQueries({ queryKey: ['clients'] });
      navigate(link(`/import/${r.id}`));
    },
  });

  if (uploaded) {
    const blocking = mappingProblems(uploaded.entity, mapping);
    return (
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Title order={3} mb={4}>
            1. Match the columns
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {uploaded.total.toLocaleString('en-GB')} rows in {uploaded.fileName ?? 'your file'}. We matched
            the columns we recognised; change any that are wrong.
          </Text>
          <MappingTable
            entity={uploaded.entity}
            columns={uploaded.columns}
            mapping={mapping}
            onChange={setMapping}
          />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={3} mb="sm">
            2. Check the first rows
          </Title>
          <PreviewTable entity={uploaded.entity} mapping={mapping} rows={uploaded.preview} />
        </Paper>
        {commit.isError && <Alert color="red">{commit.error.message}</Alert>}
        <Group>
          <Button
            size="md"
            onClick={() => commit.mutate()}
            loading={commit.isPending}
            disabled={blocking.length > 0}
          >
            Import {uploaded.total.toLocaleString('en-GB')} {entityLabels[uploaded.entity].toLowerCase()}
          </Button>
          <Button variant="subtle" onClick={() => setUploaded(null)}>
            Choose another file
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm" maw={560}>
          <Text fw={500}>What does the file hold?</Text>
          <SegmentedControl
            aria-label="What to import"
            value={entity}
            onChange={(v) => setEntity(v as ImportEntity)}
            data={Object.entries(entityLabels).map(([value, label]) => ({ value, label }))}
          />
          <Text size="sm" c="dimmed">
            {entity === 'contacts' &&
              'One person per row with an email; each is linked to their client by the company name or domain column, and clients that do not exist yet are created.'}
            {entity === 'clients' && 'One organisation per row with a name and, ideally, its domain.'}
            {entity === 'relationships' &&
              'One row per client and team, with a cadence (days, or monthly, quarterly…), and optionally stage, pyramid level and ambition. Teams must exist already.'}{' '}
            Importing the same file twice changes nothing: rows are matched, not added again.
          </Text>
          <FileInput
            label="CSV file"
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            leftSection={<IconFileSpreadsheet size={16} />}
            value={file}
            onChange={setFile}
            clearable
          />
          {upload.isError && <Alert color="red">{upload.error.message}</Alert>}
          <Group>
            <Button
              leftSection={<IconUpload size={16} />}
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file)}
            >
              Upload and preview
            </Button>
          </Group>
        </Stack>
      </Paper>
      <PastImports />
    </Stack>
  );
}

function PastImports() {
  const { apiPath, link } = useWorkspace();
  const list = usePagedList<ImportSummary>(['imports'], apiPath('/imports'));
  if (list.isSuccess && list.items.length === 0)
    return (
      <EmptyState icon={<IconFileSpreadsheet />} title="No imports yet">
        Export your contacts or companies from your CRM as CSV and upload the file above. You will see how its
        columns match before anything is written.
      </EmptyState>
    );
  return (
    <Stack gap="xs">
      <Title order={3}>Past imports</Title>
      <Table.ScrollContainer minWidth={500}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Created</Table.Th>
              <Table.Th ta="right">Rejected</Table.Th>
              <Table.Th>When</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor component={Link} to={link(`/import/${i.id}`)} size="sm">
                    {i.fileName ?? 'CSV file'}
                  </Anchor>
                </Table.Td>
                <Table.Td>{entityLabels[i.entity]}</Table.Td>
                <Table.Td>
                  {i.committed ? (
                    <ImportStatusBadge status={i.status} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      not started
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{i.created.toLocaleString('en-GB')}</Table.Td>
                <Table.Td ta="right">{i.rejected.toLocaleString('en-GB')}</Table.Td>
                <Table.Td>
                  {new Date(i.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
