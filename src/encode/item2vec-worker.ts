/**
 * Worker-thread entry for item2vec: trains one shard on weights shared through SharedArrayBuffer
 * (Hogwild). Loaded by item2vec.ts as `new URL('./item2vec-worker.js', import.meta.url)`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Item2VecWorkerData } from './item2vec.js';
import { trainSgnsShard } from './sgns-core.js';
import { sgnsKernelContext } from './sgns-wasm.js';

const { arrays, settings, shard, wasm } = workerData as Item2VecWorkerData;
const kernel =
  wasm === undefined ? undefined : sgnsKernelContext(wasm.module, wasm.memory, wasm.layout, shard.index);
const pairs = trainSgnsShard(arrays, settings, shard, (epoch) => parentPort?.postMessage({ epoch }), kernel);
parentPort?.postMessage({ pairs });
