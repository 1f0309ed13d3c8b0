import {
  ActionIcon,
  Badge,
  Blockquote,
  Button,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import {
  IconArrowLeft,
  IconArrowRight,
  IconBulb,
  IconDots,
  IconEye,
  IconLock,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import type { Touchpoint } from '../../../server/features/touchpoints/touchpoints.contract';
import { del } from '../../ui/api';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { notifySaved, showApiError } from '../../ui/forms';
import { usePagedList } from '../../ui/pagedQuery';
import { useMe, useWorkspace } from '../../ui/workspace';
import { formatDateTime } from '../relationships/terms';
import { TouchpointFormModal } from './TouchpointFormModal';
import { kindInfo, kindOptions, sideInfo } from './touchpointTerms';

export function SideBadge({ side }: { side: Touchpoint['initiatedBy'] }) {
  const Icon = side === 'provider' ? IconArrowRight : IconArrowLeft;
  return (
    <Badge
      variant="light"
      color={sideInfo[side].color}
      leftSection={<Icon size={12} aria-hidden />}
      title={side === 'provider' ? 'Initiated by us, the provider' : 'Initiated by them, the client'}
    >
      {sideInfo[side].label}
    </Badge>
  );
}

export function VisibilityBadge({ visibility }: { visibility: Touchpoint['visibility'] }) {
  return visibility === 'shared' ? (
    <Badge variant="outline" color="teal" leftSection={<IconEye size={12} aria-hidden />}>
      Shared with client
    </Badge>
  ) : (
    <Badge variant="outline" color="gray" leftSection={<IconLock size={12} aria-hidden />}>
      Internal
    </Badge>
  );
}

/** The relationship's timeline of touchpoints, newest first, with filters and "Load more". */
export function TouchpointTimeline(props: { relationshipId: string; onLog: () => void }) {
  const { apiPath, isAdmin } = useWorkspace();
  const me = useMe();
  const qc = useQueryClient();
  const [kind, setKind] = useState<string | null>(null);
  const [side, setSide] = useState<string | null>(null);
  const [editing, setEditing] = useState<Touchpoint | null>(null);
  const base = apiPath(`/relationships/${props.relationshipId}/touchpoints`);
  const list = usePagedList<Touchpoint>(['relationship', props.relationshipId, 'touchpoints'], base, {
    limit: 20,
    kind: kind ?? undefined,
    initiatedBy: side ?? undefined,
  });
  const filtered = Boolean(kind || side);
  // `#touchpoint-<id>` (from a health number's evidence) scrolls to that touchpoint once it is loaded.
  const { hash } = useLocation();
  const loaded = list.items.some((tp) => hash === `#touchpoint-${tp.id}`);
  useEffect(() => {
    if (loaded) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [loaded, hash]);

  const confirmDelete = (tp: Touchpoint) =>
    modals.openConfirmModal({
      title: 'Delete this touchpoint?',
      children: <Text size="sm">“{tp.summary}” leaves the timeline for good.</Text>,
      labels: { confirm: 'Delete', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(`${base}/${tp.id}`);
          await Promise.all([
            qc.invalidateQueries({ queryKey: ['relationship', props.relationshipId] }),
            qc.invalidateQueries({ queryKey: ['relationships'] }),
          ]);
          notifySaved('Touchpoint deleted');
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="touchpoint-timeline">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4} id="touchpoint-timeline">
            Touchpoints
          </Title>
          <Group gap="xs">
            <ExportCsvButton<Touchpoint>
              size="xs"
              path={base}
              params={{ kind: kind ?? undefined, initiatedBy: side ?? undefined }}
              filename="touchpoints"
              columns={[
                { header: 'When', value: (t) => t.occurredAt },
                { header: 'Kind', value: (t) => t.kind },
                { header: 'Initiated by', value: (t) => t.initiatedBy },
                { header: 'Summary', value: (t) => t.summary },
                { header: 'Discoveries', value: (t) => t.discoveries },
                { header: 'Visibility', value: (t) => t.visibility },
                { header: 'Logged by', value: (t) => t.createdBy?.name },
              ]}
            />
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={props.onLog}>
              Log touchpoint
            </Button>
          </Group>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Select
            aria-label="Kind of touchpoint"
            placeholder="Every kind"
            clearable
            size="xs"
            data={kindOptions}
            value={kind}
            onChange={setKind}
            w={150}
          />
          <Select
            aria-label="Who started it"
            placeholder="Both sides"
            clearable
            size="xs"
            data={[
              { value: 'provider', label: 'Started by us' },
              { value: 'client', label: 'Started by them' },
            ]}
            value={side}
            onChange={setSide}
            w={150}
          />
        </Group>
        {list.isError && (
          <Text c="red" size="sm">
            Could not load the timeline: {list.error.message}
          </Text>
        )}
        {list.isSuccess && list.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {filtered
              ? 'No touchpoint of this kind yet.'
              : 'Nothing on the timeline yet. Log the last conversation, delivery or visit — and who started it — so both sides of the relationship show.'}
          </Text>
        )}
        <Timeline bulletSize={30} lineWidth={2} active={-1}>
          {list.items.map((tp) => {
            const info = kindInfo[tp.kind];
            const Icon = info.icon;
            const mayDelete = isAdmin || tp.createdBy?.id === me.data?.user.id;
            return (
              <Timeline.Item
                key={tp.id}
                id={`touchpoint-${tp.id}`}
                style={
                  hash === `#touchpoint-${tp.id}`
                    ? { outline: '2px solid var(--mantine-color-indigo-4)', borderRadius: 6 }
                    : undefined
                }
                bullet={
                  <ThemeIcon
                    size={30}
                    radius="xl"
                    variant="light"
                    color={tp.kind === 'immersion' ? 'grape' : 'indigo'}
                  >
                    <Icon size={16} aria-hidden />
                  </ThemeIcon>
                }
                title={
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Text size="sm" fw={600}>
                      {info.label} · {formatDateTime(tp.occurredAt)}
                    </Text>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          aria-label={`Actions for ${info.label.toLowerCase()} on ${formatDateTime(tp.occurredAt)}`}
                        >
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(tp)}>
                          Edit
                        </Menu.Item>
                        {mayDelete && (
                          <Menu.Item
                            color="red"
                            leftSection={<IconTrash size={14} />}
                            onClick={() => confirmDelete(tp)}
                          >
                            Delete
                          </Menu.Item>
                        )}
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                }
              >
                <Group gap={6} mt={4} mb={6} wrap="wrap">
                  <SideBadge side={tp.initiatedBy} />
                  <VisibilityBadge visibility={tp.visibility} />
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {tp.summary}
                </Text>
                {tp.discoveries && (
                  <Blockquote
                    color="grape"
                    icon={<IconBulb size={16} aria-hidden />}
                    iconSize={28}
                    mt="sm"
                    p="sm"
                    pl="lg"
                  >
                    <Text size="xs" fw={700} c="grape.8">
                      What we discovered
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {tp.discoveries}
                    </Text>
                  </Blockquote>
                )}
                <Text size="xs" c="dimmed" mt={4}>
                  Logged by {tp.createdBy?.name ?? 'someone'}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
        {list.hasNextPage && (
          <Group justify="center">
            <Button
              variant="subtle"
              size="xs"
              onClick={() => list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              Load more
            </Button>
          </Group>
        )}
      </Stack>
      {editing && (
        <TouchpointFormModal
          key={editing.id}
          opened
          onClose={() => setEditing(null)}
          relationshipId={props.relationshipId}
          touchpoint={editing}
        />
      )}
    </Paper>
  );
}
