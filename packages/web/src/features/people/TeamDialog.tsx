import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Dialog, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PersonView, UnitView } from '@eidor/contract';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';

export type TeamDialogProps = {
  open: boolean;
  person: PersonView;
  /** The municipality's units; inactive ones are offered only when already on the team. */
  units: UnitView[];
  onClose: () => void;
  onSave: (unitIds: string[]) => Promise<void>;
  /** Load the latest version of the person after someone else changed it. */
  onReload: () => Promise<void>;
};

/** The units that can be chosen for a team: active ones, and any already on it (so they can be taken off). */
export function teamChoices(units: UnitView[], team: PersonView['team']): { id: string; name: string; kind: UnitView['kind'] }[] {
  const onTeam = new Set(team.map((m) => m.unitId));
  const choices = units.filter((u) => u.active || onTeam.has(u.id)).map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
  for (const m of team) if (!choices.some((c) => c.id === m.unitId)) choices.push({ id: m.unitId, name: m.unitName, kind: m.unitKind });
  return choices;
}

/** Choose which units are on a person's team. Partners' access follows the team at once. */
export function TeamDialog({ open, person, units, onClose, onSave, onReload }: TeamDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [reloaded, setReloaded] = useState(false);
  const close = () => {
    setReloaded(false);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} closeButton={t('common.closeDialog')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={headingId}>
          {t('people.team.dialogHeading')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {reloaded ? (
          <Alert data-color="info">
            <Paragraph>{t('common.reloaded')}</Paragraph>
          </Alert>
        ) : null}
        {open ? (
          // A new version means a fresh team: start the form over.
          <TeamForm
            key={`${person.id}:${person.version}`}
            person={person}
            units={units}
            onSave={onSave}
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

function TeamForm({ person, units, onSave, onCancel, onReload }: { person: PersonView; units: UnitView[]; onSave: (unitIds: string[]) => Promise<void>; onCancel: () => void; onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string[]>(person.team.map((m) => m.unitId));
  const [state, setState] = useState<{ pending: boolean; error: unknown }>({ pending: false, error: null });
  const choices = teamChoices(units, person.team);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.error) alertRef.current?.focus();
  }, [state.error]);
  const submit = async () => {
    setState({ pending: true, error: null });
    try {
      await onSave(selected);
    } catch (error) {
      setState({ pending: false, error });
    }
  };
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {state.error ? <ApiErrorAlert error={state.error} ref={alertRef} onReload={onReload} /> : null}
      <Fieldset>
        <Fieldset.Legend>{t('people.team.units')}</Fieldset.Legend>
        {choices.length === 0 ? <Paragraph>{t('people.team.noUnits')}</Paragraph> : null}
        {choices.map((u) => {
          const kind = t(`unitKinds.${u.kind}`);
          return (
            <Checkbox
              key={u.id}
              label={kind === u.name ? u.name : t('people.team.unit', { name: u.name, kind })}
              value={u.id}
              checked={selected.includes(u.id)}
              onChange={(e) => {
                const { checked } = e.target;
                setSelected((current) => (checked ? [...current, u.id] : current.filter((id) => id !== u.id)));
              }}
            />
          );
        })}
      </Fieldset>
      <div className="button-row">
        <Button type="submit" loading={state.pending} disabled={state.pending}>
          {t('common.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
