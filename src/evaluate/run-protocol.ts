/**
 * The whole protocol on one log: holdout split, every candidate fit on every variant (resumable),
 * every facet, the ranking, and the outputs `DIR/results.json` and `DIR/labels/<id>.csv`.
 * `resume: false` on a directory that already holds records is refused, so finished work is never
 * silently mixed with a different run; `resume: true` checks that the configuration is the same.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CleaningReport } from '../data/cleaning-report.js';
import type { SequenceSet } from '../data/sequence-set.js';
import { atomicWriteFileSync } from '../io/atomic-write.js';
import { InputError, UsageError } from '../util/errors.js';
import type { ProgressCallback } from '../util/progress.js';
import { behaviorSpace } from './behavior-space.js';
import { candidateFacets } from './candidate-facets.js';
import { type CandidateSpec, candidateGrid } from './candidate-grid.js';
import { protocolHoldout } from './holdout.js';
import type { ProtocolConfig } from './protocol-config.js';
import { rankCandidates } from './rank-candidates.js';
import { ResultStore } from './result-store.js';
import { candidateResult, type ProtocolResults, selectionCurves } from './results.js';
import type { Variant } from './protocol-variants.js';
import { runCandidates } from './run-candidates.js';
import { SEGSCOPE_VERSION } from '../util/version.js';
import { checkSteps } from './check-steps.js';
import { winnerDetails } from './winner-details.js';

export interface ProtocolRunOptions {
  sequences: SequenceSet;
  cleaning?: CleaningReport;
  /** Planted or known segments: user id -> segment. */
  truth?: Map<string, number>;
  config: ProtocolConfig;
  /** Candidates; default the config's grid. */
  candidates?: CandidateSpec[];
  outDir: string;
  resume?: boolean;
  /** Input files to hash for reproducibility. */
  inputs?: string[];
  /** The loadSequences options the log was read with (recorded; engine and callbacks dropped). */
  load?: object;
  onProgress?: ProgressCallback;
}

/** Run the protocol and write its outputs. Resolves to the results written to `outDir/results.json`. */
export async function runProtocol(options: ProtocolRunOptions): Promise<ProtocolResults> {
  const started = Date.now();
  const { config, outDir, sequences } = options;
  const candidates = options.candidates ?? candidateGrid(config.encoders, config.algorithms);
  if (candidates.length === 0)
    throw new UsageError('the candidate grid is empty: give at least one encoder and one algorithm');
  await checkSteps(candidates);
  const store = new ResultStore(outDir);
  guardResume(outDir, config, candidates, options.resume === true);
  const { history, future, cutoff, rule } = protocolHoldout(
    sequences,
    config.cutoff,
    options.cleaning?.file ?? 'events',
  );
  const truth = options.truth ? alignTruth(history.users, options.truth) : undefined;
  const timings: Record<string, number> = {};
  const variants = await runCandidates({
    history,
    future,
    candidates,
    config,
    store,
    onProgress: options.onProgress,
    timings,
  });
  options.onProgress?.({ task: 'facets', done: 0, total: candidates.length });
  const space = behaviorSpace(history);
  const futureSpace = behaviorSpace(future, { buckets: space.buckets });
  const facets = candidates.map((c, i) => {
    options.onProgress?.({ task: 'facets', done: i, total: candidates.length });
    return candidateFacets(c, {
      history,
      future,
      space,
      futureSpace,
      truth,
      config,
      store,
      variants,
      timings,
    });
  });
  options.onProgress?.({ task: 'ranking (bootstrap)', done: 0, total: 1 });
  const rankingStarted = performance.now();
  const ranking = rankCandidates(facets, space, config);
  timings.ranking = (performance.now() - rankingStarted) / 1000;
  const results: ProtocolResults = {
    version: SEGSCOPE_VERSION,
    dataset: {
      n_events: sequences.offsets[sequences.offsets.length - 1],
      n_sequences: sequences.users.length,
      n_items: sequences.itemVocab.length,
      n_categories: sequences.categoryVocab?.length ?? 0,
      n_history_users: history.users.length,
      n_future_users: countNonEmpty(future),
      cleaning: options.cleaning ?? null,
    },
    protocol: {
      seed: config.seed,
      weights: config.weights,
      resamples: config.resamples,
      subsample_fraction: config.subsampleFraction,
      null_kinds: config.nullKinds,
      null_replicates: config.nullReplicates,
      bootstrap: config.bootstrap,
      permutations: config.permutations,
      alpha: config.alpha,
      top_k: config.topK,
      cutoff,
      large_log: largeLogRecord(history.users.length, variants, config),
      cutoff_iso: Number.isNaN(cutoff)
        ? `last ${'leaveLastK' in rule ? rule.leaveLastK : 0} events of each sequence`
        : new Date(cutoff * 1000).toISOString(),
      holdout: rule,
    },
    candidates: ranking.candidates.map(candidateResult).sort((a, b) => a.rank - b.rank),
    winner: ranking.winner,
    tied_with_winner: ranking.tied_with_winner,
    significance: ranking.significance,
    selection: [],
    winner_details: null,
    reproducibility: {
      inputs: (options.inputs ?? []).map(hashFile),
      started: new Date(started).toISOString(),
      seconds: (Date.now() - started) / 1000,
      node: process.version,
      timings,
      config,
      ...(options.load ? { load: recordedLoad(options.load) } : {}),
    },
  };
  results.selection = selectionCurves(results.candidates);
  const won = facets.find((f) => f.spec.id === ranking.winner);
  const detailsStarted = performance.now();
  if (won)
    results.winner_details = await winnerDetails({
      candidate: won.spec.id,
      sequences,
      history,
      space,
      labels: won.labels,
      k: won.k,
      truth,
      seed: config.seed,
    });
  timings.winner_details = (performance.now() - detailsStarted) / 1000;
  for (const f of facets) {
    const lines = history.users.map((u, i) => `${csvField(u)},${f.labels[i]}`);
    atomicWriteFileSync(join(outDir, 'labels', `${f.spec.id}.csv`), `user_id,label\n${lines.join('\n')}\n`);
  }
  atomicWriteFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  return results;
}

