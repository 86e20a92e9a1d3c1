import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakGlassActive,
  breakGlassExpiry,
  consentCoversReferral,
  consentState,
  consentWindow,
  osloStartOfDay,
  referralGivesAccess,
  referralTransition,
  REFERRAL_STATUSES,
  type ReferralAction,
} from './index.ts';

describe('referral status', () => {
  it('the receiver accepts or declines a sent referral; the sender withdraws; either closes an accepted one', () => {
    expect(referralTransition('sent', 'accept', ['receiver'])).toEqual({ ok: true, to: 'accepted' });
    expect(referralTransition('sent', 'decline', ['receiver'])).toEqual({ ok: true, to: 'declined' });
    expect(referralTransition('sent', 'accept', ['sender'])).toEqual({ ok: false, reason: 'wrong_side' });
    expect(referralTransition('accepted', 'close', ['sender'])).toEqual({ ok: true, to: 'closed' });
    expect(referralTransition('accepted', 'withdraw', ['sender'])).toEqual({ ok: true, to: 'withdrawn' });
    expect(referralTransition('sent', 'close', ['receiver'])).toEqual({ ok: false, reason: 'wrong_status' });
    expect(referralTransition('accepted', 'withdraw', ['receiver'])).toEqual({ ok: false, reason: 'wrong_side' });
  });

  it('declined, closed and withdrawn are final, and only accepted gives access', () => {
    const actions: ReferralAction[] = ['accept', 'decline', 'close', 'withdraw'];
    fc.assert(
      fc.property(fc.constantFrom('declined', 'closed', 'withdrawn' as const), fc.constantFrom(...actions), (s, a) => {
        expect(referralTransition(s, a, ['sender', 'receiver']).ok).toBe(false);
      }),
    );
    expect(REFERRAL_STATUSES.filter(referralGivesAccess)).toEqual(['accepted']);
  });
});

describe('consent', () => {
  it('is in force from Oslo midnight of the first day to Oslo midnight after the last, in summer and winter', () => {
    expect(osloStartOfDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(osloStartOfDay('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    const w = consentWindow('2026-11-01', '2026-11-30');
    expect(w.until.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    const c = { validFrom: '2026-11-01', validUntil: '2026-11-30', withdrawnAt: null };
    expect(consentState(c, new Date('2026-10-31T22:59:59Z'))).toBe('pending');
    expect(consentState(c, new Date('2026-10-31T23:00:00Z'))).toBe('active');
    expect(consentState(c, new Date('2026-11-30T22:59:59Z'))).toBe('active');
    expect(consentState(c, new Date('2026-11-30T23:00:00Z'))).toBe('expired');
  });

  it('withdrawal takes effect at the instant it is recorded', () => {
    const c = { validFrom: '2026-11-01', validUntil: '2027-11-30', withdrawnAt: new Date('2026-11-23T10:00:00Z') };
    expect(consentState(c, new Date('2026-11-23T09:59:59Z'))).toBe('active');
    expect(consentState(c, new Date('2026-11-23T10:00:00Z'))).toBe('withdrawn');
  });

  it('covers a referral only for its units and categories (identity implied)', () => {
    const c = { unitIds: ['health'], categories: ['health' as const] };
    expect(consentCoversReferral(c, 'health', ['identity', 'health'])).toBe(true);
    expect(consentCoversReferral(c, 'nav', ['health'])).toBe(false);
    expect(consentCoversReferral(c, 'health', ['economy'])).toBe(false);
  });

  it('a window always starts before it ends (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 4000 }), (d, n) => {
        const from = d.toISOString().slice(0, 10);
        const until = new Date(d.getTime() + n * 86_400_000).toISOString().slice(0, 10);
        const w = consentWindow(from, until);
        expect(w.until.getTime()).toBeGreaterThan(w.from.getTime());
      }),
    );
  });
});

describe('break-the-glass', () => {
  it('lasts three hours by default and ends early when ended', () => {
    const start = new Date('2026-11-23T09:00:00Z');
    const expiresAt = breakGlassExpiry(start);
    expect(expiresAt.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    const g = { startedAt: start, expiresAt, endedAt: null };
    expect(breakGlassActive(g, new Date('2026-11-23T11:59:59Z'))).toBe(true);
    expect(breakGlassActive(g, expiresAt)).toBe(false);
    expect(breakGlassActive({ ...g, endedAt: new Date('2026-11-23T10:00:00Z') }, new Date('2026-11-23T10:00:00Z'))).toBe(false);
  });
});
