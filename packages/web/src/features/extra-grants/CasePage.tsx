import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Card, Checkbox, Fieldset, Heading, Link as DsLink, Paragraph, Table, Tag, ValidationMessage } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BodyOf, ExtraGrantApplicationView, ExtraGrantCaseView, UnitView } from '@eidor/contract';
import { EXTRA_GRANT_CHECKLIST, EXTRA_GRANT_REQUEST_UNIT_KINDS, type ExtraGrantChecklistKey } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { parseKroner, useFormatOre } from '../programme/money.ts';
import { useAction } from './actions.ts';
import type { PdfRequest } from './queries.ts';

type ActionBody = BodyOf<'actOnExtraGrantApplication'>;

export type CasePageProps = {
  kase: ExtraGrantCaseView;
  units: UnitView[];
  today: string;
  onChecklist: (checklist: Partial<Record<ExtraGrantChecklistKey, string>>) => Promise<unknown>;
  onConsent: (body: BodyOf<'recordExtraGrantConsent'>) => Promise<unknown>;
  onWithdrawConsent: (consentId: string, withdrawnDate: string) => Promise<unknown>;
  onRequest: (body: BodyOf<'sendExtraGrantRequest'>) => Promise<unknown>;
  onRemind: (requestId: string, version: number) => Promise<unknown>;
  onAddCost: (body: BodyOf<'addExtraGrantCostLine'>) => Promise<unknown>;
  onUpdateCost: (lineId: string, body: BodyOf<'updateExtraGrantCostLine'>) => Promise<unknown>;
  onCreateApplication: (body: BodyOf<'createExtraGrantApplication'>) => Promise<unknown>;
  onApplication: (applicationId: string, body: ActionBody) => Promise<unknown>;
  onPdf: (applicationId: string, pdf: PdfRequest) => Promise<void>;
  onReload: () => Promise<void>;
};

/** The amount a user typed, in øre; a typed text that is no amount becomes NaN so the server names the field. */
const ore = (text: string): number => (text.trim() === '' ? Number.NaN : (parseKroner(text) ?? Number.NaN));

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section className="section" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      {children}
    </section>
  );
}

/** The extra-grant case of one person: everything the coordinator collects, sends and records. */
export function CasePage(props: CasePageProps) {
  const { kase } = props;
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <>
      <PageHeading documentTitle={t('extraGrants.case.documentTitle')}>
        {t('extraGrants.case.title', { name: '' })}
        <bdi>{kase.person.name}</bdi>
      </PageHeading>
      <Paragraph>
        <DsLink asChild>
          <Link to="/extra-grants">{t('extraGrants.case.back')}</Link>
        </DsLink>
      </Paragraph>
      <Section id="xg-facts" title={t('extraGrants.case.facts')}>
        <dl className="facts">
          <dt>{t('extraGrants.case.born')}</dt>
          <dd>{formatDate(kase.person.birthDate)}</dd>
          <dt>{t('extraGrants.case.firstSettlement')}</dt>
          <dd>{kase.person.firstSettlementDate ? formatDate(kase.person.firstSettlementDate) : '–'}</dd>
          {kase.person.unaccompaniedMinor ? (
            <>
              <dt>{t('extraGrants.case.unaccompanied')}</dt>
              <dd>{t('extraGrants.yes')}</dd>
            </>
          ) : null}
          <dt>{t('extraGrants.case.lastYear')}</dt>
          <dd>{kase.lastGrantYear}</dd>
          {kase.firstDeadline ? (
            <>
              <dt>{t('extraGrants.case.firstDeadline')}</dt>
              <dd>
                {formatDate(kase.firstDeadline)} {props.today > kase.firstDeadline ? <Tag data-color="danger">{t('extraGrants.overdue')}</Tag> : null}
              </dd>
            </>
          ) : null}
        </dl>
      </Section>
      <ChecklistSection {...props} />
      <ConsentSection {...props} />
      <RequestsSection {...props} />
      <CostsSection {...props} />
      <ApplicationsSection {...props} />
    </>
  );
}

