/**
 * Draws the dashboard charts with chart.js, registering only the parts they use (bars, lines,
 * category and linear scales, the legend and tooltips). Each `[data-chart]` element holds a small
 * JSON spec (src/utils/dashboard/chart-spec.ts) computed at build time; the same numbers are in the table
 * under the chart, which stays the source for screen readers, print and no-JavaScript.
 *
 * Colour is never the only signal: every series has its own fill pattern (bars) or line dash and
 * point shape (lines), bars are labelled with their values, and in forced-colours (high contrast)
 * mode the chart is redrawn in the system's text colour with patterns only.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import type { ChartSpec, Tone } from '../utils/dashboard/chart-spec.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const COLOURS: Record<Tone, string> = {
  red: '#ca3535',
  amber: '#f47738',
  green: '#0f7a52',
  grey: '#b1b4b6',
  blue: '#1d70b8',
  dark: '#0b0c0c',
};

type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'vertical' | 'horizontal';
const PATTERNS: Record<Tone, PatternKind> = {
  red: 'diagonal',
  amber: 'dots',
  green: 'solid',
  grey: 'cross',
  blue: 'vertical',
  dark: 'horizontal',
};
const POINTS: Record<Tone, 'circle' | 'triangle' | 'rect' | 'rectRot' | 'crossRot' | 'star'> = {
  red: 'triangle',
  amber: 'rectRot',
  green: 'circle',
  grey: 'crossRot',
  blue: 'circle',
  dark: 'rect',
};
const DASHES: Record<Tone, number[]> = { red: [2, 3], amber: [8, 4], green: [], grey: [1, 3], blue: [], dark: [6, 3] };

/** A fill pattern: the series colour with marks over it (or marks only, in forced colours). */
function pattern(kind: PatternKind, background: string | null, ink: string): CanvasPattern | string {
  const size = 10;
  const c = document.createElement('canvas');
  c.width = size;
  c.height = size;
  const g = c.getContext('2d');
  if (!g) return background ?? ink;
  if (background) {
    g.fillStyle = background;
    g.fillRect(0, 0, size, size);
  }
  g.strokeStyle = ink;
  g.fillStyle = ink;
  g.lineWidth = 2;
  g.beginPath();
  switch (kind) {
    case 'solid':
      if (!background) {
        g.fillRect(0, 0, size, size);
      }
      break;
    case 'diagonal':
      g.moveTo(-1, size + 1);
      g.lineTo(size + 1, -1);
      g.moveTo(-1, 1);
      g.lineTo(1, -1);
      g.moveTo(size - 1, size + 1);
      g.lineTo(size + 1, size - 1);
      g.stroke();
      break;
    case 'dots':
      g.arc(size / 2, size / 2, 2, 0, Math.PI * 2);
      g.fill();
      break;
    case 'cross':
      g.moveTo(0, 0);
      g.lineTo(size, size);
      g.moveTo(size, 0);
      g.lineTo(0, size);
      g.stroke();
      break;
    case 'vertical':
      g.moveTo(size / 2, 0);
      g.lineTo(size / 2, size);
      g.stroke();
      break;
    case 'horizontal':
      g.moveTo(0, size / 2);
      g.lineTo(size, size / 2);
      g.stroke();
      break;
  }
  return g.createPattern(c, 'repeat') ?? background ?? ink;
}

/** Writes each bar's value at its end, so the numbers can be read without the axis or colour. */
const barLabels: Plugin<'bar'> = {
  id: 'appBarLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const colour = (chart.options.color as string) || '#0b0c0c';
    ctx.save();
    ctx.font = '600 14px system-ui, sans-serif';
    ctx.fillStyle = colour;
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((bar, j) => {
        const value = dataset.data[j];
        if (typeof value !== 'number') return;
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.fillText(String(value), x + 6, y);
      });
    });
    ctx.restore();
  },
};

