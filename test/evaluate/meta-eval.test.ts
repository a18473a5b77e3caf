import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { kendallTau } from '../../src/evaluate/kendall-tau.js';
import { META_METHODS, metaEvaluate, RECOVERY_FLOOR } from '../../src/evaluate/meta-eval.js';

test("metaEvaluate on two small logs: meta-eval.json taus equal Kendall tau-b recomputed from each kind's results.json (ARI below RECOVERY_FLOOR tied), seed 3", async () => {
  const out = mkdtempSync(join(tmpdir(), 'meta-eval-'));
  try {
    const r = await metaEvaluate({
      seed: 3,
      outDir: out,
      kinds: ['composition', 'order-only'],
      users: 240,
      segments: 3,
      encoders: [{ name: 'tfidf', params: { dim: 16 } }, { name: 'stats' }],
      algorithms: [{ name: 'kmeans', params: { k: [2, 3, 5], nInit: 2 } }],
      protocol: { resamples: 2, bootstrap: 20, nullKinds: ['order'] },
    });
    const disk = JSON.parse(readFileSync(join(out, 'meta-eval.json'), 'utf8'));
    assert.equal(disk.kinds.length, 2);
    for (const kind of r.kinds) {
      const results = JSON.parse(readFileSync(join(out, kind.kind, 'results.json'), 'utf8'));
      const scored = results.candidates.filter((c: { error?: string }) => c.error === undefined);
      assert.equal(kind.candidates, 6);
      const ari = scored.map(
        (c: { facets: { external: { adjusted_rand: number } } }) => c.facets.external.adjusted_rand,
      );
      const composite = scored.map(
        (c: { composite: { value: number | null } }) => c.composite.value ?? Number.NaN,
      );
      assert.ok(
        Math.abs(
          kind.tau_ari.composite -
            kendallTau(
              composite,
              ari.map((x: number) => Math.max(RECOVERY_FLOOR, x)),
            ),
        ) < 1e-12,
      );
      assert.ok(Math.abs(kind.tau_ari_raw.composite - kendallTau(composite, ari)) < 1e-12);
      assert.deepEqual(Object.keys(kind.tau_ari).sort(), Object.keys(META_METHODS).sort());
      assert.equal(kind.best_ari, Math.max(...ari));
    }
    // The planted structure is found: TF-IDF (categories and their transitions) wins both logs.
    for (const kind of r.kinds)
      assert.ok(kind.winner_ari > 0.8, `${kind.kind}: winner ARI ${kind.winner_ari}`);
    const md = readFileSync(join(out, 'meta-eval.md'), 'utf8');
    assert.match(md, /Against the raw ARI/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
