import type { PortalMe } from '../../../server/features/portal/portal.contract';

// The portal talks only to /api/v1/portal: its own session cookie lives on that path alone.
export const portalPath = (path: string) => `/api/v1/portal${path}`;
export const relPath = (relationshipId: string, path = '') =>
  portalPath(`/relationships/${relationshipId}${path}`);

export type PortalOutlet = { me: PortalMe };
