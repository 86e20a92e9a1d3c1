import { useRef } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { InviteUserRequest, LIMITS } from '@eidor/contract';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../../components/form/FormErrorSummary.tsx';
import { TextField } from '../../../components/form/TextField.tsx';
import { useContractForm } from '../../../components/form/use-contract-form.ts';
import { duplicateRoleIssues, roleRowLabel, RolesFields, type RoleRow, type UnitOption } from './RolesFields.tsx';

export type Invitation = z.output<typeof InviteUserRequest>;

const EMPTY_ROW: RoleRow = { role: '', unitId: '' };

/** Invite a user by e-mail with one or more roles. The server sends a one-time link. */
export function InviteUserForm({ unitOptions, onSubmit }: { unitOptions: UnitOption[]; onSubmit: (invitation: Invitation) => Promise<void> }) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const fieldLabels: Record<string, string> = { name: t('users.fields.name'), email: t('users.fields.email'), roles: t('users.fields.roles') };
  const f = useContractForm<{ name: string; email: string; roles: RoleRow[] }, Invitation>({
    id: 'invite',
    schema: InviteUserRequest,
    defaultValues: { name: '', email: '', roles: [EMPTY_ROW] },
    labelFor: (path) => fieldLabels[path] ?? roleRowLabel(path, t),
    check: (values) => duplicateRoleIssues(values.roles, (n, m) => t('validation.duplicateRole', { n, m })),
    onSubmit: async (values) => {
      await onSubmit(values);
      f.form.reset();
    },
  });
  const { register, control, formState } = f.form;
  const roles = useFieldArray({ control, name: 'roles' });

  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
      <TextField id={f.idFor('name')} label={t('users.fields.name')} maxLength={LIMITS.nameMax} autoComplete="off" error={f.errorFor('name')} {...register('name')} />
      <TextField
        id={f.idFor('email')}
        label={t('users.fields.email')}
        type="email"
        maxLength={LIMITS.emailMax}
        autoComplete="off"
        error={f.errorFor('email')}
        {...register('email')}
      />
      <RolesFields
        legend={t('users.fields.roles')}
        rows={roles.fields.map((row) => ({ key: row.id }))}
        register={(index, field) => register(`roles.${index}.${field}`)}
        idFor={f.idFor}
        errorFor={f.errorFor}
        unitOptions={unitOptions}
        addRef={addRef}
        onAdd={() => roles.append(EMPTY_ROW, { shouldFocus: true })}
        onRemove={(index) => {
          roles.remove(index);
          addRef.current?.focus();
        }}
      />
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('users.invite.submit')}
        </Button>
      </div>
    </form>
  );
}
