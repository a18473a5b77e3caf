import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  loadFittedSegments,
  loadModel,
  MODEL_FORMAT_VERSION,
  saveModel,
} from '../../src/serve/saved-model.js';
import { ServedModel } from '../../src/serve/served-model.js';
import { InputError } from '../../src/util/errors.js';
import { smallModel } from './fixture-model.js';

test('fitModel is deterministic: the same log and seed give the same model.json, bit for bit (seed 42)', async () => {
  const a = await smallModel('tfidf');
  const b = await smallModel('tfidf');
  assert.equal(JSON.stringify(a.model), JSON.stringify(b.model));
  assert.equal(a.model.clusters.k, 3);
  assert.equal(a.model.tags.length, 3);
});

test('saveModel then loadModel round-trips; the served model assigns the fitted users to their fitted segments', async () => {
  const { log, model, fitted } = await smallModel('stats');
  const dir = mkdtempSync(join(tmpdir(), 'segscope-model-'));
  try {
    saveModel(dir, model, fitted);
    const loaded = loadModel(dir);
    assert.deepEqual(loaded, JSON.parse(JSON.stringify(model)));
    const tags = readFileSync(join(dir, 'tags.csv'), 'utf8').trim().split('\n');
    assert.equal(tags[0], 'user_id,segment,tag');
    assert.equal(tags.length, fitted.users.length + 1);
    const segments = loadFittedSegments(dir);
    assert.equal(segments.size, fitted.users.length);
    fitted.users.forEach((u, i) => {
      assert.equal(segments.get(u), fitted.labels[i]);
    });
    const served = await ServedModel.create(loaded);
    const assigned = await served.assign(log.sequences);
    // k-means labels are nearest-centroid labels at convergence.
    const agree = assigned.filter((a, i) => a.segment === fitted.labels[i]).length;
    assert.ok(agree / assigned.length > 0.98, `agreement ${agree}/${assigned.length}`);
    for (const a of assigned) assert.ok(a.risk >= 0 && a.risk <= 1 && a.distance >= 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loadModel: a missing folder, a folder without model.json, and another format version are InputErrors saying so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'segscope-model-'));
  try {
    assert.throws(
      () => loadModel(join(dir, 'nope')),
      (e: Error) => e instanceof InputError && /no model folder/.test(e.message),
    );
    assert.throws(() => loadModel(dir), /holds no model.json/);
    writeFileSync(
      join(dir, 'model.json'),
      JSON.stringify({
        format: 'segscope-model',
        format_version: MODEL_FORMAT_VERSION + 1,
        segscope_version: '9.9.9',
      }),
    );
    assert.throws(() => loadModel(dir), /format version 2 \(written by segscope 9.9.9\) is not supported/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loadFittedSegments reads quoted user ids and names a malformed line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segscope-model-'));
  try {
    writeFileSync(join(dir, 'tags.csv'), 'user_id,segment,tag\n"a,""b""",2,"x, y"\nplain,-1,noise\n');
    assert.deepEqual(
      [...loadFittedSegments(dir)],
      [
        ['a,"b"', 2],
        ['plain', -1],
      ],
    );
    writeFileSync(join(dir, 'tags.csv'), 'user_id,segment,tag\nu,seg,t\n');
    assert.throws(() => loadFittedSegments(dir), /tags.csv:2: expected user_id,segment,tag/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
