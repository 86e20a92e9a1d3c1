import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { authThrottle } from '../db/schema.ts';
import { sha256 } from './crypto.ts';
import { AppError } from './errors.ts';

/** Fixed-window limits for sign-in; stored in the database so several app processes share them. */
export const THROTTLE = {
  /** Failed password or TOTP attempts per account per window. */
  account: { max: 10, windowMs: 15 * 60_000 },
  /** Sign-in attempts (any outcome) per client IP per window. */
  ip: { max: 60, windowMs: 60_000 },
} as const;

const keyOf = (kind: 'acct' | 'ip' | 'totp', value: string) => `${kind}:${sha256(value.toLowerCase())}`;

async function current(db: Db, key: string, windowMs: number, now: Date): Promise<number> {
  const rows = await db.select().from(authThrottle).where(sql`${authThrottle.key} = ${key}`).limit(1);
  const r = rows[0];
  if (!r || now.getTime() - r.windowStart.getTime() >= windowMs) return 0;
  return r.count;
}

async function bump(db: Db, key: string, windowMs: number, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - windowMs);
  await db
    .insert(authThrottle)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        count: sql`CASE WHEN ${authThrottle.windowStart} <= ${cutoff} THEN 1 ELSE ${authThrottle.count} + 1 END`,
        windowStart: sql`CASE WHEN ${authThrottle.windowStart} <= ${cutoff} THEN ${now} ELSE ${authThrottle.windowStart} END`,
      },
    });
}

function limited(windowMs: number): AppError {
  return new AppError('RATE_LIMITED', 'Too many sign-in attempts. Wait a while and try again.', {
    headers: { 'retry-after': String(Math.ceil(windowMs / 1000)) },
  });
}

/** Counts this attempt against the IP and refuses when the IP or the account is over its limit. */
export async function guardSignIn(db: Db, ip: string, account: string, now: Date): Promise<void> {
  const ipKey = keyOf('ip', ip);
  if ((await current(db, ipKey, THROTTLE.ip.windowMs, now)) >= THROTTLE.ip.max) throw limited(THROTTLE.ip.windowMs);
  await bump(db, ipKey, THROTTLE.ip.windowMs, now);
  if ((await current(db, keyOf('acct', account), THROTTLE.account.windowMs, now)) >= THROTTLE.account.max) {
    throw limited(THROTTLE.account.windowMs);
  }
}

/** Records a failed attempt against the account. */
export async function recordFailure(db: Db, account: string, now: Date): Promise<void> {
  await bump(db, keyOf('acct', account), THROTTLE.account.windowMs, now);
}

/** Clears the account's failures after a successful sign-in. */
export async function clearFailures(db: Db, account: string): Promise<void> {
  await db.delete(authThrottle).where(sql`${authThrottle.key} = ${keyOf('acct', account)}`);
}
