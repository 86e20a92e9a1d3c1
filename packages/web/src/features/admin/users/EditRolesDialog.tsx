import { useId, useRef, useState } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SetRolesRequest, type UserView } from '@eidor/contract';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../../components/form/FormErrorSummary.tsx';
import { useContractForm } from '../../../components/form/use-contract-form.ts';
import { duplicateRoleIssues, roleRowLabel, RolesFields, type RoleRow, type UnitOption } from './RolesFields.tsx';

const RolesOnly = SetRolesRequest.pick({ roles: true });
export type RoleGrants = z.output<typeof RolesOnly>['roles'];

export type EditRolesDialogProps = {
  /** The user whose roles are edited; null closes the dialog. */
  user: UserView | null;
  unitOptions: (user: UserView) => UnitOption[];
  onClose: () => void;
  onSave: (user: UserView, roles: RoleGrants) => Promise<void>;
  onReload: () => Promise<void>;
};

/** Replace a user's roles. A stale version offers to load the latest. */
export function EditRolesDialog({ user, unitOptions, onClose, onSave, onReload }: EditRolesDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [reloaded, setReloaded] = useState(false);
  const close = () => {
    setReloaded(false);
    onClose();
  };
  return (
    <Dialog open={user !== null} onClose={close} closeButton={t('common.closeDialog')} aria-labelledby={headingId} className="dialog-wide">
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={headingId}>
          {user ? t('users.editRoles.heading', { name: user.name }) : ''}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {reloaded ? (
          <Alert data-color="info">
            <Paragraph>{t('common.reloaded')}</Paragraph>
          </Alert>
        ) : null}
        {user ? (
          <EditRolesForm
            key={`${user.id}:${user.version}`}
            user={user}
            unitOptions={unitOptions(user)}
            onSubmit={(roles) => onSave(user, roles)}
            onCancel={close}
            onReload={async () => {
              await onReload();
              setReloaded(true);
            }}
          />
        ) : null}
      </Dialog.Block>
    </Dialog>
  );
}

function EditRolesForm({
  user,
  unitOptions,
  onSubmit,
  onCancel,
  onReload,
}: {
  user: UserView;
  unitOptions: UnitOption[];
  onSubmit: (roles: RoleGrants) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const f = useContractForm<{ roles: RoleRow[] }, z.output<typeof RolesOnly>>({
    id: 'roles-edit',
    schema: RolesOnly,
    defaultValues: { roles: user.roles.map((r) => ({ role: r.role, unitId: r.unitId })) },
    labelFor: (path) => (path === 'roles' ? t('users.fields.roles') : roleRowLabel(path, t)),
    check: (values) => duplicateRoleIssues(values.roles, (n, m) => t('validation.duplicateRole', { n, m })),
    onSubmit: (values) => onSubmit(values.roles),
  });
  const { register, control, formState } = f.form;
  const roles = useFieldArray({ control, name: 'roles' });
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
      <RolesFields
        legend={t('users.fields.roles')}
        rows={roles.fields.map((row) => ({ key: row.id }))}
        register={(index, field) => register(`roles.${index}.${field}`)}
        idFor={f.idFor}
        errorFor={f.errorFor}
        unitOptions={unitOptions}
        addRef={addRef}
        onAdd={() => roles.append({ role: '', unitId: '' }, { shouldFocus: true })}
        onRemove={(index) => {
          roles.remove(index);
          addRef.current?.focus();
        }}
      />
      <div className="button-row">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('common.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
