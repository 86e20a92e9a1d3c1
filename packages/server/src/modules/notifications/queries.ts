import type { NotificationDelivery } from '@eidor/domain';
import type { Db } from '../../db/client.ts';
import { pgArray, rows } from '../../db/raw.ts';
import type { MailLanguage } from './mail-texts.ts';

// All SQL of the notifications module.

export type Recipient = { id: string; email: string };

/**
 * Active users among `userIds` plus the active users holding any role in `unitIds`, once each,
 * without `exclude` (the actor: nobody is notified of what they did themselves).
 */
export async function activeRecipients(
  tx: Db,
  municipalityId: string,
  userIds: readonly string[],
  unitIds: readonly string[],
  exclude: string | null,
): Promise<Recipient[]> {
  if (userIds.length === 0 && unitIds.length === 0) return [];
  return rows<Recipient>(
    tx,
    `SELECT u.id, u.email::text AS email FROM users u
      WHERE u.municipality_id = $1 AND u.status = 'active' AND ($4::uuid IS NULL OR u.id <> $4::uuid)
        AND (u.id = ANY($2::uuid[])
             OR EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id AND r.unit_id = ANY($3::uuid[])))
      ORDER BY u.id`,
    [municipalityId, pgArray(userIds), pgArray(unitIds), exclude],
  );
}

/** Each user's delivery choice for one kind (users without a row are absent). */
export async function deliveriesFor(tx: Db, userIds: readonly string[], kind: string): Promise<Map<string, NotificationDelivery>> {
  if (userIds.length === 0) return new Map();
  const r = await rows<{ user_id: string; delivery: NotificationDelivery }>(
    tx,
    `SELECT user_id, delivery FROM notification_preferences WHERE user_id = ANY($1::uuid[]) AND kind = $2`,
    [pgArray(userIds), kind],
  );
  return new Map(r.map((x) => [x.user_id, x.delivery]));
}

/** Each user's mail language (users without a choice are absent: bokmål). */
export async function mailLanguages(tx: Db, userIds: readonly string[]): Promise<Map<string, MailLanguage>> {
  if (userIds.length === 0) return new Map();
  const r = await rows<{ user_id: string; mail_language: MailLanguage }>(
    tx,
    `SELECT user_id, mail_language FROM notification_settings WHERE user_id = ANY($1::uuid[])`,
    [pgArray(userIds)],
  );
  return new Map(r.map((x) => [x.user_id, x.mail_language]));
}

export type NewNotification = {
  municipalityId: string;
  userId: string;
  kind: string;
  personId: string | null;
  link: string;
  params: Record<string, string>;
  delivery: NotificationDelivery;
  sourceKey: string | null;
  actorUserId: string | null;
  now: Date;
};

/**
 * Inserts notifications; one with a source key its recipient already has is skipped. Returns the
 * recipients that got a new one.
 */
export async function insertNotifications(tx: Db, list: readonly NewNotification[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  // One statement per row keeps the parameter count small and lets ON CONFLICT skip duplicates.
  for (const n of list) {
    const r = await rows<{ user_id: string }>(
      tx,
      `INSERT INTO notifications (municipality_id, user_id, kind, person_id, link, params, delivery, source_key, actor_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)
       ON CONFLICT (user_id, source_key) WHERE source_key IS NOT NULL DO NOTHING
       RETURNING user_id`,
      [n.municipalityId, n.userId, n.kind, n.personId, n.link, JSON.stringify(n.params), n.delivery, n.sourceKey, n.actorUserId, n.now.toISOString()],
    );
    if (r[0]) inserted.add(r[0].user_id);
  }
  return inserted;
}

export type NotificationRow = {
  id: string;
  kind: string;
  person_id: string | null;
  link: string;
  params: Record<string, string> | string;
  created_at: Date | string;
  read_at: Date | string | null;
};

const COLS = `id, kind, person_id, link, params, created_at, read_at`;

/** A user's notifications, newest first, a page at a time (`before` = the last one's time and id). */
export async function inboxOf(
  tx: Db,
  userId: string,
  opts: { unreadOnly: boolean; limit: number; before: { at: string; id: string } | null },
): Promise<NotificationRow[]> {
  return rows<NotificationRow>(
    tx,
    `SELECT ${COLS} FROM notifications
      WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL)
        AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
      ORDER BY created_at DESC, id DESC LIMIT $5`,
    [userId, opts.unreadOnly, opts.before?.at ?? null, opts.before?.id ?? null, opts.limit],
  );
}

export async function unreadCount(tx: Db, userId: string): Promise<number> {
  const r = await rows<{ n: number | string }>(tx, `SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
  return Number(r[0]?.n ?? 0);
}

/** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(tx: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const r = await rows<{ id: string }>(
    tx,
    `UPDATE notifications SET read_at = coalesce(read_at, $3::timestamptz) WHERE id = $2 AND user_id = $1 RETURNING id`,
    [userId, id, now.toISOString()],
  );
  return r.length > 0;
}

export async function markAllRead(tx: Db, userId: string, now: Date): Promise<number> {
  const r = await rows<{ id: string }>(tx, `UPDATE notifications SET read_at = $2::timestamptz WHERE user_id = $1 AND read_at IS NULL RETURNING id`, [
    userId,
    now.toISOString(),
  ]);
  return r.length;
}

export async function preferencesOf(tx: Db, userId: string): Promise<{ kinds: Map<string, NotificationDelivery>; language: MailLanguage | null }> {
  const k = await rows<{ kind: string; delivery: NotificationDelivery }>(tx, `SELECT kind, delivery FROM notification_preferences WHERE user_id = $1`, [userId]);
  const l = await rows<{ mail_language: MailLanguage }>(tx, `SELECT mail_language FROM notification_settings WHERE user_id = $1`, [userId]);
  return { kinds: new Map(k.map((x) => [x.kind, x.delivery])), language: l[0]?.mail_language ?? null };
}

export async function savePreferences(
  tx: Db,
  p: { municipalityId: string; userId: string; kinds: Record<string, NotificationDelivery>; language: MailLanguage; now: Date },
): Promise<void> {
  for (const [kind, delivery] of Object.entries(p.kinds)) {
    await rows(
      tx,
      `INSERT INTO notification_preferences (municipality_id, user_id, kind, delivery, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = EXCLUDED.updated_at`,
      [p.municipalityId, p.userId, kind, delivery, p.now.toISOString()],
    );
  }
  await rows(
    tx,
    `INSERT INTO notification_settings (municipality_id, user_id, mail_language, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET mail_language = EXCLUDED.mail_language, updated_at = EXCLUDED.updated_at`,
    [p.municipalityId, p.userId, p.language, p.now.toISOString()],
  );
}
