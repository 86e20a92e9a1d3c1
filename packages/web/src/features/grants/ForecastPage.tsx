import { useMemo, useState, type FormEvent } from 'react';
import { Button, Fieldset, Heading, ListItem, ListUnordered, Paragraph, Radio, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@eidor/contract';
import { MIX_KINDS, type Mix, type MixKind } from '@eidor/domain';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Chart } from '../../components/chart/Chart.tsx';
import { FormErrorSummary } from '../../components/form/FormErrorSummary.tsx';
import { TextField } from '../../components/form/TextField.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useFormatDate, useFormatKroner, useFormatNumber } from '../../i18n/format.ts';
import { forecastChart, typesShown } from './charts.ts';
import { GrantsNav } from './GrantsNav.tsx';
import { STATUS_COLOR, scheduleReason } from './labels.ts';

export type Forecast = ResponseOf<'grantForecast'>;
type Scenario = 'settled' | 'withDecision' | 'withWhatIf';
type ForecastYear = Forecast['settled'][number];
export type WhatIf = { mix: Mix; date: string | null };

export type ForecastPageProps = {
  forecast: Forecast;
  pending: boolean;
  error: unknown;
  extraGrants: boolean;
  /** Ask for the forecast with this what-if (null: without). */
  onWhatIf: (whatIf: WhatIf | null) => void;
};

/**
 * The grant forecast (issue 6 § 3): five years per grant type for the people already settled, with
 * the rest of this year's settlement decision, and with a what-if; the people the forecast cannot
 * count, and the rates it is unsure of.
 */
