import type { z } from 'zod';
import type { UserView } from '@eidor/contract';
import type { UserRoleRow, UserRow } from './queries.ts';

export function presentUser(u: UserRow, roles: UserRoleRow[], canEdit: boolean): z.output<typeof UserView> {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    status: u.status,
    totpEnabled: !!u.totpSecretEnc,
    roles: roles.filter((r) => r.userId === u.id).map(({ role, unitId, unitName, unitKind }) => ({ role, unitId, unitName, unitKind })),
    version: u.version,
    can: { edit: canEdit },
  };
}
