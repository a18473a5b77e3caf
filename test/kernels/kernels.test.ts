import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  clusterDistanceSums,
  distanceBlocks,
  distances,
  kernelBackend,
  kNearest,
  nearestRows,
  radiusNeighbors,
  setKernelBackend,
  squaredDistances,
} from '../../src/kernels/kernels.js';
import { matrixFromRows } from '../../src/util/matrix.js';
import { normalMatrix } from './test-matrices.js';

const kernelsModule = fileURLToPath(new URL('../../src/kernels/kernels.js', import.meta.url));

function backendNameWith(env: Record<string, string>): string {
  const script = `import(${JSON.stringify(kernelsModule)}).then(async (m) => console.log((await m.kernelBackend()).name)).catch((e) => { console.log('error: ' + e.message); });`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  }).trim();
}

test('kernelBackend() is onnx by default here, and SEGSCOPE_KERNELS=reference|onnx overrides it', () => {
  assert.equal(backendNameWith({ SEGSCOPE_KERNELS: '' }), 'onnx');
  assert.equal(backendNameWith({ SEGSCOPE_KERNELS: 'reference' }), 'reference');
  assert.equal(backendNameWith({ SEGSCOPE_KERNELS: 'onnx' }), 'onnx');
  assert.match(
    backendNameWith({ SEGSCOPE_KERNELS: 'wasm' }),
    /SEGSCOPE_KERNELS \(wasm\) must be reference or onnx/,
  );
});

test('SEGSCOPE_KERNEL_THREADS=1 runs; a bad value fails the first onnx kernel call, not the import', () => {
  const script = `import(${JSON.stringify(kernelsModule)}).then(async (m) => {
    const X = { rows: 2, cols: 1, data: Float32Array.of(0, 3) };
    console.log(Array.from(await m.squaredDistances(X, X)).join(','));
  }).catch((e) => console.log('error: ' + e.message));`;
  const run = (threads: string) =>
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, SEGSCOPE_KERNELS: 'onnx', SEGSCOPE_KERNEL_THREADS: threads },
      encoding: 'utf8',
    }).trim();
  assert.equal(run('1'), '0,9,9,0');
  assert.match(run('two'), /SEGSCOPE_KERNEL_THREADS \(two\) must be a positive integer/);
});

test('setKernelBackend(name) switches every entry point; both backends give the same nearestRows', async () => {
  const X = normalMatrix(30, 4, 80);
  const C = normalMatrix(5, 4, 81);
  const before = await kernelBackend();
  try {
    assert.equal((await setKernelBackend('reference')).name, 'reference');
    const ref = await nearestRows(X, C);
    assert.equal((await setKernelBackend('onnx')).name, 'onnx');
    const fast = await nearestRows(X, C);
    assert.deepEqual(Array.from(fast.index), Array.from(ref.index));
  } finally {
    await setKernelBackend(before);
  }
});

test('kernel entry points reject bad arguments with the function and parameter named', async () => {
  const A = matrixFromRows([
    [0, 1],
    [1, 0],
    [2, 2],
  ]);
  const B = matrixFromRows([[0, 1, 2]]);
  await assert.rejects(squaredDistances(A, B), /squaredDistances: A.cols \(2\) != B.cols \(3\)/);
  await assert.rejects(distances(A, A, 'manhattan' as 'euclidean'), /distances: metric \(manhattan\)/);
  await assert.rejects(nearestRows(A, B), /nearestRows: A.cols \(2\) != B.cols \(3\)/);
  await assert.rejects(
    distanceBlocks(A, A, 'euclidean', 1.5, () => {}),
    /distanceBlocks: blockRows \(1.5\)/,
  );
  await assert.rejects(
    clusterDistanceSums(A, Int32Array.of(0, 1, 3), 2, 'euclidean'),
    /clusterDistanceSums: labels\[2\] \(3\)/,
  );
  await assert.rejects(
    clusterDistanceSums(A, Int32Array.of(0, 1), 2, 'euclidean'),
    /labels.length \(2\) != rows \(3\)/,
  );
  await assert.rejects(kNearest(A, 3, 'euclidean'), /kNearest: k \(3\) must be an integer in \[1, 2\]/);
  await assert.rejects(kNearest(A, 1, 'euclidean', B), /kNearest: A.cols \(3\) != B.cols \(2\)/);
  await assert.rejects(radiusNeighbors(A, -0.5, 'euclidean'), /radiusNeighbors: eps \(-0.5\)/);
});

test('kernel entry points compute hand-checkable values through the active backend', async () => {
  const line = matrixFromRows([[0], [1], [3]]);
  assert.deepEqual(Array.from(await squaredDistances(line, line)), [0, 1, 9, 1, 0, 4, 9, 4, 0]);
  assert.deepEqual(
    Array.from(await clusterDistanceSums(line, Int32Array.of(0, 0, 1), 2, 'euclidean')),
    [1, 3, 1, 2, 5, 0],
  );
  const knn = await kNearest(line, 1, 'euclidean');
  assert.deepEqual(Array.from(knn.indices), [1, 0, 1]);
  assert.deepEqual(Array.from((await radiusNeighbors(line, 2, 'euclidean')).offsets), [0, 2, 5, 7]);
});
