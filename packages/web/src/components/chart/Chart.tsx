import { useEffect, useRef } from 'react';
import type { ChartOption } from './echarts.ts';

export type ChartProps = {
  option: ChartOption;
  /** What the chart shows, in words: screen readers read this instead of the picture. */
  label: string;
  height?: number;
};

/**
 * A chart drawn by ECharts (SVG, loaded on first use so that pages without charts never fetch it).
 * The chart is an image with a summary for screen readers; every chart stands next to a table with
 * the same numbers, which is the accessible way to read them.
 */
export function Chart({ option, label, height = 320 }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let cancelled = false;
    let dispose = () => {};
    void import('./echarts.ts').then(({ renderChart }) => {
      if (!cancelled) dispose = renderChart(element, option, label);
    });
    return () => {
      cancelled = true;
      dispose();
    };
  }, [option, label]);
  return <div ref={ref} role="img" aria-label={label} className="chart" style={{ height }} />;
}
