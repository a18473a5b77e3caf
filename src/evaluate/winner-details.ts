/**
 * Everything the report shows about the winner's segments, computed once here so the report only
 * renders (DESIGN.md: the report computes no new numbers). Geometry (silhouette plot, maps,
 * medoids) is computed in the common behavior space (behavior-matrix.ts): the winner's own
 * embedding is gone after fitting, and the common space is where all candidates are judged.
 */
import type { SequenceSet } from '../data/sequence-set.js';
import { silhouetteSamples } from '../metrics/silhouette.js';
import { selectRows } from '../util/matrix.js';
import { randomSource } from '../util/random.js';
import { seedFor } from '../util/seed-for.js';
import { behaviorMatrix } from './behavior-matrix.js';
import type { BehaviorSpace } from './behavior-space.js';
import { stratifiedSample } from './geometry-facet.js';
import { principalComponents } from './principal-components.js';
import { type SegmentBehaviorProfile, segmentProfiles } from './segment-profiles.js';
import { type SegmentTag, segmentTags } from './segment-tags.js';
import { segmentMedoids, type TypicalSequence } from './segment-medoids.js';
import { tsne } from './tsne.js';

export interface UserMap {
  method: 'pca' | 'tsne';
  /** Users drawn (stratified by segment) out of all clustered users. */
  points: number;
  x: number[];
  y: number[];
  segment: number[];
  /** PCA: share of variance of each axis. */
  explained?: number[];
}

export interface WinnerDetails {
  candidate: string;
  space: 'behavior';
  sizes: number[];
  noise: number;
  /** Silhouette in the behavior space on a stratified sample: per segment mean and sorted values (thinned to <= `perSegment`). */
  silhouette: {
    sample: number;
    mean: number;
    per_segment: { segment: number; size: number; mean: number; values: number[] }[];
  };
  maps: UserMap[];
  population: SegmentBehaviorProfile;
  profiles: SegmentBehaviorProfile[];
  tags: SegmentTag[];
  typical: TypicalSequence[][];
  /** Truth classes (rows) x segments (columns, then noise when present). */
  contingency?: { truth: number[]; segments: number[]; counts: number[][] };
  log_span: { first: number; last: number; first_iso: string; last_iso: string };
}

export interface WinnerDetailsInput {
  candidate: string;
  sequences: SequenceSet;
  history: SequenceSet;
  space: BehaviorSpace;
  labels: Int32Array;
  k: number;
  truth?: Int32Array;
  seed: number;
}

export const WINNER_DETAILS_LIMITS = {
  silhouetteSample: 2000,
  perSegment: 100,
  mapPoints: 2000,
  tsnePoints: 1000,
};

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Details of the winning labeling. O(events + sample^2 + tsnePoints^2 * iterations). */
export async function winnerDetails(
  input: WinnerDetailsInput,
  limits = WINNER_DETAILS_LIMITS,
): Promise<WinnerDetails> {
  const { labels, k, history } = input;
  const X = behaviorMatrix(input.space);
  const random = randomSource(seedFor(input.seed, 'winner-details'));
  const sizes = new Array<number>(k).fill(0);
  let noise = 0;
  for (const l of labels)
    if (l >= 0) sizes[l]++;
    else noise++;
  const silhouette = await silhouetteSection(X, labels, k, limits, random);
  const pca = principalComponents(X, Math.min(2, X.cols));
  const mapRows = stratifiedSample(labels, k, limits.mapPoints, random.fork());
  const maps: UserMap[] = [
    {
      method: 'pca',
      points: mapRows.length,
      x: Array.from(mapRows, (i) => round(pca.scores[i * 2])),
      y: Array.from(mapRows, (i) => round(pca.scores[i * 2 + 1] ?? 0)),
      segment: Array.from(mapRows, (i) => labels[i]),
      explained: pca.explained.map(round),
    },
  ];
  const tsneRows = stratifiedSample(labels, k, limits.tsnePoints, random.fork());
  if (tsneRows.length >= 5) {
    const Y = await tsne(selectRows(X, tsneRows), { random: random.fork() });
    maps.push({
      method: 'tsne',
      points: tsneRows.length,
      x: Array.from(tsneRows, (_, j) => round(Y[2 * j])),
      y: Array.from(tsneRows, (_, j) => round(Y[2 * j + 1])),
      segment: Array.from(tsneRows, (i) => labels[i]),
    });
  }
  const [population, ...profiles] = segmentProfiles(history, labels, k);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of input.sequences.ts) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  return {
    candidate: input.candidate,
    space: 'behavior',
    sizes,
    noise,
    silhouette,
    maps,
    population,
    profiles,
    tags: segmentTags(history, labels, k),
    typical: segmentMedoids(X, labels, k, history),
    ...(input.truth ? { contingency: truthContingency(input.truth, labels, k) } : {}),
    log_span: {
      first,
      last,
      first_iso: Number.isFinite(first) ? new Date(first * 1000).toISOString() : '',
      last_iso: Number.isFinite(last) ? new Date(last * 1000).toISOString() : '',
    },
  };
}

async function silhouetteSection(
  X: ReturnType<typeof behaviorMatrix>,
  labels: Int32Array,
  k: number,
  limits: typeof WINNER_DETAILS_LIMITS,
  random: ReturnType<typeof randomSource>,
): Promise<WinnerDetails['silhouette']> {
  const rows = stratifiedSample(labels, k, limits.silhouetteSample, random);
  const ls = Int32Array.from(rows, (i) => labels[i]);
  const empty = { sample: rows.length, mean: Number.NaN, per_segment: [] };
  if (k < 2 || rows.length < 2) return empty;
  const s = await silhouetteSamples(selectRows(X, rows), ls);
  const per: number[][] = Array.from({ length: k }, () => []);
  ls.forEach((l, j) => {
    if (!Number.isNaN(s[j])) per[l].push(s[j]);
  });
  let total = 0;
  let count = 0;
  const perSegment = per.map((values, segment) => {
    values.sort((a, b) => b - a);
    const sum = values.reduce((a, b) => a + b, 0);
    total += sum;
    count += values.length;
    const step = Math.max(1, values.length / limits.perSegment);
    const thinned: number[] = [];
    for (let q = 0; q < values.length; q += step) thinned.push(round(values[Math.floor(q)]));
    return {
      segment,
      size: values.length,
      mean: values.length > 0 ? sum / values.length : Number.NaN,
      values: thinned,
    };
  });
  return { sample: rows.length, mean: count > 0 ? total / count : Number.NaN, per_segment: perSegment };
}

function truthContingency(
  truth: Int32Array,
  labels: Int32Array,
  k: number,
): NonNullable<WinnerDetails['contingency']> {
  const classes = [...new Set(truth)].sort((a, b) => a - b);
  const hasNoise = labels.some((l) => l < 0);
  const segments = [...Array.from({ length: k }, (_, i) => i), ...(hasNoise ? [-1] : [])];
  const row = new Map(classes.map((c, i) => [c, i]));
  const col = new Map(segments.map((s, j) => [s, j]));
  const counts = classes.map(() => new Array<number>(segments.length).fill(0));
  truth.forEach((t, i) => {
    counts[row.get(t)!][col.get(labels[i] < 0 ? -1 : labels[i])!]++;
  });
  return { truth: classes, segments, counts };
}
