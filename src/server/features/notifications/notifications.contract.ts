import { z } from 'zod';
import { id, isoDateTime, pageQuery, timestamp } from '../../platform/common.contract';

export const notificationKinds = [
  'check_in_upcoming',
  'check_in_unrecorded',
  'check_in_due',
  'check_in_overdue',
  'topic_raised',
  'topic_voted',
  'topic_commented',
  'client_context',
  'event_rsvp',
] as const;
export const notificationKind = z
  .enum(notificationKinds)
  .describe(
    'check_in_upcoming: a scheduled check-in is tomorrow · check_in_unrecorded: one passed without being marked held or skipped · check_in_due / check_in_overdue: the cadence says one is due · topic_raised: a client raised a topic · topic_voted, topic_commented · client_context: a client contact shared their side of a check-in in the portal · event_rsvp: a client contact answered an event invitation in the portal',
  );

export const notification = z.object({
  id,
  kind: notificationKind,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('Where in the app it leads (a path)'),
  relationshipId: id.nullable(),
  checkInId: id.nullable(),
  topicId: id.nullable(),
  read: z.boolean(),
  readAt: timestamp.nullable(),
  createdAt: timestamp,
});

export const notificationListQuery = pageQuery.extend({
  unread: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .describe('true: only unread ones'),
});

export const notificationPatch = z.object({
  read: z.boolean({ error: 'must be true or false' }),
});

export const markAllReadInput = z
  .object({
    before: isoDateTime
      .optional()
      .describe('Only those created up to this moment (what the reader saw); default: all'),
  })
  .nullish();

export const unreadCount = z.object({ unread: z.number().int() });
export const markedRead = z.object({ marked: z.number().int() });

export type NotificationKind = z.infer<typeof notificationKind>;
export type Notification = z.infer<typeof notification>;
export type NotificationListQuery = z.infer<typeof notificationListQuery>;
