import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CommunityEvent } from '../../../server/features/community/events.contract';
import { patch } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { hasStarted } from './eventTerms';

/** What happened at the event. Saving them puts the event on the timeline of every client who came. */
export function EventNotes({ event }: { event: CommunityEvent }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const [notes, setNotes] = useState(event.notes ?? '');
  const [saving, setSaving] = useState(false);
  const started = hasStarted(event);

  const save = async () => {
    setSaving(true);
    try {
      const saved = await patch<CommunityEvent>(apiPath(`/events/${event.id}`), { notes });
      qc.setQueryData(['event', event.id], saved);
      await qc.invalidateQueries({ queryKey: ['events'] });
      await qc.invalidateQueries({ queryKey: ['relationship'] });
      notifySaved('Notes saved — the clients who came have it on their timeline');
    } catch (err) {
      showApiError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="notes-heading">
      <Title order={3} id="notes-heading" mb="sm">
        Notes
      </Title>
      {started ? (
        <Stack gap="xs">
          <Textarea
            aria-labelledby="notes-heading"
            description="Who came, what you talked about, what you learned. Saving puts an “event” touchpoint on the relationships of every client contact who said yes."
            autosize
            minRows={4}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button onClick={save} loading={saving} disabled={notes === (event.notes ?? '')}>
              Save notes
            </Button>
          </Group>
        </Stack>
      ) : (
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            Notes open once the event has started. Afterwards, write down what happened: the clients who came
            get the event on their relationship’s timeline.
          </Text>
        </Paper>
      )}
    </section>
  );
}
