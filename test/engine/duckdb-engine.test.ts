import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDuckDB } from '../../src/engine/duckdb-engine.js';
import { EngineError } from '../../src/engine/engine.js';

test('openDuckDB().rows returns plain rows with BIGINT narrowed to number', async () => {
  const engine = await openDuckDB({ threads: 1 });
  try {
    assert.deepEqual(await engine.rows("SELECT 42::BIGINT AS a, 'x' AS b, NULL AS c, 1.5::DOUBLE AS d"), [
      { a: 42, b: 'x', c: null, d: 1.5 },
    ]);
    await assert.rejects(
      engine.rows('SELECT * FROM missing_table'),
      (e: unknown) => e instanceof EngineError && /missing_table/.test(e.engineMessage),
    );
  } finally {
    await engine.close();
  }
});

test('engine.stream reads LIST and STRUCT columns through flat child columns, NULLs as nullAs', async () => {
  const engine = await openDuckDB({ threads: 1 });
  try {
    const lengths: number[] = [];
    const values: number[] = [];
    const texts: (string | null)[] = [];
    let rows = 0;
    await engine.stream(
      "SELECT g, list({'v': CAST(x AS INTEGER), 't': CAST(x AS VARCHAR)} ORDER BY x) AS l FROM (SELECT range % 3 AS g, range AS x FROM range(3000)) GROUP BY g ORDER BY g",
      (chunk) => {
        const list = chunk.column(1);
        const v = list.child().field(0);
        const t = list.child().field(1);
        for (let r = 0; r < chunk.rowCount; r++) {
          lengths.push(list.listLength(r));
          const out = new Int32Array(list.listLength(r));
          v.copyNumbers(list.listStart(r), out.length, out, 0, -1);
          values.push(out[0], out[out.length - 1]);
          texts.push(t.string(list.listStart(r) + 1));
        }
        rows += chunk.rowCount;
      },
    );
    assert.equal(rows, 3);
    assert.deepEqual(lengths, [1000, 1000, 1000]);
    assert.deepEqual(values, [0, 2997, 1, 2998, 2, 2999]);
    assert.deepEqual(texts, ['3', '4', '5']);
    const got = new Float64Array(4);
    await engine.stream(
      'SELECT CASE WHEN range = 2 THEN NULL ELSE range * 1.5 END FROM range(4)',
      (chunk) => {
        chunk.column(0).copyNumbers(0, chunk.rowCount, got, 0, -7);
        assert.equal(chunk.column(0).isNull(2), true);
        assert.ok(Number.isNaN(chunk.column(0).number(2)));
      },
    );
    assert.deepEqual([...got], [0, 1.5, -7, 4.5]);
  } finally {
    await engine.close();
  }
});
