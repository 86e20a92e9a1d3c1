import type { Permission, Role } from '@eidor/domain';

/** One entry of the main menu. */
export type NavItem = {
  to: '/' | '/tasks' | '/people' | '/referrals' | '/settlement' | '/housing' | '/admin/units' | '/admin/users' | '/audit' | '/access-review' | '/account' | '/extra-grants' | '/grants' | '/extra-grants/inbox' | '/programme';
  label: 'nav.home' | 'nav.tasks' | 'nav.people' | 'referrals.nav' | 'nav.settlement' | 'nav.housing' | 'nav.units' | 'nav.users' | 'nav.audit' | 'accessReview.nav' | 'nav.account' | 'extraGrants.nav' | 'grants.nav' | 'extraGrants.inboxNav' | 'programmeAdmin.nav';
};

/** Roles that never see people's records: administrators run the system, auditors read the log. */
const WITHOUT_PERSON_ACCESS: readonly Role[] = ['admin', 'auditor'];

/**
 * Whether the session may look for people. Every role but admin and auditor reads identity data
 * (partners only for the people on their units' teams); the server decides who is shown.
 */
export function mayFindPeople(roles: readonly Role[]): boolean {
  return roles.some((role) => !WITHOUT_PERSON_ACCESS.includes(role));
}

/** The work queue belongs to units: everyone with a role in one has a queue (it may be empty). */
export function hasWorkQueue(roles: readonly Role[]): boolean {
  return roles.length > 0;
}

/**
 * The menu for a session. What a user may do is decided by the server and sent as permissions;
 * the menu only shows the way to it.
 */
export function navItems(permissions: readonly Permission[], roles: readonly Role[] = []): NavItem[] {
  const has = (p: Permission) => permissions.includes(p);
  const items: NavItem[] = [{ to: '/', label: 'nav.home' }];
  if (hasWorkQueue(roles)) items.push({ to: '/tasks', label: 'nav.tasks' });
  if (mayFindPeople(roles)) items.push({ to: '/people', label: 'nav.people' });
  // Referrals to and from the user's units (the server shows only those).
  if (mayFindPeople(roles)) items.push({ to: '/referrals', label: 'referrals.nav' });
  if (has('settlement.view')) items.push({ to: '/settlement', label: 'nav.settlement' });
  if (has('housing.view')) items.push({ to: '/housing', label: 'nav.housing' });
  // The introduction programme's municipality pages: the payment run's roles (advisor, leader, finance).
  if (has('payments.prepare') || has('payments.approve')) items.push({ to: '/programme', label: 'programmeAdmin.nav' });
  if (has('grants.view')) items.push({ to: '/grants', label: 'grants.nav' });
  if (has('extra_grants.manage')) items.push({ to: '/extra-grants', label: 'extraGrants.nav' });
  else if (roles.some((r) => r === 'partner' || r === 'health_worker')) items.push({ to: '/extra-grants/inbox', label: 'extraGrants.inboxNav' });
  if (has('units.manage')) items.push({ to: '/admin/units', label: 'nav.units' });
  if (has('users.read') || has('users.manage')) items.push({ to: '/admin/users', label: 'nav.users' });
  if (has('audit.read')) items.push({ to: '/access-review', label: 'accessReview.nav' });
  if (has('audit.read')) items.push({ to: '/audit', label: 'nav.audit' });
  items.push({ to: '/account', label: 'nav.account' });
  return items;
}
