/**
 * Per-row lists of the k best candidates so far, ascending by (distance, index): the merge step of
 * the tiled kNN. Tiles may arrive in any order; the lexicographic merge gives the same lists as one
 * sort of all candidates with ties broken by lower index (the reference's order).
 */
export class NeighborLists {
  readonly distances: Float32Array;
  readonly indices: Int32Array;
  private readonly count: Int32Array;
  private readonly mergedD: Float32Array;
  private readonly mergedI: Int32Array;

  constructor(
    rows: number,
    private readonly k: number,
  ) {
    this.distances = new Float32Array(rows * k);
    this.indices = new Int32Array(rows * k);
    this.count = new Int32Array(rows);
    this.mergedD = new Float32Array(k);
    this.mergedI = new Int32Array(k);
  }

  /**
   * Merge into `row` the `n` candidates values[at + t * stride] with indices base + cols[at + t * stride],
   * t = 0..n-1, ascending by (value, index) as TopK returns them; +inf candidates (masked) are skipped.
   */
  merge(
    row: number,
    values: Float32Array,
    cols: Int32Array,
    at: number,
    stride: number,
    n: number,
    base: number,
  ): void {
    const { k, distances, indices, mergedD, mergedI } = this;
    const o = row * k;
    const kept = this.count[row];
    let a = 0;
    let b = 0;
    let m = 0;
    while (m < k) {
      const bv = b < n ? values[at + b * stride] : Number.POSITIVE_INFINITY;
      const bi = b < n ? base + cols[at + b * stride] : 0;
      const takeKept =
        a < kept && (distances[o + a] < bv || (distances[o + a] === bv && indices[o + a] < bi));
      if (takeKept) {
        mergedD[m] = distances[o + a];
        mergedI[m++] = indices[o + a++];
      } else if (bv !== Number.POSITIVE_INFINITY) {
        mergedD[m] = bv;
        mergedI[m++] = bi;
        b++;
      } else break;
    }
    distances.set(mergedD.subarray(0, m), o);
    indices.set(mergedI.subarray(0, m), o);
    this.count[row] = m;
  }
}
