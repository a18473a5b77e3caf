import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateSequences } from '../../src/data/generate.js';
import { DEFAULT_PROTOCOL, type ProtocolConfig } from '../../src/evaluate/protocol-config.js';
import { runProtocol } from '../../src/evaluate/run-protocol.js';
import { exportModel, readExportSource } from '../../src/serve/export-model.js';
import { loadFittedSegments } from '../../src/serve/saved-model.js';

// 240 users (seed 11), bounds below the log: tfidf is fit on 120 users, Ward on 60 rows.
const log = generateSequences({ users: 240, segments: 4, difficulty: 'composition', seed: 11 });
const config: ProtocolConfig = {
  ...DEFAULT_PROTOCOL,
  seed: 5,
  encoders: [{ name: 'tfidf', params: { dim: 16 } }, { name: 'stats' }],
  algorithms: [
    { name: 'kmeans', params: { k: 4, nInit: 2 } },
    { name: 'agglomerative', params: { k: 4, linkage: 'ward' } },
  ],
  resamples: 1,
  nullReplicates: 1,
  nullKinds: ['order'],
  bootstrap: 20,
  permutations: 2,
  fitUsers: 120,
  rerunUsers: 90,
  quadraticFitUsers: 60,
};

/** The run's labels of a candidate (labels/<id>.csv) as user -> label. */
function runLabels(dir: string, id: string): Map<string, number> {
  const lines = readFileSync(join(dir, 'labels', `${id}.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return new Map(lines.map((l) => [l.slice(0, l.lastIndexOf(',')), Number(l.slice(l.lastIndexOf(',') + 1))]));
}

test("exportModel(log, source) on a log above the large-log bounds: the run's bounds and samples, labels identical to the run's for every candidate, bounds recorded (seed 5)", async () => {
  const d = mkdtempSync(join(tmpdir(), 'segscope-export-'));
  try {
    const r = await runProtocol({ sequences: log.sequences, config, outDir: join(d, 'run') });
    const n = r.dataset.n_history_users;
    assert.ok(n > 120);
    for (const c of r.candidates) {
      const source = readExportSource(join(d, 'run'), c.id);
      assert.deepEqual(source.bounds, { fitUsers: 120, quadraticFitUsers: 60 });
      const out = join(d, c.id);
      const model = await exportModel(log.sequences, source, out);
      const expected = runLabels(join(d, 'run'), c.id);
      const exported = loadFittedSegments(out);
      assert.equal(exported.size, n, `${c.id}: every history user exported`);
      assert.deepEqual([...exported], [...expected], `${c.id}: the exported segments are the evaluated ones`);
      assert.equal(model.training.on, 'history');
      assert.equal(model.training.cutoff, r.protocol.cutoff);
      assert.deepEqual(model.training.bounds, {
        fit_users: 120,
        quadratic_fit_users: 60,
        encoder_fit_sample: c.encoder.name === 'tfidf' ? 120 : n,
        cluster_fit_rows: c.algorithm.name === 'agglomerative' ? 60 : n,
      });
      assert.equal(
        model.clusters.size.reduce((a, b) => a + b, 0),
        n,
      );
    }
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('exportModel(log, source, out, "log") fits every user of the whole log under the same bounds and records it (seed 5)', async () => {
  const d = mkdtempSync(join(tmpdir(), 'segscope-export-'));
  try {
    const r = await runProtocol({
      sequences: log.sequences,
      config: { ...config, encoders: [{ name: 'tfidf', params: { dim: 16 } }] },
      outDir: join(d, 'run'),
    });
    const id = 'tfidf.dim=16+agglomerative.k=4,linkage=ward';
    const model = await exportModel(log.sequences, readExportSource(join(d, 'run'), id), join(d, 'm'), 'log');
    assert.equal(model.training.on, 'log');
    assert.equal(model.training.cutoff, undefined);
    assert.equal(model.training.users, log.sequences.users.length);
    assert.ok(model.training.users >= r.dataset.n_history_users);
    assert.deepEqual(model.training.bounds, {
      fit_users: 120,
      quadratic_fit_users: 60,
      encoder_fit_sample: 120,
      cluster_fit_rows: 60,
    });
    assert.equal(loadFittedSegments(join(d, 'm')).size, log.sequences.users.length);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
