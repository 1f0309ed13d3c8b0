import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useOutletContext } from 'react-router';
import type { PortalRelationship } from '../../../server/features/portal/portal.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { QueryState } from '../../ui/QueryState';
import { stageInfo } from '../relationships/terms';
import { PortalPulses } from './PortalPulses';
import { type PortalOutlet, portalPath } from './portalApi';

/** The landing page: who the provider is (its purpose), and each relationship with them. */
export function PortalHome() {
  const { me } = useOutletContext<PortalOutlet>();
  const list = useQuery({
    queryKey: ['portal', 'relationships'],
    queryFn: () => get<Page<PortalRelationship>>(portalPath('/relationships?limit=200')),
  });
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          Welcome, {me.contact.name}
        </Text>
        <Title order={1}>{me.workspace.name}</Title>
        {me.workspace.purpose && (
          <Text size="lg" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
            {me.workspace.purpose}
          </Text>
        )}
      </Stack>
      <PortalPulses />
      <QueryState query={list}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState icon={<IconArrowsExchange />} title="No shared relationship yet">
              When {me.workspace.name} starts working with {me.client.name}, it appears here.
            </EmptyState>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {page.items.map((r) => (
                <Card
                  key={r.id}
                  withBorder
                  padding="lg"
                  component={Link}
                  to={`/portal/r/${r.id}`}
                  aria-label={`${r.team.name}: open the shared space`}
                >
                  <Group justify="space-between" mb="xs">
                    <Text fw={700}>{r.team.name}</Text>
                    <Badge color={stageInfo[r.stage].color}>{stageInfo[r.stage].label}</Badge>
                  </Group>
                  <Text size="sm" lineClamp={3}>
                    {r.ambition || 'No shared ambition written down yet.'}
                  </Text>
                  {r.partnerLead && (
                    <Text size="xs" c="dimmed" mt="sm">
                      Partner lead: {r.partnerLead.name}
                    </Text>
                  )}
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}
