/**
 * Worker-thread entry for item2vec: trains one shard on weights shared through SharedArrayBuffer
 * (Hogwild). Loaded by item2vec.ts as `new URL('./item2vec-worker.js', import.meta.url)`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type SgnsArrays, type SgnsSettings, type SgnsShard, trainSgnsShard } from './sgns-core.js';

const { arrays, settings, shard } = workerData as { arrays: SgnsArrays; settings: SgnsSettings; shard: SgnsShard };
const pairs = trainSgnsShard(arrays, settings, shard, (epoch) => parentPort?.postMessage({ epoch }));
parentPort?.postMessage({ pairs });
