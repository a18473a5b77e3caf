/**
 * onnxruntime-node sessions for the kernel graphs: one InferenceSession per graph kind, created on
 * first use and cached. Tensors wrap the caller's Float32Array views; nothing is copied on the way in,
 * and outputs can be written straight into caller-owned arrays (preallocated fetches).
 */
import ort from 'onnxruntime-node';
import { onnxKernelOptions } from './options.js';

const sessions = new Map<string, Promise<ort.InferenceSession>>();

function session(kind: string, build: () => Uint8Array, threads: number): Promise<ort.InferenceSession> {
  const key = `${kind}:${threads}`;
  let s = sessions.get(key);
  if (s === undefined) {
    s = ort.InferenceSession.create(build(), {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      // Idle pool threads sleep instead of spinning: on a shared machine spinning doubled the CPU time.
      extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
    });
    sessions.set(key, s);
    // A failed build is not cached: the next call tries again and reports its own error.
    s.catch(() => sessions.delete(key));
  }
  return s;
}

export type Feeds = Record<string, ort.Tensor>;
export type Fetches = Record<string, ort.Tensor | null>;

/**
 * Run the graph `kind` (built by `build` the first time) on `feeds`, with `threads` intra-op threads
 * (default: the configured count; 1 where the caller runs several graphs side by side on workers).
 */
export async function runGraph(
  kind: string,
  build: () => Uint8Array,
  feeds: Feeds,
  fetches?: Fetches,
  threads = onnxKernelOptions().threads,
): Promise<Record<string, ort.Tensor>> {
  const s = await session(kind, build, threads);
  return fetches === undefined ? s.run(feeds) : s.run(feeds, fetches);
}

/** A float32 tensor over `data` (no copy). */
export const f32 = (data: Float32Array, dims: readonly number[]): ort.Tensor =>
  new ort.Tensor('float32', data, dims);
/** An int32 tensor over `data` (no copy). */
export const i32 = (data: Int32Array, dims: readonly number[]): ort.Tensor =>
  new ort.Tensor('int32', data, dims);
/** A one-element int64 tensor. */
export const i64 = (value: number): ort.Tensor =>
  new ort.Tensor('int64', BigInt64Array.of(BigInt(value)), [1]);
