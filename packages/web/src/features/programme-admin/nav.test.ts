import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '@eidor/domain';
import { navItems } from '../../app/nav.ts';

describe('the Introduksjonsprogram menu entry', () => {
  it('is shown to those in the payment run (advisor, leader, finance) and not to others', () => {
    const shown = (role: keyof typeof ROLE_PERMISSIONS) => navItems(ROLE_PERMISSIONS[role], [role]).some((i) => i.to === '/programme' && i.label === 'programmeAdmin.nav');
    expect(shown('advisor')).toBe(true);
    expect(shown('leader')).toBe(true);
    expect(shown('finance')).toBe(true);
    expect(shown('admin')).toBe(false);
    expect(shown('auditor')).toBe(false);
    expect(shown('health_worker')).toBe(false);
  });
});
