import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Tabs,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Typography,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type {
  KnowledgeItem,
  KnowledgeTagCount,
  KnowledgeVisibility,
} from '../../../server/features/knowledge/knowledge.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, patch, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { visibilityInfo } from './knowledgeTerms';
import { Markdown } from './Markdown';

const STARTER = `## Why this matters

What did we learn, and for whom is it useful?

## How we do it

1. First step
2. Second step

> A quote from a client, if there is one.
`;

/** `/knowledge/new` and `/knowledge/:id/edit`. */
export function ArticleEditorPage() {
  const { knowledgeId } = useParams();
  const { apiPath } = useWorkspace();
  const item = useQuery({
    queryKey: ['knowledge-item', knowledgeId],
    queryFn: () => get<KnowledgeItem>(apiPath(`/knowledge/${knowledgeId}`)),
    enabled: Boolean(knowledgeId),
  });
  if (!knowledgeId) return <ArticleEditor />;
  return <QueryState query={item}>{(k) => <ArticleEditor key={k.updatedAt} item={k} />}</QueryState>;
}

function ArticleEditor({ item }: { item?: KnowledgeItem }) {
  const { apiPath, link, workspaceId } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const tags = useQuery({
    queryKey: ['knowledge-tags', workspaceId],
    queryFn: () => get<Page<KnowledgeTagCount>>(apiPath('/knowledge/tags')),
  });
  const form = useForm({
    initialValues: {
      title: item?.title ?? '',
      body: item?.body ?? STARTER,
      tags: item?.tags ?? [],
      visibility: (item?.visibility ?? 'internal') as KnowledgeVisibility,
    },
    validate: {
      title: (v) => (v.trim() ? null : 'Give it a title'),
      body: (v) => (v.trim() ? null : 'Write something first'),
    },
  });
  const back = item ? link(`/knowledge/${item.id}`) : link('/knowledge');

  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs>
            <Anchor component={Link} to={link('/knowledge')}>
              Knowledge
            </Anchor>
            <Text>{item ? 'Edit article' : 'New article'}</Text>
          </Breadcrumbs>
        }
        title={item ? `Edit “${item.title}”` : 'New article'}
      />
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const saved = item
              ? await patch<KnowledgeItem>(apiPath(`/knowledge/${item.id}`), values)
              : await post<KnowledgeItem>(apiPath('/knowledge'), values);
            qc.setQueryData(['knowledge-item', saved.id], saved);
            await qc.invalidateQueries({ queryKey: ['knowledge'] });
            await qc.invalidateQueries({ queryKey: ['knowledge-tags'] });
            notifySaved(item ? 'Article saved' : 'Article added to the library');
            navigate(link(`/knowledge/${saved.id}`));
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack gap="md" maw={900}>
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
          <TagsInput
            label="Tags"
            description="Press Enter after each tag"
            data={(tags.data?.items ?? []).map((t) => t.tag)}
            clearable
            {...form.getInputProps('tags')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="visibility-label">
              Who can read it?
            </Text>
            <SegmentedControl
              aria-labelledby="visibility-label"
              data={(['internal', 'shared'] as const).map((v) => ({
                value: v,
                label: `${visibilityInfo[v].label} — ${visibilityInfo[v].hint.toLowerCase()}`,
              }))}
              {...form.getInputProps('visibility')}
            />
          </Stack>
          <Tabs defaultValue="write" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="write">Write</Tabs.Tab>
              <Tabs.Tab value="preview">Preview</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="write" pt="sm">
              <Textarea
                aria-label="Text (Markdown)"
                description="Markdown: # headings, **bold**, _italic_, - lists, [links](https://…), > quotes, ``` code"
                autosize
                minRows={14}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                {...form.getInputProps('body')}
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="sm">
              <Paper withBorder p="lg" radius="md" mih={200}>
                <Typography>
                  <Markdown source={form.values.body} />
                </Typography>
              </Paper>
            </Tabs.Panel>
          </Tabs>
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={back}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {item ? 'Save' : 'Add to the library'}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
