import { Alert, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { PortalPreview } from '../../../server/features/portal/portal.contract';
import { get } from '../../ui/api';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import {
  CheckInCard,
  EventCard,
  JourneyView,
  KnowledgeList,
  TopicSummary,
  TouchpointList,
} from './PortalViews';

/** "View as client": the portal's own responses for this relationship, shown with the portal's views. */
export function PortalPreviewModal(props: {
  relationshipId: string;
  clientName: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { apiPath } = useWorkspace();
  const preview = useQuery({
    queryKey: ['portal-preview', props.relationshipId],
    queryFn: () => get<PortalPreview>(apiPath(`/relationships/${props.relationshipId}/portal-preview`)),
    enabled: props.opened,
    staleTime: 0,
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} fullScreen title={`As ${props.clientName} sees it`}>
      <Stack maw={900} mx="auto">
        <Alert icon={<IconEye />} color="indigo" variant="light">
          This is exactly what {props.clientName}'s contacts see in the portal. Internal touchpoints, our side
          of the context, notes, health, time and reflections are never shown there.
        </Alert>
        <QueryState query={preview}>
          {(p) => (
            <Stack gap="lg">
              <JourneyView r={p.relationship} />
              <Section title="Check-ins">
                {[...p.upcomingCheckIns, ...p.pastCheckIns].map((c) => (
                  <CheckInCard key={c.id} c={c} />
                ))}
              </Section>
              <Section title="Topic backlog">
                {p.topics.map((t) => (
                  <TopicSummary key={t.id} t={t} />
                ))}
              </Section>
              <Section title="Shared timeline">
                <TouchpointList items={p.touchpoints} />
              </Section>
              <Section title="Events">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {p.events.map((e) => (
                    <EventCard key={e.id} e={e} />
                  ))}
                </SimpleGrid>
              </Section>
              <Section title="Shared knowledge">
                <KnowledgeList items={p.knowledge} />
              </Section>
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Modal>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const empty = Array.isArray(children) && children.length === 0;
  return (
    <Stack gap="xs" component="section">
      <Title order={3}>{title}</Title>
      {empty ? <Text c="dimmed">Nothing here yet.</Text> : children}
    </Stack>
  );
}
