import assert from 'node:assert/strict';
import { test } from 'node:test';
import { genericPreset, parseBehaviorMap, parseFieldMapping } from '../../src/data/field-mapping.js';
import { lineLocator } from '../../src/data/line-locator.js';
import { UsageError } from '../../src/util/errors.js';

test('parseFieldMapping reads field=column pairs and lists every problem at once', () => {
  assert.deepEqual(parseFieldMapping(['user=visitor,item=sku', 'ts=time']), {
    user: 'visitor',
    item: 'sku',
    ts: 'time',
  });
  assert.throws(
    () => parseFieldMapping(['colour=x,item=,user=a,user=b']),
    (e: unknown) =>
      e instanceof UsageError && e.issues.map((i) => i.path).join(' ') === 'map.colour map.item map.user',
  );
});

test('parseBehaviorMap maps raw values to behaviors; genericPreset requires item, ts and a key', () => {
  assert.deepEqual(parseBehaviorMap(['pv=view,pv=detail,buy=order']), {
    view: 'pv',
    detail: 'pv',
    order: 'buy',
  });
  assert.throws(() => parseBehaviorMap(['click=view']), UsageError);
  const p = genericPreset({
    mapping: { session: 's', item: 'i', ts: 't' },
    columns: ['s', 'i', 't'],
    timeFormat: 'unix-ms',
  });
  assert.equal(p.defaultKey, 'session');
  assert.deepEqual(p.time, { kind: 'unix-ms', column: 't' });
  assert.deepEqual(
    p.columns.map((c) => c.type),
    ['VARCHAR', 'VARCHAR', 'DOUBLE'],
  );
  assert.throws(
    () => genericPreset({ mapping: { item: 'i' }, columns: ['i'] }),
    (e: unknown) => e instanceof UsageError && e.issues.length === 2,
  );
});

test('lineLocator maps accepted row indices to file lines around a header and rejected lines', () => {
  const lineOf = lineLocator(1, [3, 4, 7]);
  // line 1 header; rows 0.. sit on lines 2, 5, 6, 8, 9
  assert.deepEqual([0, 1, 2, 3, 4].map(lineOf), [2, 5, 6, 8, 9]);
  assert.deepEqual([0, 1].map(lineLocator(0, [])), [1, 2]);
});
