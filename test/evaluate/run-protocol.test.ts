import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateSequences } from '../../src/data/generate.js';
import { behaviorFacet } from '../../src/evaluate/behavior-facet.js';
import { behaviorSpace } from '../../src/evaluate/behavior-space.js';
import { behaviorParts, behaviorScore } from '../../src/evaluate/composite.js';
import { fitCandidate } from '../../src/evaluate/fit-candidate.js';
import { protocolHoldout } from '../../src/evaluate/holdout.js';
import { DEFAULT_PROTOCOL, type ProtocolConfig } from '../../src/evaluate/protocol-config.js';
import { NULL_BASE, nullUsers } from '../../src/evaluate/protocol-variants.js';
import { ResultStore } from '../../src/evaluate/result-store.js';
import { runProtocol } from '../../src/evaluate/run-protocol.js';
import { sampleSequences } from '../../src/evaluate/user-sample.js';
import { InputError, UsageError } from '../../src/util/errors.js';
import { randomSource } from '../../src/util/random.js';

// A small composition log (seed 11): 4 planted segments that differ in category taste.
const log = generateSequences({ users: 240, segments: 4, difficulty: 'composition', seed: 11 });
const truth = new Map(log.truth.users.map((u, i) => [u, log.truth.segment[i]]));
const config: ProtocolConfig = {
  ...DEFAULT_PROTOCOL,
  seed: 5,
  encoders: [{ name: 'tfidf', params: { dim: 16 } }, { name: 'stats' }],
  algorithms: [{ name: 'kmeans', params: { k: [2, 4], nInit: 2 } }],
  resamples: 2,
  nullReplicates: 1,
  nullKinds: ['order', 'items'],
  bootstrap: 40,
  permutations: 2,
};
const dir = () => mkdtempSync(join(tmpdir(), 'protocol-'));

type Results = Awaited<ReturnType<typeof runProtocol>>;

/** A resumed run equals the first but for measured times, and a resume under another config is refused. */
async function assertResumedIdentically(
  first: Results,
  resumed: Results,
  out: string,
  otherConfig: ProtocolConfig,
): Promise<void> {
  const strip = (x: Results) =>
    JSON.stringify({
      ...x,
      reproducibility: undefined,
      candidates: x.candidates.map((c) => ({ ...c, facets: { ...c.facets, cost: undefined } })),
    });
  assert.equal(strip(resumed), strip(first));
  await assert.rejects(
    runProtocol({ sequences: log.sequences, truth, config: otherConfig, outDir: out, resume: true }),
    /different configuration/,
  );
}

test('runProtocol on a composition log: results.json follows the contract and the planted k=4 TF-IDF candidate wins', async () => {
  const out = dir();
  const r = await runProtocol({ sequences: log.sequences, truth, config, outDir: out });
  const disk = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
  for (const key of [
    'version',
    'dataset',
    'protocol',
    'candidates',
    'winner',
    'tied_with_winner',
    'significance',
  ])
    assert.ok(key in disk, key);
  for (const key of ['seed', 'weights', 'resamples', 'cutoff']) assert.ok(key in disk.protocol, key);
  assert.equal(disk.candidates.length, 4);
  for (const c of disk.candidates) {
    for (const key of [
      'id',
      'encoder',
      'algorithm',
      'n_clusters',
      'noise_fraction',
      'facets',
      'composite',
      'rank',
      'pareto',
    ])
      assert.ok(key in c, key);
    for (const f of ['geometry', 'behavior', 'stability', 'null', 'downstream', 'external', 'cost'])
      assert.ok(f in c.facets, f);
    assert.ok(
      c.composite.ci_low <= c.composite.value + 1e-12 && c.composite.value <= c.composite.ci_high + 1e-12,
      `${c.id} CI brackets its value`,
    );
  }
  for (const c of r.candidates) {
    // Null logs of every user: the real side is the candidate's own behavior score, and no null-base refit.
    assert.equal(c.facets.null.real_basis, 'history');
    assert.equal(c.facets.null.users, r.dataset.n_history_users);
    assert.equal(c.facets.null.real, behaviorScore(behaviorParts(c.facets.behavior)));
    assert.ok(!existsSync(join(out, 'records', c.id, `${NULL_BASE}.json`)));
  }
  assert.equal(r.winner, 'tfidf.dim=16+kmeans.k=4,nInit=2');
  assert.ok(r.candidates[0].facets.external!.adjusted_rand > 0.8);
  const labels = readdirSync(join(out, 'labels')).sort();
  assert.equal(labels.length, 4);
  const first = readFileSync(join(out, 'labels', `${r.winner}.csv`), 'utf8').split('\n');
  assert.equal(first[0], 'user_id,label');
  assert.equal(first.length - 2, r.dataset.n_history_users);
  rmSync(out, { recursive: true, force: true });
});

test('runProtocol resumes: an interrupted store is completed without redoing records, with identical results', async () => {
  const out = dir();
  const a = await runProtocol({ sequences: log.sequences, truth, config, outDir: out });
  // Simulate an interruption: drop the results and some records of one candidate.
  rmSync(join(out, 'results.json'));
  const victim = join(out, 'records', 'stats+kmeans.k=4,nInit=2');
  for (const f of readdirSync(victim).filter((f) => f.startsWith('sub'))) rmSync(join(victim, f));
  const untouched = join(out, 'records', 'tfidf.dim=16+kmeans.k=2,nInit=2', 'full.json');
  const before = readFileSync(untouched, 'utf8');
  await assert.rejects(
    runProtocol({ sequences: log.sequences, truth, config, outDir: out }),
    UsageError,
    'without --resume an existing run is refused',
  );
  const b = await runProtocol({ sequences: log.sequences, truth, config, outDir: out, resume: true });
  assert.equal(readFileSync(untouched, 'utf8'), before);
  await assertResumedIdentically(a, b, out, { ...config, resamples: 3 });
  rmSync(out, { recursive: true, force: true });
});

