/**
 * A saved model (`segscope export`): everything the service and a library user need to segment new
 * users, recommend, score risk and tag, in one JSON file `model.json` inside a folder, beside
 * `tags.csv` (user_id,segment,tag) and `risk.csv` (user_id,segment,risk) for the fitted users.
 * `format_version` changes whenever a field changes meaning; `loadModel` refuses any other version.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EncoderState } from '../encode/encoder-state.js';
import type { Step } from '../evaluate/candidate-grid.js';
import type { SegmentBehaviorProfile } from '../evaluate/segment-profiles.js';
import type { SegmentTag } from '../evaluate/segment-tags.js';
import { atomicWriteFileSync } from '../io/atomic-write.js';
import { InputError } from '../util/errors.js';
import type { RiskRules } from './risk.js';
import type { SegmentCentroids } from './segment-centroids.js';

export const MODEL_FORMAT = 'segscope-model';
export const MODEL_FORMAT_VERSION = 1;

export interface ScoredItem {
  item: string;
  score: number;
}

export interface SavedModel {
  format: typeof MODEL_FORMAT;
  format_version: number;
  segscope_version: string;
  candidate: { id: string; encoder: Step; algorithm: Step; encoder_seed: number; algorithm_seed: number };
  training: {
    users: number;
    events: number;
    items: number;
    latest_ts: number;
    noise_users: number;
    /**
     * The large-log bounds the fit applied (the run's `fitUsers`, `quadraticFitUsers`) and what they
     * came to: users the encoder was fit on, rows the clusterer was fit on (the others assigned).
     * Absent in models written before it was recorded.
     */
    bounds?: {
      fit_users: number;
      quadratic_fit_users: number;
      encoder_fit_sample: number;
      cluster_fit_rows: number;
    };
    /**
     * What `segscope export` fit on: `history`, the run's history (the users and events before its
     * cutoff, the segmentation the run evaluated, labels identical to its labels/<id>.csv), or
     * `log`, the whole log. Absent when the model was fit by a library call on given sequences.
     */
    on?: 'history' | 'log';
    /** The run's cutoff (unix s) when `on` is `history`; null for a leave-last-k holdout. */
    cutoff?: number | null;
  };
  encoder: EncoderState;
  clusters: Omit<SegmentCentroids, 'centroids' | 'size' | 'meanDistance' | 'sdDistance'> & {
    centroids: number[];
    size: number[];
    meanDistance: number[];
    sdDistance: number[];
  };
  profiles: SegmentBehaviorProfile[];
  tags: SegmentTag[];
  /** Per segment, the best items by segment-items.ts scores; `popularity` is the population's list. */
  items: { per_segment: ScoredItem[][]; popularity: ScoredItem[] };
  risk: RiskRules;
}

/** Per fitted user, written beside model.json. */
export interface FittedUsers {
  users: string[];
  labels: Int32Array;
  risk: Float64Array;
}

/** The centroid model of a saved model as typed arrays (a fresh copy the caller may update). */
export function modelCentroids(model: SavedModel): SegmentCentroids {
  const c = model.clusters;
  return {
    ...c,
    centroids: Float64Array.from(c.centroids),
    size: Float64Array.from(c.size),
    meanDistance: Float64Array.from(c.meanDistance),
    sdDistance: Float64Array.from(c.sdDistance),
  };
}

/** Write model.json, tags.csv and risk.csv into `dir` (created), each file atomically, model.json last. */
export function saveModel(dir: string, model: SavedModel, fitted: FittedUsers): void {
  const tagOf = new Map(model.tags.map((t) => [t.segment, t.tag]));
  const csv = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const tagLines = ['user_id,segment,tag'];
  const riskLines = ['user_id,segment,risk'];
  fitted.users.forEach((u, i) => {
    const l = fitted.labels[i];
    tagLines.push(`${csv(u)},${l},${csv(l >= 0 ? (tagOf.get(l) ?? '') : 'noise')}`);
    riskLines.push(`${csv(u)},${l},${fitted.risk[i].toFixed(6)}`);
  });
  atomicWriteFileSync(join(dir, 'tags.csv'), `${tagLines.join('\n')}\n`);
  atomicWriteFileSync(join(dir, 'risk.csv'), `${riskLines.join('\n')}\n`);
  atomicWriteFileSync(join(dir, 'model.json'), `${JSON.stringify(model)}\n`);
}

/**
 * The fitted users' segments from `tags.csv` of a model folder (empty when the file is absent).
 * @throws InputError for a malformed line, naming it.
 */
export function loadFittedSegments(dir: string): Map<string, number> {
  const path = join(dir, 'tags.csv');
  const out = new Map<string, number>();
  if (!existsSync(path)) return out;
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    // user_id may be quoted (CSV, "" escapes a quote); segment is an integer.
    const m = /^(?:"((?:[^"]|"")*)"|([^,"]*)),(-?\d+),/.exec(line);
    if (m === null) throw new InputError('expected user_id,segment,tag', { file: path, line: i + 1 });
    out.set(m[1] !== undefined ? m[1].replaceAll('""', '"') : m[2], Number(m[3]));
  }
  return out;
}

/**
 * Read a saved model folder.
 * @throws InputError (exit 2) for a missing folder or model.json, unreadable JSON, or a model of another format version.
 * @example const model = loadModel('out/model'); model.clusters.k
 */
export function loadModel(dir: string): SavedModel {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError(`no model folder at ${dir} (write one with segscope export)`, { file: dir });
  const path = join(dir, 'model.json');
  if (!existsSync(path))
    throw new InputError(`${dir} holds no model.json: not a saved model (write one with segscope export)`, {
      file: path,
    });
  let model: Partial<SavedModel>;
  try {
    model = JSON.parse(readFileSync(path, 'utf8')) as Partial<SavedModel>;
  } catch (error) {
    throw new InputError(`model.json is not valid JSON: ${(error as Error).message}`, { file: path });
  }
  if (model.format !== MODEL_FORMAT)
    throw new InputError(`not a segscope model (format "${String(model.format)}")`, {
      file: path,
      field: 'format',
    });
  if (model.format_version !== MODEL_FORMAT_VERSION) {
    throw new InputError(
      `model format version ${String(model.format_version)} (written by segscope ${String(model.segscope_version)}) is not supported: this segscope reads version ${MODEL_FORMAT_VERSION}; export the model again`,
      { file: path, field: 'format_version' },
    );
  }
  return model as SavedModel;
}
