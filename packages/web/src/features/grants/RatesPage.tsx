import { useState } from 'react';
import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PutGrantRateRequest, type ResponseOf } from '@eidor/contract';
import { GRANT_CODES, RATE_STATUSES, SPLIT_RULES, type GrantCode, type SplitRule } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { labelsFrom, useContractForm } from '../../components/form/use-contract-form.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatKroner } from '../../i18n/format.ts';
import { GrantsNav } from './GrantsNav.tsx';
import { STATUS_COLOR } from './labels.ts';
import { checkRate, rateFormFrom, rateRequestFrom, type RateFormValues, type RateRequest, type RateRow } from './rate-form.ts';

type Settings = ResponseOf<'grantSettings'>;

export type RatesPageProps = {
  rates: RateRow[];
  mayEdit: boolean;
  thisYear: number;
  /** The split rule, and whether the user may change it (grants.manage). */
  settings: Settings | null;
  mayManage: boolean;
  extraGrants: boolean;
  onSave: (request: RateRequest) => Promise<void>;
  onRevert: (row: RateRow) => Promise<void>;
  onReload: () => Promise<void>;
  onSaveSettings: (splitRule: SplitRule, version: number) => Promise<void>;
  onReloadSettings: () => Promise<void>;
};

const RateFields = PutGrantRateRequest.omit({ version: true });

/**
 * The rate tables (issue 6 § 1): every code and year with its source and status, shipped defaults
 * and the municipality's own rows. Those with grants.rates correct a row, add a year, or revert an
 * own row; those with grants.manage choose the split rule for moves.
 */
