import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Relationship } from '../../../server/features/relationships/relationships.contract';
import { patch } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';

/** The ambition both sides share, edited in place. */
export function AmbitionCard({ relationship: r }: { relationship: Relationship }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      await patch<Relationship>(apiPath(`/relationships/${r.id}`), { ambition: draft?.trim() || null });
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['relationship', r.id] }),
        qc.invalidateQueries({ queryKey: ['relationships'] }),
      ]);
      notifySaved('Ambition saved');
      setDraft(null);
      setError(null);
    } catch (err) {
      showApiError(err, (fields) => setError(fields.ambition ?? Object.values(fields)[0] ?? null));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="shared-ambition">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4} id="shared-ambition">
            Shared ambition
          </Title>
          {draft === null && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPencil size={14} />}
              onClick={() => setDraft(r.ambition ?? '')}
            >
              {r.ambition ? 'Edit' : 'Write it'}
            </Button>
          )}
        </Group>
        {draft === null ? (
          <Text size="sm" c={r.ambition ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
            {r.ambition ||
              'No shared ambition yet. Write down what both sides want this relationship to achieve — ideally in words you agreed on together.'}
          </Text>
        ) : (
          <Stack gap="xs">
            <Textarea
              aria-label="Shared ambition"
              autosize
              minRows={3}
              autoFocus
              value={draft}
              error={error}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setDraft(null);
              }}
            />
            <Group gap="xs" justify="flex-end">
              <Button size="xs" variant="default" onClick={() => setDraft(null)}>
                Cancel
              </Button>
              <Button size="xs" loading={saving} onClick={save}>
                Save ambition
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
