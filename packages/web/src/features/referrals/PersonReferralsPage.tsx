import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Heading, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BodyOf, ResponseOf } from '@eidor/contract';
import { LEGAL_BASES, type DataCategory } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { useReferralFieldErrors, type Errors } from './errors.ts';
import { ReferralCard, type ReferralAction } from './ReferralCard.tsx';

type ReferralsView = ResponseOf<'personReferrals'>;
type ConsentsView = ResponseOf<'personConsents'>;
type Options = NonNullable<ReferralsView['options']>;
type Consent = ConsentsView['items'][number];

export type PersonReferralsPageProps = {
  personId: string;
  personName: string | null;
  referrals: ReferralsView;
  consents: ConsentsView;
  onSend: (body: BodyOf<'createReferral'>) => Promise<void>;
  onAct: (referralId: string, version: number, action: ReferralAction, text: string | null) => Promise<void>;
  onRecordConsent: (body: BodyOf<'createConsent'>) => Promise<void>;
  onWithdrawConsent: (consentId: string, body: BodyOf<'withdrawConsent'>) => Promise<void>;
};

/** A person's referrals (to and from the actor's units) and consents, with the forms to add them. */
export function PersonReferralsPage(p: PersonReferralsPageProps) {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const [recording, setRecording] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <Paragraph>
        <DsLink asChild>
          <Link to="/people/$id" params={{ id: p.personId }}>
            {t('referrals.back')}
          </Link>
        </DsLink>
      </Paragraph>
      <PageHeading documentTitle={t('referrals.personTitle')}>
        {t('referrals.personTitle')}
        {p.personName ? (
          <>
            {': '}
            <bdi>{p.personName}</bdi>
          </>
        ) : null}
      </PageHeading>
      <StatusMessage>{done}</StatusMessage>

      <section className="section" aria-labelledby="referrals-heading">
        <Heading level={2} data-size="sm" id="referrals-heading">
          {t('referrals.referralsHeading')}
        </Heading>
        {p.referrals.can.send && p.referrals.options ? (
          <Button onClick={() => setSending(true)}>{t('referrals.actions.send')}</Button>
        ) : null}
        {p.referrals.items.length === 0 ? <Paragraph>{t('referrals.personEmpty')}</Paragraph> : null}
        {p.referrals.items.map((r) => (
          <ReferralCard
            key={r.id}
            referral={r}
            onAct={async (a, text) => {
              await p.onAct(r.id, r.version, a, text);
              setDone(t(`referrals.done.${a}`));
            }}
          />
        ))}
      </section>

      <section className="section" aria-labelledby="consents-heading">
        <Heading level={2} data-size="sm" id="consents-heading">
          {t('referrals.consents.heading')}
        </Heading>
        {p.consents.can.record ? <Button onClick={() => setRecording(true)}>{t('referrals.consents.record')}</Button> : null}
        {p.consents.items.length === 0 ? (
          <Paragraph>{t('referrals.consents.empty')}</Paragraph>
        ) : (
          <ConsentTable
            items={p.consents.items}
            onWithdraw={async (c, body) => {
              await p.onWithdrawConsent(c.id, body);
              setDone(t('referrals.consents.withdrawnDone'));
            }}
          />
        )}
      </section>

      <FormDialog open={sending} title={t('referrals.dialogs.send')} onClose={() => setSending(false)} wide>
        {({ close }) =>
          p.referrals.options ? (
            <SendForm
              options={p.referrals.options}
              onSubmit={async (body) => {
                await p.onSend(body);
                setDone(t('referrals.done.sent'));
                close();
              }}
              onCancel={close}
            />
          ) : null
        }
      </FormDialog>
      <FormDialog open={recording} title={t('referrals.consents.record')} onClose={() => setRecording(false)} wide>
        {({ close }) => (
          <ConsentForm
            units={p.consents.units}
            onSubmit={async (body) => {
              await p.onRecordConsent(body);
              setDone(t('referrals.consents.recordedDone'));
              close();
            }}
            onCancel={close}
          />
        )}
      </FormDialog>
    </>
  );
}

