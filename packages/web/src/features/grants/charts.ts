import type { TFunction } from 'i18next';
import type { ResponseOf } from '@eidor/contract';
import { GRANT_TYPES, type GrantType } from '@eidor/domain';
import type { ChartOption } from '../../components/chart/echarts.ts';

type Overview = ResponseOf<'grantOverview'>;
type ForecastYear = ResponseOf<'grantForecast'>['settled'][number];

/** Expected vs received per grant type: two bars per type, and the same in words. */
export function overviewChart(o: Overview, t: TFunction, kroner: (n: number) => string): { option: ChartOption; summary: string } {
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: o.byType.map((b) => t(`grants.types.${b.type}`)), axisLabel: { interval: 0, width: 110, overflow: 'break' } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => kroner(v) } },
    series: [
      { name: t('grants.overview.expected'), type: 'bar', data: o.byType.map((b) => b.expected) },
      { name: t('grants.overview.received'), type: 'bar', data: o.byType.map((b) => b.received) },
    ],
  };
  const parts = o.byType.map((b) => t('grants.overview.chartPart', { type: t(`grants.types.${b.type}`), expected: kroner(b.expected), received: kroner(b.received) }));
  return { option, summary: `${t('grants.overview.chartSummary', { year: o.year })} ${parts.join(' ')}` };
}

/** Types that have any amount in the years shown (the rest would be empty columns). */
export function typesShown(years: readonly ForecastYear[]): GrantType[] {
  return GRANT_TYPES.filter((type) => years.some((y) => (y.byType[type] ?? 0) !== 0));
}

/** The forecast as stacked bars per year, one stack part per grant type. */
export function forecastChart(years: readonly ForecastYear[], scenario: string, t: TFunction, kroner: (n: number) => string): { option: ChartOption; summary: string } {
  const types = typesShown(years);
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 64, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => kroner(v) } },
    series: types.map((type) => ({ name: t(`grants.types.${type}`), type: 'bar' as const, stack: 'total', data: years.map((y) => y.byType[type] ?? 0) })),
  };
  const parts = years.map((y) => t('grants.forecast.chartPart', { year: y.year, total: kroner(y.total) }));
  return { option, summary: `${t('grants.forecast.chartSummary', { scenario })} ${parts.join(' ')}` };
}
