import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { member } from '../../platform/auth/actor';
import { id } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { relationshipRef } from '../check-ins/check-ins.relationship';
import { portalPreview } from './portal.contract';
import {
  getPortalRelationship,
  listPortalCheckIns,
  listPortalTopics,
  listPortalTouchpoints,
} from './portal.read';
import type { PortalViewer } from './portal-auth.store';
import { listPortalEvents, listPortalKnowledge } from './portal-community.read';

const PAGE = { limit: 50 };

/**
 * "View as client": a member sees a relationship exactly as its client's contacts do in the portal —
 * the same read functions, the same response schemas, with nobody signed in as the contact.
 */
export function portalPreviewRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/relationships/:relationshipId/portal-preview',
      {
        schema: {
          tags: ['Client portal'],
          summary: 'What the client sees of this relationship in the portal',
          params: z.object({ workspaceId: z.string(), relationshipId: id }),
          response: { 200: portalPreview },
        },
      },
      async (req) => {
        const workspaceId = member(req).workspaceId;
        const rel = await relationshipRef(db, workspaceId, req.params.relationshipId);
        const v: PortalViewer = {
          workspaceId,
          clientId: rel.clientId,
          contactId: null,
          contactName: 'Preview',
        };
        const at = now();
        const [relationship, upcoming, past, topics, touchpoints, events, knowledge] = await Promise.all([
          getPortalRelationship(db, v, rel.id),
          listPortalCheckIns(db, v, rel.id, { ...PAGE, when: 'upcoming' }, at),
          listPortalCheckIns(db, v, rel.id, { ...PAGE, when: 'past' }, at),
          listPortalTopics(db, v, rel.id, PAGE),
          listPortalTouchpoints(db, v, rel.id, PAGE),
          listPortalEvents(db, v, { ...PAGE, when: 'upcoming' }, at),
          listPortalKnowledge(db, v, PAGE),
        ]);
        return {
          relationship,
          upcomingCheckIns: upcoming.items,
          pastCheckIns: past.items,
          topics: topics.items,
          touchpoints: touchpoints.items,
          events: events.items,
          knowledge: knowledge.items,
        };
      },
    );
  });
}
