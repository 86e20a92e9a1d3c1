// Notifications (issue 7 point 8): what kinds exist, how each reaches a user by default, and when a
// task's deadline is "coming". The texts live with the screens (web) and the mails (server).

/** Every kind of notification. Add a kind here, then its texts in the web and mail message files. */
export const NOTIFICATION_KINDS = [
  'referral_new',
  'referral_answered',
  'documentation_request',
  'deadline_coming',
  'consent_withdrawn',
  'break_glass',
  'group_member_added',
  'action_point',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** In the inbox only, an e-mail at once, or one e-mail a day with everything unread. */
export const NOTIFICATION_DELIVERIES = ['in_app', 'email', 'digest'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/**
 * The delivery a user gets until they choose: things someone waits for (a referral, a request for
 * documentation, a withdrawn consent, a break-the-glass on one's record) by e-mail at once; the
 * routine (deadlines, group changes, action points) in the daily digest.
 */
export const DEFAULT_DELIVERY: Readonly<Record<NotificationKind, NotificationDelivery>> = {
  referral_new: 'email',
  referral_answered: 'email',
  documentation_request: 'email',
  deadline_coming: 'digest',
  consent_withdrawn: 'email',
  break_glass: 'email',
  group_member_added: 'digest',
  action_point: 'digest',
};

export const isNotificationKind = (k: string): k is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(k);

/** How many days ahead a deadline counts as "coming". */
export const DEADLINE_NOTICE_DAYS = 7;

const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * Whether an open task's due date calls for a "deadline coming" notice on `today`: due within the
 * next seven days, or already overdue. A task without a due date never does.
 */
export function deadlineComing(dueDate: string | null, today: string): { coming: boolean; daysLeft: number | null } {
  if (!dueDate) return { coming: false, daysLeft: null };
  const daysLeft = dayNumber(dueDate) - dayNumber(today);
  return { coming: daysLeft <= DEADLINE_NOTICE_DAYS, daysLeft };
}
