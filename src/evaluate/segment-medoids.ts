/**
 * Typical sequences: per segment, the users closest (Euclidean) to the segment's mean in the dense
 * behavior matrix, with their first events as `category:behavior` tokens. O(n d).
 */
import { BEHAVIORS, type SequenceSet } from '../data/sequence-set.js';
import type { Matrix } from '../util/matrix.js';

export interface TypicalSequence {
  user: string;
  distance: number;
  events: number;
  tokens: string[];
}

/** Up to `count` typical users per segment 0..k-1, nearest first (ties: lower row). */
export function segmentMedoids(
  X: Matrix,
  labels: Int32Array,
  k: number,
  seqs: SequenceSet,
  count = 3,
  tokens = 12,
): TypicalSequence[][] {
  if (labels.length !== X.rows)
    throw new RangeError(`segmentMedoids: labels.length (${labels.length}) != rows (${X.rows})`);
  const d = X.cols;
  const centers = new Float64Array(k * d);
  const sizes = new Float64Array(k);
  for (let i = 0; i < X.rows; i++) {
    const l = labels[i];
    if (l < 0) continue;
    sizes[l]++;
    for (let j = 0; j < d; j++) centers[l * d + j] += X.data[i * d + j];
  }
  for (let l = 0; l < k; l++) for (let j = 0; j < d; j++) centers[l * d + j] /= Math.max(1, sizes[l]);
  const near: { row: number; dist: number }[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < X.rows; i++) {
    const l = labels[i];
    if (l < 0) continue;
    let s = 0;
    for (let j = 0; j < d; j++) s += (X.data[i * d + j] - centers[l * d + j]) ** 2;
    near[l].push({ row: i, dist: Math.sqrt(s) });
  }
  const cats = seqs.categories ?? seqs.items;
  const vocab = seqs.categories && seqs.categoryVocab ? seqs.categoryVocab : seqs.itemVocab;
  return near.map((list) =>
    list
      .sort((a, b) => a.dist - b.dist || a.row - b.row)
      .slice(0, count)
      .map(({ row, dist }) => {
        const start = seqs.offsets[row];
        const end = seqs.offsets[row + 1];
        const out: string[] = [];
        for (let e = start; e < Math.min(end, start + tokens); e++)
          out.push(`${cats[e] >= 0 ? (vocab[cats[e]] ?? cats[e]) : '?'}:${BEHAVIORS[seqs.behaviors[e]]}`);
        return { user: seqs.users[row], distance: dist, events: end - start, tokens: out };
      }),
  );
}
