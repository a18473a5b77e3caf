/**
 * A small seeded k-means (k-means++ seeding, Lloyd iterations, best of `restarts` by WCSS) used
 * only to drive the stability tests; segscope's real clusterers live in src/cluster/.
 */
import type { Clusterer } from '../../src/cluster/clusterer.js';
import type { Labels } from '../../src/util/labels.js';
import type { Matrix } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';

export class TestKMeans implements Clusterer {
  readonly name = 'test-kmeans';
  readonly params: Readonly<Record<string, unknown>>;
  centroids = new Float64Array(0);
  private fitted: Labels | undefined;

  constructor(
    readonly k: number,
    readonly seed: number,
    readonly restarts = 10,
  ) {
    this.params = { k, seed, restarts };
  }

  get labels(): Labels {
    if (this.fitted === undefined) throw new Error('TestKMeans: fit first');
    return this.fitted;
  }

  async fit(X: Matrix): Promise<this> {
    const random = randomSource(this.seed);
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < this.restarts; r++) {
      const run = lloyd(X, this.k, random.fork());
      if (run.cost < best) {
        best = run.cost;
        this.fitted = run.labels;
        this.centroids = run.centroids;
      }
    }
    return this;
  }

  async predict(X: Matrix): Promise<Labels> {
    return assign(X, this.centroids, this.k).labels;
  }
}

function lloyd(X: Matrix, k: number, random: ReturnType<typeof randomSource>) {
  const { rows: n, cols: d } = X;
  const centroids = new Float64Array(k * d);
  const first = random.int(n);
  for (let j = 0; j < d; j++) centroids[j] = X.data[first * d + j];
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (X.data[i * d + j] - centroids[(c - 1) * d + j]) ** 2;
      dist[i] = Math.min(dist[i], s);
      total += dist[i];
    }
    let u = random.uniform() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      u -= dist[i];
      if (u < 0) {
        pick = i;
        break;
      }
    }
    for (let j = 0; j < d; j++) centroids[c * d + j] = X.data[pick * d + j];
  }
  let result = assign(X, centroids, k);
  for (let iter = 0; iter < 100; iter++) {
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      counts[result.labels[i]]++;
      for (let j = 0; j < d; j++) sums[result.labels[i] * d + j] += X.data[i * d + j];
    }
    for (let c = 0; c < k; c++)
      if (counts[c] > 0) for (let j = 0; j < d; j++) centroids[c * d + j] = sums[c * d + j] / counts[c];
    const next = assign(X, centroids, k);
    const same = next.labels.every((l, i) => l === result.labels[i]);
    result = next;
    if (same) break;
  }
  return { ...result, centroids };
}

function assign(X: Matrix, centroids: Float64Array, k: number): { labels: Labels; cost: number } {
  const { rows: n, cols: d } = X;
  const labels = new Int32Array(n);
  let cost = 0;
  for (let i = 0; i < n; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (X.data[i * d + j] - centroids[c * d + j]) ** 2;
      if (s < best) {
        best = s;
        labels[i] = c;
      }
    }
    cost += best;
  }
  return { labels, cost };
}
