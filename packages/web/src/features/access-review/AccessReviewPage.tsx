import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Card, Heading, Link as DsLink, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BodyOf, ResponseOf } from '@eidor/contract';
import { ACTION_KINDS, DATA_CATEGORIES, ROLES } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { SelectField } from '../../components/form/SelectField.tsx';
import { TextareaField } from '../../components/form/TextareaField.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useFormatDateTime, useFormatNumber } from '../../i18n/format.ts';

export type ReviewFilter = BodyOf<'accessReviewReads'>['filter'];
type Reads = ResponseOf<'accessReviewReads'>;
type Summary = ResponseOf<'accessReviewSummary'>;
type Patterns = ResponseOf<'accessReviewPatterns'>;
type Finding = Patterns['findings'][number];
type Thresholds = ResponseOf<'accessReviewThresholds'>;
type Glass = ResponseOf<'breakGlassReviews'>;
type GlassUse = Glass['items'][number];
type Option = { id: string; label: string };

export type AccessReviewPageProps = {
  filter: ReviewFilter;
  users: Option[];
  units: Option[];
  reads: { data: Reads | undefined; loading: boolean; error: unknown };
  summary: { data: Summary | undefined; error: unknown };
  patterns: { data: Patterns | undefined; loading: boolean; error: unknown };
  thresholds: Thresholds | undefined;
  glass: { data: Glass | undefined; error: unknown; showAll: boolean };
  canManage: boolean;
  onFilter: (f: ReviewFilter) => void;
  onPage: (page: number) => void;
  onFindPeople: (name: string) => Promise<Option[]>;
  onExport: (what: 'reads' | 'patterns', format: 'xlsx' | 'csv') => Promise<string>;
  onSaveThresholds: (t: BodyOf<'putAccessReviewThresholds'>) => Promise<void>;
  onShowAllGlass: (all: boolean) => void;
  onReview: (id: string, note: string) => Promise<void>;
};

/** The access review: the selection, who opened which records, summaries, patterns, exports, thresholds and break-the-glass review. */
export function AccessReviewPage(p: AccessReviewPageProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('accessReview.title')}</PageHeading>
      <Paragraph>{t('accessReview.intro')}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/audit">{t('accessReview.auditLogLink')}</Link>
        </DsLink>
      </Paragraph>
      <FilterForm {...p} />
      <BreakGlassSection glass={p.glass} onShowAll={p.onShowAllGlass} onReview={p.onReview} />
      <PatternsSection patterns={p.patterns} />
      <ExportSection onExport={p.onExport} />
      <ReadsSection reads={p.reads} onPage={p.onPage} />
      <SummarySection summary={p.summary} />
      <ThresholdsSection thresholds={p.thresholds} canManage={p.canManage} onSave={p.onSaveThresholds} />
    </>
  );
}

