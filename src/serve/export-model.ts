/**
 * `segscope export` as a library call: find a candidate in a protocol run's results.json, refit it
 * as the run fit it (its seed, its large-log bounds, the same seeded samples: fitModel) and save the
 * model folder. By default it is fit on the run's history, so the model's segments are the ones the
 * run evaluated (tags.csv labels = the run's labels/<id>.csv); on the whole log when asked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SequenceSet } from '../data/sequence-set.js';
import { protocolHoldout } from '../evaluate/holdout.js';
import type { ProtocolConfig } from '../evaluate/protocol-config.js';
import type { ProtocolResults } from '../evaluate/results.js';
import { GIVEN } from '../evaluate/run-candidates.js';
import { InputError } from '../util/errors.js';
import { fitModel } from './fit-model.js';
import { type SavedModel, saveModel } from './saved-model.js';

/** The parts of results.json an export needs. */
export interface ExportSource {
  seed: number;
  candidate: {
    id: string;
    encoder: ProtocolResults['candidates'][number]['encoder'];
    algorithm: ProtocolResults['candidates'][number]['algorithm'];
  };
  /**
   * The run's large-log bounds (reproducibility.config); a run that predates them recorded none
   * and fit on every user (Infinity here, null in model.json).
   */
  bounds: Pick<ProtocolConfig, 'fitUsers' | 'quadraticFitUsers'>;
  /** The run's holdout rule (reproducibility.config.cutoff), to rebuild its history. */
  cutoff: ProtocolConfig['cutoff'];
  /** The event log the run read (reproducibility.inputs[0].path). */
  eventsPath: string | undefined;
  /** The run's recorded loadSequences options, when it recorded them. */
  load: Record<string, unknown> | undefined;
}

/** What an export fits on: the run's history (the evaluated segmentation) or the whole log. */
export type ExportFitOn = 'history' | 'log';
export const EXPORT_FIT_ON: readonly ExportFitOn[] = ['history', 'log'];

/**
 * Read results.json in `resultsDir` and pick candidate `id` (the winner when id is undefined).
 * @throws InputError for a missing or unreadable results.json, or an unknown candidate (listing the known ones).
 */
export function readExportSource(resultsDir: string, id: string | undefined): ExportSource {
  const path = join(resultsDir, 'results.json');
  let results: ProtocolResults;
  try {
    results = JSON.parse(readFileSync(path, 'utf8')) as ProtocolResults;
  } catch (error) {
    throw new InputError(`cannot read results: ${(error as Error).message}`, { file: path });
  }
  const wanted = id ?? results.winner ?? undefined;
  if (wanted === undefined)
    throw new InputError('results.json names no winner; pass --candidate ID', {
      file: path,
      field: 'winner',
    });
  const candidate = results.candidates?.find((c) => c.id === wanted);
  if (candidate?.encoder.name === GIVEN)
    throw new InputError(
      `candidate "${wanted}" is a labeling brought to the run (--labels), not a model: it cannot be refit`,
      { file: path, field: 'candidates' },
    );
  if (candidate === undefined) {
    const known = (results.candidates ?? []).map((c) => c.id);
    throw new InputError(
      `no candidate "${wanted}" (known: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', ...' : ''})`,
      { file: path, field: 'candidates' },
    );
  }
  const seed = results.reproducibility?.config?.seed;
  if (typeof seed !== 'number')
    throw new InputError('results.json has no reproducibility.config.seed', {
      file: path,
      field: 'reproducibility.config.seed',
    });
  const config: Partial<ProtocolConfig> = results.reproducibility.config ?? {};
  const bound = (x: unknown) => (typeof x === 'number' ? x : Number.POSITIVE_INFINITY);
  return {
    seed,
    candidate: { id: candidate.id, encoder: candidate.encoder, algorithm: candidate.algorithm },
    bounds: { fitUsers: bound(config.fitUsers), quadraticFitUsers: bound(config.quadraticFitUsers) },
    cutoff: config.cutoff ?? 'auto',
    eventsPath: results.reproducibility.inputs?.[0]?.path,
    load: results.reproducibility.load,
  };
}

/**
 * Refit the candidate on `seqs` (the log the run read) and write the model folder `outDir`. With
 * `on: 'history'` (default) the fit is on the run's history, cut from `seqs` by the run's holdout
 * rule: the same sequences, seeds, bounds and samples as the run's `full` fit, hence its labels.
 * With `on: 'log'` it is on every event of `seqs` (a model that has seen the latest behavior; its
 * segments were not the ones evaluated). model.json records which, and the bounds that applied.
 * @throws InputError when the run's holdout rule does not apply to `seqs` (not the run's log).
 */
export async function exportModel(
  seqs: SequenceSet,
  source: ExportSource,
  outDir: string,
  on: ExportFitOn = 'history',
): Promise<SavedModel> {
  const holdout = on === 'history' ? protocolHoldout(seqs, source.cutoff) : undefined;
  const { model, fitted } = await fitModel(holdout?.history ?? seqs, {
    id: source.candidate.id,
    encoder: source.candidate.encoder,
    algorithm: source.candidate.algorithm,
    seed: source.seed,
    bounds: source.bounds,
  });
  model.training.on = on;
  if (holdout !== undefined) model.training.cutoff = Number.isNaN(holdout.cutoff) ? null : holdout.cutoff;
  saveModel(outDir, model, fitted);
  return model;
}