function ChecklistSection({ kase, onChecklist, onReload }: CasePageProps) {
  const { t } = useTranslation();
  const a = useAction();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(EXTRA_GRANT_CHECKLIST.map((k) => [k, kase.checklist[k] ?? ''])));
  const [status, setStatus] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    if (await a.run(() => onChecklist(values))) setStatus(t('extraGrants.saved'));
  };
  return (
    <Section id="xg-checklist" title={t('extraGrants.checklist.heading')} intro={t('extraGrants.checklist.intro')}>
      <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby="xg-checklist">
        {EXTRA_GRANT_CHECKLIST.map((k) =>
          k === 'generalPractitioner' || k === 'informant' ? (
            <TextField key={k} id={`xg-cl-${k}`} label={t(`extraGrants.checklist.${k}`)} value={values[k] ?? ''} disabled={!kase.can.edit} onChange={(e) => setValues({ ...values, [k]: e.target.value })} error={a.fields[`checklist.${k}`]} />
          ) : (
            <TextareaField key={k} id={`xg-cl-${k}`} label={t(`extraGrants.checklist.${k}`)} value={values[k] ?? ''} disabled={!kase.can.edit} onChange={(e) => setValues({ ...values, [k]: e.target.value })} error={a.fields[`checklist.${k}`]} />
          ),
        )}
        {a.error ? <ApiErrorAlert error={a.error} onReload={onReload} /> : null}
        <StatusMessage>{status}</StatusMessage>
        {kase.can.edit ? (
          <div className="button-row">
            <Button type="submit" disabled={a.busy}>
              {t('extraGrants.checklist.save')}
            </Button>
          </div>
        ) : null}
      </form>
    </Section>
  );
}

