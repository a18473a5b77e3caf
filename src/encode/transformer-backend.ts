import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerTfjsGradients } from './transformer-gradients.js';
import { registerRowKernels } from './transformer-kernels.js';

/** Where transformer tensors run: `auto` tries WASM (SIMD, XNNPACK) and falls back to plain JS. */
export type TensorBackend = 'auto' | 'wasm' | 'cpu';

let wasmPathsSet = false;
let wasmFailed: unknown;

/**
 * Makes `backend` the active TensorFlow.js backend and resolves to the one that runs.
 * WASM is the default because its 2-D MatMul (XNNPACK) ran 23x faster than the CPU backend here
 * (14.3 vs 0.63 GFLOP/s on 12800x64x192). The .wasm binary is read from node_modules, never fetched.
 * Threads: tfjs-backend-wasm 4.22 disables its threaded build under Node (tfjs issue 3830), so it
 * runs on one thread.
 * @throws Error if `backend` is `wasm` and the WASM backend cannot start.
 */
export async function useTensorBackend(backend: TensorBackend): Promise<'wasm' | 'cpu'> {
  tf.env().set('PROD', true);
  await registerTfjsGradients();
  registerRowKernels();
  if (backend !== 'cpu' && wasmFailed === undefined) {
    if (!wasmPathsSet) {
      const require = createRequire(import.meta.url);
      const binary = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
      setWasmPaths(`${dirname(binary)}/`);
      wasmPathsSet = true;
    }
    try {
      if (!(await tf.setBackend('wasm'))) throw new Error('tf.setBackend("wasm") returned false');
      await tf.ready();
      return 'wasm';
    } catch (error) {
      wasmFailed = error;
    }
  }
  if (backend === 'wasm')
    throw new Error(`useTensorBackend: the WASM backend failed to start: ${String(wasmFailed)}`);
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}
