import type { Ref } from 'react';
import { Button, Fieldset, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Role } from '@eidor/domain';
import { SelectField } from '../../../components/form/SelectField.tsx';
import type { FormIssue } from '../../../components/form/use-contract-form.ts';
import { useDomainLabels } from '../labels.ts';

/** One row of the role picker as the form holds it: empty strings until chosen. */
export type RoleRow = { role: Role | ''; unitId: string };
export type UnitOption = { value: string; label: string };

export type RolesFieldsProps = {
  legend: string;
  /** One key per row (from useFieldArray). */
  rows: { key: string }[];
  register: (index: number, field: keyof RoleRow) => UseFormRegisterReturn;
  idFor: (path: string) => string;
  errorFor: (path: string) => string | undefined;
  unitOptions: UnitOption[];
  onAdd: () => void;
  onRemove: (index: number) => void;
  addRef?: Ref<HTMLButtonElement>;
};

/** Roles as rows of (role, unit); a user can hold several roles, each in one unit. */
export function RolesFields({ legend, rows, register, idFor, errorFor, unitOptions, onAdd, onRemove, addRef }: RolesFieldsProps) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const listError = errorFor('roles');
  return (
    <Fieldset className="roles">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      <Fieldset.Description>{t('users.roles.hint')}</Fieldset.Description>
      {unitOptions.length === 0 ? <Paragraph>{t('users.roles.noUnits')}</Paragraph> : null}
      {rows.length === 0 ? <Paragraph>{t('users.roles.none')}</Paragraph> : null}
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <Fieldset key={row.key} className="role-row">
            <Fieldset.Legend>{t('users.roles.row', { n })}</Fieldset.Legend>
            <SelectField
              id={idFor(`roles.${index}.role`)}
              label={t('users.roles.role')}
              error={errorFor(`roles.${index}.role`)}
              width="auto"
              {...register(index, 'role')}
            >
              <option value="">{t('common.choose')}</option>
              {labels.roleOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={idFor(`roles.${index}.unitId`)}
              label={t('users.roles.unit')}
              error={errorFor(`roles.${index}.unitId`)}
              width="auto"
              {...register(index, 'unitId')}
            >
              <option value="">{t('common.choose')}</option>
              {unitOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => onRemove(index)}>
              {t('users.roles.remove', { n })}
            </Button>
          </Fieldset>
        );
      })}
      {listError ? <ValidationMessage>{listError}</ValidationMessage> : null}
      <div>
        <Button type="button" variant="secondary" data-size="sm" id={idFor('roles')} ref={addRef} onClick={onAdd}>
          {t('users.roles.add')}
        </Button>
      </div>
    </Fieldset>
  );
}

/** Two rows with the same role in the same unit are one role written twice. */
export function duplicateRoleIssues(rows: RoleRow[], message: (n: number, m: number) => string): FormIssue[] {
  const issues: FormIssue[] = [];
  rows.forEach((row, i) => {
    if (!row.role || !row.unitId) return;
    const first = rows.findIndex((other) => other.role === row.role && other.unitId === row.unitId);
    if (first < i) issues.push({ path: `roles.${i}.unitId`, message: message(i + 1, first + 1) });
  });
  return issues;
}

/** The label used in messages about a field of a role row, e.g. "Rolle (rad 2)". */
export function roleRowLabel(path: string, t: (key: 'users.roles.rowRole' | 'users.roles.rowUnit', options: { n: number }) => string): string | undefined {
  const match = /^roles\.(\d+)\.(role|unitId)$/.exec(path);
  if (!match) return undefined;
  const n = Number(match[1]) + 1;
  return match[2] === 'role' ? t('users.roles.rowRole', { n }) : t('users.roles.rowUnit', { n });
}
