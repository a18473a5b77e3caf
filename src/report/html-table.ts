/** HTML table and small layout helpers for the report sections. */
import { esc } from './format.js';

/** A table (scrolls sideways when wider than the page); cells are escaped text unless wrapped with `raw`. */
export function table(headers: string[], rows: (string | Raw)[][], className = ''): string {
  const cell = (c: string | Raw, tag: string) =>
    `<${tag}>${typeof c === 'string' ? esc(c) : c.html}</${tag}>`;
  return `<div class="tw"><table class="${className}"><thead><tr>${headers.map((h) => cell(h, 'th')).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('')}</tbody></table></div>`;
}

/** Already-safe HTML inside a table cell. */
export interface Raw {
  html: string;
}

export function raw(html: string): Raw {
  return { html };
}

/** A colored swatch for a segment or status. */
export function swatch(color: string): string {
  return `<span class="sw" style="background:${color}"></span>`;
}

/** A section with an id (the browser test looks for every id) and a heading. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

/** Charts side by side, wrapping. */
export function row(...charts: string[]): string {
  return `<div class="row">${charts.join('')}</div>`;
}

export function para(text: string): string {
  return `<p>${esc(text)}</p>`;
}
