import '@mantine/spotlight/styles.css';
import { ActionIcon, Button, Group, Kbd, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useOs } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useWorkspace } from '../../ui/workspace';
import { Snippet } from './Snippet';
import { useSearch } from './searchQuery';
import { hitPath, kindInfo } from './searchTerms';

const [searchStore, searchBox] = createSpotlight();

/**
 * Keeps the first hit selected as results arrive, so Enter opens the best hit. (Spotlight selects the
 * first action when the query changes, which is before the new hits are on screen.)
 */
function selectFirstHit(): void {
  const { listId, opened } = searchStore.getState();
  const list = opened && listId ? document.getElementById(listId) : null;
  if (!list) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
  searchStore.updateState((state) => ({ ...state, selected: 0 }));
}

/**
 * The search box of the whole app: opened with Ctrl-K / ⌘-K from anywhere (inputs too) or the header
 * button. Hits arrive grouped by kind; arrow keys move, Enter opens, Escape closes.
 */
export function GlobalSearch() {
  const { link } = useWorkspace();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const search = useSearch(debounced);
  const groups = query.trim() ? (search.data?.groups ?? []) : [];
  const go = (path: string) => navigate(link(path));
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-select whenever a new result set is shown
  useEffect(selectFirstHit, [search.data]);

  return (
    <Spotlight.Root
      store={searchStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={520}
      aria-label="Search"
    >
      <Spotlight.Search
        placeholder="Search clients, relationships, contacts, knowledge, events…"
        aria-label="Search everything"
        leftSection={search.isFetching ? <Loader size={18} /> : <IconSearch size={20} stroke={1.6} />}
      />
      <Spotlight.ActionsList aria-label="Search results">
        {groups.map((g) => {
          const info = kindInfo[g.kind];
          return (
            <Spotlight.ActionsGroup key={g.kind} label={info.label}>
              {g.hits.map((hit) => (
                <Spotlight.Action key={`${hit.kind}:${hit.id}`} onClick={() => go(hitPath(hit))}>
                  <Group wrap="nowrap" align="flex-start" gap="sm" w="100%">
                    <info.icon size={18} stroke={1.6} />
                    <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                      <Text size="sm" fw={500} truncate>
                        {hit.title}
                      </Text>
                      {hit.subtitle && (
                        <Text size="xs" c="dimmed" truncate>
                          {hit.subtitle}
                        </Text>
                      )}
                      <Snippet parts={hit.snippet} size="xs" />
                    </Stack>
                  </Group>
                </Spotlight.Action>
              ))}
            </Spotlight.ActionsGroup>
          );
        })}
        {query.trim() && search.isSuccess && groups.length === 0 && !search.isFetching && (
          <Spotlight.Empty>Nothing matches “{query.trim()}”. Try fewer or shorter words.</Spotlight.Empty>
        )}
        {!query.trim() && (
          <Spotlight.Empty>
            Type a name, a word from an article or a topic. Each word also finds longer words: “fjo” finds
            Fjordline.
          </Spotlight.Empty>
        )}
        {query.trim() && (
          <Spotlight.Action
            label={`All results for “${query.trim()}”`}
            leftSection={<IconArrowRight size={18} stroke={1.6} />}
            onClick={() => go(`/search?q=${encodeURIComponent(query.trim())}`)}
          />
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}

/** The header's search button: a wide box on a desktop, an icon on a phone. Both open the search. */
export function SearchButton() {
  const os = useOs();
  const mod = os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl';
  return (
    <>
      <Button
        variant="default"
        visibleFrom="sm"
        leftSection={<IconSearch size={16} stroke={1.6} />}
        rightSection={
          <Group gap={2} wrap="nowrap">
            <Kbd size="xs">{mod}</Kbd>
            <Kbd size="xs">K</Kbd>
          </Group>
        }
        onClick={() => searchBox.open()}
        c="dimmed"
        fw={400}
        w={260}
        styles={{ inner: { justifyContent: 'space-between' } }}
      >
        Search
      </Button>
      <ActionIcon
        variant="default"
        size="lg"
        hiddenFrom="sm"
        aria-label="Search"
        onClick={() => searchBox.open()}
      >
        <IconSearch size={18} stroke={1.6} />
      </ActionIcon>
    </>
  );
}
