import { Anchor, Badge, Drawer, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Evidence } from '../../../server/features/balance/balance.contract';
import { useWorkspace } from '../../ui/workspace';
import { formatDate } from '../relationships/terms';

export type EvidenceView = {
  title: string;
  explanation?: string;
  evidence: Evidence[];
  total: number;
  teamId: string | null;
};

const typeLabel: Record<Evidence['type'], string> = {
  relationship: 'Relationship',
  assessment: 'Assessment',
  experiment: 'Experiment',
  reflection: 'Reflection',
  time: 'Time',
  checkIn: 'Check-in',
  topic: 'Topic',
  pulse: 'Pulse',
};

/** Where a record lives in the app; time opens the entries list with the filters that sum to the number. */
function useHref() {
  const { link } = useWorkspace();
  return (e: Evidence, teamId: string | null): string | null => {
    if (e.type === 'experiment' && e.id) return link(`/experiments/${e.id}`);
    if (e.type === 'reflection' && e.id) return link(`/reflections/${e.id}`);
    if (e.type === 'checkIn' && e.id && e.relationshipId)
      return link(`/relationships/${e.relationshipId}/check-ins/${e.id}`);
    if ((e.type === 'assessment' || e.type === 'relationship' || e.type === 'topic') && e.relationshipId)
      return link(`/relationships/${e.relationshipId}`);
    if (e.type === 'time' && e.time) {
      const q = new URLSearchParams({ view: 'entries', from: e.time.from, to: e.time.to });
      if (teamId) q.set('teamId', teamId);
      if (e.time.kinds.length === 1) q.set('kind', e.time.kinds[0]!);
      return link(`/time?${q}`);
    }
    return null;
  };
}

/** The records behind a number, each a link to where it can be read. */
export function EvidenceDrawer({ view, onClose }: { view: EvidenceView | null; onClose: () => void }) {
  const href = useHref();
  return (
    <Drawer
      opened={view !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={view?.title}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {view && (
        <Stack gap="sm">
          {view.explanation && <Text size="sm">{view.explanation}</Text>}
          {view.evidence.length === 0 && (
            <Text size="sm" c="dimmed">
              No records stand behind this number.
            </Text>
          )}
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {view.evidence.map((e, i) => {
              const to = href(e, view.teamId);
              return (
                <Group
                  key={`${e.type}-${e.id ?? i}`}
                  component="li"
                  gap="xs"
                  wrap="nowrap"
                  align="flex-start"
                >
                  <Badge size="sm" variant="light" style={{ flexShrink: 0 }}>
                    {typeLabel[e.type]}
                  </Badge>
                  <Stack gap={0}>
                    {to ? (
                      <Anchor component={Link} to={to} size="sm" onClick={onClose}>
                        {e.label}
                      </Anchor>
                    ) : (
                      <Text size="sm">{e.label}</Text>
                    )}
                    {e.on && (
                      <Text size="xs" c="dimmed">
                        {formatDate(e.on)}
                      </Text>
                    )}
                    {e.time && (
                      <Text size="xs" c="dimmed">
                        {formatDate(e.time.from)} – {formatDate(e.time.to)}
                      </Text>
                    )}
                  </Stack>
                </Group>
              );
            })}
          </Stack>
          {view.total > view.evidence.length && (
            <Text size="xs" c="dimmed">
              {view.evidence[0]?.type === 'time'
                ? `${view.total} time entries in all: open a total above to list them.`
                : `…and ${view.total - view.evidence.length} more.`}
            </Text>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
