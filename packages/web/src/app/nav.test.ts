import { describe, expect, it } from 'vitest';
import { navItems } from './nav.ts';

describe('navItems', () => {
  it('shows only the start page and the account to a user without admin permissions', () => {
    expect(navItems(['units.read', 'persons.register']).map((i) => i.to)).toEqual(['/', '/account']);
  });

  it('shows the admin pages an administrator may use', () => {
    expect(navItems(['units.read', 'units.manage', 'users.read', 'users.manage']).map((i) => i.to)).toEqual([
      '/',
      '/admin/units',
      '/admin/users',
      '/account',
    ]);
  });

  it('shows the audit log to an auditor, and users read-only', () => {
    expect(navItems(['units.read', 'users.read', 'audit.read']).map((i) => i.to)).toEqual(['/', '/admin/users', '/audit', '/account']);
  });
});