/** What the large-log bounds did on this log (results.json `protocol.large_log`). */
function largeLogRecord(
  n: number,
  variants: Variant[],
  config: ProtocolConfig,
): ProtocolResults['protocol']['large_log'] {
  const sub = variants.find((v) => 'kind' in v && v.kind === 'subsample') as
    | { index: Int32Array }
    | undefined;
  const nulls = variants.find((v) => 'kind' in v && v.kind === 'null') as { index?: Int32Array } | undefined;
  return {
    fit_users: config.fitUsers,
    rerun_users: config.rerunUsers,
    quadratic_fit_users: config.quadraticFitUsers,
    encoder_fit_sample: Math.min(n, config.fitUsers),
    stability_subsample: sub?.index.length ?? 0,
    null_log_users: nulls === undefined ? 0 : (nulls.index?.length ?? n),
    quadratic_fit_sample: Math.min(n, config.quadraticFitUsers),
  };
}

/** Truth segment per history user. @throws InputError naming how many (and the first) users it lacks. */
export function alignTruth(users: string[], truth: Map<string, number>): Int32Array {
  const out = new Int32Array(users.length);
  const missing: string[] = [];
  users.forEach((u, i) => {
    const t = truth.get(u);
    if (t === undefined) missing.push(u);
    else out[i] = t;
  });
  if (missing.length > 0) {
    throw new InputError(
      `the truth labels lack ${missing.length} of ${users.length} users of the log (first: ${missing.slice(0, 3).join(', ')}): is it the truth file of another log?`,
      { field: 'user_id' },
    );
  }
  return out;
}

function guardResume(
  outDir: string,
  config: ProtocolConfig,
  candidates: CandidateSpec[],
  resume: boolean,
): void {
  const marker = join(outDir, 'records', 'run.json');
  const fingerprint = JSON.stringify({
    config: { ...config, bootstrap: undefined, weights: undefined, alpha: undefined },
    candidates: candidates.map((c) => c.id),
  });
  if (existsSync(marker)) {
    if (!resume)
      throw new UsageError(
        `${outDir} already holds a run: pass --resume to continue it, or choose another --out`,
      );
    const before = readFileSync(marker, 'utf8');
    if (before !== fingerprint)
      throw new UsageError(
        `${outDir} holds a run with a different configuration or grid: --resume needs the same one`,
      );
    return;
  }
  const records = join(outDir, 'records');
  if (existsSync(records) && readdirSync(records).length > 0 && !resume)
    throw new UsageError(`${records} is not empty: pass --resume or choose another --out`);
  atomicWriteFileSync(marker, fingerprint);
}

/** The JSON-safe part of loadSequences options (no engine handle, no callbacks). */
function recordedLoad(load: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(load).filter(([k, v]) => k !== 'engine' && typeof v !== 'function' && v !== undefined),
  );
}

function hashFile(path: string): { path: string; sha256: string; bytes: number } {
  const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
  return { path, sha256: hash, bytes: statSync(path).size };
}

function countNonEmpty(seqs: SequenceSet): number {
  let n = 0;
  for (let s = 0; s + 1 < seqs.offsets.length; s++) if (seqs.offsets[s + 1] > seqs.offsets[s]) n++;
  return n;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
