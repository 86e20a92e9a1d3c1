import { DEFAULT_DELIVERY, type NotificationKind } from '@eidor/domain';
import type { Ctx } from '../../platform/context.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { immediateMail } from './mail-texts.ts';
import { activeRecipients, deliveriesFor, insertNotifications, mailLanguages } from './queries.ts';

export type NotifyInput = {
  kind: NotificationKind;
  /** Users and units to notify; a unit means every active user holding a role in it. */
  recipients: { userIds?: string[]; unitIds?: string[] };
  /** The person it is about: the inbox shows the name only to a reader who may still see them. */
  personId?: string | null;
  /** An in-app path (`/people/…`): no personal data, it ends up in mails and browser history. */
  link: string;
  /** Non-personal strings for the in-app text (a date, a count, a unit's name). Never in mails. */
  params?: Record<string, string>;
  /** Makes it once-only per recipient: a second notify with the same key is skipped for them. */
  sourceKey?: string;
};

const MAX_PARAMS = 10;

function check(n: NotifyInput): void {
  // A programming error, not user input: fail loudly rather than store a link that leaves the app.
  if (!/^\/[^/\\]/.test(n.link) || n.link.length > 500 || /\s/.test(n.link)) throw new Error(`notify: link must be an in-app path`);
  const params = Object.entries(n.params ?? {});
  if (params.length > MAX_PARAMS || params.some(([k, v]) => typeof v !== 'string' || v.length > 200 || !/^[a-zA-Z][a-zA-Z0-9_]{0,40}$/.test(k))) {
    throw new Error('notify: params must be at most 10 short strings');
  }
}

/**
 * Notifies users, in the caller's transaction: an inbox row per recipient (units resolved to their
 * active users, each once, never the actor), and an outbox mail for those who want mail at once.
 * The mail names only the kind and links into the app.
 */
export async function notify(ctx: Ctx, n: NotifyInput): Promise<void> {
  await notifyCounted(ctx, n);
}

/** notify(), returning how many recipients got a new notification. */
export async function notifyCounted(ctx: Ctx, n: NotifyInput): Promise<number> {
  check(n);
  const recipients = await activeRecipients(
    ctx.tx,
    ctx.actor.municipalityId,
    [...new Set(n.recipients.userIds ?? [])],
    [...new Set(n.recipients.unitIds ?? [])],
    ctx.actor.userId || null,
  );
  if (recipients.length === 0) return 0;
  const ids = recipients.map((r) => r.id);
  const chosen = await deliveriesFor(ctx.tx, ids, n.kind);
  const deliveryOf = (id: string) => chosen.get(id) ?? DEFAULT_DELIVERY[n.kind] ?? 'in_app';
  const inserted = await insertNotifications(
    ctx.tx,
    recipients.map((r) => ({
      municipalityId: ctx.actor.municipalityId,
      userId: r.id,
      kind: n.kind,
      personId: n.personId ?? null,
      link: n.link,
      params: n.params ?? {},
      delivery: deliveryOf(r.id),
      sourceKey: n.sourceKey ?? null,
      actorUserId: ctx.actor.userId || null,
      now: ctx.now,
    })),
  );
  const mailTo = recipients.filter((r) => inserted.has(r.id) && deliveryOf(r.id) === 'email');
  if (mailTo.length > 0) await mailAtOnce(ctx, mailTo, n);
  return inserted.size;
}

async function mailAtOnce(ctx: Ctx, mailTo: readonly { id: string; email: string }[], n: NotifyInput): Promise<void> {
  const languages = await mailLanguages(ctx.tx, mailTo.map((r) => r.id));
  for (const r of mailTo) {
    const mail = immediateMail(languages.get(r.id) ?? 'nb', ctx.publicUrl, n.kind);
    await enqueueMail(ctx.tx, { municipalityId: ctx.actor.municipalityId, to: r.email, subject: mail.subject, body: mail.body, now: ctx.now });
  }
}
