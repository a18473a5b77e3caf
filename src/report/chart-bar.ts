/** Horizontal bar chart: one labeled bar per value (NaN bars are drawn as a dash). */
import { axes, emptyNote, extent, labelWidth, linearScale, SVG_CLOSE, svgOpen } from './chart-frame.js';
import { clip, esc } from './format.js';

export interface BarChartOptions {
  title: string;
  labels: string[];
  values: number[];
  colors: string[] | string;
  xLabel?: string;
  /** Value text at the end of each bar. */
  valueText?: (v: number, i: number) => string;
  /** A reference line (e.g. 1 for a lift). */
  reference?: number;
  width?: number;
}

export function barChart(o: BarChartOptions): string {
  const labels = o.labels.map((l) => clip(l, 44));
  const left = Math.max(60, ...labels.map(labelWidth));
  const rowH = 18;
  const width = o.width ?? 560;
  const plot = { left, top: 26, right: width - 70, bottom: 26 + Math.max(1, labels.length) * rowH };
  const height = plot.bottom + (o.xLabel ? 36 : 20);
  const [lo, hi] = extent([0, ...o.values, ...(o.reference !== undefined ? [o.reference] : [])]);
  const x = linearScale([Math.min(0, lo), hi], [plot.left, plot.right]);
  const parts = [
    svgOpen({ width, height, title: o.title, kind: 'bar' }),
    axes(plot, x, null, { x: o.xLabel }),
  ];
  if (labels.length === 0) parts.push(emptyNote(plot, 'nothing to show'));
  labels.forEach((label, i) => {
    const v = o.values[i];
    const y = plot.top + i * rowH;
    const color = Array.isArray(o.colors) ? o.colors[i] : o.colors;
    parts.push(
      `<text class="lbl" x="${left - 4}" y="${y + rowH / 2 + 3}" text-anchor="end">${esc(label)}<title>${esc(o.labels[i])}</title></text>`,
    );
    if (Number.isFinite(v)) {
      const x0 = x(Math.min(0, v));
      const w = Math.max(1, Math.abs(x(v) - x(0)));
      parts.push(
        `<rect class="mark" x="${x0.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${color}"><title>${esc(`${o.labels[i]}: ${o.valueText ? o.valueText(v, i) : v}`)}</title></rect>`,
      );
      parts.push(
        `<text class="val" x="${(x(Math.max(0, v)) + 3).toFixed(1)}" y="${y + rowH / 2 + 3}">${esc(o.valueText ? o.valueText(v, i) : String(Number(v.toPrecision(3))))}</text>`,
      );
    } else parts.push(`<text class="val" x="${x(0) + 3}" y="${y + rowH / 2 + 3}">—</text>`);
  });
  if (o.reference !== undefined)
    parts.push(
      `<line class="ref" x1="${x(o.reference)}" x2="${x(o.reference)}" y1="${plot.top}" y2="${plot.bottom}"/>`,
    );
  parts.push(SVG_CLOSE);
  return parts.join('');
}
