import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Text, Typography } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { KnowledgeItem } from '../../../server/features/knowledge/knowledge.contract';
import { del, get } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { formatDate } from '../../ui/when';
import { useMe, useWorkspace } from '../../ui/workspace';
import { VisibilityBadge } from './knowledgeTerms';
import { Markdown } from './Markdown';

export function ArticlePage() {
  const { knowledgeId = '' } = useParams();
  const { apiPath, link, isAdmin } = useWorkspace();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const item = useQuery({
    queryKey: ['knowledge-item', knowledgeId],
    queryFn: () => get<KnowledgeItem>(apiPath(`/knowledge/${knowledgeId}`)),
  });

  const remove = (k: KnowledgeItem) =>
    modals.openConfirmModal({
      title: `Delete “${k.title}”?`,
      children: <Text size="sm">The article leaves the library and the clients’ portal.</Text>,
      labels: { confirm: 'Delete article', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(apiPath(`/knowledge/${k.id}`));
          await qc.invalidateQueries({ queryKey: ['knowledge'] });
          await qc.invalidateQueries({ queryKey: ['knowledge-tags'] });
          navigate(link('/knowledge'));
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <QueryState query={item}>
      {(k) => (
        <>
          <PageHeader
            above={
              <Breadcrumbs>
                <Anchor component={Link} to={link('/knowledge')}>
                  Knowledge
                </Anchor>
                <Text truncate maw={280}>
                  {k.title}
                </Text>
              </Breadcrumbs>
            }
            title={k.title}
            actions={
              <>
                <Button
                  variant="default"
                  component={Link}
                  to={link(`/knowledge/${k.id}/edit`)}
                  leftSection={<IconPencil size={16} />}
                >
                  Edit
                </Button>
                {(isAdmin || k.createdBy?.id === me.data?.user.id) && (
                  <Button variant="subtle" color="red" onClick={() => remove(k)}>
                    Delete
                  </Button>
                )}
              </>
            }
          />
          <Stack gap="md" maw={820}>
            <Group gap="xs" wrap="wrap">
              <VisibilityBadge visibility={k.visibility} />
              {k.tags.map((t) => (
                <Badge
                  key={t}
                  variant="outline"
                  component={Link}
                  to={link(`/knowledge?tag=${encodeURIComponent(t)}`)}
                  style={{ textTransform: 'none', cursor: 'pointer' }}
                >
                  #{t}
                </Badge>
              ))}
              <Text size="xs" c="dimmed">
                {k.createdBy ? `Written by ${k.createdBy.name}` : 'Written by a former member'}
                {k.updatedBy && k.updatedBy.id !== k.createdBy?.id
                  ? `, last edited by ${k.updatedBy.name}`
                  : ''}{' '}
                · {formatDate(k.updatedAt)}
                {k.source ? ` · promoted from a ${k.source.kind}` : ''}
              </Text>
            </Group>
            <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
              <Typography>
                <Markdown source={k.body} />
              </Typography>
            </Paper>
          </Stack>
        </>
      )}
    </QueryState>
  );
}
