import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { PortalSearchHit } from '../../../server/features/portal/portal.contract';
import { get, qs } from '../../ui/api';
import { QueryState } from '../../ui/QueryState';
import { Snippet } from '../search/Snippet';
import { portalPath } from './portalApi';

const kindLabel = { topic: 'Topic', knowledge: 'Knowledge', event: 'Event' } as const;

/** Search over what is shared with the client; snippets are text runs, the matches in bold. */
export function PortalSearchPage() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const result = useQuery({
    queryKey: ['portal', 'search', q],
    queryFn: () => get<{ hits: PortalSearchHit[] }>(portalPath(`/search${qs({ q })}`)),
    enabled: q.trim().length > 0,
  });
  return (
    <Stack>
      <Title order={2}>Search: {q}</Title>
      <QueryState query={result}>
        {({ hits }) =>
          hits.length === 0 ? (
            <Text c="dimmed">Nothing shared with you matches “{q}”.</Text>
          ) : (
            hits.map((h) => (
              <Card withBorder key={`${h.kind}-${h.id}`}>
                <Text size="xs" c="dimmed">
                  {kindLabel[h.kind]}
                </Text>
                {h.relationshipId ? (
                  <Anchor component={Link} to={`/portal/r/${h.relationshipId}?tab=topics`} fw={600}>
                    {h.title}
                  </Anchor>
                ) : (
                  <Text fw={600}>{h.title}</Text>
                )}
                <Snippet parts={h.snippet} />
              </Card>
            ))
          )
        }
      </QueryState>
    </Stack>
  );
}
