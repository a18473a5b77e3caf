/**
 * Plain-JS forward pass of the transformer in src/encode/transformer-model.ts, written from the
 * formulas (pre-LN block: x += Wo·MHA(LN1 x); x += W2·relu(W1·LN2 x); out = LN x), with loops
 * only. Tests compare the tfjs model against it.
 */
export interface ReferenceWeights {
  [name: string]: { shape: number[]; values: Float32Array };
}

function layerNorm(x: number[], gain: Float32Array, bias: Float32Array): number[] {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + 1e-5)) * gain[i] + bias[i]);
}

function affine(x: number[], w: { shape: number[]; values: Float32Array }, b: Float32Array): number[] {
  const [k, m] = w.shape;
  const out = Array.from(b);
  for (let j = 0; j < m; j++) for (let i = 0; i < k; i++) out[j] += x[i] * w.values[i * m + j];
  return out;
}

function row(t: { shape: number[]; values: Float32Array }, r: number): number[] {
  const d = t.shape[1];
  return Array.from(t.values.subarray(r * d, (r + 1) * d));
}

/** Hidden states [B*L][D] for token arrays laid out as in TokenBatch. */
export function referenceHidden(
  w: ReferenceWeights,
  batch: {
    size: number;
    maxLen: number;
    items: Int32Array;
    behaviors: Int32Array;
    categories: Int32Array;
    gaps: Int32Array;
    lengths: Int32Array;
  },
  dims: { dim: number; heads: number; layers: number },
  causal: boolean,
): number[][] {
  const { dim, heads, layers } = dims;
  const L = batch.maxLen;
  const dh = dim / heads;
  const out: number[][] = [];
  for (let b = 0; b < batch.size; b++) {
    const len = Math.max(1, batch.lengths[b]);
    let x: number[][] = [];
    for (let p = 0; p < L; p++) {
      const at = b * L + p;
      const parts = [
        row(w.item, batch.items[at]),
        row(w.behavior, batch.behaviors[at]),
        row(w.category, batch.categories[at]),
        row(w.gap, batch.gaps[at]),
        row(w.position, p),
      ];
      x.push(parts.reduce((acc, v) => acc.map((a, i) => a + v[i])));
    }
    for (let l = 0; l < layers; l++) {
      const g = (n: string) => w[`l${l}/${n}`];
      const h = x.map((v) => layerNorm(v, g('ln1/gain').values, g('ln1/bias').values));
      const qkv = h.map((v) => affine(v, g('qkv/w'), g('qkv/b').values));
      const context = x.map(() => new Array<number>(dim).fill(0));
      for (let head = 0; head < heads; head++) {
        for (let i = 0; i < L; i++) {
          const scores: number[] = [];
          for (let j = 0; j < L; j++) {
            let s = 0;
            for (let d = 0; d < dh; d++) s += qkv[i][head * dh + d] * qkv[j][dim + head * dh + d];
            s /= Math.sqrt(dh);
            const blocked = j >= len || (causal && j > i && i < len);
            scores.push(blocked ? Number.NEGATIVE_INFINITY : s);
          }
          const max = Math.max(...scores);
          const e = scores.map((s) => (s === Number.NEGATIVE_INFINITY ? 0 : Math.exp(s - max)));
          const z = e.reduce((a, v) => a + v, 0);
          for (let j = 0; j < L; j++)
            for (let d = 0; d < dh; d++)
              context[i][head * dh + d] += (e[j] / z) * qkv[j][2 * dim + head * dh + d];
        }
      }
      x = x.map((v, i) => affine(context[i], g('out/w'), g('out/b').values).map((a, k) => a + v[k]));
      const h2 = x.map((v) => layerNorm(v, g('ln2/gain').values, g('ln2/bias').values));
      x = x.map((v, i) => {
        const f = affine(h2[i], g('ffn1/w'), g('ffn1/b').values).map((a) => Math.max(0, a));
        return affine(f, g('ffn2/w'), g('ffn2/b').values).map((a, k) => a + v[k]);
      });
    }
    for (const v of x) out.push(layerNorm(v, w['final/gain'].values, w['final/bias'].values));
  }
  return out;
}
