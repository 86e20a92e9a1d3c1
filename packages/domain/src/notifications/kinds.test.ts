import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY, NOTIFICATION_KINDS, deadlineComing, isNotificationKind } from './kinds.ts';

describe('notifications', () => {
  it('has a default delivery for every kind', () => {
    for (const k of NOTIFICATION_KINDS) expect(DEFAULT_DELIVERY[k]).toMatch(/^(in_app|email|digest)$/);
    expect(isNotificationKind('referral_new')).toBe(true);
    expect(isNotificationKind('nope')).toBe(false);
  });

  it('counts a deadline as coming within seven days or when overdue', () => {
    expect(deadlineComing('2026-03-08', '2026-03-01')).toEqual({ coming: true, daysLeft: 7 });
    expect(deadlineComing('2026-03-09', '2026-03-01')).toEqual({ coming: false, daysLeft: 8 });
    expect(deadlineComing('2026-02-20', '2026-03-01')).toEqual({ coming: true, daysLeft: -9 });
    expect(deadlineComing(null, '2026-03-01')).toEqual({ coming: false, daysLeft: null });
  });
});
