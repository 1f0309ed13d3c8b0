import { Badge } from '@mantine/core';
import type { ServiceKind } from '../../../server/features/services/services.contract';

export const kindLabel: Record<ServiceKind, string> = {
  external: 'External',
  internal: 'Internal',
};

export function ServiceKindBadge({ kind }: { kind: ServiceKind }) {
  return (
    <Badge variant="light" color={kind === 'external' ? 'indigo' : 'teal'}>
      {kindLabel[kind]}
    </Badge>
  );
}
