import { Badge } from '@mantine/core';
import { IconLock, IconShare } from '@tabler/icons-react';
import type { KnowledgeVisibility } from '../../../server/features/knowledge/knowledge.contract';

export const visibilityInfo: Record<KnowledgeVisibility, { label: string; hint: string }> = {
  internal: { label: 'Internal', hint: 'Only us' },
  shared: { label: 'Shared', hint: 'Clients see it in their portal' },
};

export function VisibilityBadge({ visibility }: { visibility: KnowledgeVisibility }) {
  const shared = visibility === 'shared';
  return (
    <Badge
      variant="light"
      color={shared ? 'teal' : 'gray'}
      leftSection={shared ? <IconShare size={12} /> : <IconLock size={12} />}
      style={{ flexShrink: 0 }}
    >
      {visibilityInfo[visibility].label}
    </Badge>
  );
}