function FilterForm({ filter, users, units, onFilter, onFindPeople }: AccessReviewPageProps) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    from: filter.from,
    to: filter.to,
    userId: filter.userId ?? '',
    unitId: filter.unitId ?? '',
    role: filter.role ?? '',
    category: filter.category ?? '',
    kind: filter.kind ?? '',
    personId: filter.personId ?? '',
  });
  const [name, setName] = useState('');
  const [people, setPeople] = useState<Option[] | null>(null);
  const [searchError, setSearchError] = useState<unknown>(null);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const out: Record<string, string> = { from: v.from, to: v.to };
    for (const k of ['userId', 'unitId', 'role', 'category', 'kind', 'personId'] as const) if (v[k]) out[k] = v[k];
    onFilter(out as ReviewFilter);
  };
  const search = async () => {
    setSearchError(null);
    try {
      setPeople(await onFindPeople(name));
    } catch (error) {
      setSearchError(error);
    }
  };
  return (
    <section className="section" aria-labelledby="ar-filter">
      <Heading level={2} data-size="sm" id="ar-filter">
        {t('accessReview.filter.heading')}
      </Heading>
      <form onSubmit={submit} noValidate className="form">
        <div className="filter-grid">
          <TextField id="ar-from" label={t('accessReview.filter.from')} type="date" required value={v.from} onChange={set('from')} />
          <TextField id="ar-to" label={t('accessReview.filter.to')} type="date" required value={v.to} onChange={set('to')} />
          <SelectField id="ar-user" label={t('accessReview.filter.user')} value={v.userId} onChange={set('userId')}>
            <option value="">{t('accessReview.filter.all')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </SelectField>
          <SelectField id="ar-unit" label={t('accessReview.filter.unit')} value={v.unitId} onChange={set('unitId')}>
            <option value="">{t('accessReview.filter.all')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </SelectField>
          <SelectField id="ar-role" label={t('accessReview.filter.role')} value={v.role} onChange={set('role')}>
            <option value="">{t('accessReview.filter.all')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="ar-category" label={t('accessReview.filter.category')} value={v.category} onChange={set('category')}>
            <option value="">{t('accessReview.filter.all')}</option>
            {DATA_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="ar-kind" label={t('accessReview.filter.kind')} value={v.kind} onChange={set('kind')}>
            <option value="">{t('accessReview.filter.all')}</option>
            {ACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`accessReview.kinds.${k}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="filter-grid">
          <TextField
            id="ar-person-search"
            label={t('accessReview.filter.personSearch')}
            description={t('accessReview.filter.personSearchHint')}
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }}
          />
          <div className="button-row">
            <Button type="button" variant="secondary" onClick={() => void search()}>
              {t('accessReview.filter.personSearchButton')}
            </Button>
          </div>
          <SelectField id="ar-person" label={t('accessReview.filter.person')} value={v.personId} onChange={set('personId')}>
            <option value="">{t('accessReview.filter.personNone')}</option>
            {(people ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </SelectField>
        </div>
        <div aria-live="polite">
          {people ? <Paragraph data-size="sm">{t('accessReview.filter.personFound', { count: people.length })}</Paragraph> : null}
          {searchError ? <ApiErrorAlert error={searchError} /> : null}
        </div>
        <div className="button-row">
          <Button type="submit">{t('accessReview.filter.submit')}</Button>
        </div>
      </form>
    </section>
  );
}

function useCategories() {
  const { t } = useTranslation();
  return (c: readonly string[]) => c.map((x) => t(`categories.${x}`, { defaultValue: x })).join(', ');
}

function ReadsSection({ reads, onPage }: { reads: AccessReviewPageProps['reads']; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const cats = useCategories();
  const heading = useRef<HTMLHeadingElement>(null);
  const r = reads.data;
  const pages = r ? Math.max(1, Math.ceil(r.total / r.pageSize)) : 1;
  const go = (page: number) => {
    onPage(page);
    heading.current?.focus();
  };
  return (
    <section className="section" aria-labelledby="ar-reads" aria-busy={reads.loading}>
      <Heading level={2} data-size="sm" id="ar-reads" ref={heading} tabIndex={-1}>
        {t('accessReview.reads.heading')}
      </Heading>
      {reads.error ? <ApiErrorAlert error={reads.error} /> : null}
      {!r && reads.loading ? <Spinner aria-label={t('common.loading')} /> : null}
      {r ? (
        <>
          <Paragraph>{t('accessReview.reads.total', { count: r.total })}</Paragraph>
          {r.items.length === 0 ? (
            <Paragraph>{t('accessReview.reads.empty')}</Paragraph>
          ) : (
            <ScrollRegion labelledBy="ar-reads-caption">
              <Table>
                <caption id="ar-reads-caption">{t('accessReview.reads.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('accessReview.reads.time')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('accessReview.reads.user')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('accessReview.reads.unit')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('accessReview.reads.action')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('accessReview.reads.person')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('accessReview.reads.categories')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {r.items.map((i) => (
                    <Table.Row key={i.id}>
                      <Table.Cell>{fmt(i.occurredAt)}</Table.Cell>
                      <Table.Cell>{i.user ? <bdi>{i.user.name}</bdi> : '–'}</Table.Cell>
                      <Table.Cell>
                        {i.unit?.name ?? '–'}
                        {i.role ? `, ${t(`roles.${i.role}`, { defaultValue: i.role })}` : ''}
                      </Table.Cell>
                      <Table.Cell>
                        {t(`accessReview.kinds.${i.kind}`)} <code>{i.action}</code>
                      </Table.Cell>
                      <Table.Cell>{i.person ? <bdi>{i.person.name}</bdi> : t('accessReview.reads.manyPeople')}</Table.Cell>
                      <Table.Cell>{cats(i.categories)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
          )}
          {pages > 1 ? (
            <nav aria-label={t('accessReview.reads.pagination')} className="button-row">
              <Button variant="secondary" disabled={r.page <= 1} onClick={() => go(r.page - 1)}>
                {t('accessReview.reads.previous')}
              </Button>
              <Paragraph>
                {r.page} / {pages}
              </Paragraph>
              <Button variant="secondary" disabled={r.page >= pages} onClick={() => go(r.page + 1)}>
                {t('accessReview.reads.next')}
              </Button>
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function SummarySection({ summary }: { summary: AccessReviewPageProps['summary'] }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const num = useFormatNumber();
  const cats = useCategories();
  const s = summary.data;
  return (
    <section className="section" aria-labelledby="ar-summary">
      <Heading level={2} data-size="sm" id="ar-summary">
        {t('accessReview.summary.heading')}
      </Heading>
      {summary.error ? <ApiErrorAlert error={summary.error} /> : null}
      {s ? (
        <>
          <Paragraph data-size="sm">{t('accessReview.summary.limited', { limit: s.limit })}</Paragraph>
          <ScrollRegion labelledBy="ar-sum-users">
            <Table>
              <caption id="ar-sum-users">{t('accessReview.summary.usersCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('accessReview.summary.user')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('accessReview.summary.units')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('accessReview.summary.personCount')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('accessReview.summary.events')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('accessReview.summary.categories')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('accessReview.summary.last')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {s.users.map((u) => (
                  <Table.Row key={u.user.id}>
                    <Table.Cell>
                      <bdi>{u.user.name}</bdi>
                    </Table.Cell>
                    <Table.Cell>{u.units.join(', ')}</Table.Cell>
                    <Table.Cell>{num(u.persons)}</Table.Cell>
                    <Table.Cell>{num(u.events)}</Table.Cell>
                    <Table.Cell>{cats(u.categories)}</Table.Cell>
                    <Table.Cell>{fmt(u.last)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
          <ScrollRegion labelledBy="ar-sum-persons">
            <Table>
              <caption id="ar-sum-persons">{t('accessReview.summary.personsCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('accessReview.reads.person')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('accessReview.summary.userCount')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('accessReview.summary.events')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('accessReview.summary.categories')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('accessReview.summary.last')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {s.persons.map((x) => (
                  <Table.Row key={x.person.id}>
                    <Table.Cell>
                      <bdi>{x.person.name}</bdi>
                    </Table.Cell>
                    <Table.Cell>{num(x.users)}</Table.Cell>
                    <Table.Cell>{num(x.events)}</Table.Cell>
                    <Table.Cell>{cats(x.categories)}</Table.Cell>
                    <Table.Cell>{fmt(x.last)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </>
      ) : null}
    </section>
  );
}

/** The reason of a finding in the user's language, from the facts the server sends. */
function useReason(thresholds: Patterns['thresholds'] | undefined) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatDateTime();
  const cats = useCategories();
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return (f: Finding) => {
    const th = { persons: thresholds?.burstPersons, minutes: thresholds?.burstMinutes, start: thresholds?.workdayStart, end: thresholds?.workdayEnd };
    switch (f.kind) {
      case 'burst':
        return t('accessReview.patterns.reasons.burst', { count: f.count, from: fmt(f.from), to: time(f.to), ...th });
      case 'after_hours': {
        const day = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${f.detail}T12:00:00Z`));
        return t('accessReview.patterns.reasons.after_hours', { count: f.count, day, from: time(f.from), to: time(f.to), ...th });
      }
      case 'special_outside_team':
        return t('accessReview.patterns.reasons.special_outside_team', { count: f.count, categories: cats(f.categories).toLowerCase(), unit: f.unit?.name ?? t('accessReview.patterns.reasons.unitUnknown') });
      case 'break_glass':
        return t('accessReview.patterns.reasons.break_glass', { count: f.count, from: fmt(f.from), detail: f.detail ?? '' });
    }
  };
}

