/** Histogram of replicate values (a null distribution) with the observed value marked. */
import { axes, extent, linearScale, SVG_CLOSE, svgOpen } from './chart-frame.js';
import { esc } from './format.js';

export interface HistogramOptions {
  title: string;
  xLabel: string;
  values: number[];
  marker: number;
  markerLabel: string;
  bins?: number;
  color: string;
  width?: number;
}

/** Bin counts of `values` over `bins` equal bins of [lo, hi] (hi falls in the last bin). */
export function binCounts(values: number[], lo: number, hi: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const b = hi > lo ? Math.min(bins - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * bins))) : 0;
    counts[b]++;
  }
  return counts;
}

export function histogram(o: HistogramOptions): string {
  const width = o.width ?? 300;
  const height = 170;
  const plot = { left: 36, top: 26, right: width - 12, bottom: height - 36 };
  const [lo, hi] = extent([...o.values, o.marker], 0.1);
  const bins = o.bins ?? Math.max(5, Math.min(20, Math.ceil(Math.sqrt(o.values.length)) + 3));
  const counts = binCounts(o.values, lo, hi, bins);
  const x = linearScale([lo, hi], [plot.left, plot.right]);
  const y = linearScale([0, Math.max(1, ...counts)], [plot.bottom, plot.top]);
  const parts = [
    svgOpen({ width, height, title: o.title, kind: 'histogram' }),
    axes(plot, x, y, { x: o.xLabel }),
  ];
  const bw = (plot.right - plot.left) / bins;
  counts.forEach((c, b) => {
    if (c === 0) return;
    parts.push(
      `<rect class="mark" x="${(plot.left + b * bw + 0.5).toFixed(1)}" y="${y(c).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${(plot.bottom - y(c)).toFixed(1)}" fill="${o.color}" fill-opacity="0.6"><title>${c}</title></rect>`,
    );
  });
  if (Number.isFinite(o.marker)) {
    const mx = x(o.marker).toFixed(1);
    parts.push(
      `<line class="marker" x1="${mx}" x2="${mx}" y1="${plot.top}" y2="${plot.bottom}"/><text class="pl" x="${mx}" y="${plot.top - 2}" text-anchor="middle">${esc(o.markerLabel)}</text>`,
    );
  }
  parts.push(SVG_CLOSE);
  return parts.join('');
}
