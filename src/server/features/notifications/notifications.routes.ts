import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { member } from '../../platform/auth/actor';
import { id, pageOf } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import {
  markAllReadInput,
  markedRead,
  notification,
  notificationListQuery,
  notificationPatch,
  unreadCount as unreadCountSchema,
} from './notifications.contract';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.store';

const params = z.object({ workspaceId: z.string(), notificationId: id });
const tags = ['Notifications'];

/** Each member's own notifications: nobody else's are visible, not even an admin's. */
export function notificationsRoutes(app: FastifyInstance, { db, now }: AppDeps): void {
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: 'List my notifications',
          description: 'Newest first; `unread=true` for only the unread ones.',
          querystring: notificationListQuery,
          response: { 200: pageOf(notification) },
        },
      },
      async (req) => {
        const m = member(req);
        return listNotifications(db, m.workspaceId, m.userId, req.query);
      },
    );

    r.get(
      '/notifications/unread-count',
      {
        schema: {
          tags,
          summary: 'Count my unread notifications',
          description: 'What the bell shows.',
          response: { 200: unreadCountSchema },
        },
      },
      async (req) => {
        const m = member(req);
        return { unread: await unreadCount(db, m.workspaceId, m.userId) };
      },
    );

    r.patch(
      '/notifications/:notificationId',
      {
        schema: {
          tags,
          summary: 'Mark a notification read or unread',
          params,
          body: notificationPatch,
          response: { 200: notification },
        },
      },
      // Reading one's own notifications is not an audited change of workspace data.
      async (req) => {
        const m = member(req);
        return markRead(db, m.workspaceId, m.userId, req.params.notificationId, req.body.read, now());
      },
    );

    r.post(
      '/notifications/read-all',
      {
        schema: {
          tags,
          summary: 'Mark all my notifications read',
          body: markAllReadInput,
          response: { 200: markedRead },
        },
      },
      async (req) => {
        const m = member(req);
        const before = req.body?.before ? new Date(req.body.before) : undefined;
        return { marked: await markAllRead(db, m.workspaceId, m.userId, before, now()) };
      },
    );
  });
}
