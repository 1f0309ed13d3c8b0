import { Alert, Button, FileButton, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RestoreResult } from '../../../server/features/transfer/transfer.contract';
import { post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';

type Stage = { step: 'reading' | 'restoring'; rows: number } | null;

/** Settings → Export and restore: download the workspace document, or restore one into this empty workspace. */
export function TransferTab() {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const [stage, setStage] = useState<Stage>(null);
  const [done, setDone] = useState<RestoreResult | null>(null);

  const restore = async (file: File | null) => {
    if (!file) return;
    setDone(null);
    setStage({ step: 'reading', rows: 0 });
    try {
      const doc = JSON.parse(await file.text()) as { tables?: Record<string, unknown[]> };
      const rows = Object.values(doc.tables ?? {}).reduce((n, r) => n + r.length, 0);
      setStage({ step: 'restoring', rows });
      const result = await post<RestoreResult>(apiPath('/restore'), doc);
      await qc.invalidateQueries();
      setDone(result);
    } catch (err) {
      showApiError(
        err instanceof SyntaxError ? new Error('This file is not a Twofold export (not JSON)') : err,
      );
    } finally {
      setStage(null);
    }
  };
  const restored = done ? Object.values(done.tables).reduce((n, r) => n + r, 0) : 0;

  return (
    <Stack maw={720}>
      <Stack gap={4}>
        <Title order={3}>Export</Title>
        <Text size="sm" c="dimmed">
          The whole workspace as one JSON file: every client, relationship, check-in, topic, time entry and
          the rest, with its members by email. API tokens, pending invitations and webhooks stay here.
        </Text>
        <Group>
          <Button component="a" href={apiPath('/export')} download leftSection={<IconDownload size={16} />}>
            Download export
          </Button>
        </Group>
      </Stack>
      <Stack gap={4} mt="lg">
        <Title order={3}>Restore</Title>
        <Text size="sm" c="dimmed">
          Restore an export into this workspace — only while it has no records of its own, e.g. a new
          workspace on another server. Everything gets new ids; people are matched by email, and those without
          an account here get one without a password.
        </Text>
        <Group>
          <FileButton onChange={restore} accept="application/json,.json">
            {(props) => (
              <Button
                {...props}
                variant="light"
                loading={stage !== null}
                leftSection={<IconUpload size={16} />}
              >
                Restore from file…
              </Button>
            )}
          </FileButton>
        </Group>
        {stage && (
          <Stack gap={4} role="status">
            <Text size="sm">
              {stage.step === 'reading'
                ? 'Reading the file…'
                : `Restoring ${stage.rows.toLocaleString()} records in one go — this can take a minute…`}
            </Text>
            <Progress value={stage.step === 'reading' ? 20 : 100} animated striped />
          </Stack>
        )}
        {done && (
          <Alert color="teal" title="Restored" role="status">
            {restored.toLocaleString()} records in {Object.keys(done.tables).length} kinds;{' '}
            {done.membersLinked} people matched by email, {done.membersCreated} added without a password.
          </Alert>
        )}
      </Stack>
    </Stack>
  );
}
