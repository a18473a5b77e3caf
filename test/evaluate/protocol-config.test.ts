import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  DEFAULT_PROTOCOL,
  readProtocolConfig,
  validateProtocolConfig,
} from '../../src/evaluate/protocol-config.js';
import { InputError, UsageError } from '../../src/util/errors.js';

test('validateProtocolConfig merges a partial config over the defaults', () => {
  const c = validateProtocolConfig({ seed: 7, weights: { null: 0 }, encoders: [{ name: 'tfidf' }] });
  assert.equal(c.seed, 7);
  assert.equal(c.weights.null, 0);
  assert.equal(c.weights.behavior, DEFAULT_PROTOCOL.weights.behavior);
  assert.deepEqual(c.encoders, [{ name: 'tfidf' }]);
  assert.deepEqual(c.algorithms, DEFAULT_PROTOCOL.algorithms);
});

test('validateProtocolConfig lists every problem with its path at once', () => {
  try {
    validateProtocolConfig({
      seed: -1,
      bogus: 1,
      encoders: [],
      algorithms: [{ name: 'kmeans', params: { k: [] } }, { nam: 'x' }],
      weights: { behavior: -2, style: 1 },
      cutoff: { quantile: 2 },
      nullKinds: ['order', 'time'],
    });
    assert.fail('expected a UsageError');
  } catch (error) {
    assert.ok(error instanceof UsageError);
    const paths = error.issues.map((i) => i.path).sort();
    assert.deepEqual(
      paths,
      [
        'algorithms[0].params.k',
        'algorithms[1].nam',
        'algorithms[1].name',
        'bogus',
        'cutoff',
        'encoders',
        'nullKinds[1]',
        'seed',
        'weights.behavior',
        'weights.style',
      ].sort(),
    );
  }
});

test('validateProtocolConfig: the large-log bounds default above the demo log and must be integers >= 10', () => {
  const c = validateProtocolConfig({ fitUsers: 500 });
  assert.equal(c.fitUsers, 500);
  assert.equal(c.rerunUsers, DEFAULT_PROTOCOL.rerunUsers);
  for (const key of ['fitUsers', 'rerunUsers', 'quadraticFitUsers'] as const)
    assert.ok(DEFAULT_PROTOCOL[key] >= 1000, `${key} leaves the 1,000-user demo unbounded`);
  try {
    validateProtocolConfig({ fitUsers: 5, rerunUsers: 12.5, quadraticFitUsers: 'all' });
    assert.fail('expected a UsageError');
  } catch (error) {
    assert.ok(error instanceof UsageError);
    assert.deepEqual(error.issues.map((i) => i.path).sort(), ['fitUsers', 'quadraticFitUsers', 'rerunUsers']);
  }
});

test('readProtocolConfig names the file of a JSON syntax error and of a missing file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
  const path = join(dir, 'segscope.json');
  writeFileSync(path, '{\n  "seed": 1,\n  "resamples": ,\n}');
  assert.throws(
    () => readProtocolConfig(path),
    (e: unknown) => e instanceof InputError && e.file === path && /not valid JSON/.test(e.message),
  );
  assert.throws(
    () => readProtocolConfig(join(dir, 'missing.json')),
    (e: unknown) => e instanceof InputError && /missing\.json/.test(e.message),
  );
});
