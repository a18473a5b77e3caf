import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sqlIdent, sqlNumber, sqlString } from '../../src/util/sql.js';

test('sqlString, sqlIdent and sqlNumber quote safely', () => {
  assert.equal(sqlString("it's"), "'it''s'");
  assert.equal(sqlIdent('a"b'), '"a""b"');
  assert.equal(sqlNumber(1.5), '1.5');
  assert.throws(() => sqlNumber(Number.NaN), RangeError);
  assert.throws(() => sqlNumber(Number.POSITIVE_INFINITY), /sqlNumber: Infinity is not finite/);
});