function ConsentSection({ kase, today, onConsent, onWithdrawConsent }: CasePageProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const a = useAction();
  const w = useAction();
  const [signedBy, setSignedBy] = useState<'person' | 'guardian'>('person');
  const [signerName, setSignerName] = useState('');
  const [scope, setScope] = useState<string[]>([]);
  const [scopeNote, setScopeNote] = useState('');
  const [consentDate, setConsentDate] = useState(today);
  const [status, setStatus] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    const ok = await a.run(() => onConsent({ signedBy, signerName, scope: scope as BodyOf<'recordExtraGrantConsent'>['scope'], scopeNote: scopeNote || null, consentDate }));
    if (ok) {
      setStatus(t('extraGrants.consent.recorded'));
      setSignerName('');
      setScope([]);
      setScopeNote('');
    }
  };
  return (
    <Section id="xg-consent" title={t('extraGrants.consent.heading')} intro={t('extraGrants.consent.intro')}>
      {kase.consents.length === 0 ? (
        <Paragraph>{t('extraGrants.consent.none')}</Paragraph>
      ) : (
        <ul className="compact-list">
          {kase.consents.map((c) => (
            <li key={c.id}>
              {t('extraGrants.consent.listItem', {
                date: formatDate(c.consentDate),
                signer: c.signerName,
                by: t(`extraGrants.consent.signers.${c.signedBy}`),
                scope: c.scope.map((k) => t(`unitKinds.${k}`)).join(', '),
              })}
              {c.scopeNote ? ` (${c.scopeNote})` : ''}
              {c.withdrawnDate ? ` – ${t('extraGrants.consent.withdrawn', { date: formatDate(c.withdrawnDate) })}` : null}
              {!c.withdrawnDate && kase.can.edit ? (
                <>
                  {' '}
                  <Button data-size="sm" variant="tertiary" disabled={w.busy} onClick={() => void w.run(() => onWithdrawConsent(c.id, today))}>
                    {t('extraGrants.consent.withdraw', { date: formatDate(c.consentDate) })}
                  </Button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {w.error ? <ApiErrorAlert error={w.error} /> : null}
      {w.fields.withdrawnDate ? <Alert data-color="danger">{w.fields.withdrawnDate}</Alert> : null}
      {kase.can.edit ? (
        <form className="form narrow" onSubmit={(e) => void submit(e)} aria-label={t('extraGrants.consent.record')} noValidate>
          <Heading level={3} data-size="2xs">
            {t('extraGrants.consent.record')}
          </Heading>
          <SelectField id="xg-consent-signedBy" label={t('extraGrants.consent.signedBy')} value={signedBy} onChange={(e) => setSignedBy(e.target.value as 'person' | 'guardian')} error={a.fields.signedBy}>
            <option value="person">{t('extraGrants.consent.signers.person')}</option>
            <option value="guardian">{t('extraGrants.consent.signers.guardian')}</option>
          </SelectField>
          <TextField id="xg-consent-signerName" label={t('extraGrants.consent.signerName')} value={signerName} onChange={(e) => setSignerName(e.target.value)} error={a.fields.signerName} />
          <Fieldset id="xg-consent-scope" aria-invalid={a.fields.scope ? true : undefined}>
            <Fieldset.Legend>{t('extraGrants.consent.scope')}</Fieldset.Legend>
            {EXTRA_GRANT_REQUEST_UNIT_KINDS.map((k) => (
              <Checkbox
                key={k}
                id={`xg-consent-scope-${k}`}
                label={t(`unitKinds.${k}`)}
                checked={scope.includes(k)}
                onChange={(e) => setScope(e.target.checked ? [...scope, k] : scope.filter((x) => x !== k))}
              />
            ))}
            {a.fields.scope ? <ValidationMessage>{a.fields.scope}</ValidationMessage> : null}
          </Fieldset>
          <TextField id="xg-consent-scopeNote" label={t('extraGrants.consent.scopeNote')} value={scopeNote} onChange={(e) => setScopeNote(e.target.value)} error={a.fields.scopeNote} />
          <TextField id="xg-consent-date" type="date" className="input-short" label={t('extraGrants.consent.consentDate')} value={consentDate} onChange={(e) => setConsentDate(e.target.value)} error={a.fields.consentDate} />
          {a.error ? <ApiErrorAlert error={a.error} /> : null}
          <StatusMessage>{status}</StatusMessage>
          <div className="button-row">
            <Button type="submit" disabled={a.busy}>
              {t('extraGrants.consent.record')}
            </Button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}

function RequestsSection({ kase, units, today, onRequest, onRemind, onReload }: CasePageProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatOre = useFormatOre();
  const a = useAction();
  const remind = useAction();
  const active = units.filter((u) => u.active);
  const [unitId, setUnitId] = useState('');
  const [kind, setKind] = useState<'documentation' | 'costs' | 'documentation_and_costs'>('documentation_and_costs');
  const [message, setMessage] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [status, setStatus] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    if (!unitId) {
      a.setFields({ unitId: t('validation.choose', { field: t('extraGrants.requests.unit').toLowerCase() }) });
      return;
    }
    if (await a.run(() => onRequest({ unitId, kind, message, dueDate }))) {
      setStatus(t('extraGrants.requests.sent'));
      setMessage('');
    }
  };
  return (
    <Section id="xg-requests" title={t('extraGrants.requests.heading')} intro={t('extraGrants.requests.intro')}>
      {kase.requests.length === 0 ? (
        <Paragraph>{t('extraGrants.requests.none')}</Paragraph>
      ) : (
        <ul className="mail-list">
          {kase.requests.map((r) => (
            <li key={r.id}>
              <Card data-color="neutral">
                <Heading level={3} data-size="xs">
                  {r.unitName}: {t(`extraGrants.requests.kinds.${r.kind}`)}
                </Heading>
                <Paragraph>{r.message}</Paragraph>
                <Paragraph data-size="sm">
                  {t('extraGrants.requests.dueDate')}: {formatDate(r.dueDate)} · {t('extraGrants.requests.status')}: {t(`extraGrants.requests.statuses.${r.status}`)}{' '}
                  {r.overdue ? <Tag data-color="danger">{t('extraGrants.overdue')}</Tag> : null}
                  {r.reminders > 0 ? ` · ${t('extraGrants.requests.reminders', { count: r.reminders })}` : ''}
                </Paragraph>
                {r.status === 'answered' ? (
                  <>
                    <Paragraph>
                      <strong>{t('extraGrants.requests.answer')}:</strong> {r.answer}
                    </Paragraph>
                    {r.costEstimate !== null ? (
                      <Paragraph>
                        {t('extraGrants.requests.costEstimate')}: {formatOre(r.costEstimate)}
                      </Paragraph>
                    ) : null}
                    <Paragraph data-size="sm">
                      {t('extraGrants.requests.informant')}: {r.informant}
                    </Paragraph>
                  </>
                ) : kase.can.edit ? (
                  <Button
                    data-size="sm"
                    variant="secondary"
                    disabled={remind.busy}
                    onClick={() => void remind.run(() => onRemind(r.id, r.version)).then((ok) => ok && setStatus(t('extraGrants.requests.reminded')))}
                  >
                    {t('extraGrants.requests.remind', { unit: r.unitName })}
                  </Button>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {remind.error ? <ApiErrorAlert error={remind.error} onReload={onReload} /> : null}
      {kase.can.edit ? (
        <form className="form narrow" onSubmit={(e) => void submit(e)} aria-label={t('extraGrants.requests.send')} noValidate>
          <Heading level={3} data-size="2xs">
            {t('extraGrants.requests.send')}
          </Heading>
          <SelectField id="xg-req-unitId" label={t('extraGrants.requests.unit')} value={unitId} onChange={(e) => setUnitId(e.target.value)} error={a.fields.unitId}>
            <option value="">{t('common.choose')}</option>
            {active.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({t(`unitKinds.${u.kind}`)})
              </option>
            ))}
          </SelectField>
          <SelectField id="xg-req-kind" label={t('extraGrants.requests.kind')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} error={a.fields.kind}>
            {(['documentation_and_costs', 'documentation', 'costs'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`extraGrants.requests.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextareaField id="xg-req-message" label={t('extraGrants.requests.message')} value={message} onChange={(e) => setMessage(e.target.value)} error={a.fields.message} />
          <TextField id="xg-req-dueDate" type="date" className="input-short" label={t('extraGrants.requests.dueDate')} min={today} value={dueDate} onChange={(e) => setDueDate(e.target.value)} error={a.fields.dueDate} />
          {a.error ? <ApiErrorAlert error={a.error} /> : null}
          <StatusMessage>{status}</StatusMessage>
          <div className="button-row">
            <Button type="submit" disabled={a.busy}>
              {t('extraGrants.requests.send')}
            </Button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}

function CostsSection({ kase, units, onAddCost, onUpdateCost, onReload }: CasePageProps) {
  const { t } = useTranslation();
  const formatOre = useFormatOre();
  const a = useAction();
  const upd = useAction();
  const [unitId, setUnitId] = useState('');
  const [grantYear, setGrantYear] = useState('1');
  const [description, setDescription] = useState('');
  const [currency, setCurrency] = useState('NOK');
  const [estimate, setEstimate] = useState('');
  const [actuals, setActuals] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    if (!unitId) {
      a.setFields({ unitId: t('validation.choose', { field: t('extraGrants.requests.unit').toLowerCase() }) });
      return;
    }
    if (await a.run(() => onAddCost({ unitId, grantYear: Number(grantYear), description, currency, estimate: ore(estimate), actual: null }))) {
      setStatus(t('extraGrants.costs.added'));
      setDescription('');
      setEstimate('');
    }
  };
  const years = [...new Set(kase.costLines.map((l) => l.grantYear))];
  return (
    <Section id="xg-costs" title={t('extraGrants.costs.heading')} intro={t('extraGrants.costs.intro')}>
      {kase.costLines.length === 0 ? (
        <Paragraph>{t('extraGrants.costs.none')}</Paragraph>
      ) : (
        <ScrollRegion labelledBy="xg-costs">
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('extraGrants.costs.grantYear')}</Table.HeaderCell>
                <Table.HeaderCell>{t('extraGrants.costs.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('extraGrants.costs.description')}</Table.HeaderCell>
                <Table.HeaderCell>{t('extraGrants.costs.estimate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('extraGrants.costs.actual')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {kase.costLines.map((l) => (
                <Table.Row key={l.id}>
                  <Table.Cell>{l.grantYear}</Table.Cell>
                  <Table.Cell>{l.unitName}</Table.Cell>
                  <Table.Cell>{l.description}</Table.Cell>
                  <Table.Cell>{formatOre(l.estimate)}</Table.Cell>
                  <Table.Cell>
                    {kase.can.edit ? (
                      <form
                        className="button-row button-row--tight"
                        onSubmit={(e) => {
                          e.preventDefault();
                          const text = actuals[l.id] ?? '';
                          void upd.run(() => onUpdateCost(l.id, { description: l.description, currency: 'NOK', estimate: l.estimate, actual: text.trim() === '' ? null : ore(text), version: l.version }));
                        }}
                      >
                        <TextField
                          id={`xg-actual-${l.id}`}
                          className="input-number"
                          inputMode="decimal"
                          label={t('extraGrants.costs.actualFor', { description: l.description })}
                          value={actuals[l.id] ?? (l.actual === null ? '' : String(l.actual / 100).replace('.', ','))}
                          onChange={(e) => setActuals({ ...actuals, [l.id]: e.target.value })}
                        />
                        <Button type="submit" data-size="sm" variant="secondary" disabled={upd.busy} aria-label={t('extraGrants.costs.saveActual', { description: l.description })}>
                          {t('common.save')}
                        </Button>
                      </form>
                    ) : l.actual === null ? (
                      '–'
                    ) : (
                      formatOre(l.actual)
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
              {years.map((y) => (
                <Table.Row key={`sum-${y}`}>
                  <Table.HeaderCell>{t('extraGrants.costs.total', { year: y })}</Table.HeaderCell>
                  <Table.Cell />
                  <Table.Cell />
                  <Table.Cell>{formatOre(kase.costLines.filter((l) => l.grantYear === y).reduce((s, l) => s + l.estimate, 0))}</Table.Cell>
                  <Table.Cell />
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
      {upd.error ? <ApiErrorAlert error={upd.error} onReload={onReload} /> : null}
      {Object.values(upd.fields).length > 0 ? <Alert data-color="danger">{Object.values(upd.fields).join(' ')}</Alert> : null}
      {kase.can.edit ? (
        <form className="form narrow" onSubmit={(e) => void submit(e)} aria-label={t('extraGrants.costs.add')} noValidate>
          <Heading level={3} data-size="2xs">
            {t('extraGrants.costs.add')}
          </Heading>
          <SelectField id="xg-cost-unitId" label={t('extraGrants.costs.unit')} value={unitId} onChange={(e) => setUnitId(e.target.value)} error={a.fields.unitId}>
            <option value="">{t('common.choose')}</option>
            {units
              .filter((u) => u.active)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </SelectField>
          <TextField id="xg-cost-grantYear" type="number" className="input-short" label={t('extraGrants.costs.grantYear')} value={grantYear} onChange={(e) => setGrantYear(e.target.value)} error={a.fields.grantYear} />
          <TextField id="xg-cost-description" label={t('extraGrants.costs.description')} value={description} onChange={(e) => setDescription(e.target.value)} error={a.fields.description} />
          <TextField id="xg-cost-currency" className="input-short" label={t('extraGrants.costs.currency')} value={currency} onChange={(e) => setCurrency(e.target.value)} error={a.fields.currency} />
          <TextField id="xg-cost-estimate" inputMode="decimal" className="input-number" label={t('extraGrants.costs.estimate')} value={estimate} onChange={(e) => setEstimate(e.target.value)} error={a.fields.estimate} />
          {a.error ? <ApiErrorAlert error={a.error} /> : null}
          <StatusMessage>{status}</StatusMessage>
          <div className="button-row">
            <Button type="submit" disabled={a.busy}>
              {t('extraGrants.costs.add')}
            </Button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}

function ApplicationsSection(props: CasePageProps) {
  const { kase, onCreateApplication } = props;
  const { t } = useTranslation();
  const a = useAction();
  const [grantYear, setGrantYear] = useState('1');
  const [kind, setKind] = useState<'tilskudd1' | 'tilskudd2'>('tilskudd2');
  const [status, setStatus] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    if (await a.run(() => onCreateApplication({ grantYear: Number(grantYear), kind }))) setStatus(t('extraGrants.applications.created'));
  };
  return (
    <Section id="xg-applications" title={t('extraGrants.applications.heading')} intro={t('extraGrants.applications.intro')}>
      {kase.applications.length === 0 ? <Paragraph>{t('extraGrants.applications.none')}</Paragraph> : null}
      {kase.applications.map((app) => (
        <ApplicationCard key={app.id} app={app} {...props} />
      ))}
      {kase.can.edit ? (
        <form className="form narrow" onSubmit={(e) => void submit(e)} aria-label={t('extraGrants.applications.create')} noValidate>
          <Heading level={3} data-size="2xs">
            {t('extraGrants.applications.create')}
          </Heading>
          <TextField id="xg-app-grantYear" type="number" className="input-short" label={t('extraGrants.applications.grantYear')} value={grantYear} onChange={(e) => setGrantYear(e.target.value)} error={a.fields.grantYear} />
          <SelectField id="xg-app-kind" label={t('extraGrants.applications.kind')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} error={a.fields.kind}>
            <option value="tilskudd1">{t('extraGrants.applications.kinds.tilskudd1')}</option>
            <option value="tilskudd2">{t('extraGrants.applications.kinds.tilskudd2')}</option>
          </SelectField>
          {a.error ? <ApiErrorAlert error={a.error} /> : null}
          <StatusMessage>{status}</StatusMessage>
          <div className="button-row">
            <Button type="submit" disabled={a.busy}>
              {t('extraGrants.applications.create')}
            </Button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}

function ApplicationCard({ app, today, onApplication, onPdf, onReload }: CasePageProps & { app: ExtraGrantApplicationView }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatOre = useFormatOre();
  const a = useAction();
  const pdf = useAction();
  const [dates, setDates] = useState<Record<string, string>>({});
  const dateOf = (field: string) => dates[field] ?? today;
  const [until, setUntil] = useState('');
  const [outcome, setOutcome] = useState<'granted' | 'partly_granted' | 'rejected'>('granted');
  const [amount, setAmount] = useState('');
  const [status, setStatus] = useState('');
  const id = `xg-app-${app.grantYear}`;
  const act = async (body: ActionBody) => {
    setStatus('');
    if (await a.run(() => onApplication(app.id, body))) setStatus(t('extraGrants.applications.done'));
  };
  const deadline = [
    formatDate(app.deadline),
    app.postponement?.status === 'granted' ? t('extraGrants.applications.postponedTo', { date: formatDate(app.postponement.until) }) : null,
    app.postponement?.status === 'requested' ? t('extraGrants.applications.postponementRequested', { date: formatDate(app.postponement.until) }) : null,
    app.postponement?.status === 'refused' ? t('extraGrants.applications.postponementRefused') : null,
  ]
    .filter(Boolean)
    .join(', ');
  const dateField = (field: string, label: string) => (
    <TextField id={`${id}-${field}`} type="date" className="input-short" label={label} value={dateOf(field)} onChange={(e) => setDates({ ...dates, [field]: e.target.value })} error={a.fields[field]} />
  );
  return (
    <article className="section" aria-labelledby={`${id}-h`}>
      <Heading level={3} data-size="xs" id={`${id}-h`}>
        {t('extraGrants.applications.itemHeading', { year: app.grantYear, calendarYear: app.calendarYear, kind: t(`extraGrants.applications.kinds.${app.kind}`) })}
      </Heading>
      <dl className="facts">
        <dt>{t('extraGrants.applications.status')}</dt>
        <dd>{t(`extraGrants.applications.statuses.${app.status}`)}</dd>
        <dt>{t('extraGrants.applications.deadline')}</dt>
        <dd>
          {deadline} {app.overdue ? <Tag data-color="danger">{t('extraGrants.overdue')}</Tag> : null}
        </dd>
        <dt>{t('extraGrants.applications.totalEstimate')}</dt>
        <dd>{formatOre(app.totalEstimate)}</dd>
        <dt>{t('extraGrants.applications.cap')}</dt>
        <dd>{app.cap ? (app.cap.status === 'verified' ? formatOre(app.cap.amount) : t('extraGrants.applications.capUnverified', { amount: formatOre(app.cap.amount) })) : t('extraGrants.applications.capUnknown')}</dd>
        <dt>{t('extraGrants.applications.applied')}</dt>
        <dd>
          {formatOre(app.appliedAmount)} {app.capped ? `(${t('extraGrants.applications.capped')})` : ''}
        </dd>
        {app.submittedDate ? (
          <>
            <dt>{t('extraGrants.applications.submittedDate')}</dt>
            <dd>{formatDate(app.submittedDate)}</dd>
          </>
        ) : null}
        {app.grantedAmount !== null ? (
          <>
            <dt>{t('extraGrants.applications.granted')}</dt>
            <dd>
              {formatOre(app.grantedAmount)} ({app.decisionDate ? formatDate(app.decisionDate) : ''})
            </dd>
          </>
        ) : null}
        {app.appealDate ? (
          <>
            <dt>{t('extraGrants.applications.appealDate')}</dt>
            <dd>{formatDate(app.appealDate)}</dd>
          </>
        ) : null}
        {app.totalActual !== null ? (
          <>
            <dt>{t('extraGrants.applications.totalActual')}</dt>
            <dd>{formatOre(app.totalActual)}</dd>
          </>
        ) : null}
        {app.costsReportedDate ? (
          <>
            <dt>{t('extraGrants.applications.costsReported')}</dt>
            <dd>{formatDate(app.costsReportedDate)}</dd>
          </>
        ) : null}
      </dl>
      {app.grantedAmount !== null && app.distribution.length > 0 ? (
        <ScrollRegion labelledBy={`${id}-dist`}>
          <Table>
            <caption id={`${id}-dist`}>{t('extraGrants.applications.distribution')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('extraGrants.costs.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('extraGrants.costs.estimate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('extraGrants.applications.share')}</Table.HeaderCell>
                <Table.HeaderCell>{t('extraGrants.costs.actual')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {app.distribution.map((d) => (
                <Table.Row key={d.unitId}>
                  <Table.Cell>{d.unitName}</Table.Cell>
                  <Table.Cell>{formatOre(d.cost)}</Table.Cell>
                  <Table.Cell>{formatOre(d.share)}</Table.Cell>
                  <Table.Cell>{d.actual === null ? '–' : formatOre(d.actual)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      ) : null}
      <div className="button-row">
        <Button variant="secondary" data-size="sm" disabled={pdf.busy} onClick={() => void pdf.run(() => onPdf(app.id, { lang: 'nb', document: 'application' }))}>
          {t('extraGrants.applications.downloadNb')}
        </Button>
        <Button variant="secondary" data-size="sm" disabled={pdf.busy} onClick={() => void pdf.run(() => onPdf(app.id, { lang: 'nn', document: 'application' }))}>
          {t('extraGrants.applications.downloadNn')}
        </Button>
        {app.totalActual !== null ? (
          <Button variant="secondary" data-size="sm" disabled={pdf.busy} onClick={() => void pdf.run(() => onPdf(app.id, { lang: 'nb', document: 'cost_report' }))}>
            {t('extraGrants.applications.downloadReport')}
          </Button>
        ) : null}
      </div>
      {pdf.error ? <ApiErrorAlert error={pdf.error} /> : null}

      {app.can.requestPostponement ? (
        <form className="form narrow" aria-label={t('extraGrants.applications.postpone')} noValidate onSubmit={(e) => { e.preventDefault(); void act({ action: 'request_postponement', requestedDate: dateOf('requestedDate'), until, version: app.version }); }}>
          <Fieldset>
            <Fieldset.Legend>{t('extraGrants.applications.postpone')}</Fieldset.Legend>
            {dateField('requestedDate', t('extraGrants.applications.requestedDate'))}
            <TextField id={`${id}-until`} type="date" className="input-short" label={t('extraGrants.applications.until')} value={until} onChange={(e) => setUntil(e.target.value)} error={a.fields.until} />
            <div className="button-row">
              <Button type="submit" variant="secondary" disabled={a.busy}>
                {t('extraGrants.applications.postpone')}
              </Button>
            </div>
          </Fieldset>
        </form>
      ) : null}
      {app.can.recordPostponement ? (
        <div className="button-row">
          <Button variant="secondary" disabled={a.busy} onClick={() => void act({ action: 'record_postponement', granted: true, version: app.version })}>
            {t('extraGrants.applications.postponementGranted')}
          </Button>
          <Button variant="secondary" disabled={a.busy} onClick={() => void act({ action: 'record_postponement', granted: false, version: app.version })}>
            {t('extraGrants.applications.postponementDenied')}
          </Button>
        </div>
      ) : null}
      {app.can.submit ? (
        <form className="form narrow" aria-label={t('extraGrants.applications.submit')} noValidate onSubmit={(e) => { e.preventDefault(); void act({ action: 'submit', submittedDate: dateOf('submittedDate'), version: app.version }); }}>
          {dateField('submittedDate', t('extraGrants.applications.submitDate'))}
          <div className="button-row">
            <Button type="submit" disabled={a.busy}>
              {t('extraGrants.applications.submit')}
            </Button>
          </div>
        </form>
      ) : null}
      {app.can.decide ? (
        <form
          className="form narrow"
          aria-label={t('extraGrants.applications.decide')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act({ action: 'decide', outcome, grantedAmount: outcome === 'rejected' || amount.trim() === '' ? null : ore(amount), decisionDate: dateOf('decisionDate'), version: app.version });
          }}
        >
          <SelectField id={`${id}-outcome`} label={t('extraGrants.applications.outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)} error={a.fields.outcome}>
            {(['granted', 'partly_granted', 'rejected'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`extraGrants.applications.statuses.${o}`)}
              </option>
            ))}
          </SelectField>
          <TextField id={`${id}-grantedAmount`} inputMode="decimal" className="input-number" label={t('extraGrants.applications.amount')} value={amount} onChange={(e) => setAmount(e.target.value)} error={a.fields.grantedAmount} />
          {dateField('decisionDate', t('extraGrants.applications.decisionDate'))}
          <div className="button-row">
            <Button type="submit" disabled={a.busy}>
              {t('extraGrants.applications.decide')}
            </Button>
          </div>
        </form>
      ) : null}
      {app.can.appeal ? (
        <form className="form narrow" aria-label={t('extraGrants.applications.appeal')} noValidate onSubmit={(e) => { e.preventDefault(); void act({ action: 'appeal', appealDate: dateOf('appealDate'), version: app.version }); }}>
          {dateField('appealDate', t('extraGrants.applications.appealDate'))}
          <div className="button-row">
            <Button type="submit" variant="secondary" disabled={a.busy}>
              {t('extraGrants.applications.appeal')}
            </Button>
          </div>
        </form>
      ) : null}
      {app.can.reportCosts && !app.costsReportedDate ? (
        <form className="form narrow" aria-label={t('extraGrants.applications.report')} noValidate onSubmit={(e) => { e.preventDefault(); void act({ action: 'report_costs', reportedDate: dateOf('reportedDate'), version: app.version }); }}>
          {dateField('reportedDate', t('extraGrants.applications.reportedDate'))}
          <div className="button-row">
            <Button type="submit" variant="secondary" disabled={a.busy}>
              {t('extraGrants.applications.report')}
            </Button>
          </div>
        </form>
      ) : null}
      {a.fields.action ? <Alert data-color="danger">{a.fields.action}</Alert> : null}
      {a.error ? <ApiErrorAlert error={a.error} onReload={onReload} /> : null}
      <StatusMessage>{status}</StatusMessage>
    </article>
  );
}
