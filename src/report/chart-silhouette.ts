/** Silhouette plot (Rousseeuw 1987): per segment, its users' silhouettes sorted, as a colored band. */
import { axes, emptyNote, linearScale, SVG_CLOSE, svgOpen } from './chart-frame.js';
import { esc, fmt } from './format.js';
import { segmentColor } from './palette.js';

export interface SilhouetteBand {
  segment: number;
  mean: number;
  values: number[];
}

export function silhouettePlot(
  bands: SilhouetteBand[],
  o: { title: string; mean: number; width?: number },
): string {
  const width = o.width ?? 460;
  const total = bands.reduce((s, b) => s + Math.max(1, b.values.length), 0);
  const barH = Math.max(0.6, Math.min(3, 360 / Math.max(1, total)));
  const gap = 4;
  const plot = { left: 44, top: 26, right: width - 16, bottom: 26 + total * barH + gap * bands.length };
  const height = plot.bottom + 32;
  const x = linearScale([-1, 1], [plot.left, plot.right]);
  const parts = [
    svgOpen({ width, height, title: o.title, kind: 'silhouette' }),
    axes(plot, x, null, { x: '' }),
  ];
  if (bands.length === 0) parts.push(emptyNote(plot, 'fewer than 2 segments'));
  let y = plot.top;
  for (const b of bands) {
    const color = segmentColor(b.segment);
    const start = y;
    const d: string[] = [];
    for (const v of b.values) {
      const x0 = x(Math.min(0, v));
      d.push(`M${x0.toFixed(1)},${y.toFixed(2)}h${Math.max(0.5, Math.abs(x(v) - x(0))).toFixed(1)}`);
      y += barH;
    }
    if (b.values.length === 0) y += barH;
    parts.push(
      `<path class="mark" d="${d.join('')}" stroke="${color}" stroke-width="${barH.toFixed(2)}"><title>${esc(`segment ${b.segment}: mean silhouette ${fmt(b.mean)}`)}</title></path>`,
    );
    parts.push(
      `<text class="lbl" x="${plot.left - 4}" y="${((start + y) / 2 + 3).toFixed(1)}" text-anchor="end">${b.segment}</text>`,
    );
    y += gap;
  }
  if (Number.isFinite(o.mean))
    parts.push(
      `<line class="marker" x1="${x(o.mean)}" x2="${x(o.mean)}" y1="${plot.top}" y2="${plot.bottom}"/><text class="pl" x="${x(o.mean)}" y="${plot.bottom + 24}" text-anchor="middle">mean ${fmt(o.mean)}</text>`,
    );
  parts.push(SVG_CLOSE);
  return parts.join('');
}
