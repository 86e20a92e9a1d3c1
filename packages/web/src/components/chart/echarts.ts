// Only the parts of ECharts that Eidør draws: bar charts in SVG, with axes, legend, tooltip
// and the accessibility options (a description and decal patterns, so colour is not the only cue).
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerParts, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

registerParts([BarChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Draw `option` into `element`; returns a function that removes the chart again. */
export function renderChart(element: HTMLElement, option: ChartOption, label: string): () => void {
  const chart = init(element, null, { renderer: 'svg' });
  const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  chart.setOption({
    animation: !reducedMotion,
    // The page's own font, named as the browser resolved it, so that ECharts measures labels right.
    textStyle: { fontFamily: getComputedStyle(element).fontFamily || 'sans-serif' },
    ...option,
    // ECharts puts role="img" and this description on the chart's element, and patterns on the bars.
    aria: { enabled: true, label: { description: label }, decal: { show: true } },
  });
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => chart.resize()) : null;
  observer?.observe(element);
  return () => {
    observer?.disconnect();
    chart.dispose();
  };
}
