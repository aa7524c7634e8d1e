/**
 * The few numbers a dashboard chart needs, aggregated at build time and passed to the browser in
 * a `data-chart` attribute (src/components/dashboard/Chart.astro). Drawn by src/scripts/charts.ts.
 */

/** Colour family of a series; each has its own fill pattern too, so colour is never the only signal. */
export type Tone = 'red' | 'amber' | 'green' | 'grey' | 'blue' | 'dark';

export interface ChartSeries {
  label: string;
  data: number[];
  tone: Tone;
}

export interface ChartSpec {
  /** `bar`: horizontal bars, one group per label; `line`: values over time. */
  type: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
  /** Title of the value axis, for example "Number of actions". */
  valueAxis: string;
}
