import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Fieldset, Heading, Link as DsLink, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreatePersonRequest, LIMITS, type PersonSummary } from '@eidor/contract';
import type { z } from 'zod';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { useContractForm } from '../../components/form/use-contract-form.ts';
import { confirmed, duplicateGate, duplicateKey, duplicateQueryFrom, NO_DUPLICATES, withAnswer, worthAskingEarly, type DuplicateCandidate, type DuplicateQuery, type DuplicateState } from './duplicates.ts';
import { DuplicateWarning } from './DuplicateWarning.tsx';
import { isKnownLanguage, LANGUAGES, usePeopleLabels } from './labels.ts';
import { OTHER_COUNTRY, parseLanguageCodes, personFormIssues, serverFieldMessage, toCreateRequest, toFormPath, type PersonFormValues } from './person-form.ts';
import { SponsorDialog } from './SponsorDialog.tsx';

export type PersonRequest = z.output<typeof CreatePersonRequest>;

export type PersonFormProps = {
  /** Prefix of the controls' ids. */
  formId: string;
  mode: 'create' | 'edit';
  defaultValues: PersonFormValues;
  /** The household the person is in (edit) or may be added to (register, coming from the household page). */
  household: { id: string; name: string | null } | null;
  /** The person being edited: left out of their own duplicate check and reference-person search. */
  personId?: string | undefined;
  /** The name of the reference person already chosen, when known. */
  sponsorName?: string | null | undefined;
  /** Whether the user may ask for likely duplicates (those who may register people). */
  mayCheckDuplicates: boolean;
  onCheckDuplicates: (query: DuplicateQuery) => Promise<DuplicateCandidate[]>;
  onSearchPeople: (q: string) => Promise<PersonSummary[]>;
  /** Save; throw an ApiError to show it on the form. */
  onSubmit: (request: PersonRequest) => Promise<void>;
  onCancel: () => void;
  /** Load the latest version after a version conflict (edit). */
  onReload?: (() => Promise<void>) | undefined;
};

/**
 * Register or edit a person. Names, birth date and numbers are compared with people already
 * registered (when a field is left, and before saving); likely duplicates are shown with links, and
 * saving then needs a second, explicit "save anyway".
 */
