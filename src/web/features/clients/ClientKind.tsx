import { Anchor, Badge, Box } from '@mantine/core';
import type { ClientKind } from '../../../server/features/clients/clients.contract';

export const clientKindLabel: Record<ClientKind, string> = {
  external: 'External organisation',
  internal: 'Internal department',
};

const shortLabel: Record<ClientKind, string> = { external: 'External', internal: 'Internal' };

/** The client's kind; `compact` shortens it to one word on narrow screens (table columns). */
export function ClientKindBadge({ kind, compact }: { kind: ClientKind; compact?: boolean }) {
  return (
    <Badge
      component="span"
      variant="light"
      color={kind === 'external' ? 'indigo' : 'teal'}
      style={{ flexShrink: 0 }}
      title={clientKindLabel[kind]}
    >
      {compact ? (
        <>
          <Box component="span" visibleFrom="sm">
            {clientKindLabel[kind]}
          </Box>
          <Box component="span" hiddenFrom="sm">
            {shortLabel[kind]}
          </Box>
        </>
      ) : (
        clientKindLabel[kind]
      )}
    </Badge>
  );
}

/** A website as typed ("acme.com" or a full URL), opened in a new tab. */
export function WebsiteLink({ website }: { website: string }) {
  const href = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
      {website.replace(/^https?:\/\//i, '').replace(/\/$/, '')}
    </Anchor>
  );
}
