/**
 * The candidate grid: every encoder entry x every algorithm entry, with list-valued params expanded
 * (cartesian product, in key order). A candidate's id is readable and stable:
 * `tfidf(dim=32)+kmeans(k=8,nInit=3)` made file-safe as `tfidf.dim=32+kmeans.k=8,nInit=3`.
 */
import type { GridEntry } from './protocol-config.js';

export interface Step {
  name: string;
  params: Record<string, unknown>;
}

export interface CandidateSpec {
  id: string;
  encoder: Step;
  algorithm: Step;
}

/** Expand list-valued params of one entry. */
export function expandEntry(entry: GridEntry): Step[] {
  const params = entry.params ?? {};
  let out: Record<string, unknown>[] = [{}];
  for (const key of Object.keys(params)) {
    const values = Array.isArray(params[key]) ? (params[key] as unknown[]) : [params[key]];
    out = out.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  }
  return out.map((p) => ({ name: entry.name, params: p }));
}

/** File-safe readable id of one step, e.g. `kmeans.k=8,nInit=3`. */
export function stepId(step: Step): string {
  const parts = Object.keys(step.params).map((k) => `${k}=${String(step.params[k])}`);
  const id = parts.length > 0 ? `${step.name}.${parts.join(',')}` : step.name;
  return id.replace(/[^A-Za-z0-9_.=,+-]/g, '_');
}

/** All candidates of a grid. Ids are unique (a repeated entry is an error). */
export function candidateGrid(encoders: GridEntry[], algorithms: GridEntry[]): CandidateSpec[] {
  const out: CandidateSpec[] = [];
  const seen = new Set<string>();
  for (const e of encoders.flatMap(expandEntry)) {
    for (const a of algorithms.flatMap(expandEntry)) {
      // DEC trains the transformer step's fit further: it pairs with the transformer step and nothing else.
      if ((a.name === 'dec') !== (e.name === 'transformer' && a.name === 'dec')) continue;
      const id = `${stepId(e)}+${stepId(a)}`;
      if (seen.has(id)) throw new RangeError(`candidateGrid: candidate ${id} appears twice`);
      seen.add(id);
      out.push({ id, encoder: e, algorithm: a });
    }
  }
  return out;
}
