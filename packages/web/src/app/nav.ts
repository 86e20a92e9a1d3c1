import type { Permission } from '@eidor/domain';

/** One entry of the main menu. */
export type NavItem = {
  to: '/' | '/admin/units' | '/admin/users' | '/audit' | '/account';
  label: 'nav.home' | 'nav.units' | 'nav.users' | 'nav.audit' | 'nav.account';
};

/**
 * The menu for a session. What a user may do is decided by the server and sent as permissions;
 * the menu only shows the way to it.
 */
export function navItems(permissions: readonly Permission[]): NavItem[] {
  const has = (p: Permission) => permissions.includes(p);
  const items: NavItem[] = [{ to: '/', label: 'nav.home' }];
  if (has('units.manage')) items.push({ to: '/admin/units', label: 'nav.units' });
  if (has('users.read') || has('users.manage')) items.push({ to: '/admin/users', label: 'nav.users' });
  if (has('audit.read')) items.push({ to: '/audit', label: 'nav.audit' });
  items.push({ to: '/account', label: 'nav.account' });
  return items;
}
