import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart } from '../../src/report/chart-bar.js';
import { linearScale, niceTicks } from '../../src/report/chart-frame.js';
import { binCounts } from '../../src/report/chart-histogram.js';
import { heatMap } from '../../src/report/chart-heatmap.js';
import { esc, fmt } from '../../src/report/format.js';
import { segmentColor } from '../../src/report/palette.js';

test('niceTicks(lo, hi) gives round 1-2-5 steps covering the range (hand)', () => {
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0.27, 0.33, 5), [0.28, 0.3, 0.32]);
  assert.deepEqual(niceTicks(2, 4, 4), [2, 2.5, 3, 3.5, 4]);
  assert.deepEqual(niceTicks(-1, 1, 4), [-1, -0.5, 0, 0.5, 1]);
  assert.deepEqual(niceTicks(Number.NaN, 1), []);
});

test('linearScale maps the domain ends to the range ends; a zero-width domain is widened', () => {
  const s = linearScale([0, 10], [100, 200]);
  assert.equal(s(0), 100);
  assert.equal(s(5), 150);
  assert.deepEqual(linearScale([3, 3], [0, 1]).domain, [2, 4]);
});

test('binCounts(values, lo, hi, bins): the maximum falls in the last bin, NaN is skipped (hand)', () => {
  assert.deepEqual(binCounts([0, 0.1, 0.5, 0.99, 1, Number.NaN], 0, 1, 4), [2, 0, 1, 2]);
});

test('barChart: bar widths proportional to values, NaN drawn as a dash', () => {
  const svg = barChart({ title: 't', labels: ['a', 'b', 'c'], values: [1, 2, Number.NaN], colors: '#000' });
  const widths = [...svg.matchAll(/<rect class="mark" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) =>
    Number(m[1]),
  );
  assert.equal(widths.length, 2);
  assert.ok(Math.abs(widths[1] / widths[0] - 2) < 0.01);
  assert.match(svg, />—</);
});

test('heatMap: one cell per value, labels escaped', () => {
  const svg = heatMap({ title: 'h', rows: ['<r>'], cols: ['a', 'b', 'c'], values: [[1, 2, 3]] });
  assert.equal((svg.match(/class="mark cell"/g) ?? []).length, 3);
  assert.ok(svg.includes('&lt;r&gt;'));
  assert.ok(!svg.includes('<r>'));
});

test('segmentColor: Tableau 10 first, distinct for 50 segments, gray noise; fmt and esc', () => {
  assert.equal(segmentColor(0), '#4e79a7');
  assert.equal(new Set(Array.from({ length: 50 }, (_, s) => segmentColor(s))).size, 50);
  assert.equal(segmentColor(-1), '#b8b8b8');
  assert.equal(fmt(Number.NaN), '—');
  assert.equal(fmt(1234), '1,234');
  assert.equal(fmt(0.12345), '0.123');
  assert.equal(esc(`a<b>"c"&'`), 'a&lt;b&gt;&quot;c&quot;&amp;&#39;');
});
