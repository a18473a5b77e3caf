/**
 * The block layout of the cluster-sums kernel: points ordered by label (noise last), cut into
 * blocks of at most `side` points that each hold one label ('pure') where clusters are large, several
 * small clusters ('mixed', a contiguous range of labels), or noise only ('noise', whose columns add
 * to no cluster).
 */
import type { Labels } from '../../util/labels.js';

export interface ClusterBlock {
  /** First position in label order. */
  readonly start: number;
  readonly size: number;
  readonly kind: 'pure' | 'mixed' | 'noise';
  /** The block's label when pure, its first (smallest) label when mixed, -1 for noise. */
  readonly label: number;
  /** Labels label .. label + labelCount - 1 cover the block (1 when pure, 0 for noise). */
  readonly labelCount: number;
}

/** Point indices ordered by label 0..k-1, noise (-1) last, stable within a label. O(n + k). */
export function labelOrder(labels: Labels, k: number): Int32Array {
  const starts = new Int32Array(k + 2);
  for (const c of labels) starts[(c < 0 ? k : c) + 1]++;
  for (let c = 0; c <= k; c++) starts[c + 1] += starts[c];
  const order = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) order[starts[labels[i] < 0 ? k : labels[i]]++] = i;
  return order;
}

/**
 * Blocks over `sorted` (labels in label order). A run of one label at least `minPure` long is split
 * into near-equal pure blocks of at most `side`; consecutive shorter runs share mixed blocks.
 */
export function clusterBlocks(sorted: Labels, side: number, minPure: number): ClusterBlock[] {
  const blocks: ClusterBlock[] = [];
  const n = sorted.length;
  let mixedStart = -1;
  const closeMixed = (end: number) => {
    if (mixedStart >= 0) {
      const label = sorted[mixedStart];
      blocks.push({
        start: mixedStart,
        size: end - mixedStart,
        kind: 'mixed',
        label,
        labelCount: sorted[end - 1] - label + 1,
      });
    }
    mixedStart = -1;
  };
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && sorted[j] === sorted[i]) j++;
    const length = j - i;
    if (sorted[i] < 0 || length >= minPure) {
      closeMixed(i);
      const parts = Math.ceil(length / side);
      for (let p = 0; p < parts; p++) {
        const start = i + Math.floor((p * length) / parts);
        const end = i + Math.floor(((p + 1) * length) / parts);
        const noise = sorted[i] < 0;
        blocks.push({
          start,
          size: end - start,
          kind: noise ? 'noise' : 'pure',
          label: sorted[i],
          labelCount: noise ? 0 : 1,
        });
      }
    } else {
      if (mixedStart >= 0 && j - mixedStart > side) closeMixed(i);
      if (mixedStart < 0) mixedStart = i;
    }
    i = j;
  }
  closeMixed(n);
  return blocks;
}
