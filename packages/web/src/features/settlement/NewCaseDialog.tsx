import { useState } from 'react';
import { Button, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CreateCaseRequest, type CaseView, type FieldError, type PersonSummary } from '@eidor/contract';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PersonSearchDialog } from '../people/PersonSearchDialog.tsx';

export type NewCase = z.output<typeof CreateCaseRequest>;
type Values = { householdId: string; imdiReference: string; offeredDate: string };

export type NewCaseDialogProps = {
  open: boolean;
  initialHousehold?: { id: string; name: string | null } | undefined;
  onClose: () => void;
  onSearchPeople: (q: string) => Promise<PersonSummary[]>;
  /** Create the case; the caller goes on to the case's page. */
  onCreate: (request: NewCase) => Promise<CaseView>;
};

/** Why the server refused a new case, in the user's words. */
export function newCaseServerMessage(field: FieldError, t: TFunction): string | undefined {
  if (field.path === 'householdId' && field.message === 'already has a settlement case') return t('settlement.newCase.server.alreadyInPipeline');
  if (field.path === 'householdId') return t('settlement.newCase.server.householdUnknown');
  if (field.path === 'imdiReference' && field.message === 'is already used by another household') return t('settlement.newCase.server.referenceTaken');
  return undefined;
}

/** "New household in the pipeline": choose the household (through one of its members), IMDi's reference and the offer's date. */
export function NewCaseDialog({ open, initialHousehold, onClose, onSearchPeople, onCreate }: NewCaseDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog open={open} title={t('settlement.newCase.heading')} onClose={onClose}>
      {({ close }) => <NewCaseForm initialHousehold={initialHousehold} onSearchPeople={onSearchPeople} onCreate={onCreate} onCancel={close} />}
    </FormDialog>
  );
}

function NewCaseForm({
  initialHousehold,
  onSearchPeople,
  onCreate,
  onCancel,
}: {
  initialHousehold?: { id: string; name: string | null } | undefined;
  onSearchPeople: (q: string) => Promise<PersonSummary[]>;
  onCreate: (request: NewCase) => Promise<CaseView>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  // What the user chose, in words: the household's name when known, else "the household of <member>".
  const [chosen, setChosen] = useState<string | null>(initialHousehold ? (initialHousehold.name ?? t('settlement.newCase.householdChosen')) : null);
  const fieldLabels = { householdId: t('settlement.newCase.household'), imdiReference: t('settlement.newCase.imdiReference'), offeredDate: t('settlement.newCase.offeredDate') };
  const f = useContractForm<Values, NewCase>({
    id: 'new-case',
    schema: CreateCaseRequest,
    defaultValues: { householdId: initialHousehold?.id ?? '', imdiReference: '', offeredDate: '' },
    labelFor: labelsFrom(fieldLabels),
    prepare: (v) => ({ householdId: v.householdId, imdiReference: v.imdiReference.trim() === '' ? null : v.imdiReference, offeredDate: v.offeredDate }),
    check: (v) => (v.householdId ? [] : [{ path: 'householdId', message: t('settlement.newCase.chooseHousehold') }]),
    serverMessage: (field) => newCaseServerMessage(field, t),
    onSubmit: async (request) => {
      await onCreate(request);
    },
  });
  const { register, formState, setValue, clearErrors } = f.form;
  const householdError = f.errorFor('householdId');
  return (
    <>
      <form onSubmit={f.submit} noValidate className="form">
        <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
        {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} /> : null}
        <div className="field-like">
          <Paragraph className="field-label" id="new-case-household-label">
            {fieldLabels.householdId}
          </Paragraph>
          <Paragraph data-size="sm" id="new-case-household-value">
            {chosen ? <bdi>{chosen}</bdi> : t('settlement.newCase.noHousehold')}
          </Paragraph>
          <Button
            type="button"
            variant="secondary"
            id={f.idFor('householdId')}
            aria-describedby={`new-case-household-value${householdError ? ' new-case-householdId-error' : ''}`}
            aria-invalid={householdError ? true : undefined}
            onClick={() => setPicking(true)}
          >
            {chosen ? t('settlement.newCase.changeHousehold') : t('settlement.newCase.chooseHouseholdButton')}
          </Button>
          {householdError ? <ValidationMessage id="new-case-householdId-error">{householdError}</ValidationMessage> : null}
        </div>
        <TextField id={f.idFor('imdiReference')} label={fieldLabels.imdiReference} description={t('settlement.newCase.imdiReferenceHint')} maxLength={40} autoComplete="off" className="input-number" error={f.errorFor('imdiReference')} {...register('imdiReference')} />
        <TextField id={f.idFor('offeredDate')} label={fieldLabels.offeredDate} description={t('settlement.newCase.offeredDateHint')} type="date" className="input-short" error={f.errorFor('offeredDate')} {...register('offeredDate')} />
        <div className="button-row">
          <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
            {t('settlement.newCase.submit')}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
      {/* Outside the form: the search has a form of its own. */}
      <PersonSearchDialog
        open={picking}
        heading={t('settlement.newCase.pickHeading')}
        selectLabel={t('settlement.newCase.pickSelect')}
        householdsOnly
        onSearch={onSearchPeople}
        onSelect={(p) => {
          if (!p.householdId) return;
          setValue('householdId', p.householdId);
          clearErrors('householdId');
          setChosen(t('settlement.newCase.householdOf', { name: `${p.givenName} ${p.familyName}` }));
        }}
        onClose={() => setPicking(false)}
      />
    </>
  );
}
