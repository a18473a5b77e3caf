import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';

/**
 * Row gather and row scatter-add kernels for the embedding tables, in plain loops over typed
 * arrays. Why not tfjs's own: the WASM backend's GatherV2 took ~25 ms for 6,400 rows of 64 here
 * (a plain loop: under 4 ms), it has no UnsortedSegmentSum at all (so tfjs's gather gradient throws
 * there), and the CPU backend's UnsortedSegmentSum is O(segments x rows) (one masked sum per
 * segment), which dominated CPU training.
 */

/** out[r, :] = table[indices[r], :]; indices outside [0, rows) give zero rows. O(n * width). */
export function gatherRowsReference(
  table: Float32Array,
  width: number,
  indices: Int32Array,
  out: Float32Array,
): void {
  const rows = width === 0 ? 0 : table.length / width;
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    if (i < 0 || i >= rows) out.fill(0, r * width, (r + 1) * width);
    else out.set(table.subarray(i * width, (i + 1) * width), r * width);
  }
}

/**
 * out[s, :] = sum of values[r, :] over r with indices[r] = s (TensorFlow's UnsortedSegmentSum);
 * indices outside [0, numRows) are dropped, as TensorFlow does. O(n * width).
 */
export function scatterAddRowsReference(
  values: Float32Array,
  width: number,
  indices: Int32Array,
  numRows: number,
  out: Float32Array,
): void {
  out.fill(0);
  for (let r = 0; r < indices.length; r++) {
    const s = indices[r];
    if (s < 0 || s >= numRows) continue;
    const src = r * width;
    const dst = s * width;
    for (let j = 0; j < width; j++) out[dst + j] += values[src + j];
  }
}

export const GATHER_ROWS = 'SegscopeGatherRows';
export const SCATTER_ADD_ROWS = 'SegscopeScatterAddRows';

/** Reading inputs and allocating outputs, per backend: WASM heap views, or CPU value arrays. */
interface KernelIo {
  read(info: TensorInfo): Float32Array | Int32Array;
  output(shape: number[], fill: (out: Float32Array) => void): TensorInfo;
}

function kernelIo(backendName: 'wasm' | 'cpu', backend: unknown): KernelIo {
  if (backendName === 'wasm') {
    const wasm = backend as {
      makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
      typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array;
    };
    let pending: TensorInfo[] = [];
    return {
      read: (info) => wasm.typedArrayFromHeap(info),
      output(shape, fill) {
        const out = wasm.makeOutput(shape, 'float32');
        pending = [out];
        // Views are taken after makeOutput: allocation may grow (and detach) the WASM heap.
        fill(wasm.typedArrayFromHeap(pending[0]) as Float32Array);
        return out;
      },
    };
  }
  const cpu = backend as {
    data: { get(id: unknown): { values: Float32Array | Int32Array } };
    makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
  };
  return {
    read: (info) => cpu.data.get(info.dataId).values,
    output(shape, fill) {
      const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
      fill(values);
      return cpu.makeTensorInfo(shape, 'float32', values);
    },
  };
}

let registered = false;

/**
 * Registers the two row kernels on the WASM and CPU backends, the gradient of GATHER_ROWS
 * (a scatter-add, as tfjs's own gather gradient), and a WASM UnsortedSegmentSum built on the same
 * loop so tfjs's built-in gather gradient works there too. Idempotent.
 */
export function registerRowKernels(): void {
  if (registered) return;
  registered = true;
  for (const backendName of ['wasm', 'cpu'] as const) {
    const gather: KernelConfig = {
      kernelName: GATHER_ROWS,
      backendName,
      kernelFunc: ({ inputs, backend }) => {
        const { x, indices } = inputs as { x: TensorInfo; indices: TensorInfo };
        const io = kernelIo(backendName, backend);
        const width = x.shape[1];
        return io.output([indices.shape[0], width], (out) =>
          gatherRowsReference(io.read(x) as Float32Array, width, io.read(indices) as Int32Array, out),
        );
      },
    };
    const scatter: KernelConfig = {
      kernelName: SCATTER_ADD_ROWS,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) => {
        const { x, indices } = inputs as { x: TensorInfo; indices: TensorInfo };
        const numRows = (attrs as { numRows: number }).numRows;
        const io = kernelIo(backendName, backend);
        const width = x.shape[1];
        return io.output([numRows, width], (out) =>
          scatterAddRowsReference(
            io.read(x) as Float32Array,
            width,
            io.read(indices) as Int32Array,
            numRows,
            out,
          ),
        );
      },
    };
    tf.registerKernel(gather);
    tf.registerKernel(scatter);
  }
  tf.registerKernel({
    kernelName: tf.UnsortedSegmentSum,
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
      const numSegments = (attrs as { numSegments: number }).numSegments;
      const io = kernelIo('wasm', backend);
      const width = x.shape.slice(1).reduce((a, b) => a * b, 1);
      return io.output([numSegments, ...x.shape.slice(1)], (out) =>
        scatterAddRowsReference(
          io.read(x) as Float32Array,
          width,
          io.read(segmentIds) as Int32Array,
          numSegments,
          out,
        ),
      );
    },
  });
  tf.registerGradient({
    kernelName: GATHER_ROWS,
    inputsToSave: ['x', 'indices'],
    gradFunc: (dy, saved) => {
      const [x, indices] = saved;
      return {
        x: () => scatterAddRows(dy as tf.Tensor2D, indices as tf.Tensor1D, x.shape[0]),
        indices: () => tf.zerosLike(indices),
      };
    },
  });
}

/** table[indices, :] for a 2-D float table and int32 indices. */
export function gatherRows(table: tf.Tensor2D, indices: tf.Tensor1D): tf.Tensor2D {
  return tf.engine().runKernel(GATHER_ROWS, { x: table, indices }, {}) as tf.Tensor2D;
}

/** A [numRows, width] tensor whose row s sums the rows of `values` with index s. */
export function scatterAddRows(values: tf.Tensor2D, indices: tf.Tensor1D, numRows: number): tf.Tensor2D {
  return tf.engine().runKernel(SCATTER_ADD_ROWS, { x: values, indices }, { numRows }) as tf.Tensor2D;
}
