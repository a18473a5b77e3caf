/** Something that turns texts into fixed-size vectors: a local model or an embeddings endpoint. */
export interface SentenceEmbedder {
  /** Identifies the model in caches and results (folder or endpoint + model name). */
  readonly id: string;
  /** One vector per text, in order, all of one length. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Scale `v` to unit l2 norm in place (a zero vector stays zero). */
export function normalizeInPlace(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < v.length; i++) v[i] *= inv;
  }
  return v;
}
