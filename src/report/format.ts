/** Text formatting shared by the HTML and Markdown reports. Formatting only: no new numbers. */

/** A number for people: `—` for null/NaN, fixed digits otherwise (integers without decimals). */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x.toLocaleString('en-US');
  return x.toFixed(digits);
}

/** A share in [0, 1] as a percentage. */
export function pct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : `${(100 * x).toFixed(digits)}%`;
}

/** Escape text for HTML and SVG content and attributes. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Shorten a label to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** A short readable candidate name: `tfidf+kmeans k=8` (the full id stays in tooltips and tables). */
export function shortName(c: {
  encoder: { name: string };
  algorithm: { name: string; params: Record<string, unknown> };
}): string {
  const p = c.algorithm.params;
  const key = ['k', 'minClusterSize', 'eps', 'nClusters'].find((x) => typeof p[x] === 'number');
  return `${c.encoder.name}+${c.algorithm.name}${key ? ` ${key}=${p[key]}` : ''}`;
}

/** A candidate id as HTML that may wrap after `,` and `+` (ids are long and have no spaces). */
export function idHtml(id: string): string {
  return esc(id).replace(/([,+])/g, '$1<wbr>');
}