export function RatesPage(props: RatesPageProps) {
  const { rates, mayEdit, thisYear, onSave, onRevert, onReload } = props;
  const { t } = useTranslation();
  const kroner = useFormatKroner();
  const [status, setStatus] = useState('');
  const [filter, setFilter] = useState<GrantCode | ''>('');
  const [editing, setEditing] = useState<RateRow | 'new' | null>(null);
  const [reverting, setReverting] = useState<RateRow | null>(null);
  const [revertState, setRevertState] = useState<{ pending: boolean; error: unknown }>({ pending: false, error: null });
  const shown = filter ? rates.filter((r) => r.code === filter) : rates;
  const editingRow = editing === 'new' ? undefined : (editing ?? undefined);

  const revert = async () => {
    if (!reverting) return;
    setRevertState({ pending: true, error: null });
    try {
      await onRevert(reverting);
      setStatus(t('grants.rates.reverted', { code: reverting.code, year: reverting.year }));
      setReverting(null);
      setRevertState({ pending: false, error: null });
    } catch (error) {
      setRevertState({ pending: false, error });
    }
  };

  return (
    <>
      <PageHeading>{t('grants.rates.title')}</PageHeading>
      <GrantsNav extraGrants={props.extraGrants} />
      <Paragraph>{t('grants.rates.intro')}</Paragraph>
      {!mayEdit ? <Paragraph>{t('grants.rates.readOnly')}</Paragraph> : null}
      <StatusMessage>{status}</StatusMessage>
      <div className="filter-grid">
        <SelectField id="rates-filter" label={t('grants.rates.filter')} value={filter} onChange={(e) => setFilter(e.target.value as GrantCode | '')} width="auto">
          <option value="">{t('grants.rates.allCodes')}</option>
          {GRANT_CODES.map((c) => (
            <option key={c} value={c}>
              {c} – {t(`grants.codes.${c}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {mayEdit ? (
        <div className="button-row page-actions">
          <Button variant="primary" onClick={() => setEditing('new')}>
            {t('grants.rates.add')}
          </Button>
        </div>
      ) : null}
      <section className="section" aria-labelledby="rates-caption">
        <ScrollRegion labelledBy="rates-caption">
          <Table zebra border data-size="sm" className="wide-table">
            <caption id="rates-caption">{t('grants.rates.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('grants.rates.code')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.rates.year')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.rates.amount')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.rates.status')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.rates.origin')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('grants.rates.source')}</Table.HeaderCell>
                {mayEdit ? <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((r) => (
                <Table.Row key={`${r.code}|${r.year}`}>
                  <Table.HeaderCell scope="row">
                    <code>{r.code}</code> {t(`grants.codes.${r.code}`)}
                  </Table.HeaderCell>
                  <Table.Cell>{r.year}</Table.Cell>
                  <Table.Cell>{kroner(r.amount)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={STATUS_COLOR[r.status]} data-size="sm">
                      {t(`grants.statuses.${r.status}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {r.own
                      ? r.defaultAmount !== null && r.defaultAmount !== r.amount
                        ? t('grants.rates.ownCorrects', { amount: kroner(r.defaultAmount) })
                        : t('grants.rates.own')
                      : t('grants.rates.standard')}
                  </Table.Cell>
                  <Table.Cell>
                    {r.source}
                    {r.note ? (
                      <>
                        <br />
                        <span>
                          {t('grants.rates.note')}: {r.note}
                        </span>
                      </>
                    ) : null}
                  </Table.Cell>
                  {mayEdit ? (
                    <Table.Cell>
                      <div className="button-row button-row--tight">
                        <Button variant="tertiary" data-size="sm" onClick={() => setEditing(r)}>
                          {t('grants.rates.correct', { code: r.code, year: r.year })}
                        </Button>
                        {r.own ? (
                          <Button variant="tertiary" data-size="sm" onClick={() => setReverting(r)}>
                            {t('grants.rates.revert', { code: r.code, year: r.year })}
                          </Button>
                        ) : null}
                      </div>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      </section>

      <SplitRuleSection {...props} />

      <FormDialog
        open={editing !== null}
        title={editingRow ? t('grants.rates.correctHeading', { code: editingRow.code, year: editingRow.year }) : t('grants.rates.addHeading')}
        onClose={() => setEditing(null)}
        wide
      >
        {({ reloaded, close }) => (
          <RateForm
            key={editingRow ? `${editingRow.code}|${editingRow.year}|${String(rates.find((r) => r.code === editingRow.code && r.year === editingRow.year)?.version)}` : 'new'}
            row={editingRow ? (rates.find((r) => r.code === editingRow.code && r.year === editingRow.year) ?? editingRow) : undefined}
            thisYear={thisYear}
            onSubmit={async (fields) => {
              setStatus('');
              // The version of the row as last read: null when the municipality has no own row yet.
              const own = rates.find((r) => r.code === fields.code && r.year === fields.year && r.own);
              await onSave({ ...fields, version: own?.version ?? null });
              close();
              setStatus(t('grants.rates.saved', { code: fields.code, year: fields.year }));
            }}
            onCancel={close}
            onReload={reloaded(onReload)}
          />
        )}
      </FormDialog>

      <ConfirmDialog
        open={reverting !== null}
        title={t('grants.rates.revertTitle')}
        body={reverting ? t('grants.rates.revertBody', { code: reverting.code, year: reverting.year }) : ''}
        confirmLabel={t('grants.rates.revertConfirm')}
        danger
        pending={revertState.pending}
        error={revertState.error}
        onConfirm={() => void revert()}
        onCancel={() => {
          setReverting(null);
          setRevertState({ pending: false, error: null });
        }}
        onReload={async () => {
          await onReload();
          setReverting(null);
          setRevertState({ pending: false, error: null });
        }}
      />
    </>
  );
}

/** The rate form: a new row asks for the code and year; a correction keeps them. */
export function RateForm({
  row,
  thisYear,
  onSubmit,
  onCancel,
  onReload,
}: {
  row: RateRow | undefined;
  thisYear: number;
  onSubmit: (fields: Omit<RateRequest, 'version'> & { note: string | null }) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    code: t('grants.rates.form.code'),
    year: t('grants.rates.form.year'),
    amount: t('grants.rates.form.amount'),
    source: t('grants.rates.form.source'),
    status: t('grants.rates.form.status'),
    note: t('grants.rates.form.note'),
  };
  const f = useContractForm<RateFormValues, Omit<RateRequest, 'version'> & { note: string | null }>({
    id: 'grant-rate',
    schema: RateFields as never,
    defaultValues: rateFormFrom(row, thisYear + 1),
    labelFor: labelsFrom(labels),
    prepare: rateRequestFrom,
    check: (v) => checkRate(v, t),
    onSubmit,
  });
  const { register, formState } = f.form;
  return (
    <form onSubmit={f.submit} noValidate className="form">
      <FormErrorSummary errors={f.fieldErrors} ref={f.summaryRef} />
      {f.apiError ? <ApiErrorAlert error={f.apiError} ref={f.alertRef} onReload={onReload} /> : null}
      {row ? (
        <dl className="facts">
          <dt>{labels.code}</dt>
          <dd>
            <code>{row.code}</code> {t(`grants.codes.${row.code}`)}
          </dd>
          <dt>{labels.year}</dt>
          <dd>{row.year}</dd>
        </dl>
      ) : (
        <>
          <SelectField id={f.idFor('code')} label={labels.code!} error={f.errorFor('code')} width="auto" {...register('code')}>
            <option value="">{t('common.choose')}</option>
            {GRANT_CODES.map((c) => (
              <option key={c} value={c}>
                {c} – {t(`grants.codes.${c}`)}
              </option>
            ))}
          </SelectField>
          <TextField id={f.idFor('year')} label={labels.year!} inputMode="numeric" autoComplete="off" className="input-short" error={f.errorFor('year')} {...register('year')} />
        </>
      )}
      <TextField
        id={f.idFor('amount')}
        label={labels.amount!}
        description={t('grants.rates.form.amountHint')}
        inputMode="numeric"
        autoComplete="off"
        className="input-short"
        error={f.errorFor('amount')}
        {...register('amount')}
      />
      <TextField id={f.idFor('source')} label={labels.source!} description={t('grants.rates.form.sourceHint')} autoComplete="off" error={f.errorFor('source')} {...register('source')} />
      <SelectField id={f.idFor('status')} label={labels.status!} description={t('grants.rates.form.statusHint')} error={f.errorFor('status')} width="auto" {...register('status')}>
        {RATE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`grants.statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextareaField id={f.idFor('note')} label={labels.note!} error={f.errorFor('note')} {...register('note')} />
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

/** The split rule for moves, with the warning that IMDi has confirmed neither. */
function SplitRuleSection({ settings, mayManage, onSaveSettings, onReloadSettings }: RatesPageProps) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<SplitRule | null>(null);
  const [state, setState] = useState<{ pending: boolean; error: unknown; saved: boolean }>({ pending: false, error: null, saved: false });
  if (!settings) return null;
  const value = choice ?? settings.splitRule;
  const save = async () => {
    setState({ pending: true, error: null, saved: false });
    try {
      await onSaveSettings(value, settings.version);
      setChoice(null);
      setState({ pending: false, error: null, saved: true });
    } catch (error) {
      setState({ pending: false, error, saved: false });
    }
  };
  return (
    <section className="section" aria-labelledby="split-rule">
      <Heading level={2} data-size="sm" id="split-rule">
        {t('grants.settings.heading')}
      </Heading>
      <Paragraph>{t('grants.settings.intro')}</Paragraph>
      <Alert data-color="warning">
        <Paragraph>{t('grants.settings.unconfirmed')}</Paragraph>
      </Alert>
      {mayManage ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {state.error ? (
            <ApiErrorAlert
              error={state.error}
              onReload={async () => {
                await onReloadSettings();
                setChoice(null);
                setState({ pending: false, error: null, saved: false });
              }}
            />
          ) : null}
          <Fieldset>
            <Fieldset.Legend>{t('grants.settings.rule')}</Fieldset.Legend>
            {SPLIT_RULES.map((r) => (
              <Radio key={r} name="split-rule" value={r} label={t(`grants.splitRules.${r}`)} checked={value === r} onChange={() => setChoice(r)} />
            ))}
          </Fieldset>
          <div className="button-row">
            <Button type="submit" loading={state.pending} disabled={state.pending}>
              {t('grants.settings.save')}
            </Button>
          </div>
          <StatusMessage>{state.saved ? t('grants.settings.saved') : ''}</StatusMessage>
        </form>
      ) : (
        <Paragraph>{t('grants.settings.current', { rule: t(`grants.splitRules.${settings.splitRule}`) })}</Paragraph>
      )}
    </section>
  );
}
