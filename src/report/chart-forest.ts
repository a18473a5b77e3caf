/** Forest plot: one row per candidate, a point at its value and a line over its confidence interval. */
import { axes, extent, labelWidth, linearScale, SVG_CLOSE, svgOpen } from './chart-frame.js';
import { clip, esc, fmt } from './format.js';

export interface ForestRow {
  label: string;
  tooltip: string;
  value: number;
  lo: number;
  hi: number;
  color: string;
}

export function forestPlot(rows: ForestRow[], o: { title: string; xLabel: string; width?: number }): string {
  const labels = rows.map((r) => clip(r.label, 44));
  const left = Math.max(60, ...labels.map(labelWidth));
  const rowH = 16;
  const width = o.width ?? 640;
  const plot = { left, top: 26, right: width - 16, bottom: 26 + Math.max(1, rows.length) * rowH };
  const height = plot.bottom + 36;
  const x = linearScale(
    extent(
      rows.flatMap((r) => [r.lo, r.hi, r.value]),
      0.05,
    ),
    [plot.left, plot.right],
  );
  const parts = [
    svgOpen({ width, height, title: o.title, kind: 'forest' }),
    axes(plot, x, null, { x: o.xLabel }),
  ];
  rows.forEach((r, i) => {
    const y = plot.top + i * rowH + rowH / 2;
    const tip = `<title>${esc(`${r.tooltip}: ${fmt(r.value)} [${fmt(r.lo)}, ${fmt(r.hi)}]`)}</title>`;
    parts.push(
      `<text class="lbl" x="${left - 4}" y="${y + 3}" text-anchor="end">${esc(labels[i])}${tip}</text>`,
    );
    if (Number.isFinite(r.lo) && Number.isFinite(r.hi))
      parts.push(
        `<line class="ci" x1="${x(r.lo).toFixed(1)}" x2="${x(r.hi).toFixed(1)}" y1="${y}" y2="${y}" stroke="${r.color}"/>`,
      );
    if (Number.isFinite(r.value))
      parts.push(
        `<circle class="mark" cx="${x(r.value).toFixed(1)}" cy="${y}" r="4" fill="${r.color}">${tip}</circle>`,
      );
  });
  parts.push(SVG_CLOSE);
  return parts.join('');
}
