import type { TFunction } from 'i18next';
import type { SettlementYearView } from '@eidor/contract';
import { SETTLED_CATEGORIES } from '@eidor/domain';
import type { ChartOption } from '../../components/chart/echarts.ts';
import { countsAgainstDecision } from './labels.ts';

/** Years worth drawing: those with a request, a decision or anyone settled, oldest first. */
export function chartYears(years: readonly SettlementYearView[]): SettlementYearView[] {
  const outside = (y: SettlementYearView) => SETTLED_CATEGORIES.filter((c) => !countsAgainstDecision(c)).reduce((s, c) => s + (y.settled[c] ?? 0), 0);
  return years.filter((y) => y.requestedTotal !== null || y.decidedTotal !== null || y.counted > 0 || outside(y) > 0 || y.uncategorised > 0).sort((a, b) => a.year - b.year);
}

/**
 * The yearly chart: per year one bar for the council's decision, one stack of the settled who count
 * against it (per category), and one stack of those who do not (family-reunified, self-settled).
 * Returns the chart and a summary in words for screen readers.
 */
export function yearChart(years: readonly SettlementYearView[], t: TFunction, formatNumber: (n: number) => string): { option: ChartOption; summary: string } {
  const shown = chartYears(years);
  const category = (c: (typeof SETTLED_CATEGORIES)[number]) => t(`settlement.categories.${c}`);
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'plain' },
    grid: { left: 8, right: 8, top: 16, bottom: 96, containLabel: true },
    xAxis: { type: 'category', data: shown.map((y) => String(y.year)) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatNumber(value) } },
    series: [
      { name: t('settlement.years.chart.decided'), type: 'bar', data: shown.map((y) => y.decidedTotal ?? 0) },
      ...SETTLED_CATEGORIES.map((c) => ({
        name: countsAgainstDecision(c) ? category(c) : t('settlement.years.chart.notCounted', { category: category(c) }),
        type: 'bar' as const,
        stack: countsAgainstDecision(c) ? 'counted' : 'outside',
        data: shown.map((y) => y.settled[c] ?? 0),
      })),
    ],
  };
  const parts = shown.map((y) => {
    const outside = SETTLED_CATEGORIES.filter((c) => !countsAgainstDecision(c)).reduce((s, c) => s + (y.settled[c] ?? 0), 0);
    const decided = y.decidedTotal === null ? t('settlement.years.chart.noDecision') : t('settlement.years.chart.decidedCount', { count: y.decidedTotal, n: formatNumber(y.decidedTotal) });
    const settled = t('settlement.years.chart.countedCount', { count: y.counted, n: formatNumber(y.counted) });
    const extra = outside > 0 ? ` ${t('settlement.years.chart.outsideCount', { count: outside, n: formatNumber(outside) })}` : '';
    return `${y.year}: ${decided}, ${settled}.${extra}`;
  });
  const summary = shown.length === 0 ? t('settlement.years.chart.empty') : `${t('settlement.years.chart.summary')} ${parts.join(' ')}`;
  return { option, summary };
}
