/** Heat map of a matrix with row and column labels; cells colored by value / max (or a fixed range). */
import { labelWidth, SVG_CLOSE, svgOpen } from './chart-frame.js';
import { clip, esc } from './format.js';
import { heatColor } from './palette.js';

export interface HeatMapOptions {
  title: string;
  rows: string[];
  cols: string[];
  values: number[][];
  /** Color range; default [0, max]. */
  range?: [number, number];
  /** Write each cell's value in it (small matrices). */
  cellText?: (v: number) => string;
  /** Colors to show beside row / column labels (segment colors). */
  colColors?: string[];
  rowColors?: string[];
  cell?: number;
  xLabel?: string;
  yLabel?: string;
}

export function heatMap(o: HeatMapOptions): string {
  const rows = o.rows.map((r) => clip(r, 40));
  const cell = o.cell ?? 22;
  const left = Math.max(40, ...rows.map(labelWidth)) + (o.rowColors ? 10 : 0) + (o.yLabel ? 14 : 0);
  const top = 40 + (o.colColors ? 8 : 0);
  const width = Math.max(260, labelWidth(o.title) + 8, left + o.cols.length * cell + 12);
  const height = top + rows.length * cell + (o.xLabel ? 30 : 12);
  const flat = o.values.flat().filter(Number.isFinite);
  const [lo, hi] = o.range ?? [0, Math.max(0, ...flat)];
  const parts = [svgOpen({ width, height, title: o.title, kind: 'heatmap' })];
  const every = Math.max(1, Math.ceil(14 / cell));
  o.cols.forEach((c, j) => {
    const cx = left + j * cell + cell / 2;
    if (j % every === 0)
      parts.push(
        `<text class="tick" x="${cx}" y="${top - (o.colColors ? 12 : 4)}" text-anchor="middle">${esc(clip(c, 6))}</text>`,
      );
    if (o.colColors)
      parts.push(
        `<rect x="${left + j * cell + 1}" y="${top - 8}" width="${cell - 2}" height="5" fill="${o.colColors[j]}"/>`,
      );
  });
  rows.forEach((r, i) => {
    const y = top + i * cell;
    parts.push(
      `<text class="lbl" x="${left - 4 - (o.rowColors ? 10 : 0)}" y="${y + cell / 2 + 3}" text-anchor="end">${esc(r)}<title>${esc(o.rows[i])}</title></text>`,
    );
    if (o.rowColors)
      parts.push(
        `<rect x="${left - 10}" y="${y + 2}" width="6" height="${cell - 4}" fill="${o.rowColors[i]}"/>`,
      );
    o.cols.forEach((c, j) => {
      const v = o.values[i]?.[j] ?? Number.NaN;
      const t = hi > lo ? (v - lo) / (hi - lo) : 0;
      parts.push(
        `<rect class="mark cell" x="${left + j * cell}" y="${y}" width="${cell}" height="${cell}" fill="${heatColor(t)}"><title>${esc(`${o.rows[i]} / ${c}: ${Number.isFinite(v) ? Number(v.toPrecision(4)) : '—'}`)}</title></rect>`,
      );
      if (o.cellText && Number.isFinite(v))
        parts.push(
          `<text class="cv" x="${left + j * cell + cell / 2}" y="${y + cell / 2 + 3}" text-anchor="middle" fill="${t > 0.55 ? '#fff' : '#222'}">${esc(o.cellText(v))}</text>`,
        );
    });
  });
  if (o.xLabel)
    parts.push(
      `<text class="al" x="${left + (o.cols.length * cell) / 2}" y="${height - 8}" text-anchor="middle">${esc(o.xLabel)}</text>`,
    );
  if (o.yLabel)
    parts.push(
      `<text class="al" transform="translate(10 ${top + (rows.length * cell) / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`,
    );
  parts.push(SVG_CLOSE);
  return parts.join('');
}
