import { Button, Group } from '@mantine/core';
import { IconCheck, IconHelp, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CommunityEvent, RsvpResponse } from '../../../server/features/community/events.contract';
import { post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { responseInfo } from './eventTerms';

const icons = { yes: IconCheck, maybe: IconHelp, no: IconX } as const;

/** "Are you coming?" — the caller's own answer; pressing another one changes it. */
export function RsvpButtons({ event, size = 'sm' }: { event: CommunityEvent; size?: 'xs' | 'sm' }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const [saving, setSaving] = useState<RsvpResponse | null>(null);
  const answer = async (response: RsvpResponse) => {
    setSaving(response);
    try {
      await post(apiPath(`/events/${event.id}/rsvps`), { response });
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['events'] }),
        qc.invalidateQueries({ queryKey: ['event', event.id] }),
        qc.invalidateQueries({ queryKey: ['event-rsvps', event.id] }),
      ]);
    } catch (err) {
      showApiError(err);
    } finally {
      setSaving(null);
    }
  };
  return (
    <Group gap="xs" role="group" aria-label={`Are you coming to ${event.title}?`} wrap="wrap">
      {(['yes', 'maybe', 'no'] as const).map((r) => {
        const Icon = icons[r];
        const chosen = event.myResponse === r;
        return (
          <Button
            key={r}
            size={size}
            variant={chosen ? 'filled' : 'default'}
            color={responseInfo[r].color}
            aria-pressed={chosen}
            leftSection={<Icon size={14} />}
            loading={saving === r}
            onClick={() => answer(r)}
          >
            {responseInfo[r].label}
          </Button>
        );
      })}
    </Group>
  );
}