function PatternsSection({ patterns }: { patterns: AccessReviewPageProps['patterns'] }) {
  const { t } = useTranslation();
  const d = patterns.data;
  const reason = useReason(d?.thresholds);
  return (
    <section className="section" aria-labelledby="ar-patterns" aria-busy={patterns.loading}>
      <Heading level={2} data-size="sm" id="ar-patterns">
        {t('accessReview.patterns.heading')}
      </Heading>
      <Paragraph>{t('accessReview.patterns.intro')}</Paragraph>
      {patterns.error ? <ApiErrorAlert error={patterns.error} /> : null}
      {!d && patterns.loading ? <Spinner aria-label={t('common.loading')} /> : null}
      {d ? (
        <>
          <Paragraph data-size="sm">
            {t('accessReview.patterns.thresholds', { persons: d.thresholds.burstPersons, minutes: d.thresholds.burstMinutes, start: d.thresholds.workdayStart, end: d.thresholds.workdayEnd })}
          </Paragraph>
          <Paragraph>{t('accessReview.patterns.counts', d.counts)}</Paragraph>
          {d.findings.length === 0 ? (
            <Alert data-color="success">
              <Paragraph>{t('accessReview.patterns.none')}</Paragraph>
            </Alert>
          ) : (
            <ScrollRegion labelledBy="ar-findings">
              <Table>
                <caption id="ar-findings">{t('accessReview.patterns.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('accessReview.patterns.kind')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('accessReview.patterns.who')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('accessReview.reads.person')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('accessReview.patterns.reason')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {d.findings.map((f, i) => (
                    <Table.Row key={`${f.kind}-${f.user?.id ?? ''}-${f.from}-${i}`}>
                      <Table.Cell>
                        <Tag data-color={f.kind === 'break_glass' || f.kind === 'special_outside_team' ? 'danger' : 'warning'}>{t(`accessReview.patterns.kinds.${f.kind}`)}</Tag>
                      </Table.Cell>
                      <Table.Cell>{f.user ? <bdi>{f.user.name}</bdi> : '–'}</Table.Cell>
                      <Table.Cell>{f.person ? <bdi>{f.person.name}</bdi> : '–'}</Table.Cell>
                      <Table.Cell>{reason(f)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
          )}
          <Paragraph data-size="sm">{t('accessReview.patterns.limited', { limit: d.limit })}</Paragraph>
        </>
      ) : null}
    </section>
  );
}

function ExportSection({ onExport }: { onExport: AccessReviewPageProps['onExport'] }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ busy: string | null; file: string | null; error: unknown }>({ busy: null, file: null, error: null });
  const run = async (what: 'reads' | 'patterns', format: 'xlsx' | 'csv') => {
    setState({ busy: `${what}-${format}`, file: null, error: null });
    try {
      setState({ busy: null, file: await onExport(what, format), error: null });
    } catch (error) {
      setState({ busy: null, file: null, error });
    }
  };
  const button = (what: 'reads' | 'patterns', format: 'xlsx' | 'csv', label: string) => (
    <Button variant="secondary" onClick={() => void run(what, format)} loading={state.busy === `${what}-${format}`} disabled={state.busy !== null}>
      {label}
    </Button>
  );
  return (
    <section className="section" aria-labelledby="ar-export">
      <Heading level={2} data-size="sm" id="ar-export">
        {t('accessReview.export.heading')}
      </Heading>
      <Paragraph>{t('accessReview.export.intro')}</Paragraph>
      <div className="button-row">
        {button('reads', 'xlsx', t('accessReview.export.readsXlsx'))}
        {button('reads', 'csv', t('accessReview.export.readsCsv'))}
        {button('patterns', 'xlsx', t('accessReview.export.patternsXlsx'))}
        {button('patterns', 'csv', t('accessReview.export.patternsCsv'))}
      </div>
      <div aria-live="polite">
        {state.file ? (
          <Alert data-color="success">
            <Paragraph>{t('accessReview.export.done', { file: state.file })}</Paragraph>
          </Alert>
        ) : null}
        {state.error ? <ApiErrorAlert error={state.error} /> : null}
      </div>
    </section>
  );
}

function ThresholdsSection({ thresholds, canManage, onSave }: { thresholds: Thresholds | undefined; canManage: boolean; onSave: AccessReviewPageProps['onSaveThresholds'] }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const [v, setV] = useState<{ burstPersons: string; burstMinutes: string; workdayStart: string; workdayEnd: string } | null>(null);
  const [state, setState] = useState<{ saved: boolean; error: unknown }>({ saved: false, error: null });
  if (!thresholds) return null;
  const cur = v ?? { burstPersons: String(thresholds.burstPersons), burstMinutes: String(thresholds.burstMinutes), workdayStart: thresholds.workdayStart, workdayEnd: thresholds.workdayEnd };
  const set = (k: keyof typeof cur) => (e: { target: { value: string } }) => setV({ ...cur, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ saved: false, error: null });
    try {
      await onSave({ burstPersons: Number(cur.burstPersons), burstMinutes: Number(cur.burstMinutes), workdayStart: cur.workdayStart, workdayEnd: cur.workdayEnd, version: thresholds.version });
      setV(null);
      setState({ saved: true, error: null });
    } catch (error) {
      setState({ saved: false, error });
    }
  };
  return (
    <section className="section" aria-labelledby="ar-thresholds">
      <Heading level={2} data-size="sm" id="ar-thresholds">
        {t('accessReview.thresholds.heading')}
      </Heading>
      <Paragraph>{t('accessReview.thresholds.intro')}</Paragraph>
      <Paragraph data-size="sm">
        {thresholds.own && thresholds.updatedAt ? t('accessReview.thresholds.own', { at: fmt(thresholds.updatedAt), by: thresholds.updatedBy ?? '' }) : t('accessReview.thresholds.defaults')}
      </Paragraph>
      {canManage ? null : <Paragraph>{t('accessReview.thresholds.readOnly')}</Paragraph>}
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <fieldset disabled={!canManage} className="filter-grid">
          <TextField id="ar-th-persons" label={t('accessReview.thresholds.burstPersons')} type="number" inputMode="numeric" value={cur.burstPersons} onChange={set('burstPersons')} />
          <TextField id="ar-th-minutes" label={t('accessReview.thresholds.burstMinutes')} type="number" inputMode="numeric" value={cur.burstMinutes} onChange={set('burstMinutes')} />
          <TextField id="ar-th-start" label={t('accessReview.thresholds.workdayStart')} type="time" value={cur.workdayStart} onChange={set('workdayStart')} />
          <TextField id="ar-th-end" label={t('accessReview.thresholds.workdayEnd')} type="time" value={cur.workdayEnd} onChange={set('workdayEnd')} />
        </fieldset>
        {canManage ? (
          <div className="button-row">
            <Button type="submit">{t('accessReview.thresholds.save')}</Button>
          </div>
        ) : null}
      </form>
      <div aria-live="polite">
        {state.saved ? (
          <Alert data-color="success">
            <Paragraph>{t('accessReview.thresholds.saved')}</Paragraph>
          </Alert>
        ) : null}
        {state.error ? <ApiErrorAlert error={state.error} /> : null}
      </div>
    </section>
  );
}

function BreakGlassSection({ glass, onShowAll, onReview }: { glass: AccessReviewPageProps['glass']; onShowAll: (all: boolean) => void; onReview: AccessReviewPageProps['onReview'] }) {
  const { t } = useTranslation();
  const g = glass.data;
  const [done, setDone] = useState(false);
  const review = async (id: string, note: string) => {
    setDone(false);
    await onReview(id, note);
    setDone(true);
  };
  return (
    <section className="section" aria-labelledby="ar-glass">
      <Heading level={2} data-size="sm" id="ar-glass">
        {t('accessReview.breakGlass.heading')}
      </Heading>
      <Paragraph>{t('accessReview.breakGlass.intro')}</Paragraph>
      {glass.error ? <ApiErrorAlert error={glass.error} /> : null}
      {/* Outside the cards: the reviewed card leaves the list of unreviewed ones. */}
      <div aria-live="polite">
        {done ? (
          <Alert data-color="success">
            <Paragraph>{t('accessReview.breakGlass.done')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {g ? (
        <>
          <Paragraph>{t('accessReview.breakGlass.unreviewed', { count: g.unreviewed })}</Paragraph>
          <Button variant="tertiary" onClick={() => onShowAll(!glass.showAll)}>
            {glass.showAll ? t('accessReview.breakGlass.showUnreviewed') : t('accessReview.breakGlass.showAll')}
          </Button>
          {g.items.length === 0 ? <Paragraph>{t('accessReview.breakGlass.none')}</Paragraph> : null}
          {g.items.map((u) => (
            <GlassCard key={u.id} use={u} onReview={review} />
          ))}
        </>
      ) : null}
    </section>
  );
}

function GlassCard({ use: u, onReview }: { use: GlassUse; onReview: AccessReviewPageProps['onReview'] }) {
  const { t } = useTranslation();
  const fmt = useFormatDateTime();
  const cats = useCategories();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const [empty, setEmpty] = useState(false);
  const serverNoteError =
    state.error && typeof state.error === 'object' && 'fields' in state.error ? (state.error as { fields: { path: string; message: string }[] }).fields.find((f) => f.path === 'note' || f.path.endsWith('.note')) : undefined;
  const noteError = empty || serverNoteError !== undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The note is required: said beside the field at once, without asking the server.
    if (note.trim() === '') {
      setEmpty(true);
      document.getElementById(`note-${u.id}`)?.focus();
      return;
    }
    setEmpty(false);
    setState({ busy: true, error: null });
    try {
      await onReview(u.id, note);
      setState({ busy: false, error: null });
      setOpen(false);
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  return (
    <Card className="mt" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        <bdi>{u.user.name}</bdi> – <bdi>{u.person.name}</bdi>
      </Heading>
      <dl className="facts">
        <dt>{t('accessReview.breakGlass.unit')}</dt>
        <dd>{u.unit.name}</dd>
        <dt>{t('accessReview.breakGlass.reason')}</dt>
        <dd>{u.reason}</dd>
        <dt>{t('accessReview.breakGlass.period')}</dt>
        <dd>
          {t('accessReview.breakGlass.periodValue', { from: fmt(u.startedAt), to: fmt(u.expiresAt) })}
          {u.endedAt ? ` (${t('accessReview.breakGlass.ended', { at: fmt(u.endedAt) })})` : ''}
        </dd>
        <dt>{t('accessReview.breakGlass.opened')}</dt>
        <dd>
          {u.opened.length === 0 ? (
            t('accessReview.breakGlass.openedNone')
          ) : (
            <ul>
              {u.opened.map((o, i) => (
                <li key={i}>
                  {fmt(o.occurredAt)}: <code>{o.action}</code> ({cats(o.categories)})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {u.review ? (
        <Paragraph>{t('accessReview.breakGlass.reviewed', { at: fmt(u.review.at), by: u.review.by, note: u.review.note })}</Paragraph>
      ) : (
        <Paragraph>
          <Tag data-color="warning">{t('accessReview.breakGlass.notReviewed')}</Tag>
        </Paragraph>
      )}
      {u.cannotReviewReason && u.cannotReviewReason !== 'reviewed' ? <Paragraph data-size="sm">{t(`accessReview.breakGlass.cannot.${u.cannotReviewReason as 'own_use' | 'not_leader'}`)}</Paragraph> : null}
      {u.canReview && !open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t('accessReview.breakGlass.review')}
        </Button>
      ) : null}
      {open ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="form">
          <TextareaField id={`note-${u.id}`} label={t('accessReview.breakGlass.note')} rows={3} value={note} onChange={(e) => setNote(e.target.value)} error={noteError ? t('validation.required', { field: t('accessReview.breakGlass.note') }) : undefined} />
          <div className="button-row">
            <Button type="submit" loading={state.busy} disabled={state.busy}>
              {t('accessReview.breakGlass.confirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {t('accessReview.breakGlass.cancel')}
            </Button>
          </div>
          {state.error && !noteError ? <ApiErrorAlert error={state.error} /> : null}
        </form>
      ) : null}
    </Card>
  );
}
