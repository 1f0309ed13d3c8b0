import {
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBook2, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type {
  KnowledgeSummary,
  KnowledgeTagCount,
} from '../../../server/features/knowledge/knowledge.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { usePagedList } from '../../ui/pagedQuery';
import { relativeTime } from '../../ui/when';
import { useWorkspace } from '../../ui/workspace';
import { VisibilityBadge } from './knowledgeTerms';

/** The knowledge library: articles and learnings, filtered by tag, visibility and words. */
export function KnowledgePage() {
  const { apiPath, link, workspaceId } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const tag = params.get('tag') ?? undefined;
  const visibility = params.get('visibility') ?? undefined;
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const list = usePagedList<KnowledgeSummary>(['knowledge'], apiPath('/knowledge'), {
    tag,
    visibility,
    q: debouncedQ || undefined,
    limit: 30,
  });
  const tags = useQuery({
    queryKey: ['knowledge-tags', workspaceId],
    queryFn: () => get<Page<KnowledgeTagCount>>(apiPath('/knowledge/tags')),
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const filtered = Boolean(tag || visibility || debouncedQ);

  return (
    <>
      <PageHeader
        title="Knowledge"
        description="What we learned, written down where everyone can reach it — shared with clients when it helps them too."
        actions={
          <Button component={Link} to={link('/knowledge/new')} leftSection={<IconPlus size={16} />}>
            New article
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <TextInput
            aria-label="Filter articles by words"
            placeholder="Words in the title or text"
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 220 }}
          />
          <SegmentedControl
            aria-label="Visibility"
            value={visibility ?? 'all'}
            onChange={(v) => set('visibility', v === 'all' ? undefined : v)}
            data={[
              { value: 'all', label: 'All' },
              { value: 'internal', label: 'Internal' },
              { value: 'shared', label: 'Shared' },
            ]}
          />
        </Group>
        {(tags.data?.items.length ?? 0) > 0 && (
          <Chip.Group
            value={tag ?? ''}
            onChange={(v) => set('tag', typeof v === 'string' && v ? v : undefined)}
          >
            <Group gap={6} role="group" aria-label="Tags">
              {tags.data!.items.slice(0, 30).map((t) => (
                <Chip
                  key={t.tag}
                  value={t.tag}
                  size="xs"
                  variant="outline"
                  onClick={() => (t.tag === tag ? set('tag', undefined) : undefined)}
                >
                  #{t.tag} · {t.count}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        )}
        {list.isSuccess && list.items.length === 0 ? (
          filtered ? (
            <EmptyState icon={<IconSearch />} title="No article matches">
              Try another tag or fewer words — or write the article that is missing.
            </EmptyState>
          ) : (
            <EmptyState
              icon={<IconBook2 />}
              title="The library is empty"
              action={
                <Button component={Link} to={link('/knowledge/new')}>
                  Write the first article
                </Button>
              }
            >
              Write down what works: how you run an immersion day, what a good check-in sounds like, what a
              client taught you. Articles use Markdown; share them with clients when they help them too.
            </EmptyState>
          )
        ) : (
          <Stack gap="sm">
            {list.items.map((k) => (
              <Card key={k.id} withBorder padding="md" component="article" aria-label={k.title}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={link(`/knowledge/${k.id}`)} fw={600}>
                      {k.title}
                    </Anchor>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {k.excerpt}
                    </Text>
                    <Group gap={6}>
                      {k.tags.map((t) => (
                        <Badge key={t} variant="outline" size="sm" style={{ textTransform: 'none' }}>
                          #{t}
                        </Badge>
                      ))}
                      <Text size="xs" c="dimmed">
                        {k.createdBy ? `${k.createdBy.name} · ` : ''}
                        {relativeTime(k.updatedAt)}
                        {k.source ? ` · from a ${k.source.kind}` : ''}
                      </Text>
                    </Group>
                  </Stack>
                  <VisibilityBadge visibility={k.visibility} />
                </Group>
              </Card>
            ))}
          </Stack>
        )}
        {list.hasNextPage && (
          <Group justify="center">
            <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              Load more
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
