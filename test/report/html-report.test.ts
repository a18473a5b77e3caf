import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderHtmlReport, REPORT_SECTIONS } from '../../src/report/html-report.js';
import { renderMarkdownReport } from '../../src/report/markdown-report.js';
import { readResults, writeReport } from '../../src/report/write-report.js';
import { smallProtocolRun } from './protocol-fixture.js';
import { syntheticResults } from './synthetic-results.js';

test('renderHtmlReport(100 candidates x 50 segments) stays under 10 MB, every card and candidate in it', () => {
  const r = syntheticResults(100, 50);
  const html = renderHtmlReport(r);
  const mb = Buffer.byteLength(html) / 2 ** 20;
  assert.ok(mb < 10, `${mb.toFixed(2)} MB`);
  assert.equal((html.match(/<div class="card"/g) ?? []).length, 50);
  // Every candidate is in the leaderboard table, per-candidate charts show the top 10.
  assert.equal((html.match(/<span title="transformer/g) ?? []).length, 100);
  assert.ok(renderMarkdownReport(r).length < 2 ** 20);
});

test('renderHtmlReport(small real run) is self-contained: every section, no external reference', async () => {
  const { results } = await smallProtocolRun();
  const html = renderHtmlReport(results);
  for (const [id] of REPORT_SECTIONS) assert.match(html, new RegExp(`<section id="${id}">`));
  assert.doesNotMatch(html, /<script|<link|@import|url\(|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  assert.ok(html.includes(results.winner!));
  for (const t of results.winner_details!.tags) assert.ok(html.includes(t.tag.replace(/&/g, '&amp;')), t.tag);
});

test('renderMarkdownReport(small real run) has every section and one row per candidate', async () => {
  const { results } = await smallProtocolRun();
  const md = renderMarkdownReport(results);
  for (const h of [
    '## Data',
    '## Leaderboard',
    '## Facets',
    "## The winner's segments",
    '## Reproducibility',
  ])
    assert.ok(md.includes(h), h);
  for (const c of results.candidates) assert.ok(md.includes(`| ${c.rank} | ${c.id} |`), c.id);
  assert.ok(md.includes('### Agreement with the truth'));
});

test("reports say when null.real is the refit on the null logs' sample (real_basis sample) and not otherwise", async () => {
  const sampled = syntheticResults(3, 4);
  const note = /null logs were built from a seeded sample of 1,000 of the 100,000 history users/;
  assert.match(renderMarkdownReport(sampled), note);
  const html = renderHtmlReport(sampled);
  assert.match(html, note);
  assert.match(html, />real, 1,000 users</);
  const { results } = await smallProtocolRun();
  assert.ok(results.candidates.every((c) => c.facets.null.real_basis === 'history'));
  assert.doesNotMatch(renderMarkdownReport(results), /seeded sample of/);
  assert.doesNotMatch(renderHtmlReport(results), /seeded sample of|real, \d/);
});

test('writeReport + readResults round-trip through results.json (null back to NaN); bad files are InputErrors', async () => {
  const { results, dir } = await smallProtocolRun();
  const back = readResults(join(dir, 'run', 'results.json'));
  assert.equal(renderHtmlReport(back), renderHtmlReport(results));
  const out = mkdtempSync(join(tmpdir(), 'segscope-write-'));
  const written = writeReport(back, join(out, 'r.html'));
  assert.equal(written.md, join(out, 'report.md'));
  assert.ok(readFileSync(written.html, 'utf8').startsWith('<!DOCTYPE html>'));
  writeFileSync(join(out, 'bad.json'), '{"version": 1}');
  assert.throws(() => readResults(join(out, 'bad.json')), {
    name: 'InputError',
    message: /bad\.json: not a segscope results.json: it lacks "dataset"/,
  });
  writeFileSync(join(out, 'broken.json'), '{');
  assert.throws(() => readResults(join(out, 'broken.json')), { name: 'InputError', message: /not JSON/ });
  assert.throws(() => readResults(join(out, 'missing.json')), {
    name: 'InputError',
    message: /cannot read it/,
  });
});
