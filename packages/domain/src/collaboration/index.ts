import type { DataCategory } from '../access/model.ts';
import { addDays, osloDate } from '../calendar/date.ts';

// Issue 7 §§ 2–4: the rules of referrals, consent and break-the-glass. Pure; the server stores and
// the policy (access/policy.ts) decides from the relationships these produce.

/**
 * The legal basis a referral discloses data on (rules.md § 7): integreringsloven § 41 (processing
 * necessary for the integration tasks), § 42 (exchange between public bodies that need the data),
 * § 43 (registration in IMDi's registers), forvaltningsloven § 13 b (sharing what is necessary with
 * a work-related need), or the person's consent (then a consent record must cover the receiver).
 */
export const LEGAL_BASES = ['integreringsloven_41', 'integreringsloven_42', 'integreringsloven_43', 'forvaltningsloven_13b', 'consent'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** The statute each basis cites, as written in letters and the disclosure log. */
export const LEGAL_BASIS_CITATION: Record<LegalBasis, string> = {
  integreringsloven_41: 'integreringsloven § 41',
  integreringsloven_42: 'integreringsloven § 42',
  integreringsloven_43: 'integreringsloven § 43',
  forvaltningsloven_13b: 'forvaltningsloven § 13 b',
  consent: 'samtykke',
};

/** sent → accepted | declined | withdrawn; accepted → closed | withdrawn. Declined, closed and withdrawn are final. */
export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'closed', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export type ReferralAction = 'accept' | 'decline' | 'close' | 'withdraw';
/** Which side of the referral the actor acts for. */
export type ReferralSide = 'sender' | 'receiver';

const NEXT: Record<ReferralAction, { from: readonly ReferralStatus[]; to: ReferralStatus; by: readonly ReferralSide[] }> = {
  accept: { from: ['sent'], to: 'accepted', by: ['receiver'] },
  decline: { from: ['sent'], to: 'declined', by: ['receiver'] },
  // Either side may close an accepted referral with the outcome (the work is done or no longer needed).
  close: { from: ['accepted'], to: 'closed', by: ['receiver', 'sender'] },
  withdraw: { from: ['sent', 'accepted'], to: 'withdrawn', by: ['sender'] },
};

export type TransitionResult = { ok: true; to: ReferralStatus } | { ok: false; reason: 'wrong_side' | 'wrong_status' };

/** May `side` do `action` on a referral in `status`? With the status it moves to, or why not. */
export function referralTransition(status: ReferralStatus, action: ReferralAction, sides: readonly ReferralSide[]): TransitionResult {
  const rule = NEXT[action];
  if (!rule.by.some((s) => sides.includes(s))) return { ok: false, reason: 'wrong_side' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'wrong_status' };
  return { ok: true, to: rule.to };
}

/** Only an accepted referral that has not ended gives the receiving unit access. */
export function referralGivesAccess(status: ReferralStatus): boolean {
  return status === 'accepted';
}

/** Is the referral still work for the receiving unit (a task on its queue)? */
export function referralIsOpen(status: ReferralStatus): boolean {
  return status === 'sent' || status === 'accepted';
}

/** The instant a calendar day starts in Norway (DST-aware: 23:00 or 22:00 UTC the day before). */
export function osloStartOfDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // Try the two possible offsets (+01:00 winter, +02:00 summer): the right one maps back to the same date at 00:00.
  for (const offsetHours of [1, 2]) {
    const t = new Date(Date.UTC(y, m - 1, d, -offsetHours));
    if (osloDate(t) === iso && osloDate(new Date(t.getTime() - 1)) !== iso) return t;
  }
  return new Date(Date.UTC(y, m - 1, d, -1));
}

/**
 * The instants a consent valid from `validFrom` through `validUntil` (both whole days, Oslo time)
 * is in force: [from, until). Withdrawal ends it earlier, at the instant it is recorded.
 */
export function consentWindow(validFrom: string, validUntil: string): { from: Date; until: Date } {
  return { from: osloStartOfDay(validFrom), until: osloStartOfDay(addDays(validUntil, 1)) };
}

export type ConsentFacts = { validFrom: string; validUntil: string; withdrawnAt: Date | null };
export type ConsentState = 'pending' | 'active' | 'expired' | 'withdrawn';

/** Where a consent stands at an instant: not yet in force, in force, expired, or withdrawn. */
export function consentState(c: ConsentFacts, at: Date): ConsentState {
  if (c.withdrawnAt && c.withdrawnAt.getTime() <= at.getTime()) return 'withdrawn';
  const w = consentWindow(c.validFrom, c.validUntil);
  if (at.getTime() < w.from.getTime()) return 'pending';
  if (at.getTime() >= w.until.getTime()) return 'expired';
  return 'active';
}

/** Does a consent cover a receiving unit for every category a referral names? (Identity is implied.) */
export function consentCoversReferral(c: { unitIds: readonly string[]; categories: readonly DataCategory[] }, unitId: string, categories: readonly DataCategory[]): boolean {
  return c.unitIds.includes(unitId) && categories.every((x) => x === 'identity' || c.categories.includes(x));
}

/** Break-the-glass lasts this long unless the municipality sets otherwise (issue 7 § 4). */
export const BREAK_GLASS_DEFAULT_HOURS = 3;
/** A reason shorter than this says nothing a reviewer could check. */
export const BREAK_GLASS_REASON_MIN = 20;

/** When a grant started at `start` expires. */
export function breakGlassExpiry(start: Date, hours: number = BREAK_GLASS_DEFAULT_HOURS): Date {
  return new Date(start.getTime() + hours * 3_600_000);
}

/** Is a grant in force at an instant (started, not expired, not ended early)? */
export function breakGlassActive(g: { startedAt: Date; expiresAt: Date; endedAt: Date | null }, at: Date): boolean {
  const t = at.getTime();
  return g.startedAt.getTime() <= t && t < g.expiresAt.getTime() && (g.endedAt === null || t < g.endedAt.getTime());
}
