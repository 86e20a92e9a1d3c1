// What other modules may use of the notifications module (they never touch its tables).
export type { NotificationKind } from '@eidor/domain';
export { notify, type NotifyInput } from './notify.ts';
