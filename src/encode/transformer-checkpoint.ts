import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { atomicWriteFileSync } from '../io/atomic-write.js';
import type { TransformerParams } from './transformer-params.js';

const FORMAT = 'segscope-transformer-checkpoint';
const VERSION = 1;
const META = 'checkpoint.json';

/** What a checkpoint restores besides the weights: finished epochs, losses, and a fingerprint. */
export interface CheckpointMeta {
  /** Epochs finished; training resumes at this epoch, whose random stream is `epochRandom(seed, epoch)`. */
  epoch: number;
  seed: number;
  /** Options that must match for a resume (shape, objective, data fingerprint). */
  fingerprint: Record<string, unknown>;
  losses: number[];
  items: readonly string[];
  categories: readonly string[];
  counts: number[];
}

interface StoredTensor {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  offset: number;
}

/**
 * Writes weights, Adam state (iteration count and both moments) and `meta` to `dir`: tensors go to
 * `weights-<epoch>.bin`, then `checkpoint.json` (naming that file) is renamed into place, so a crash
 * at any point leaves the previous checkpoint readable. Older weight files are removed afterwards.
 */
export async function saveCheckpoint(
  dir: string,
  params: TransformerParams,
  extra: readonly tf.Variable[],
  optimizer: tf.Optimizer,
  meta: CheckpointMeta,
): Promise<void> {
  const named: { name: string; tensor: tf.Tensor }[] = [];
  for (let i = 0; i < params.list.length; i++)
    named.push({ name: `param/${params.names[i]}`, tensor: params.list[i] });
  for (let i = 0; i < extra.length; i++) named.push({ name: `extra/${i}`, tensor: extra[i] });
  const state = await optimizer.getWeights();
  for (let i = 0; i < state.length; i++)
    named.push({ name: i === 0 ? 'optimizer/iterations' : `optimizer/${i}`, tensor: state[i].tensor });
  const tensors: StoredTensor[] = [];
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const { name, tensor } of named) {
    const values = await tensor.data();
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
    tensors.push({
      name,
      shape: tensor.shape,
      dtype: tensor.dtype === 'int32' ? 'int32' : 'float32',
      offset,
    });
    chunks.push(bytes);
    offset += bytes.byteLength;
  }
  state[0]?.tensor.dispose();
  const weightsFile = `weights-${meta.epoch}.bin`;
  atomicWriteFileSync(join(dir, weightsFile), Buffer.concat(chunks));
  atomicWriteFileSync(
    join(dir, META),
    JSON.stringify({ format: FORMAT, version: VERSION, weightsFile, tensors, ...meta }),
  );
  for (const f of readdirSync(dir))
    if (/^weights-\d+\.bin$/.test(f) && f !== weightsFile) rmSync(join(dir, f), { force: true });
}

/** The checkpoint in `dir`, or undefined when there is none. @throws Error on a malformed one. */
export function readCheckpointMeta(
  dir: string,
): (CheckpointMeta & { weightsFile: string; tensors: StoredTensor[] }) | undefined {
  const path = join(dir, META);
  if (!existsSync(path)) return undefined;
  const meta = JSON.parse(readFileSync(path, 'utf8'));
  if (meta.format !== FORMAT || meta.version !== VERSION)
    throw new Error(`transformer checkpoint ${path}: not a ${FORMAT} v${VERSION} file`);
  return meta;
}

/**
 * Loads weights, extra variables and Adam state from the checkpoint in `dir` into existing
 * variables. @throws Error if a stored tensor is missing or has another shape.
 */
export async function restoreCheckpoint(
  dir: string,
  params: TransformerParams,
  extra: readonly tf.Variable[],
  optimizer: tf.Optimizer,
): Promise<CheckpointMeta> {
  const meta = readCheckpointMeta(dir);
  if (meta === undefined) throw new Error(`transformer checkpoint: none in ${dir}`);
  const buffer = readFileSync(join(dir, meta.weightsFile));
  const byName = new Map(meta.tensors.map((t) => [t.name, t]));
  const read = (name: string): tf.Tensor => {
    const t = byName.get(name);
    if (t === undefined) throw new Error(`transformer checkpoint ${dir}: tensor ${name} missing`);
    const size = t.shape.reduce((a, b) => a * b, 1);
    const bytes = buffer.subarray(t.offset, t.offset + size * 4);
    const copy = new Uint8Array(bytes).buffer;
    return tf.tensor(t.dtype === 'int32' ? new Int32Array(copy) : new Float32Array(copy), t.shape, t.dtype);
  };
  const assign = (v: tf.Variable, name: string): void => {
    const t = read(name);
    if (t.shape.join() !== v.shape.join())
      throw new Error(`transformer checkpoint ${dir}: ${name} has shape [${t.shape}], expected [${v.shape}]`);
    v.assign(t);
    t.dispose();
  };
  for (let i = 0; i < params.list.length; i++) assign(params.list[i], `param/${params.names[i]}`);
  for (let i = 0; i < extra.length; i++) assign(extra[i], `extra/${i}`);
  const moments = meta.tensors.filter((t) => /^optimizer\/\d+$/.test(t.name));
  if (moments.length > 0) {
    const values = [{ name: 'iter', tensor: read('optimizer/iterations') }];
    for (const m of moments) values.push({ name: m.name, tensor: read(m.name) });
    await optimizer.setWeights(values);
    for (const v of values) v.tensor.dispose();
  }
  return meta;
}
