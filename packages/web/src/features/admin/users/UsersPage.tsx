import { useState } from 'react';
import { Button, Heading, ListItem, ListUnordered, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { UnitView, UserView } from '@eidor/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { ScrollRegion } from '../../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { useDomainLabels } from '../labels.ts';
import { EditRolesDialog, type RoleGrants } from './EditRolesDialog.tsx';
import { InviteUserForm, type Invitation } from './InviteUserForm.tsx';
import type { UnitOption } from './RolesFields.tsx';

export type UsersPageProps = {
  municipalityName: string;
  users: UserView[];
  /** Units the roles can be given in; empty when the user may not list units. */
  units: UnitView[];
  canInvite: boolean;
  onInvite: (invitation: Invitation) => Promise<UserView>;
  onSetRoles: (user: UserView, roles: RoleGrants) => Promise<UserView>;
  onSetEnabled: (user: UserView, enabled: boolean) => Promise<UserView>;
  onReload: () => Promise<void>;
};

const STATUS_COLOR = { invited: 'info', active: 'success', disabled: 'neutral' } as const;

/** The municipality's users: who they are, their status and roles; invite, change roles, disable. */
export function UsersPage({ municipalityName, users, units, canInvite, onInvite, onSetRoles, onSetEnabled, onReload }: UsersPageProps) {
  const { t } = useTranslation();
  const labels = useDomainLabels();
  const [status, setStatus] = useState('');
  const [editingId, setEditingId] = useState<string | null>(null);
  const [toggle, setToggle] = useState<{ id: string; pending: boolean; error: unknown } | null>(null);
  const editing = users.find((u) => u.id === editingId) ?? null;
  const toggling = toggle ? (users.find((u) => u.id === toggle.id) ?? null) : null;

  // Roles are given in active units; a unit a user already has a role in stays choosable.
  const unitOption = (u: { id: string; name: string; kind: UnitView['kind'] }): UnitOption => {
    const kind = labels.unitKind(u.kind);
    // "Flyktningtjenesten (Flyktningtjenesten)" says nothing twice.
    return { value: u.id, label: kind === u.name ? u.name : t('users.roles.unitOption', { name: u.name, kind }) };
  };
  const activeUnits = units.filter((u) => u.active).map(unitOption);
  const unitOptionsFor = (user: UserView): UnitOption[] => {
    const extra = user.roles
      .filter((r) => !activeUnits.some((o) => o.value === r.unitId))
      .map((r) => unitOption({ id: r.unitId, name: r.unitName, kind: r.unitKind }));
    return [...activeUnits, ...extra.filter((o, i) => extra.findIndex((x) => x.value === o.value) === i)];
  };

  const confirmToggle = async () => {
    if (!toggling || !toggle) return;
    const enable = toggling.status === 'disabled';
    setToggle({ ...toggle, pending: true, error: null });
    try {
      const saved = await onSetEnabled(toggling, enable);
      setToggle(null);
      setStatus(enable ? t('users.enable.done', { name: saved.name }) : t('users.disable.done', { name: saved.name }));
    } catch (error) {
      setToggle({ ...toggle, pending: false, error });
    }
  };

  return (
    <>
      <PageHeading>{t('users.title')}</PageHeading>
      <Paragraph>{t('users.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>

      {canInvite ? (
        <section className="section" aria-labelledby="users-invite">
          <Heading level={2} data-size="sm" id="users-invite">
            {t('users.invite.heading')}
          </Heading>
          <Paragraph>{t('users.invite.intro')}</Paragraph>
          <InviteUserForm
            unitOptions={activeUnits}
            onSubmit={async (invitation) => {
              setStatus('');
              const user = await onInvite(invitation);
              setStatus(t('users.invite.done', { email: user.email }));
            }}
          />
        </section>
      ) : null}

      <section className="section" aria-labelledby="users-list">
        <Heading level={2} data-size="sm" id="users-list">
          {t('users.list.heading')}
        </Heading>
        {users.length === 0 ? (
          <Paragraph>{t('users.list.empty')}</Paragraph>
        ) : (
          <ScrollRegion labelledBy="users-list">
            <Table zebra border>
              <caption className="ds-sr-only">{t('users.list.caption', { municipality: municipalityName })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('users.fields.name')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('users.fields.email')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('users.fields.status')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('users.fields.totp')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('users.fields.roles')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {users.map((user) => (
                  <Table.Row key={user.id}>
                    <Table.HeaderCell scope="row">
                      <bdi>{user.name}</bdi>
                    </Table.HeaderCell>
                    <Table.Cell>
                      <bdi>{user.email}</bdi>
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={STATUS_COLOR[user.status]}>{t(`users.status.${user.status}`)}</Tag>
                    </Table.Cell>
                    <Table.Cell>{user.totpEnabled ? t('common.yes') : t('common.no')}</Table.Cell>
                    <Table.Cell>
                      {user.roles.length === 0 ? (
                        t('users.roles.none')
                      ) : (
                        <ListUnordered data-size="sm" className="compact-list">
                          {user.roles.map((r) => (
                            <ListItem key={`${r.role}:${r.unitId}`}>{t('users.roles.inUnit', { role: labels.role(r.role), unit: r.unitName })}</ListItem>
                          ))}
                        </ListUnordered>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {user.can.edit ? (
                        <div className="button-row button-row--tight">
                          <Button variant="tertiary" data-size="sm" onClick={() => setEditingId(user.id)}>
                            {t('users.editRoles.open')}
                            <span className="ds-sr-only"> {t('users.forUser', { name: user.name })}</span>
                          </Button>
                          <Button variant="tertiary" data-size="sm" onClick={() => setToggle({ id: user.id, pending: false, error: null })}>
                            {user.status === 'disabled' ? t('users.enable.open') : t('users.disable.open')}
                            <span className="ds-sr-only"> {user.name}</span>
                          </Button>
                        </div>
                      ) : null}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        )}
      </section>

      <EditRolesDialog
        user={editing}
        unitOptions={unitOptionsFor}
        onClose={() => setEditingId(null)}
        onSave={async (user, roles) => {
          setStatus('');
          const saved = await onSetRoles(user, roles);
          setEditingId(null);
          setStatus(t('users.editRoles.done', { name: saved.name }));
        }}
        onReload={onReload}
      />

      <ConfirmDialog
        open={toggling !== null}
        title={toggling ? t(toggling.status === 'disabled' ? 'users.enable.title' : 'users.disable.title', { name: toggling.name }) : ''}
        body={toggling ? t(toggling.status === 'disabled' ? 'users.enable.body' : 'users.disable.body', { name: toggling.name }) : ''}
        confirmLabel={toggling?.status === 'disabled' ? t('users.enable.confirm') : t('users.disable.confirm')}
        danger={toggling?.status !== 'disabled'}
        pending={toggle?.pending ?? false}
        error={toggle?.error}
        onConfirm={() => void confirmToggle()}
        onCancel={() => setToggle(null)}
        onReload={onReload}
      />
    </>
  );
}
