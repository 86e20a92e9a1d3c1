import { useTranslation } from 'react-i18next';
import { ROLES, UNIT_KINDS, type Role, type UnitKind } from '@eidor/domain';

/** Roles and unit kinds with their Norwegian (or chosen language's) names, in the contract's order. */
export function useDomainLabels() {
  const { t } = useTranslation();
  return {
    role: (role: Role) => t(`roles.${role}`),
    unitKind: (kind: UnitKind) => t(`unitKinds.${kind}`),
    roleOptions: ROLES.map((value) => ({ value, label: t(`roles.${value}`) })),
    unitKindOptions: UNIT_KINDS.map((value) => ({ value, label: t(`unitKinds.${value}`) })),
  };
}
