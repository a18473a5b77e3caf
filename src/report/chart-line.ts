/** Line chart of one series over a numeric x (a k-selection curve), with the best x marked. */
import { axes, emptyNote, extent, linearScale, SVG_CLOSE, svgOpen } from './chart-frame.js';
import { esc } from './format.js';

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  points: [number, number][];
  color: string;
  /** x of the chosen parameter value, drawn as a vertical marker. */
  best?: number;
  width?: number;
  height?: number;
}

export function lineChart(o: LineChartOptions): string {
  const width = o.width ?? 230;
  const height = o.height ?? 170;
  const plot = { left: 44, top: 26, right: width - 10, bottom: height - 36 };
  const ok = o.points.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  const x = linearScale(extent(o.points.map((p) => p[0])), [plot.left, plot.right]);
  const y = linearScale(
    extent(
      ok.map((p) => p[1]),
      0.1,
    ),
    [plot.bottom, plot.top],
  );
  const parts = [svgOpen({ width, height, title: o.title, kind: 'line' }), axes(plot, x, y, { x: o.xLabel })];
  if (o.best !== undefined)
    parts.push(
      `<line class="ref" x1="${x(o.best)}" x2="${x(o.best)}" y1="${plot.top}" y2="${plot.bottom}"/>`,
    );
  if (ok.length === 0) parts.push(emptyNote(plot, 'not computed'));
  else {
    const d = ok.map(([a, b], i) => `${i === 0 ? 'M' : 'L'}${x(a).toFixed(1)},${y(b).toFixed(1)}`).join('');
    parts.push(`<path class="mark line" d="${d}" stroke="${o.color}"/>`);
    for (const [a, b] of ok)
      parts.push(
        `<circle cx="${x(a).toFixed(1)}" cy="${y(b).toFixed(1)}" r="3" fill="${o.color}"><title>${esc(`${o.xLabel}=${a}: ${Number(b.toPrecision(4))}`)}</title></circle>`,
      );
  }
  parts.push(SVG_CLOSE);
  return parts.join('');
}