test('runProtocol with large-log bounds below the log: encoders, reruns, null logs and ward fit on seeded samples, every user labeled, recorded, resumable', async () => {
  const out = dir();
  const bounded: ProtocolConfig = {
    ...config,
    algorithms: [
      { name: 'kmeans', params: { k: 4, nInit: 2 } },
      { name: 'agglomerative', params: { k: 4, linkage: 'ward' } },
    ],
    fitUsers: 120,
    rerunUsers: 90,
    quadraticFitUsers: 60,
  };
  const a = await runProtocol({ sequences: log.sequences, truth, config: bounded, outDir: out });
  const n = a.dataset.n_history_users;
  assert.ok(n > 120);
  assert.deepEqual(a.protocol.large_log, {
    fit_users: 120,
    rerun_users: 90,
    quadratic_fit_users: 60,
    encoder_fit_sample: 120,
    stability_subsample: 90,
    null_log_users: 90,
    quadratic_fit_sample: 60,
  });
  const byId = new Map(a.candidates.map((c) => [c.id, c]));
  assert.equal(byId.get('tfidf.dim=16+kmeans.k=4,nInit=2')!.info.encoderFitUsers, 120);
  assert.equal(
    byId.get('stats+kmeans.k=4,nInit=2')!.info.encoderFitUsers,
    undefined,
    'stats is fit on every user',
  );
  assert.equal(byId.get('stats+agglomerative.k=4,linkage=ward')!.info.fitRows, 60);
  for (const c of a.candidates) {
    assert.equal(c.facets.null.users, 90);
    assert.equal(c.facets.stability.reruns, 2);
    const lines = readFileSync(join(out, 'labels', `${c.id}.csv`), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    assert.equal(lines.length, n);
    assert.ok(
      lines.every((l) => Number(l.split(',')[1]) >= 0),
      `${c.id}: every user in a segment`,
    );
  }
  assert.ok(
    byId.get('tfidf.dim=16+kmeans.k=4,nInit=2')!.facets.external!.adjusted_rand > 0.8,
    'a sample of 120 users still finds the planted segments',
  );
  // The null logs' reference: the candidate refit on their 90 users unshuffled (fitCandidate, variant
  // null-base, as the null logs are fit), scored against those users' future as the null logs are.
  const { history, future } = protocolHoldout(log.sequences, bounded.cutoff);
  const index = nullUsers(n, bounded)!;
  const base = sampleSequences(history, index);
  const baseSpace = behaviorSpace(base);
  const baseFuture = behaviorSpace(sampleSequences(future, index), { buckets: baseSpace.buckets });
  const store = new ResultStore(out);
  for (const c of a.candidates) {
    assert.equal(c.facets.null.real_basis, 'sample');
    const refit = await fitCandidate(c, base, bounded, NULL_BASE);
    assert.deepEqual(
      store.labels(`${c.id}/${NULL_BASE}`),
      refit.clustering.labels,
      `${c.id}: null-base labels`,
    );
    const { facet } = behaviorFacet(baseSpace, refit.clustering.labels, refit.clustering.k, {
      permutations: 1,
      random: randomSource(1),
      future: baseFuture,
    });
    assert.equal(c.facets.null.real, behaviorScore(behaviorParts(facet)), `${c.id}: null.real`);
  }
  assert.notEqual(
    byId.get('tfidf.dim=16+kmeans.k=4,nInit=2')!.facets.null.real,
    behaviorScore(behaviorParts(byId.get('tfidf.dim=16+kmeans.k=4,nInit=2')!.facets.behavior)),
    'on a sample the reference is not the score on all users',
  );
  rmSync(join(out, 'results.json'));
  for (const v of ['full', 'sub1', 'null-base', 'null-items-0'])
    rmSync(join(out, 'records', 'tfidf.dim=16+agglomerative.k=4,linkage=ward', `${v}.json`));
  const b = await runProtocol({
    sequences: log.sequences,
    truth,
    config: bounded,
    outDir: out,
    resume: true,
  });
  await assertResumedIdentically(a, b, out, { ...bounded, fitUsers: 100 });
  rmSync(out, { recursive: true, force: true });
});

test('runProtocol bad input: truth for other users, an empty grid, a cutoff with no future — exit-2 errors, nothing written', async () => {
  const out = dir();
  await assert.rejects(
    runProtocol({ sequences: log.sequences, truth: new Map([['nobody', 1]]), config, outDir: out }),
    (e: unknown) => e instanceof InputError && /truth labels lack/.test(e.message),
  );
  await assert.rejects(
    runProtocol({ sequences: log.sequences, config, candidates: [], outDir: join(out, 'b') }),
    UsageError,
  );
  await assert.rejects(
    runProtocol({
      sequences: log.sequences,
      config: { ...config, cutoff: { time: 4e9 } },
      outDir: join(out, 'c'),
    }),
    /no future events/,
  );
  await assert.rejects(
    runProtocol({
      sequences: log.sequences,
      config: { ...config, encoders: [{ name: 'nope' }] },
      outDir: join(out, 'd'),
    }),
    (e: unknown) => e instanceof UsageError && /encoder nope/.test(e.message),
  );
  for (const d of ['b', 'c', 'd']) assert.ok(!existsSync(join(out, d, 'results.json')));
  rmSync(out, { recursive: true, force: true });
});