/** Runs a submit: field errors go beside their fields, anything else in an alert. */
function useSubmit<T>(submit: (v: T) => Promise<void>) {
  const fieldErrors = useReferralFieldErrors();
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (v: T) => {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await submit(v);
    } catch (err) {
      const f = fieldErrors(err);
      if (f) setErrors(f);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { errors, error, busy, run };
}

function CategoryBoxes({ id, legend, hint, choices, value, onChange, error }: { id: string; legend: string; hint?: string; choices: readonly DataCategory[]; value: DataCategory[]; onChange: (v: DataCategory[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Fieldset id={id} aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {hint ? <Fieldset.Description>{hint}</Fieldset.Description> : null}
      {choices.map((c) => (
        <Checkbox
          key={c}
          label={t(`categories.${c}`)}
          value={c}
          checked={value.includes(c)}
          onChange={(e) => onChange(e.target.checked ? [...value, c] : value.filter((x) => x !== c))}
        />
      ))}
      {error ? <p className="ds-validation-message" data-field="validation">{error}</p> : null}
    </Fieldset>
  );
}

function SendForm({ options, onSubmit, onCancel }: { options: Options; onSubmit: (b: BodyOf<'createReferral'>) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [fromUnitId, setFrom] = useState(options.fromUnits[0]?.id ?? '');
  const [toUnitId, setTo] = useState('');
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [legalBasis, setBasis] = useState<(typeof LEGAL_BASES)[number]>('forvaltningsloven_13b');
  const [consentId, setConsent] = useState('');
  const [attachmentIds, setAttachments] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [requestedHelp, setHelp] = useState('');
  const [dueDate, setDue] = useState('');
  const s = useSubmit(onSubmit);
  const receiver = options.receivers.find((u) => u.id === toUnitId);
  const choices = (receiver?.categories ?? []).filter((c) => c !== 'identity');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run({
      fromUnitId: fromUnitId || null,
      toUnitId,
      reason,
      requestedHelp,
      categories,
      legalBasis,
      consentId: legalBasis === 'consent' ? consentId || null : null,
      attachmentIds,
      dueDate: dueDate || null,
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      {options.fromUnits.length > 1 ? (
        <SelectField id="ref-from" label={t('referrals.fields.fromUnit')} value={fromUnitId} onChange={(e) => setFrom(e.target.value)} error={s.errors.fromUnitId}>
          {options.fromUnits.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField id="ref-to" label={t('referrals.fields.toUnit')} value={toUnitId} onChange={(e) => { setTo(e.target.value); setCategories([]); }} error={s.errors.toUnitId}>
        <option value="">{t('common.choose')}</option>
        {options.receivers.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({t(`unitKinds.${u.kind}`)})
          </option>
        ))}
      </SelectField>
      <CategoryBoxes id="ref-categories" legend={t('referrals.fields.categories')} hint={t('referrals.fields.categoriesHint')} choices={choices} value={categories} onChange={setCategories} error={s.errors.categories} />
      <TextareaField id="ref-reason" label={t('referrals.fields.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={s.errors.reason} />
      <TextareaField id="ref-help" label={t('referrals.fields.requestedHelp')} value={requestedHelp} onChange={(e) => setHelp(e.target.value)} error={s.errors.requestedHelp} />
      <SelectField id="ref-basis" label={t('referrals.fields.legalBasis')} value={legalBasis} onChange={(e) => setBasis(e.target.value as typeof legalBasis)} error={s.errors.legalBasis}>
        {LEGAL_BASES.map((b) => (
          <option key={b} value={b}>
            {t(`referrals.legalBases.${b}`)}
          </option>
        ))}
      </SelectField>
      {legalBasis === 'consent' ? (
        <SelectField id="ref-consent" label={t('referrals.fields.consent')} value={consentId} onChange={(e) => setConsent(e.target.value)} error={s.errors.consentId}>
          <option value="">{t('common.choose')}</option>
          {options.consents.map((c) => (
            <option key={c.id} value={c.id}>
              {c.purpose}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Fieldset aria-invalid={s.errors.attachmentIds ? true : undefined}>
        <Fieldset.Legend>{t('referrals.fields.attachments')}</Fieldset.Legend>
        <Fieldset.Description>{t('referrals.fields.attachmentsHint')}</Fieldset.Description>
        {options.documents.length === 0 ? <Paragraph>{t('referrals.noDocuments')}</Paragraph> : null}
        {options.documents.map((d) => (
          <Checkbox
            key={d.id}
            label={`${d.fileName} (${t(`categories.${d.dataCategory}`)})`}
            value={d.id}
            checked={attachmentIds.includes(d.id)}
            onChange={(e) => setAttachments(e.target.checked ? [...attachmentIds, d.id] : attachmentIds.filter((x) => x !== d.id))}
          />
        ))}
        {s.errors.attachmentIds ? <p className="ds-validation-message">{s.errors.attachmentIds}</p> : null}
      </Fieldset>
      <TextField id="ref-due" type="date" label={t('referrals.fields.dueDate')} value={dueDate} onChange={(e) => setDue(e.target.value)} error={s.errors.dueDate} />
      {s.error ? <ApiErrorAlert error={s.error} /> : null}
      <div className="actions">
        <Button type="submit" disabled={s.busy}>
          {t('referrals.actions.send')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

const ALL_CATEGORIES: DataCategory[] = ['identity', 'settlement', 'programme', 'health', 'child_welfare', 'economy'];

function ConsentForm({ units, onSubmit, onCancel }: { units: ConsentsView['units']; onSubmit: (b: BodyOf<'createConsent'>) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [givenBy, setGivenBy] = useState<'person' | 'guardian'>('person');
  const [guardianName, setGuardian] = useState('');
  const [purpose, setPurpose] = useState('');
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [unitIds, setUnits] = useState<string[]>([]);
  const [validFrom, setFrom] = useState('');
  const [validUntil, setUntil] = useState('');
  const s = useSubmit(onSubmit);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run({ givenBy, guardianName: givenBy === 'guardian' ? guardianName || null : null, purpose, categories, unitIds, validFrom, validUntil });
  };
  return (
    <form onSubmit={submit} noValidate>
      <SelectField id="consent-given-by" label={t('referrals.consents.givenBy')} value={givenBy} onChange={(e) => setGivenBy(e.target.value as 'person' | 'guardian')}>
        <option value="person">{t('referrals.consents.givenByOptions.person')}</option>
        <option value="guardian">{t('referrals.consents.givenByOptions.guardian')}</option>
      </SelectField>
      {givenBy === 'guardian' ? (
        <TextField id="consent-guardian" label={t('referrals.consents.guardianName')} value={guardianName} onChange={(e) => setGuardian(e.target.value)} error={s.errors.guardianName} />
      ) : null}
      <TextareaField id="consent-purpose" label={t('referrals.consents.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)} error={s.errors.purpose} />
      <CategoryBoxes id="consent-categories" legend={t('referrals.consents.categories')} choices={ALL_CATEGORIES} value={categories} onChange={setCategories} error={s.errors.categories} />
      <Fieldset aria-invalid={s.errors.unitIds ? true : undefined}>
        <Fieldset.Legend>{t('referrals.consents.units')}</Fieldset.Legend>
        {units.map((u) => (
          <Checkbox key={u.id} label={u.name} value={u.id} checked={unitIds.includes(u.id)} onChange={(e) => setUnits(e.target.checked ? [...unitIds, u.id] : unitIds.filter((x) => x !== u.id))} />
        ))}
        {s.errors.unitIds ? <p className="ds-validation-message">{s.errors.unitIds}</p> : null}
      </Fieldset>
      <TextField id="consent-from" type="date" label={t('referrals.consents.validFrom')} value={validFrom} onChange={(e) => setFrom(e.target.value)} error={s.errors.validFrom} />
      <TextField id="consent-until" type="date" label={t('referrals.consents.validUntil')} value={validUntil} onChange={(e) => setUntil(e.target.value)} error={s.errors.validUntil} />
      {s.error ? <ApiErrorAlert error={s.error} /> : null}
      <div className="actions">
        <Button type="submit" disabled={s.busy}>
          {t('referrals.consents.record')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function ConsentTable({ items, onWithdraw }: { items: Consent[]; onWithdraw: (c: Consent, body: BodyOf<'withdrawConsent'>) => Promise<void> }) {
  const { t } = useTranslation();
  const fmt = useFormatDate();
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  return (
    <>
      <ScrollRegion labelledBy="consents-caption">
        <Table>
          <caption id="consents-caption">{t('referrals.consents.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('referrals.consents.purpose')}</Table.HeaderCell>
              <Table.HeaderCell>{t('referrals.consents.givenBy')}</Table.HeaderCell>
              <Table.HeaderCell>{t('referrals.consents.categories')}</Table.HeaderCell>
              <Table.HeaderCell>{t('referrals.consents.units')}</Table.HeaderCell>
              <Table.HeaderCell>{t('referrals.consents.period')}</Table.HeaderCell>
              <Table.HeaderCell>{t('referrals.consents.state')}</Table.HeaderCell>
              <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{c.purpose}</Table.Cell>
                <Table.Cell>{c.givenBy === 'guardian' ? `${t('referrals.consents.givenByOptions.guardian')}: ${c.guardianName ?? ''}` : t('referrals.consents.givenByOptions.person')}</Table.Cell>
                <Table.Cell>{c.categories.map((x) => t(`categories.${x}`)).join(', ')}</Table.Cell>
                <Table.Cell>{c.units.map((u) => u.name).join(', ')}</Table.Cell>
                <Table.Cell>
                  {fmt(c.validFrom)} – {fmt(c.validUntil)}
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={c.state === 'active' ? 'success' : 'neutral'}>{t(`referrals.consentStates.${c.state}`)}</Tag>
                  {c.withdrawal ? (
                    <div>
                      {t('referrals.consents.withdrawal', {
                        on: fmt(c.withdrawal.on),
                        by: c.withdrawal.by === 'guardian' ? (c.withdrawal.byName ?? t('referrals.consents.givenByOptions.guardian')) : t('referrals.consents.givenByOptions.person'),
                        recordedBy: c.withdrawal.recordedBy ?? '–',
                      })}
                    </div>
                  ) : null}
                </Table.Cell>
                <Table.Cell>
                  {c.canWithdraw ? (
                    <Button variant="secondary" data-size="sm" onClick={() => setWithdrawing(c)} aria-label={`${t('referrals.consents.withdraw')}: ${c.purpose}`}>
                      {t('referrals.consents.withdraw')}
                    </Button>
                  ) : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollRegion>
      <FormDialog open={withdrawing !== null} title={t('referrals.consents.withdrawTitle')} onClose={() => setWithdrawing(null)}>
        {({ close }) =>
          withdrawing ? (
            <WithdrawForm
              version={withdrawing.version}
              onSubmit={async (body) => {
                await onWithdraw(withdrawing, body);
                close();
              }}
              onCancel={close}
            />
          ) : null
        }
      </FormDialog>
    </>
  );
}

function WithdrawForm({ version, onSubmit, onCancel }: { version: number; onSubmit: (b: BodyOf<'withdrawConsent'>) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [withdrawnOn, setOn] = useState('');
  const [withdrawnBy, setBy] = useState<'person' | 'guardian'>('person');
  const [name, setName] = useState('');
  const s = useSubmit(onSubmit);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void s.run({ withdrawnOn, withdrawnBy, withdrawnByName: withdrawnBy === 'guardian' ? name || null : null, version });
      }}
    >
      <Paragraph>{t('referrals.consents.withdrawNotice')}</Paragraph>
      <TextField id="withdraw-on" type="date" label={t('referrals.consents.withdrawnOn')} value={withdrawnOn} onChange={(e) => setOn(e.target.value)} error={s.errors.withdrawnOn} />
      <SelectField id="withdraw-by" label={t('referrals.consents.withdrawnBy')} value={withdrawnBy} onChange={(e) => setBy(e.target.value as 'person' | 'guardian')}>
        <option value="person">{t('referrals.consents.givenByOptions.person')}</option>
        <option value="guardian">{t('referrals.consents.givenByOptions.guardian')}</option>
      </SelectField>
      {withdrawnBy === 'guardian' ? (
        <TextField id="withdraw-name" label={t('referrals.consents.withdrawnByName')} value={name} onChange={(e) => setName(e.target.value)} error={s.errors.withdrawnByName} />
      ) : null}
      {s.error ? <ApiErrorAlert error={s.error} /> : null}
      <div className="actions">
        <Button type="submit" disabled={s.busy}>
          {t('referrals.consents.withdraw')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
