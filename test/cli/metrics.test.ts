import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeMatrix } from '../../src/io/matrix-file.js';
import { writeNpy } from '../../src/io/npy.js';
import { contingency } from '../../src/metrics/contingency.js';
import { EXTERNAL_METRIC_NAMES, INTERNAL_METRIC_NAMES } from '../../src/metrics/metrics-report.js';
import { adjustedRand } from '../../src/metrics/rand.js';
import { silhouette } from '../../src/metrics/silhouette.js';
import { matrix } from '../../src/util/matrix.js';
import { randomSource } from '../../src/util/random.js';
import { assertClose } from '../metrics/helpers.js';
import { runCli } from './run-cli.js';

const run = (args: string[]) => runCli(['metrics', ...args]);

// 60 points in 3 blobs (seed 17); one noise point.
const dir = mkdtempSync(join(tmpdir(), 'segscope-metrics-'));
const random = randomSource(17);
const X = matrix(
  60,
  3,
  Float32Array.from({ length: 180 }, (_, i) => Math.floor(i / 60) * 5 + random.normal()),
);
const labels = Int32Array.from({ length: 60 }, (_, i) => (i === 59 ? -1 : Math.floor(i / 20)));
const truth = Int32Array.from({ length: 60 }, (_, i) => Math.floor(i / 20));
writeNpy(join(dir, 'X.npy'), { dtype: 'float32', shape: [60, 3], data: X.data });
writeFileSync(join(dir, 'L.txt'), `${Array.from(labels).join('\n')}\n`);
writeFileSync(join(dir, 'T.txt'), `${Array.from(truth).join('\n')}\n`);
writeFileSync(join(dir, 'bad.txt'), '0\n1\nx\n');
/** `--vectors <X> --labels <file>` for a vectors file and a labels file in the test folder. */
const inputs = (labelFile: string, vectors = 'X.npy') => [
  '--vectors',
  join(dir, vectors),
  '--labels',
  join(dir, labelFile),
];
const base = inputs('L.txt');

describe('segscope metrics', () => {
  it('--json prints one object with every internal key, noise_fraction, and the exact silhouette', async () => {
    const r = await run([...base, '--json', '--precision', 'float64']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    for (const key of INTERNAL_METRIC_NAMES) {
      assert.equal(typeof json[key], 'number', key);
    }
    assert.equal(json.noise_fraction, 1 / 60);
    assert.equal(json.adjusted_rand, undefined);
    assertClose(
      json.silhouette,
      (await silhouette(X, labels, { precision: 'float64' })).score.value,
      'silhouette',
    );
  });

  it('--truth adds every external key; --only computes just the named ones', async () => {
    const all = JSON.parse((await run([...base, '--truth', join(dir, 'T.txt'), '--json'])).stdout);
    for (const key of EXTERNAL_METRIC_NAMES) {
      assert.equal(typeof all[key], 'number', key);
    }
    const some = JSON.parse(
      (await run([...base, '--truth', join(dir, 'T.txt'), '--only', 'adjusted_rand,wcss', '--json'])).stdout,
    );
    assert.deepEqual(Object.keys(some).sort(), ['adjusted_rand', 'n', 'noise_fraction', 'wcss']);
  });

  it('--noise cluster treats -1 as one label (scikit-learn), --noise singletons (default) as singletons', async () => {
    // Six noise points (one would be a singleton under either rule).
    const noisy = Int32Array.from(labels, (l, i) => (i % 10 === 0 ? -1 : l));
    writeFileSync(join(dir, 'L6.txt'), `${Array.from(noisy).join('\n')}\n`);
    const args = [...inputs('L6.txt'), '--truth', join(dir, 'T.txt'), '--only', 'adjusted_rand', '--json'];
    const single = JSON.parse((await run(args)).stdout).adjusted_rand;
    const cluster = JSON.parse((await run([...args, '--noise', 'cluster'])).stdout).adjusted_rand;
    assert.equal(single, adjustedRand(contingency(truth, noisy)));
    assert.equal(cluster, adjustedRand(contingency(truth, noisy, { noise: 'cluster' })));
    assert.notEqual(single, cluster);
  });

  it('--sample N --seed S gives a silhouette interval and the same numbers for the same seed', async () => {
    const a = JSON.parse(
      (await run([...base, '--sample', '20', '--seed', '3', '--only', 'silhouette', '--json'])).stdout,
    );
    const b = JSON.parse(
      (await run([...base, '--sample', '20', '--seed', '3', '--only', 'silhouette', '--json'])).stdout,
    );
    assert.deepEqual(a, b);
    assert.ok(a.silhouette_interval.lower <= a.silhouette && a.silhouette <= a.silhouette_interval.upper);
    assert.equal(a.sample_points, 30, 'three clusters of ~20 keep at least 10 points each');
  });

  it('reads the vectors from .csv and .parquet as well (io/matrix-file readMatrix): same wcss as from .npy', async () => {
    const fromNpy = JSON.parse((await run([...base, '--only', 'wcss', '--json'])).stdout);
    for (const ext of ['csv', 'parquet']) {
      await writeMatrix(join(dir, `X.${ext}`), X);
      const r = await run([...inputs('L.txt', `X.${ext}`), '--only', 'wcss', '--json']);
      assert.equal(r.code, 0, r.stderr);
      // float32 values survive .parquet exactly, and .csv to 1e-6 relative.
      if (ext === 'parquet') assert.equal(JSON.parse(r.stdout).wcss, fromNpy.wcss);
      else assertClose(JSON.parse(r.stdout).wcss, fromNpy.wcss, 'wcss', 1e-6);
    }
  });

  it('an unknown --only name exits 2 and lists the valid names', async () => {
    const r = await run([...base, '--only', 'silhouette,shilouette', '--json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /shilouette: not a metric; valid names: silhouette, calinski_harabasz/);
  });

  it('an external name without --truth, a bad label line, and a length mismatch exit 2 naming the problem', async () => {
    assert.match((await run([...base, '--only', 'adjusted_rand'])).stderr, /needs --truth/);
    const bad = await run(inputs('bad.txt'));
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.txt:3: field "label": "x" is not a label/);
    writeFileSync(join(dir, 'short.txt'), '0\n1\n');
    const short = await run(inputs('short.txt'));
    assert.equal(short.code, 2);
    assert.match(short.stderr, /short\.txt: 2 labels for 60 rows/);
  });

  it('without --json prints a readable table; degenerate values show NaN and the reason', async () => {
    writeFileSync(join(dir, 'one.txt'), `${new Array(60).fill(0).join('\n')}\n`);
    const r = await run([...inputs('one.txt'), '--only', 'silhouette,wcss']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /silhouette\s+NaN {2}\(one cluster\)/);
    const json = JSON.parse((await run([...inputs('one.txt'), '--only', 'silhouette', '--json'])).stdout);
    assert.deepEqual([json.silhouette, json.reasons.silhouette], [null, 'one cluster']);
  });
});
