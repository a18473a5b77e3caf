/** segscope library entry: the only barrel. Each stage's public pieces are re-exported here. */
export * from './cluster/clusterer.js';
export * from './data/sequence-set.js';
export * from './encode/encoder.js';
export * from './io/atomic-write.js';
export * from './io/npy.js';
export * from './kernels/distance-metric.js';
export * from './kernels/kernels.js';
export * from './kernels/neighborhoods.js';
export * from './kernels/onnx/options.js';
export * from './util/errors.js';
export * from './util/labels.js';
export * from './util/matrix.js';
export * from './util/progress.js';
export * from './util/random.js';
export * from './util/version.js';
