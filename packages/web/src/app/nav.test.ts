import { describe, expect, it } from 'vitest';
import { navItems } from './nav.ts';

describe('navItems', () => {
  it('shows only the start page and the account to a user without admin permissions or roles', () => {
    expect(navItems(['units.read', 'persons.register']).map((i) => i.to)).toEqual(['/', '/account']);
  });

  it('shows the admin pages an administrator may use, and no people', () => {
    expect(navItems(['units.read', 'units.manage', 'users.read', 'users.manage'], ['admin']).map((i) => i.to)).toEqual([
      '/',
      '/admin/units',
      '/admin/users',
      '/account',
    ]);
  });

  it('shows the audit log to an auditor, and users read-only', () => {
    expect(navItems(['units.read', 'users.read', 'audit.read'], ['auditor']).map((i) => i.to)).toEqual(['/', '/admin/users', '/audit', '/account']);
  });

  it('shows people to every role that reads identity data, partners included', () => {
    expect(navItems(['units.read', 'persons.register'], ['advisor']).map((i) => i.to)).toEqual(['/', '/people', '/account']);
    expect(navItems([], ['partner']).map((i) => i.to)).toEqual(['/', '/people', '/account']);
    // An administrator who is also a leader reads people through the leader role.
    expect(navItems(['units.manage'], ['admin', 'leader']).map((i) => i.to)).toContain('/people');
  });
});
