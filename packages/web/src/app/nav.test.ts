import { describe, expect, it } from 'vitest';
import { navItems } from './nav.ts';

describe('navItems', () => {
  it('shows only the start page and the account to a user without roles', () => {
    expect(navItems(['units.read', 'persons.register']).map((i) => i.to)).toEqual(['/', '/account']);
  });

  it('shows the admin pages an administrator may use, the queue of their unit, and no people', () => {
    expect(navItems(['units.read', 'units.manage', 'users.read', 'users.manage'], ['admin']).map((i) => i.to)).toEqual([
      '/',
      '/tasks',
      '/admin/units',
      '/admin/users',
      '/account',
    ]);
  });

  it('shows the audit log to an auditor, and users read-only', () => {
    expect(navItems(['units.read', 'users.read', 'audit.read'], ['auditor']).map((i) => i.to)).toEqual(['/', '/tasks', '/admin/users', '/access-review', '/audit', '/account']);
  });

  it('shows people to every role that reads identity data, partners included', () => {
    expect(navItems(['units.read', 'persons.register'], ['advisor']).map((i) => i.to)).toEqual(['/', '/tasks', '/people', '/referrals', '/account']);
    expect(navItems([], ['partner']).map((i) => i.to)).toEqual(['/', '/tasks', '/people', '/referrals', '/extra-grants/inbox', '/account']);
    // An administrator who is also a leader reads people through the leader role.
    expect(navItems(['units.manage'], ['admin', 'leader']).map((i) => i.to)).toContain('/people');
  });

  it('shows settlement and housing by their own permissions', () => {
    const settlementOfficer = navItems(['units.read', 'persons.register', 'settlement.view', 'settlement.manage', 'housing.view', 'housing.manage'], ['settlement_officer']);
    expect(settlementOfficer.map((i) => i.to)).toEqual(['/', '/tasks', '/people', '/referrals', '/settlement', '/housing', '/account']);
    // Finance sees the dwellings (their cost) but not the settlement pipeline.
    expect(navItems(['units.read', 'housing.view'], ['finance']).map((i) => i.to)).toEqual(['/', '/tasks', '/people', '/referrals', '/housing', '/account']);
    // A partner (NAV) has a work queue and nothing of settlement or housing.
    const nav = navItems(['units.read'], ['partner']).map((i) => i.to);
    expect(nav).toContain('/tasks');
    expect(nav).not.toContain('/settlement');
    expect(nav).not.toContain('/housing');
  });
});
