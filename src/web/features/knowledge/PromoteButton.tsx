import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBooks } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { KnowledgeItem } from '../../../server/features/knowledge/knowledge.contract';
import { post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';

/**
 * "Promote to the library": makes a knowledge item of a learning or a concluded experiment (or finds the one
 * it already became) and opens it, so it can be edited and shared.
 */
export function PromoteButton({ path, what, compact }: { path: string; what: string; compact?: boolean }) {
  const { apiPath, link } = useWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const promote = useMutation({
    mutationFn: () => post<KnowledgeItem>(apiPath(path)),
    onSuccess: async (item) => {
      await queryClient.invalidateQueries({ queryKey: ['knowledge'] });
      notifications.show({ message: `“${item.title}” is in the knowledge library` });
      navigate(link(`/knowledge/${item.id}`));
    },
    onError: (err) => showApiError(err),
  });
  const label = `Promote ${what} to the knowledge library`;
  if (compact)
    return (
      <Tooltip label="Promote to the library">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={label}
          loading={promote.isPending}
          onClick={() => promote.mutate()}
        >
          <IconBooks size={14} />
        </ActionIcon>
      </Tooltip>
    );
  return (
    <Button
      variant="light"
      leftSection={<IconBooks size={16} />}
      aria-label={label}
      loading={promote.isPending}
      onClick={() => promote.mutate()}
    >
      Promote to library
    </Button>
  );
}
