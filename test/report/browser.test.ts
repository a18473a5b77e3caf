/**
 * The report in a real browser (Debian's chromium driven by playwright-core): no console errors, no
 * network requests, every section and every chart present and non-empty; full-page screenshots are
 * saved for a person to look at. Chromium is required (CI installs it): without it this test fails.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { renderHtmlReport, REPORT_SECTIONS } from '../../src/report/html-report.js';
import { writeReport } from '../../src/report/write-report.js';
import { smallProtocolRun } from './protocol-fixture.js';
import { syntheticResults } from './synthetic-results.js';

const CHROMIUM = process.env.SEGSCOPE_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Headless Debian chromium with a fresh profile directory (playwright passes it as --user-data-dir),
 * no network services of its own.
 */
async function launchChromium() {
  assert.ok(
    existsSync(CHROMIUM),
    `chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set SEGSCOPE_CHROMIUM`,
  );
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'segscope-chromium-')), {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1300, height: 900 },
  });
}

test('report.html of a small real protocol run opens in chromium: no console errors, no requests, every section and chart drawn', async () => {
  const { results, dir } = await smallProtocolRun();
  const { html } = writeReport(results, join(dir, 'report.html'));
  const url = pathToFileURL(html).href;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u === url) return route.continue();
      requests.push(u);
      return route.abort();
    });
    await page.goto(url, { waitUntil: 'load' });
    for (const [id, heading] of REPORT_SECTIONS) {
      const text = await page.locator(`section#${id} > h2`).textContent();
      assert.ok(text?.includes(heading.replace("Winner's", '')), `section ${id} heading ${text}`);
    }
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((s) => {
        const box = s.getBoundingClientRect();
        const marks = [...s.querySelectorAll('.mark')].filter((m) => {
          const b = (m as unknown as { getBBox(): { width: number; height: number } }).getBBox();
          return b.width > 0 || b.height > 0;
        });
        return {
          kind: s.getAttribute('data-chart'),
          width: box.width,
          height: box.height,
          marks: marks.length,
          section: s.closest('section')?.id,
        };
      }),
    );
    const kinds = new Set(charts.map((c) => c.kind));
    for (const kind of ['bar', 'forest', 'scatter', 'line', 'histogram', 'heatmap', 'silhouette', 'map'])
      assert.ok(kinds.has(kind), `a ${kind} chart is drawn`);
    for (const c of charts) {
      assert.ok(
        c.width > 50 && c.height > 50,
        `${c.kind} chart in ${c.section} has a size (${c.width}x${c.height})`,
      );
      assert.ok(c.marks > 0, `${c.kind} chart in ${c.section} has marks`);
    }
    const k = results.winner_details!.sizes.length;
    assert.equal(await page.locator('#segments .card').count(), k);
    const shots = mkdtempSync(join(tmpdir(), 'segscope-report-shots-'));
    await page.screenshot({ path: join(shots, 'report-full.png'), fullPage: true });
    await page.setViewportSize({ width: 800, height: 900 });
    await page.screenshot({ path: join(shots, 'report-narrow.png'), fullPage: true });
    console.log(`screenshots: ${shots}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  } finally {
    await browser.close();
  }
});

test('report.html of 100 candidates x 50 segments loads and lays out in chromium: every segment card drawn', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'segscope-report-large-'));
  const path = join(dir, 'report.html');
  writeFileSync(path, renderHtmlReport(syntheticResults(100, 50)));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    // Laid out (not a timing check: speed belongs in bench/): the page has height, every card is there.
    assert.ok(Number(await page.evaluate('document.body.scrollHeight')) > 900);
    assert.equal(await page.locator('#segments .card').count(), 50);
  } finally {
    await browser.close();
  }
});
