/** Scatter plot of labeled points (the Pareto view over two facets), highlighted points outlined. */
import { axes, emptyNote, extent, linearScale, SVG_CLOSE, svgOpen } from './chart-frame.js';
import { esc } from './format.js';

export interface ScatterPoint {
  x: number;
  y: number;
  color: string;
  tooltip: string;
  /** Drawn larger with an outline (Pareto front). */
  highlight?: boolean;
  /** Short text drawn next to the point. */
  label?: string;
}

export function scatterPlot(
  points: ScatterPoint[],
  o: {
    title: string;
    xLabel: string;
    yLabel: string;
    width?: number;
    height?: number;
    legend?: [string, string][];
  },
): string {
  const width = o.width ?? 460;
  const height = o.height ?? 340;
  const plot = { left: 48, top: 26, right: width - 16, bottom: height - 40 };
  const ok = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const x = linearScale(
    extent(
      ok.map((p) => p.x),
      0.08,
    ),
    [plot.left, plot.right],
  );
  const y = linearScale(
    extent(
      ok.map((p) => p.y),
      0.08,
    ),
    [plot.bottom, plot.top],
  );
  const parts = [
    svgOpen({ width, height, title: o.title, kind: 'scatter' }),
    axes(plot, x, y, { x: o.xLabel, y: o.yLabel }),
  ];
  if (ok.length === 0) parts.push(emptyNote(plot, 'no candidate has both scores'));
  for (const p of ok) {
    const r = p.highlight ? 5.5 : 4;
    parts.push(
      `<circle class="mark" cx="${x(p.x).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="${r}" fill="${p.color}"${p.highlight ? ' stroke="#111" stroke-width="1.5"' : ' fill-opacity="0.75"'}><title>${esc(p.tooltip)}</title></circle>`,
    );
    if (p.label)
      parts.push(
        `<text class="pl" x="${(x(p.x) + 7).toFixed(1)}" y="${(y(p.y) - 6).toFixed(1)}">${esc(p.label)}</text>`,
      );
  }
  (o.legend ?? []).forEach(([name, color], i) => {
    parts.push(
      `<circle cx="${plot.right - 120}" cy="${plot.top + 8 + i * 14}" r="4" fill="${color}"/><text class="lg" x="${plot.right - 112}" y="${plot.top + 11 + i * 14}">${esc(name)}</text>`,
    );
  });
  parts.push(SVG_CLOSE);
  return parts.join('');
}
