import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PrecomputedEncoder } from '../../src/encode/precomputed.js';
import { openDuckDB } from '../../src/engine/duckdb-engine.js';
import { sqlString } from '../../src/util/sql.js';
import { writeNpy } from '../../src/io/npy.js';
import { InputError } from '../../src/util/errors.js';
import { handSequences } from './helpers.js';

const seqs = handSequences({ a: [{ item: 'x', b: 'pv' }], b: [{ item: 'y', b: 'pv' }], c: [] });
const dir = mkdtempSync(join(tmpdir(), 'segscope-precomputed-'));

test('PrecomputedEncoder aligns .npy rows (users file beside it) to the log users', async () => {
  const path = join(dir, 'v.npy');
  writeNpy(path, { dtype: 'float64', shape: [3, 2], data: new Float64Array([3, 3, 1, 1, 2, 2]) });
  writeFileSync(join(dir, 'v.users.txt'), 'c\na\nb\n');
  const X = await (await new PrecomputedEncoder({ path, dim: 2 }).fit(seqs)).transform(seqs);
  assert.deepEqual([...X.data], [1, 1, 2, 2, 3, 3]);
  await assert.rejects(new PrecomputedEncoder({ path, dim: 3 }).fit(seqs), /2 dimensions, expected 3/);
});

test('PrecomputedEncoder reads .csv with a user-id column and quoted ids', async () => {
  const path = join(dir, 'v.csv');
  writeFileSync(path, 'e0,user_id,e1\n0.5,"b",1\n1,a,2\n-1,c,0\n');
  const X = await (await new PrecomputedEncoder({ path }).fit(seqs)).transform(seqs);
  assert.deepEqual([...X.data], [1, 2, 0.5, 1, -1, 0]);
  const ragged = join(dir, 'ragged.csv');
  writeFileSync(ragged, 'user_id,e0,e1\na,1,2\nb,1\n');
  await assert.rejects(
    new PrecomputedEncoder({ path: ragged }).fit(seqs),
    (e: unknown) => e instanceof InputError && e.line === 3 && /wrong dimension/.test(e.message),
  );
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'user_id,e0\na,1\nb,x\nc,2\n');
  await assert.rejects(
    new PrecomputedEncoder({ path: bad }).fit(seqs),
    (e: unknown) => e instanceof InputError && e.line === 3 && e.field === 'e0',
  );
});

test('PrecomputedEncoder reads .parquet with a user-id column', async () => {
  const path = join(dir, 'v.parquet');
  const engine = await openDuckDB();
  await engine.run(
    `COPY (SELECT * FROM (VALUES ('b', 1.5, 2.0), ('a', 0.0, 1.0), ('c', 4.0, 4.0)) t(uid, x, y)) TO ${sqlString(path)} (FORMAT PARQUET)`,
  );
  await engine.close();
  const X = await (await new PrecomputedEncoder({ path, idColumn: 'uid' }).fit(seqs)).transform(seqs);
  assert.deepEqual([...X.data], [0, 1, 1.5, 2, 4, 4]);
  await assert.rejects(new PrecomputedEncoder({ path }).fit(seqs), /no "user_id" column/);
});

test('PrecomputedEncoder reads .parquet with a user id and one embedding list column; ragged lists are errors', async () => {
  const path = join(dir, 'list.parquet');
  const ragged = join(dir, 'ragged.parquet');
  const engine = await openDuckDB();
  await engine.run(
    `COPY (SELECT * FROM (VALUES ('c', [5.0, 6.0]::FLOAT[]), ('a', [1.0, 2.0]::FLOAT[]), ('b', [3.0, 4.0]::FLOAT[])) t(user_id, embedding)) TO ${sqlString(path)} (FORMAT PARQUET)`,
  );
  await engine.run(
    `COPY (SELECT * FROM (VALUES ('a', [1.0, 2.0]), ('b', [3.0]), ('c', [1.0, 1.0])) t(user_id, embedding)) TO ${sqlString(ragged)} (FORMAT PARQUET)`,
  );
  await engine.close();
  const X = await (await new PrecomputedEncoder({ path, dim: 2 }).fit(seqs)).transform(seqs);
  assert.deepEqual([...X.data], [1, 2, 3, 4, 5, 6]);
  await assert.rejects(
    new PrecomputedEncoder({ path: ragged }).fit(seqs),
    (e: unknown) =>
      e instanceof InputError &&
      /row 2 has 1 values, earlier rows 2/.test(e.message) &&
      e.field === 'embedding',
  );
});

test('PrecomputedEncoder: missing, duplicate and extra users are InputErrors unless told otherwise', async () => {
  const write = (name: string, body: string) => {
    writeFileSync(join(dir, name), body);
    return join(dir, name);
  };
  const missing = write('missing.csv', 'user_id,e\na,1\nb,2\n');
  await assert.rejects(
    new PrecomputedEncoder({ path: missing }).fit(seqs),
    /1 users of the event log have no vector: "c"/,
  );
  const enc = await new PrecomputedEncoder({ path: missing, missing: 'zero' }).fit(seqs);
  assert.deepEqual([...(await enc.transform(seqs)).data], [1, 2, 0]);
  assert.equal(enc.report.missingUsers, 1);
  const dup = write('dup.csv', 'user_id,e\na,1\nb,2\nc,3\na,4\n');
  await assert.rejects(new PrecomputedEncoder({ path: dup }).fit(seqs), /duplicate user ids: "a"/);
  const extra = write('extra.csv', 'user_id,e\na,1\nb,2\nc,3\nzz,4\n');
  await assert.rejects(new PrecomputedEncoder({ path: extra }).fit(seqs), /not in the event log: "zz"/);
  const ok = await new PrecomputedEncoder({ path: extra, extra: 'ignore' }).fit(seqs);
  assert.equal(ok.report.extraUsers, 1);
  await assert.rejects(
    new PrecomputedEncoder({ path: join(dir, 'nope.npy') }).fit(seqs),
    /vector file not found/,
  );
  assert.throws(() => new PrecomputedEncoder({}), /path/);
});
