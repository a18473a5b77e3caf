/**
 * `segscope export` as a library call: find a candidate in a protocol run's results.json, refit it on
 * the whole log with the recorded parameters and seed, and save the model folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SequenceSet } from '../data/sequence-set.js';
import type { ProtocolResults } from '../evaluate/results.js';
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
  /** The event log the run read (reproducibility.inputs[0].path). */
  eventsPath: string | undefined;
  /** The run's recorded loadSequences options, when it recorded them. */
  load: Record<string, unknown> | undefined;
}

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
  return {
    seed,
    candidate: { id: candidate.id, encoder: candidate.encoder, algorithm: candidate.algorithm },
    eventsPath: results.reproducibility.inputs?.[0]?.path,
    load: results.reproducibility.load,
  };
}

/** Refit the candidate on `seqs` and write the model folder `outDir`. */
export async function exportModel(
  seqs: SequenceSet,
  source: ExportSource,
  outDir: string,
): Promise<SavedModel> {
  const { model, fitted } = await fitModel(seqs, {
    id: source.candidate.id,
    encoder: source.candidate.encoder,
    algorithm: source.candidate.algorithm,
    seed: source.seed,
  });
  saveModel(outDir, model, fitted);
  return model;
}