export function ForecastPage({ forecast: f, pending, error, extraGrants, onWhatIf }: ForecastPageProps) {
  const { t } = useTranslation();
  const kroner = useFormatKroner();
  const formatNumber = useFormatNumber();
  const formatDate = useFormatDate();
  const [chosen, setChosen] = useState<Scenario>('withDecision');
  const scenario: Scenario = chosen === 'withWhatIf' && !f.withWhatIf ? 'withDecision' : chosen;
  const years = (scenario === 'withWhatIf' ? f.withWhatIf : scenario === 'settled' ? f.settled : f.withDecision) ?? f.withDecision;
  const scenarioName = t(`grants.forecast.scenarios.${scenario}`);
  const chart = useMemo(() => forecastChart(years, scenarioName, t, kroner), [years, scenarioName, t, kroner]);
  const remaining = MIX_KINDS.filter((k) => (f.decision.remainingMix[k] ?? 0) > 0);

  return (
    <>
      <PageHeading>{t('grants.forecast.title')}</PageHeading>
      <GrantsNav extraGrants={extraGrants} />
      <Paragraph>{t('grants.forecast.intro')}</Paragraph>

      <section className="section" aria-labelledby="forecast-decision">
        <Heading level={2} data-size="sm" id="forecast-decision">
          {t('grants.forecast.decisionHeading', { year: f.decision.year })}
        </Heading>
        <Paragraph>
          {f.decision.decided === null
            ? t('grants.forecast.noDecision', { year: f.decision.year })
            : t('grants.forecast.decided', { decided: formatNumber(f.decision.decided), settled: formatNumber(f.decision.settledAgainstDecision) })}
        </Paragraph>
        {remaining.length > 0 ? (
          <>
            <Paragraph>{t('grants.forecast.remainingMix')}</Paragraph>
            <ListUnordered>
              {remaining.map((k) => (
                <ListItem key={k}>
                  {t(`grants.mix.${k}`)}: {formatNumber(f.decision.remainingMix[k] ?? 0)}
                </ListItem>
              ))}
            </ListUnordered>
          </>
        ) : null}
        <Paragraph data-size="sm">{t('grants.forecast.people', { count: f.people })}</Paragraph>
      </section>

      <section className="section" aria-labelledby="forecast-chart">
        <Heading level={2} data-size="sm" id="forecast-chart">
          {t('grants.forecast.chartHeading')}
        </Heading>
        <Fieldset>
          <Fieldset.Legend>{t('grants.forecast.scenario')}</Fieldset.Legend>
          {(['settled', 'withDecision', 'withWhatIf'] as const).map((s) => (
            <Radio
              key={s}
              name="forecast-scenario"
              value={s}
              label={t(`grants.forecast.scenarios.${s}`)}
              checked={scenario === s}
              disabled={s === 'withWhatIf' && !f.withWhatIf}
              onChange={() => setChosen(s)}
            />
          ))}
        </Fieldset>
        <Chart option={chart.option} label={chart.summary} />
        <YearTable id="forecast-table" years={years} caption={t('grants.forecast.tableCaption', { scenario: scenarioName })} />
      </section>

      <section className="section" aria-labelledby="forecast-whatif">
        <Heading level={2} data-size="sm" id="forecast-whatif">
          {t('grants.forecast.whatIfHeading')}
        </Heading>
        <Paragraph>{t('grants.forecast.whatIfIntro')}</Paragraph>
        <WhatIfForm
          pending={pending}
          onSubmit={(w) => {
            setChosen(w ? 'withWhatIf' : 'withDecision');
            onWhatIf(w);
          }}
        />
        {error ? <ApiErrorAlert error={error} /> : null}
        {f.withWhatIf ? <DifferenceTable withWhatIf={f.withWhatIf} withDecision={f.withDecision} /> : null}
      </section>

      <section className="section" aria-labelledby="forecast-undetermined">
        <Heading level={2} data-size="sm" id="forecast-undetermined">
          {t('grants.forecast.undeterminedHeading')}
        </Heading>
        {f.undetermined.length === 0 ? (
          <Paragraph>{t('grants.forecast.noUndetermined')}</Paragraph>
        ) : (
          <>
            <Paragraph>{t('grants.forecast.undeterminedIntro')}</Paragraph>
            <Table zebra border data-size="sm">
              <caption className="ds-sr-only">{t('grants.forecast.undeterminedCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('grants.forecast.reason')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('grants.forecast.count')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {f.undetermined.map((u) => (
                  <Table.Row key={u.reason}>
                    <Table.HeaderCell scope="row">{scheduleReason({ code: u.reason }, t, { date: formatDate, kroner })}</Table.HeaderCell>
                    <Table.Cell>{formatNumber(u.count)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </>
        )}
      </section>

      <section className="section" aria-labelledby="forecast-warnings">
        <Heading level={2} data-size="sm" id="forecast-warnings">
          {t('grants.forecast.warningsHeading')}
        </Heading>
        {f.rateWarnings.length === 0 && f.missingRates.length === 0 ? <Paragraph>{t('grants.forecast.noWarnings')}</Paragraph> : null}
        {f.rateWarnings.length > 0 ? (
          <>
            <Paragraph>{t('grants.forecast.warningsIntro')}</Paragraph>
            <ScrollRegion labelledBy="forecast-warnings-caption">
              <Table zebra border data-size="sm">
                <caption id="forecast-warnings-caption">{t('grants.forecast.warningsCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('grants.rates.code')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('grants.rates.year')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('grants.rates.status')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('grants.forecast.carriedFrom')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {f.rateWarnings.map((w) => (
                    <Table.Row key={`${w.code}|${w.year}`}>
                      <Table.HeaderCell scope="row">
                        <code>{w.code}</code> {t(`grants.codes.${w.code}`)}
                      </Table.HeaderCell>
                      <Table.Cell>{w.year}</Table.Cell>
                      <Table.Cell>
                        <Tag data-color={STATUS_COLOR[w.status]} data-size="sm">
                          {t(`grants.statuses.${w.status}`)}
                        </Tag>
                      </Table.Cell>
                      <Table.Cell>{w.carriedFrom ?? '–'}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollRegion>
          </>
        ) : null}
        {f.missingRates.length > 0 ? (
          <>
            <Paragraph>{t('grants.forecast.missingIntro')}</Paragraph>
            <ListUnordered aria-label={t('grants.forecast.missingCaption')}>
              {f.missingRates.map((m) => (
                <ListItem key={`${m.code}|${m.year}`}>
                  <code>{m.code}</code> {t(`grants.codes.${m.code}`)}, {m.year}
                </ListItem>
              ))}
            </ListUnordered>
          </>
        ) : null}
      </section>
    </>
  );
}

function YearTable({ id, years, caption }: { id: string; years: readonly ForecastYear[]; caption: string }) {
  const { t } = useTranslation();
  const kroner = useFormatKroner();
  const types = typesShown(years);
  return (
    <ScrollRegion labelledBy={`${id}-caption`}>
      <Table zebra border data-size="sm" className="wide-table">
        <caption id={`${id}-caption`}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('grants.forecast.year')}</Table.HeaderCell>
            {types.map((type) => (
              <Table.HeaderCell key={type} scope="col">
                {t(`grants.types.${type}`)}
              </Table.HeaderCell>
            ))}
            <Table.HeaderCell scope="col">{t('grants.forecast.total')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {years.map((y) => (
            <Table.Row key={y.year}>
              <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
              {types.map((type) => (
                <Table.Cell key={type}>{kroner(y.byType[type] ?? 0)}</Table.Cell>
              ))}
              <Table.Cell>{kroner(y.total)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

function DifferenceTable({ withWhatIf, withDecision }: { withWhatIf: readonly ForecastYear[]; withDecision: readonly ForecastYear[] }) {
  const { t } = useTranslation();
  const diff: ForecastYear[] = withWhatIf.map((w) => {
    const base = withDecision.find((d) => d.year === w.year);
    const byType = { ...w.byType };
    for (const k of Object.keys(byType) as (keyof typeof byType)[]) byType[k] = (w.byType[k] ?? 0) - (base?.byType[k] ?? 0);
    return { year: w.year, byType, total: w.total - (base?.total ?? 0) };
  });
  return (
    <>
      <Heading level={3} data-size="xs">
        {t('grants.forecast.differenceHeading')}
      </Heading>
      <YearTable id="forecast-difference" years={diff} caption={t('grants.forecast.differenceCaption')} />
    </>
  );
}

type WhatIfValues = Record<MixKind, string> & { date: string };

/** The what-if: how many more people of each kind, settled on which date. */
export function WhatIfForm({ pending, onSubmit }: { pending: boolean; onSubmit: (whatIf: WhatIf | null) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<WhatIfValues>(() => ({ ...(Object.fromEntries(MIX_KINDS.map((k) => [k, ''])) as Record<MixKind, string>), date: '' }));
  const [errors, setErrors] = useState<{ id: string; message: string }[]>([]);
  const id = (k: string) => `what-if-${k}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const mix: Mix = {};
    const found: { id: string; message: string }[] = [];
    for (const k of MIX_KINDS) {
      const text = values[k].replace(/[\s\u00a0]/g, '');
      if (text === '') continue;
      const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isInteger(n) || n > 10_000) found.push({ id: id(k), message: t('grants.forecast.countInvalid', { label: t(`grants.mix.${k}`) }) });
      else if (n > 0) mix[k] = n;
    }
    if (values.date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) found.push({ id: id('date'), message: t('validation.date', { label: t('grants.forecast.date') }) });
    setErrors(found);
    if (found.length > 0) {
      setTimeout(() => document.getElementById('what-if-summary')?.focus(), 0);
      return;
    }
    onSubmit({ mix, date: values.date === '' ? null : values.date });
  };
  const error = (k: string) => errors.find((x) => x.id === id(k))?.message;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div id="what-if-summary" tabIndex={-1}>
        <FormErrorSummary errors={errors} />
      </div>
      <div className="filter-grid">
        {MIX_KINDS.map((k) => (
          <TextField
            key={k}
            id={id(k)}
            label={t(`grants.mix.${k}`)}
            inputMode="numeric"
            autoComplete="off"
            className="input-short"
            value={values[k]}
            error={error(k)}
            onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
          />
        ))}
        <TextField
          id={id('date')}
          label={t('grants.forecast.date')}
          description={t('grants.forecast.dateHint')}
          type="date"
          className="input-short"
          value={values.date}
          error={error('date')}
          onChange={(e) => setValues((v) => ({ ...v, date: e.target.value }))}
        />
      </div>
      <div className="button-row">
        <Button type="submit" loading={pending} disabled={pending}>
          {t('grants.forecast.run')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onSubmit(null)} disabled={pending}>
          {t('grants.forecast.clear')}
        </Button>
      </div>
    </form>
  );
}
