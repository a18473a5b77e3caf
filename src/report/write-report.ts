/** Write report.html and report.md for a results.json, each atomically (temp file + rename). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProtocolResults } from '../evaluate/results.js';
import { atomicWriteFileSync } from '../io/atomic-write.js';
import { InputError } from '../util/errors.js';
import { renderHtmlReport } from './html-report.js';
import { renderMarkdownReport } from './markdown-report.js';

/** Read a results.json. @throws InputError naming the file when it is missing, not JSON, or not protocol results. */
export function readResults(path: string): ProtocolResults {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read it: ${(e as Error).message}`, { file: path });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new InputError(`not JSON: ${(e as Error).message}`, { file: path });
  }
  const r = parsed as Partial<ProtocolResults>;
  for (const key of ['version', 'dataset', 'protocol', 'candidates', 'reproducibility'] as const) {
    if (r === null || typeof r !== 'object' || r[key] === undefined)
      throw new InputError(`not a segscope results.json: it lacks "${key}"`, { file: path });
  }
  return nullsToNaN(r as ProtocolResults);
}

/** JSON writes NaN as null; the renderers expect NaN for "not computed". */
function nullsToNaN<T>(x: T): T {
  if (Array.isArray(x)) return x.map((v) => (v === null ? Number.NaN : nullsToNaN(v))) as T;
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x))
      out[k] = v === null && !NULLABLE.has(k) ? Number.NaN : nullsToNaN(v);
    return out as T;
  }
  return x;
}

/** Fields where null is a value, not a NaN number. */
const NULLABLE = new Set([
  'winner',
  'cleaning',
  'winner_details',
  'window',
  'sessions',
  'maxLength',
  'lastN',
  'maxEventsPerMinute',
  'maxEventsPerDay',
]);

/** Write `html` (and `report.md` beside it, or `md`). Resolves to the paths written. */
export function writeReport(
  results: ProtocolResults,
  html: string,
  md = join(dirname(html), 'report.md'),
): { html: string; md: string } {
  atomicWriteFileSync(html, renderHtmlReport(results));
  atomicWriteFileSync(md, renderMarkdownReport(results));
  return { html, md };
}
