import { Anchor, Breadcrumbs, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import type {
  PortalKnowledge,
  PortalRelationshipDetail,
  PortalTouchpoint,
} from '../../../server/features/portal/portal.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get } from '../../ui/api';
import { QueryState } from '../../ui/QueryState';
import { PortalCheckIns, PortalEvents, PortalTopics } from './PortalSections';
import { JourneyView, KnowledgeList, TouchpointList } from './PortalViews';
import { relPath } from './portalApi';

const tabs = [
  ['journey', 'Journey together'],
  ['check-ins', 'Check-ins'],
  ['topics', 'Topics'],
  ['timeline', 'Shared timeline'],
  ['events', 'Events'],
  ['knowledge', 'Knowledge'],
] as const;

/** One relationship's shared space, in sections a contact moves between with tabs (or the arrow keys). */
export function PortalRelationshipPage() {
  const { relationshipId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'journey';
  const rel = useQuery({
    queryKey: ['portal', relationshipId, 'relationship'],
    queryFn: () => get<PortalRelationshipDetail>(relPath(relationshipId)),
  });
  return (
    <QueryState query={rel}>
      {(r) => (
        <Stack>
          <Breadcrumbs>
            <Anchor component={Link} to="/portal">
              Shared space
            </Anchor>
            <Text>{r.team.name}</Text>
          </Breadcrumbs>
          <Title order={1}>{r.team.name}</Title>
          <Tabs
            value={tab}
            onChange={(v) => setParams(v && v !== 'journey' ? { tab: v } : {}, { replace: true })}
            keepMounted={false}
          >
            <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
              {tabs.map(([value, label]) => (
                <Tabs.Tab key={value} value={value}>
                  {label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="journey" pt="md">
              <JourneyView r={r} />
            </Tabs.Panel>
            <Tabs.Panel value="check-ins" pt="md">
              <PortalCheckIns relationshipId={r.id} />
            </Tabs.Panel>
            <Tabs.Panel value="topics" pt="md">
              <PortalTopics relationshipId={r.id} />
            </Tabs.Panel>
            <Tabs.Panel value="timeline" pt="md">
              <Listed<PortalTouchpoint> relationshipId={r.id} path="/touchpoints?limit=100">
                {(items) => <TouchpointList items={items} />}
              </Listed>
            </Tabs.Panel>
            <Tabs.Panel value="events" pt="md">
              <PortalEvents relationshipId={r.id} />
            </Tabs.Panel>
            <Tabs.Panel value="knowledge" pt="md">
              <Listed<PortalKnowledge> relationshipId={r.id} path="/knowledge?limit=50">
                {(items) => <KnowledgeList items={items} />}
              </Listed>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </QueryState>
  );
}

function Listed<T>(props: {
  relationshipId: string;
  path: string;
  children: (items: T[]) => React.ReactNode;
}) {
  const list = useQuery({
    queryKey: ['portal', props.relationshipId, props.path],
    queryFn: () => get<Page<T>>(relPath(props.relationshipId, props.path)),
  });
  return <QueryState query={list}>{(page) => props.children(page.items)}</QueryState>;
}
