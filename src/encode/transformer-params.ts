import * as tf from '@tensorflow/tfjs-core';
import type { Random } from '../util/random.js';
import { BEHAVIOR_TOKENS, GAP_BUCKETS } from './transformer-vocab.js';

/** Sizes that fix the shapes of a transformer's weights. */
export interface TransformerShape {
  tokens: number;
  categories: number;
  maxLen: number;
  dim: number;
  heads: number;
  layers: number;
  ffnDim: number;
}

/**
 * The weights, in a fixed order (checkpoints store them in this order). All are trainable
 * tf.Variables with names unique to this instance, since tfjs requires globally unique names.
 */
export interface TransformerParams {
  readonly shape: TransformerShape;
  readonly list: readonly tf.Variable[];
  readonly names: readonly string[];
  readonly get: (name: string) => tf.Variable;
}

let instances = 0;

const POSITION_SCALE = 0.1;

/** Sinusoidal position code: sin(p / 10000^(2i/d)) on even columns, cos on odd. */
export function sinusoid(position: number, column: number, dim: number): number {
  const angle = position / 10000 ** ((2 * Math.floor(column / 2)) / dim);
  return column % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
}

/**
 * Seeded initial weights: embeddings N(0, 0.05^2) except the padding rows (zero), linear layers
 * Glorot-normal (Glorot & Bengio 2010), layer norms gain 1 bias 0, biases 0. Values are drawn
 * in JS from `random`, so the same seed gives the same weights on any backend.
 */
export function initTransformerParams(shape: TransformerShape, random: Random): TransformerParams {
  const { tokens, categories, maxLen, dim, heads, layers, ffnDim } = shape;
  if (dim % heads !== 0)
    throw new RangeError(`transformer: dim (${dim}) must be a multiple of heads (${heads})`);
  const prefix = `segscope_transformer_${instances++}`;
  const names: string[] = [];
  const list: tf.Variable[] = [];
  const byName = new Map<string, tf.Variable>();
  const add = (name: string, dims: number[], init: (i: number) => number): void => {
    const size = dims.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    for (let i = 0; i < size; i++) values[i] = init(i);
    const v = tf.variable(tf.tensor(values, dims), true, `${prefix}/${name}`);
    names.push(name);
    list.push(v);
    byName.set(name, v);
  };
  const embedding = (name: string, rows: number): void =>
    add(name, [rows, dim], (i) => (i < dim ? 0 : 0.05 * random.normal()));
  const glorot = (name: string, fanIn: number, fanOut: number): void => {
    const std = Math.sqrt(2 / (fanIn + fanOut));
    add(name, [fanIn, fanOut], () => std * random.normal());
  };
  const constant = (name: string, size: number, value: number): void => add(name, [size], () => value);
  embedding('item', tokens);
  embedding('behavior', BEHAVIOR_TOKENS);
  embedding('category', categories);
  // Learned positions start from sinusoids (Vaswani et al. 2017), which make attention to relative
  // offsets (the previous event) linear in the weights and so quick to learn.
  add('position', [maxLen, dim], (i) => POSITION_SCALE * sinusoid(Math.floor(i / dim), i % dim, dim));
  embedding('gap', GAP_BUCKETS);
  for (let l = 0; l < layers; l++) {
    constant(`l${l}/ln1/gain`, dim, 1);
    constant(`l${l}/ln1/bias`, dim, 0);
    glorot(`l${l}/qkv/w`, dim, 3 * dim);
    constant(`l${l}/qkv/b`, 3 * dim, 0);
    glorot(`l${l}/out/w`, dim, dim);
    constant(`l${l}/out/b`, dim, 0);
    constant(`l${l}/ln2/gain`, dim, 1);
    constant(`l${l}/ln2/bias`, dim, 0);
    glorot(`l${l}/ffn1/w`, dim, ffnDim);
    constant(`l${l}/ffn1/b`, ffnDim, 0);
    glorot(`l${l}/ffn2/w`, ffnDim, dim);
    constant(`l${l}/ffn2/b`, dim, 0);
  }
  constant('final/gain', dim, 1);
  constant('final/bias', dim, 0);
  constant('output/bias', tokens, 0);
  constant('output/categoryBias', categories, 0);
  const get = (name: string): tf.Variable => {
    const v = byName.get(name);
    if (v === undefined) throw new Error(`transformer: no weight named ${name}`);
    return v;
  };
  return { shape, list, names, get };
}

/** Free the weights' memory. */
export function disposeTransformerParams(params: TransformerParams): void {
  for (const v of params.list) v.dispose();
}
