import { z } from 'zod';
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS } from '@eidor/domain';
import { IsoDateTime, Uuid } from './common.ts';
import { CalendarDate } from './people.ts';
import { IdParams } from './platform.ts';

// Issue 7 § 8: the in-app inbox, each user's delivery choices, and the daily jobs behind them.

export const NotificationKindName = z.enum(NOTIFICATION_KINDS);
export const NotificationDeliveryName = z.enum(NOTIFICATION_DELIVERIES);
export const MAIL_LANGUAGES = ['nb', 'nn', 'en'] as const;

export const NotificationView = z.object({
  id: Uuid,
  /** A kind this version may not know yet (added by a later release) is shown as "other". */
  kind: z.string(),
  /** Non-personal strings for the text (a date, a count, a unit's name). */
  params: z.record(z.string(), z.string()),
  /** An in-app path. */
  link: z.string(),
  createdAt: IsoDateTime,
  read: z.boolean(),
  /** About a person: their name when the reader may still see them, else null ("a person"). */
  person: z.object({ id: Uuid, name: z.string() }).nullable(),
  aboutPerson: z.boolean(),
});
export type NotificationViewT = z.infer<typeof NotificationView>;

export const InboxQuery = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    /** The cursor of the next page, from the previous answer. */
    before: z.string().max(100).optional(),
  })
  .strict();

export const InboxResponse = z.object({
  items: z.array(NotificationView),
  unread: z.number().int(),
  /** Pass as `before` for older notifications; null at the end. */
  next: z.string().nullable(),
});

export const UnreadCountResponse = z.object({ unread: z.number().int() });
export const MarkAllReadResponse = z.object({ marked: z.number().int(), unread: z.number().int() });

export const NotificationPreferencesView = z.object({
  language: z.enum(MAIL_LANGUAGES),
  kinds: z.array(z.object({ kind: NotificationKindName, delivery: NotificationDeliveryName, defaultDelivery: NotificationDeliveryName })),
});

export const SaveNotificationPreferencesRequest = z
  .object({
    language: z.enum(MAIL_LANGUAGES),
    /** A delivery per kind; kinds left out keep their current choice. */
    kinds: z.partialRecord(NotificationKindName, NotificationDeliveryName),
  })
  .strict();

export const NOTIFICATION_JOBS = ['daily_digest', 'deadline_coming'] as const;
export const RunNotificationJobsRequest = z
  .object({
    jobs: z.array(z.enum(NOTIFICATION_JOBS)).min(1).max(2),
    /** Run as of this day (default today); a job runs once per municipality and day. */
    date: CalendarDate.optional(),
  })
  .strict();
export const RunNotificationJobsResponse = z.object({
  results: z.array(z.object({ job: z.enum(NOTIFICATION_JOBS), date: z.string(), ran: z.boolean(), count: z.number().int() })),
});

export const notificationEndpoints = {
  listNotifications: { method: 'GET', path: '/api/notifications', summary: "The signed-in user's notifications, newest first (person names audited)", query: InboxQuery, status: 200, response: InboxResponse },
  notificationCount: { method: 'GET', path: '/api/notifications/count', summary: 'How many notifications the signed-in user has not read', status: 200, response: UnreadCountResponse },
  markNotificationRead: { method: 'POST', path: '/api/notifications/:id/read', summary: 'Mark one of one’s notifications read', params: IdParams, status: 200, response: UnreadCountResponse },
  markAllNotificationsRead: { method: 'POST', path: '/api/notifications/read-all', summary: 'Mark all of one’s notifications read', status: 200, response: MarkAllReadResponse },
  getNotificationPreferences: { method: 'GET', path: '/api/notifications/preferences', summary: 'How each kind of notification reaches the signed-in user', status: 200, response: NotificationPreferencesView },
  saveNotificationPreferences: { method: 'PUT', path: '/api/notifications/preferences', summary: 'Choose in-app only, e-mail at once or the daily digest per kind, and the mail language', body: SaveNotificationPreferencesRequest, status: 200, response: NotificationPreferencesView },
  runNotificationJobs: { method: 'POST', path: '/api/notifications/jobs/run', summary: "Run the daily digest and deadline jobs for the administrator's municipality now (each at most once a day)", body: RunNotificationJobsRequest, status: 200, response: RunNotificationJobsResponse },
} as const;
