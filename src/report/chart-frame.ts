/**
 * The frame every chart shares: an SVG root with a title, a linear scale per axis, nice ticks,
 * grid lines and axis labels. Charts are strings of inline SVG built at report time.
 */
import { esc } from './format.js';

export interface Scale {
  (v: number): number;
  domain: [number, number];
}

/** Linear map from `domain` to `range`; a zero-width domain is widened by 1 on each side. */
export function linearScale(domain: [number, number], range: [number, number]): Scale {
  let [d0, d1] = domain;
  if (!(d1 > d0)) {
    d0 -= 1;
    d1 += 1;
  }
  const f = ((v: number) => range[0] + ((v - d0) / (d1 - d0)) * (range[1] - range[0])) as Scale;
  f.domain = [d0, d1];
  return f;
}

/** About `count` round tick values covering [lo, hi] (steps 1, 2 or 5 times a power of ten). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi <= lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step)
    out.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  return out;
}

/** Tick label: few digits, no trailing zeros. */
export function tickLabel(v: number): string {
  if (Math.abs(v) >= 1e4) return v.toExponential(1);
  return String(Number(v.toPrecision(4)));
}

/** Extent of finite values, or [0, 1] when there are none. */
export function extent(values: number[], pad = 0): [number, number] {
  const f = values.filter(Number.isFinite);
  if (f.length === 0) return [0, 1];
  let lo = Math.min(...f);
  let hi = Math.max(...f);
  const p = (hi - lo || Math.abs(hi) || 1) * pad;
  lo -= p;
  hi += p;
  return [lo, hi];
}

export interface SvgRoot {
  width: number;
  height: number;
  title: string;
  /** Name of the chart kind, written as data-chart (the browser test checks every chart). */
  kind: string;
}

/** The opening and closing of a chart's SVG, with its title. */
export function svgOpen({ width, height, title, kind }: SvgRoot): string {
  return `<svg class="chart" data-chart="${esc(kind)}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title><text class="ct" x="8" y="16">${esc(title)}</text>`;
}

export const SVG_CLOSE = '</svg>';

export interface Plot {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Axes with ticks, grid lines and labels for a plot area. */
export function axes(
  plot: Plot,
  x: Scale | null,
  y: Scale | null,
  labels: { x?: string; y?: string },
): string {
  const parts: string[] = [];
  if (x) {
    for (const t of niceTicks(x.domain[0], x.domain[1], 5)) {
      const px = x(t).toFixed(1);
      parts.push(
        `<line class="grid" x1="${px}" x2="${px}" y1="${plot.top}" y2="${plot.bottom}"/><text class="tick" x="${px}" y="${plot.bottom + 13}" text-anchor="middle">${tickLabel(t)}</text>`,
      );
    }
    parts.push(
      `<line class="axis" x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}"/>`,
    );
  }
  if (y) {
    for (const t of niceTicks(y.domain[0], y.domain[1], 4)) {
      const py = y(t).toFixed(1);
      parts.push(
        `<line class="grid" x1="${plot.left}" x2="${plot.right}" y1="${py}" y2="${py}"/><text class="tick" x="${plot.left - 4}" y="${py}" dy="3" text-anchor="end">${tickLabel(t)}</text>`,
      );
    }
    parts.push(
      `<line class="axis" x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.bottom}"/>`,
    );
  }
  if (labels.x)
    parts.push(
      `<text class="al" x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 28}" text-anchor="middle">${esc(labels.x)}</text>`,
    );
  if (labels.y)
    parts.push(
      `<text class="al" transform="translate(12 ${(plot.top + plot.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(labels.y)}</text>`,
    );
  return parts.join('');
}

/** Width in pixels a label of this many characters needs at the report's 11px font (approximate). */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * 6.2) + 8;
}

/** A note drawn instead of a chart's marks when it has nothing to show. */
export function emptyNote(plot: Plot, text: string): string {
  return `<text class="note" x="${(plot.left + plot.right) / 2}" y="${(plot.top + plot.bottom) / 2}" text-anchor="middle">${esc(text)}</text>`;
}