export function PersonForm(props: PersonFormProps) {
  const { formId, mode, defaultValues, household, personId, sponsorName, mayCheckDuplicates, onCheckDuplicates, onSearchPeople, onSubmit, onCancel, onReload } = props;
  const { t } = useTranslation();
  const labels = usePeopleLabels();

  const fieldLabels: Record<string, string> = {
    'person.givenName': t('people.fields.givenName'),
    'person.familyName': t('people.fields.familyName'),
    'person.otherSpellings': t('people.fields.otherSpellings'),
    'person.birthDate': t('people.fields.birthDate'),
    'person.sex': t('people.fields.sex'),
    'person.nationalId': t('people.fields.nationalId'),
    'person.dufNumber': t('people.fields.dufNumber'),
    'person.originCountry': t('people.fields.originCountry'),
    'person.originCountryOther': t('people.fields.originCountryOther'),
    'person.nationality': t('people.fields.nationality'),
    'person.nationalityOther': t('people.fields.nationalityOther'),
    'person.languages': t('people.fields.languages'),
    'person.languagesOther': t('people.fields.languagesOther'),
    'person.interpreterNeeded': t('people.fields.interpreterNeeded'),
    'person.interpreterLanguage': t('people.fields.interpreterLanguage'),
    'person.householdRole': t('people.fields.householdRole'),
    'person.arrivalCategory': t('people.fields.arrivalCategory'),
    'person.sponsorPersonId': t('people.fields.sponsor'),
    'person.permitType': t('people.fields.permitType'),
    'person.permitDate': t('people.fields.permitDate'),
    'person.settlementDate': t('people.fields.settlementDate'),
    'person.previousMunicipality': t('people.fields.previousMunicipality'),
    'person.status': t('people.fields.status'),
    'person.statusDate': t('people.fields.statusDate'),
    'household.mode': t('people.fields.household'),
    'household.name': t('people.household.name'),
  };
  const labelFor = (path: string): string | undefined => {
    const spelling = /^person\.otherSpellings\.(\d+)\.value$/.exec(path);
    if (spelling) return t('people.fields.otherSpelling', { n: Number(spelling[1]) + 1 });
    return fieldLabels[path];
  };

  // Likely duplicates: the last answer, kept in a ref too so that a submit sees it at once.
  const [duplicates, setDuplicates] = useState<DuplicateState>(NO_DUPLICATES);
  const duplicatesRef = useRef(duplicates);
  const latestCheck = useRef<string | null>(null);
  const warningRef = useRef<HTMLDivElement>(null);
  const [focusWarning, setFocusWarning] = useState(0);
  useEffect(() => {
    if (focusWarning > 0) warningRef.current?.focus();
  }, [focusWarning]);
  const updateDuplicates = (next: DuplicateState) => {
    duplicatesRef.current = next;
    setDuplicates(next);
  };

  const f = useContractForm<PersonFormValues, PersonRequest>({
    id: formId,
    schema: CreatePersonRequest,
    defaultValues,
    labelFor,
    prepare: toCreateRequest,
    check: (values) => personFormIssues(values, t, { hasHousehold: values.household.mode !== 'none' }),
    toFormPath,
    serverMessage: (field, label) => serverFieldMessage(field, label, t),
    onSubmit: async (request) => {
      if (mayCheckDuplicates) {
        const query = duplicateQueryFrom(f.form.getValues().person, personId ?? null);
        let gate = duplicateGate(duplicatesRef.current, query);
        if (gate === 'check') gate = duplicateGate(await checkDuplicates(), query);
        if (gate === 'confirm') {
          setFocusWarning((n) => n + 1);
          return;
        }
      }
      await onSubmit(request);
    },
  });
  const { register, control, formState, setValue } = f.form;

  /** Ask the server about the values now in the form, unless that question was just answered. */
  async function checkDuplicates(early = false): Promise<DuplicateState> {
    const query = duplicateQueryFrom(f.form.getValues().person, personId ?? null);
    if (!query || (early && !worthAskingEarly(query))) return duplicatesRef.current;
    const key = duplicateKey(query);
    if (duplicatesRef.current.key === key) return duplicatesRef.current;
    latestCheck.current = key;
    const next = withAnswer(duplicatesRef.current, query, await onCheckDuplicates(query));
    // Answers can arrive out of order; only the one for the latest question counts.
    if (latestCheck.current === key) updateDuplicates(next);
    return next;
  }
  const checkOnBlur = () => {
    // Leaving a field asks in passing; a failure here is not the user's concern (saving asks again and reports it).
    if (mayCheckDuplicates) checkDuplicates(true).catch(() => undefined);
  };

  const spellings = useFieldArray({ control, name: 'person.otherSpellings' });
  const addSpellingRef = useRef<HTMLButtonElement>(null);
  const [originCountry, nationality, interpreterNeeded, arrivalCategory, householdMode, languagesOther, interpreterLanguage, sponsorPersonId] = useWatch({
    control,
    name: ['person.originCountry', 'person.nationality', 'person.interpreterNeeded', 'person.arrivalCategory', 'household.mode', 'person.languagesOther', 'person.interpreterLanguage', 'person.sponsorPersonId'],
  });

  const [sponsorOpen, setSponsorOpen] = useState(false);
  const [sponsorLabel, setSponsorLabel] = useState<string | null>(sponsorName ?? null);
  const sponsorButtonRef = useRef<HTMLButtonElement>(null);

  // The interpreter language is one of the person's languages or a common one.
  const interpreterOptions = [...new Set<string>([...LANGUAGES, ...parseLanguageCodes(languagesOther), ...(interpreterLanguage ? [interpreterLanguage] : [])])];

  const select = (path: Parameters<typeof register>[0], options: { value: string; label: string }[], extra: { choose?: boolean; description?: string } = {}) => (
    <SelectField id={f.idFor(path)} label={fieldLabels[path] ?? path} description={extra.description} error={f.errorFor(path)} width="auto" {...register(path)}>
      {extra.choose !== false ? <option value="">{t('common.choose')}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );

  const countryOptions = [...labels.countryOptions, { value: OTHER_COUNTRY, label: t('people.fields.countryOther') }];
  const blurChecked = { onBlur: checkOnBlur };

  return (
    <>
      <form onSubmit={f.submit} noValidate className="form person-form">
        <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
        {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
        <Paragraph data-size="sm">{t('people.form.required')}</Paragraph>

        <section className="form-section" aria-labelledby={`${formId}-name`}>
          <Heading level={2} data-size="xs" id={`${formId}-name`}>
            {t('people.form.nameHeading')}
          </Heading>
          <TextField
            id={f.idFor('person.givenName')}
            label={fieldLabels['person.givenName']!}
            maxLength={LIMITS.personNameMax}
            autoComplete="off"
            spellCheck={false}
            required
            error={f.errorFor('person.givenName')}
            {...register('person.givenName', blurChecked)}
          />
          <TextField
            id={f.idFor('person.familyName')}
            label={fieldLabels['person.familyName']!}
            maxLength={LIMITS.personNameMax}
            autoComplete="off"
            spellCheck={false}
            required
            error={f.errorFor('person.familyName')}
            {...register('person.familyName', blurChecked)}
          />
          <Fieldset className="spellings">
            <Fieldset.Legend>{t('people.fields.otherSpellings')}</Fieldset.Legend>
            <Fieldset.Description>{t('people.fields.otherSpellingsHint')}</Fieldset.Description>
            {spellings.fields.length === 0 ? <Paragraph data-size="sm">{t('people.fields.noSpellings')}</Paragraph> : null}
            {spellings.fields.map((row, index) => (
              <div key={row.id} className="spelling-row">
                <TextField
                  id={f.idFor(`person.otherSpellings.${index}.value`)}
                  label={t('people.fields.otherSpelling', { n: index + 1 })}
                  maxLength={LIMITS.personNameMax * 2}
                  autoComplete="off"
                  spellCheck={false}
                  error={f.errorFor(`person.otherSpellings.${index}.value`)}
                  {...register(`person.otherSpellings.${index}.value`)}
                />
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => {
                    spellings.remove(index);
                    addSpellingRef.current?.focus();
                  }}
                >
                  {t('people.fields.removeSpelling', { n: index + 1 })}
                </Button>
              </div>
            ))}
            {spellings.fields.length < 10 ? (
              <div>
                <Button type="button" variant="secondary" data-size="sm" ref={addSpellingRef} onClick={() => spellings.append({ value: '' }, { shouldFocus: true })}>
                  {t('people.fields.addSpelling')}
                </Button>
              </div>
            ) : null}
          </Fieldset>
        </section>

        <section className="form-section" aria-labelledby={`${formId}-identity`}>
          <Heading level={2} data-size="xs" id={`${formId}-identity`}>
            {t('people.form.identityHeading')}
          </Heading>
          <TextField
            id={f.idFor('person.birthDate')}
            label={fieldLabels['person.birthDate']!}
            type="date"
            required
            className="input-short"
            error={f.errorFor('person.birthDate')}
            {...register('person.birthDate', blurChecked)}
          />
          {select('person.sex', labels.sexOptions)}
          <TextField
            id={f.idFor('person.nationalId')}
            label={fieldLabels['person.nationalId']!}
            description={t('people.fields.nationalIdHint')}
            inputMode="numeric"
            maxLength={13}
            autoComplete="off"
            className="input-number"
            error={f.errorFor('person.nationalId')}
            {...register('person.nationalId', blurChecked)}
          />
          <TextField
            id={f.idFor('person.dufNumber')}
            label={fieldLabels['person.dufNumber']!}
            description={t('people.fields.dufNumberHint')}
            inputMode="numeric"
            maxLength={16}
            autoComplete="off"
            className="input-number"
            error={f.errorFor('person.dufNumber')}
            {...register('person.dufNumber', blurChecked)}
          />
          {select('person.originCountry', countryOptions)}
          {originCountry === OTHER_COUNTRY ? (
            <TextField
              id={f.idFor('person.originCountryOther')}
              label={fieldLabels['person.originCountryOther']!}
              description={t('people.fields.countryCodeHint')}
              maxLength={3}
              autoComplete="off"
              className="input-short"
              error={f.errorFor('person.originCountryOther')}
              {...register('person.originCountryOther')}
            />
          ) : null}
          {select('person.nationality', countryOptions)}
          {nationality === OTHER_COUNTRY ? (
            <TextField
              id={f.idFor('person.nationalityOther')}
              label={fieldLabels['person.nationalityOther']!}
              description={t('people.fields.countryCodeHint')}
              maxLength={3}
              autoComplete="off"
              className="input-short"
              error={f.errorFor('person.nationalityOther')}
              {...register('person.nationalityOther')}
            />
          ) : null}
          <Fieldset>
            <Fieldset.Legend>{t('people.fields.languages')}</Fieldset.Legend>
            <Fieldset.Description>{t('people.fields.languagesHint')}</Fieldset.Description>
            {labels.languageOptions.map((o, index) => (
              <Checkbox
                key={o.value}
                id={index === 0 ? f.idFor('person.languages') : `${f.idFor('person.languages')}-${o.value}`}
                label={o.label}
                value={o.value}
                {...register('person.languages')}
              />
            ))}
            {f.errorFor('person.languages') ? <ValidationMessage>{f.errorFor('person.languages')}</ValidationMessage> : null}
          </Fieldset>
          <TextField
            id={f.idFor('person.languagesOther')}
            label={fieldLabels['person.languagesOther']!}
            description={t('people.fields.languagesOtherHint')}
            maxLength={60}
            autoComplete="off"
            error={f.errorFor('person.languagesOther')}
            {...register('person.languagesOther')}
          />
          <Checkbox id={f.idFor('person.interpreterNeeded')} label={fieldLabels['person.interpreterNeeded']} {...register('person.interpreterNeeded')} />
          {interpreterNeeded
            ? select(
                'person.interpreterLanguage',
                interpreterOptions.map((code) => ({ value: code, label: isKnownLanguage(code) ? labels.language(code) : code })),
              )
            : null}
        </section>

        <section className="form-section" aria-labelledby={`${formId}-household`}>
          <Heading level={2} data-size="xs" id={`${formId}-household`}>
            {t('people.form.householdHeading')}
          </Heading>
          {mode === 'create' ? (
            <Fieldset>
              <Fieldset.Legend>{t('people.household.legend')}</Fieldset.Legend>
              {household ? null : <Fieldset.Description>{t('people.household.existingHint')}</Fieldset.Description>}
              <Radio id={f.idFor('household.mode')} label={t('people.household.none')} value="none" {...register('household.mode')} />
              <Radio id={`${f.idFor('household.mode')}-new`} label={t('people.household.new')} value="new" {...register('household.mode')} />
              {household ? (
                <Radio
                  id={`${f.idFor('household.mode')}-existing`}
                  label={
                    household.name ? (
                      <>
                        {t('people.household.existingPrefix')} «<bdi>{household.name}</bdi>»
                      </>
                    ) : (
                      t('people.household.existingUnknown')
                    )
                  }
                  value="existing"
                  {...register('household.mode')}
                />
              ) : null}
              {f.errorFor('household.mode') ? <ValidationMessage>{f.errorFor('household.mode')}</ValidationMessage> : null}
            </Fieldset>
          ) : (
            <>
              <Paragraph>
                {household ? (
                  <DsLink asChild>
                    <Link to="/households/$id" params={{ id: household.id }}>
                      {household.name ? <bdi>{household.name}</bdi> : t('people.person.householdLink')}
                    </Link>
                  </DsLink>
                ) : (
                  t('people.person.noHousehold')
                )}
              </Paragraph>
              <Paragraph data-size="sm">{t('people.household.kept')}</Paragraph>
            </>
          )}
          {mode === 'create' && householdMode === 'new' ? (
            <TextField
              id={f.idFor('household.name')}
              label={fieldLabels['household.name']!}
              description={t('people.household.nameHint')}
              maxLength={LIMITS.nameMax}
              autoComplete="off"
              error={f.errorFor('household.name')}
              {...register('household.name')}
            />
          ) : null}
          {householdMode !== 'none' ? select('person.householdRole', labels.householdRoleOptions) : null}
        </section>

        <section className="form-section" aria-labelledby={`${formId}-settlement`}>
          <Heading level={2} data-size="xs" id={`${formId}-settlement`}>
            {t('people.form.settlementHeading')}
          </Heading>
          {select('person.arrivalCategory', labels.arrivalCategoryOptions)}
          {arrivalCategory === 'family_reunified' ? (
            <Fieldset>
              <Fieldset.Legend>{t('people.fields.sponsor')}</Fieldset.Legend>
              <Fieldset.Description>{t('people.fields.sponsorHint')}</Fieldset.Description>
              {sponsorPersonId ? (
                <Paragraph>
                  {sponsorLabel ? (
                    <>
                      {t('people.sponsor.chosen')} <bdi>{sponsorLabel}</bdi>
                    </>
                  ) : (
                    t('people.sponsor.chosenUnknown')
                  )}
                </Paragraph>
              ) : (
                <Paragraph>{t('people.sponsor.none')}</Paragraph>
              )}
              <div className="button-row">
                <Button
                  type="button"
                  variant="secondary"
                  data-size="sm"
                  id={f.idFor('person.sponsorPersonId')}
                  ref={sponsorButtonRef}
                  aria-invalid={f.errorFor('person.sponsorPersonId') ? true : undefined}
                  onClick={() => setSponsorOpen(true)}
                >
                  {sponsorPersonId ? t('people.sponsor.change') : t('people.sponsor.choose')}
                </Button>
                {sponsorPersonId ? (
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => {
                      setValue('person.sponsorPersonId', '', { shouldDirty: true });
                      setSponsorLabel(null);
                      sponsorButtonRef.current?.focus();
                    }}
                  >
                    {t('people.sponsor.remove')}
                  </Button>
                ) : null}
              </div>
              {f.errorFor('person.sponsorPersonId') ? <ValidationMessage>{f.errorFor('person.sponsorPersonId')}</ValidationMessage> : null}
            </Fieldset>
          ) : null}
          {select('person.permitType', labels.permitTypeOptions)}
          <TextField
            id={f.idFor('person.permitDate')}
            label={fieldLabels['person.permitDate']!}
            type="date"
            className="input-short"
            error={f.errorFor('person.permitDate')}
            {...register('person.permitDate')}
          />
          <TextField
            id={f.idFor('person.settlementDate')}
            label={fieldLabels['person.settlementDate']!}
            type="date"
            className="input-short"
            error={f.errorFor('person.settlementDate')}
            {...register('person.settlementDate')}
          />
          <TextField
            id={f.idFor('person.previousMunicipality')}
            label={fieldLabels['person.previousMunicipality']!}
            maxLength={100}
            autoComplete="off"
            error={f.errorFor('person.previousMunicipality')}
            {...register('person.previousMunicipality')}
          />
        </section>

        <section className="form-section" aria-labelledby={`${formId}-status`}>
          <Heading level={2} data-size="xs" id={`${formId}-status`}>
            {t('people.form.statusHeading')}
          </Heading>
          {select('person.status', labels.statusOptions, { choose: false })}
          <TextField
            id={f.idFor('person.statusDate')}
            label={fieldLabels['person.statusDate']!}
            description={t('people.fields.statusDateHint')}
            type="date"
            className="input-short"
            error={f.errorFor('person.statusDate')}
            {...register('person.statusDate')}
          />
        </section>

        <div aria-live="polite">
          <DuplicateWarning
            ref={warningRef}
            pending={formState.isSubmitting}
            candidates={duplicates.candidates}
            confirmLabel={duplicates.candidates.length > 0 && duplicates.confirmedKey !== duplicates.key ? t(mode === 'create' ? 'people.duplicates.confirmCreate' : 'people.duplicates.confirmEdit') : null}
            onConfirm={() => {
              updateDuplicates(confirmed(duplicatesRef.current));
              void f.submit();
            }}
          />
        </div>

        <div className="button-row">
          <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
            {mode === 'create' ? t('people.new.submit') : t('people.edit.submit')}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>

      <SponsorDialog
        open={sponsorOpen}
        excludeId={personId}
        onSearch={onSearchPeople}
        onSelect={(p) => {
          setValue('person.sponsorPersonId', p.id, { shouldDirty: true });
          setSponsorLabel(`${p.givenName} ${p.familyName}`);
        }}
        onClose={() => {
          setSponsorOpen(false);
          sponsorButtonRef.current?.focus();
        }}
      />
    </>
  );
}
