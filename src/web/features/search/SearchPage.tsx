import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SearchGroup, SearchKind } from '../../../server/features/search/search.contract';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { useWorkspace } from '../../ui/workspace';
import { Snippet } from './Snippet';
import { useSearch } from './searchQuery';
import { hitPath, kindInfo } from './searchTerms';

/** Every kind's hits for a query, 10 each; "Show more" asks for up to 50 of one kind. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = (params.get('kind') as SearchKind | null) ?? undefined;
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text, 250);
  useEffect(() => {
    if (debounced.trim() !== q)
      setParams(debounced.trim() ? { q: debounced.trim(), ...(kind ? { kind } : {}) } : {}, {
        replace: true,
      });
  }, [debounced, q, kind, setParams]);
  const search = useSearch(q, { kind, limit: kind ? 50 : 10 });
  const groups = q ? (search.data?.groups ?? []) : [];

  return (
    <>
      <PageHeader
        title="Search"
        description="Clients, relationships, contacts, topics, learnings, knowledge and events — everything in this workspace."
      />
      <Stack gap="lg">
        <TextInput
          aria-label="Search words"
          placeholder="Words to find"
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autoFocus
          size="md"
        />
        {kind && (
          <Group gap="xs">
            <Text size="sm">Only {kindInfo[kind].label.toLowerCase()}</Text>
            <Button size="compact-sm" variant="subtle" onClick={() => setParams({ q })}>
              Show every kind
            </Button>
          </Group>
        )}
        {!q && (
          <EmptyState icon={<IconSearch />} title="Find anything">
            Type a client’s name, a few words of an article or an event. Each word also finds longer words, so
            two or three letters are often enough.
          </EmptyState>
        )}
        {q && search.isSuccess && groups.length === 0 && (
          <EmptyState icon={<IconSearch />} title={`Nothing matches “${q}”`}>
            Every word has to match. Try fewer words, or the start of a name.
          </EmptyState>
        )}
        {groups.map((g) => (
          <ResultGroup key={g.kind} group={g} onMore={() => setParams({ q, kind: g.kind })} />
        ))}
      </Stack>
    </>
  );
}

function ResultGroup({ group, onMore }: { group: SearchGroup; onMore: () => void }) {
  const { link } = useWorkspace();
  const info = kindInfo[group.kind];
  const headingId = `results-${group.kind}`;
  return (
    <section aria-labelledby={headingId}>
      <Group gap="xs" mb="xs">
        <info.icon size={18} stroke={1.6} />
        <Title order={3} size="h4" id={headingId}>
          {info.label}
        </Title>
      </Group>
      <Stack gap="xs">
        {group.hits.map((hit) => (
          <Card key={hit.id} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={link(hitPath(hit))} fw={500}>
                  {hit.title}
                </Anchor>
                {hit.subtitle && (
                  <Text size="xs" c="dimmed">
                    {hit.subtitle}
                  </Text>
                )}
                <Snippet parts={hit.snippet} />
              </Stack>
              {hit.visibility === 'shared' && (
                <Badge variant="light" color="teal" style={{ flexShrink: 0 }}>
                  Shared
                </Badge>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
      {group.more && (
        <Button variant="subtle" mt="xs" onClick={onMore}>
          Show more {info.label.toLowerCase()}
        </Button>
      )}
    </section>
  );
}