/** Names each line at its last point ("Completed 34"), so lines can be told apart without colour. */
const lineLabels: Plugin<'line'> = {
  id: 'appLineLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.fillStyle = (chart.options.color as string) || '#0b0c0c';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    const used: number[] = [];
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      const last = meta.data[meta.data.length - 1];
      const value = dataset.data[dataset.data.length - 1];
      if (meta.hidden || !last || typeof value !== 'number') return;
      let { x, y } = last.getProps(['x', 'y'], true) as { x: number; y: number };
      y -= 12;
      while (used.some((u) => Math.abs(u - y) < 15)) y -= 15;
      used.push(y);
      ctx.fillText(`${dataset.label ?? ''} ${value}`, x - 4, y);
    });
    ctx.restore();
  },
};

/** Long category names on several lines, so none is cut off at the chart's edge. */
function wrap(label: string, width = 26): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function draw(host: HTMLElement, spec: ChartSpec): Chart {
  const canvas = host.querySelector('canvas')!;
  const forced = window.matchMedia('(forced-colors: active)').matches;
  const text = getComputedStyle(host).color || '#0b0c0c';
  const grid = forced ? text : '#d8d8d8';
  const fontFamily = getComputedStyle(host).fontFamily;
  Chart.defaults.font.family = fontFamily;
  Chart.defaults.font.size = 14;
  // Heights through CSSOM (allowed by the Content-Security-Policy), never a style attribute.
  if (spec.type === 'bar') {
    host.style.height = `${Math.max(180, spec.labels.length * (spec.series.length * 26 + 18) + 90)}px`;
  } else {
    host.style.height = '340px';
  }
  const common = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    color: text,
    plugins: {
      legend: {
        display: spec.series.length > 1,
        position: 'top' as const,
        labels: { color: text, usePointStyle: spec.type === 'line', boxWidth: 28, boxHeight: 14 },
      },
      tooltip: { enabled: true },
    },
  };
  if (spec.type === 'bar') {
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: spec.labels.map((l) => wrap(l)),
        datasets: spec.series.map((s) => ({
          label: s.label,
          data: s.data,
          backgroundColor: pattern(PATTERNS[s.tone], forced ? null : COLOURS[s.tone], forced ? text : s.tone === 'grey' ? '#505a5f' : '#ffffff'),
          borderColor: forced ? text : COLOURS[s.tone] === COLOURS.grey ? '#505a5f' : COLOURS[s.tone],
          borderWidth: 2,
          barPercentage: 0.9,
          categoryPercentage: 0.8,
        })),
      },
      options: {
        ...common,
        indexAxis: 'y',
        layout: { padding: { right: 36 } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0, color: text }, grid: { color: grid }, title: { display: true, text: spec.valueAxis, color: text } },
          y: { ticks: { color: text, autoSkip: false }, grid: { display: false } },
        },
      },
      plugins: [barLabels],
    };
    return new Chart(canvas, config);
  }
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.data,
        borderColor: forced ? text : COLOURS[s.tone],
        backgroundColor: forced ? text : COLOURS[s.tone],
        borderDash: DASHES[s.tone],
        borderWidth: 3,
        pointStyle: POINTS[s.tone],
        pointRadius: 4,
        tension: 0,
      })),
    },
    options: {
      ...common,
      layout: { padding: { top: 24 } },
      scales: {
        x: { ticks: { color: text, maxRotation: 0, autoSkip: true }, grid: { display: false } },
        y: { beginAtZero: true, ticks: { precision: 0, color: text }, grid: { color: grid }, title: { display: true, text: spec.valueAxis, color: text } },
      },
    },
    plugins: [lineLabels],
  };
  return new Chart(canvas, config);
}

function start(): void {
  const charts = new Map<HTMLElement, Chart>();
  const render = () => {
    document.querySelectorAll<HTMLElement>('[data-chart]').forEach((host) => {
      charts.get(host)?.destroy();
      try {
        charts.set(host, draw(host, JSON.parse(host.dataset.chart ?? '') as ChartSpec));
        host.classList.add('app-chart--drawn');
      } catch {
        // The table under the chart carries the same data; a chart that cannot be drawn is left out.
        host.hidden = true;
      }
    });
  };
  render();
  // Redraw when high-contrast mode is switched on or off.
  window.matchMedia('(forced-colors: active)').addEventListener('change', render);
}

start();
