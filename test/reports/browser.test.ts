/*
 * The HTML report in a real headless Chromium (Debian `chromium`, driven by playwright-core):
 * opened from disk with the network off, it must log no console errors, every chart must draw its
 * marks, an injected `<img onerror>` name must render as text without running, and a screenshot
 * is saved. `.ci/run` installs chromium; without it this test fails with a message saying so.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../experiment/index.js';
import { renderHtmlReport } from '../../reports/index.js';
import { builtinScenario } from '../../scenarios/index.js';
import { ablation, refundByLag, shocks, stockedByRank, stress } from './extras.js';
import { fixtureResults } from './fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const evil = '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">';
const d3Source = readFileSync(join(dirname(createRequire(import.meta.url).resolve('d3')), 'd3.min.js'), 'utf8');

let dir: string;
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (.ci/run does)`);
  dir = mkdtempSync(join(tmpdir(), 'freshsim-browser-'));
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    offline: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

afterAll(async () => {
  await context?.close();
});

/** Open `html` from a file; collect console errors and page errors. */
async function open(html: string, name: string): Promise<{ page: Page; errors: string[]; file: string }> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`file://${file}`);
  await page.waitForSelector('html[data-charts-ready="true"]', { timeout: 10_000 });
  return { page, errors, file };
}

async function marksPerChart(page: Page): Promise<Record<string, number>> {
  return page.$$eval('figure.chart', (figs) => Object.fromEntries(figs.map((f) => [f.id, f.querySelectorAll('svg .mark').length])));
}

describe('the report in headless Chromium', () => {
  it('draws every chart, including the optional ones, runs no injected script, and screenshots', async () => {
    const results = fixtureResults({
      [evil]: { fullOrderRate: [0.61, 0.62, 0.6171], extra: { refundByLag, stockedByRank } },
      'pto-greedy': { fullOrderRate: [0.6, 0.6, 0.61], extra: { refundByLag, stockedByRank } },
      newsvendor: { fullOrderRate: [0.65, 0.66, 0.6673], extra: { refundByLag, stockedByRank } },
      opt: { fullOrderRate: [0.82, 0.83, 0.8241], oracle: true },
    }, { scenario: evil, days: 7, extra: { shocks: [{ ...shocks[0], label: evil }], stress: { ...stress, samples: { ...stress.samples, [evil]: [0.5, 0.52] } }, ablation } });
    const { page, errors } = await open(renderHtmlReport(results, { d3Source }), 'fixture');
    expect(errors).toEqual([]);
    const marks = await marksPerChart(page);
    // 4 strategies × 7 days; 4 × 3 bars; 4 × 3 seeds; 2 × 3 rank buckets; 3 × (true + 6 lags + nowcast); boxes + draws.
    expect(marks).toEqual({
      'chart-per-day': 28, 'chart-outcomes': 12, 'chart-tradeoff': 12, 'chart-stocked-by-rank': 9, 'chart-refunds': 24, 'chart-stress': 3 + 10,
    });
    expect(await page.$$eval('figure.chart', (figs) => figs.map((f) => f.getAttribute('data-marks')))).toEqual(['28', '12', '12', '9', '24', '13']);
    // Axes drew ticks, and every chart has a legend naming its strategies.
    expect(await page.$$eval('figure.chart', (figs) => figs.every((f) => f.querySelectorAll('.tick').length > 2 && f.querySelector('.legend'))) ).toBe(true);
    // The injected markup is text, nowhere an element, and its handler never ran.
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.textContent('h1')).toBe(`freshsim report — ${evil}`);
    expect(await page.textContent('#chart-per-day .shock-label')).toBe(evil);
    expect(await page.$$eval('#chart-tradeoff .legend-item', (xs) => xs.map((x) => x.textContent))).toEqual([evil, 'pto-greedy', 'newsvendor', 'opt (oracle)']);
    // Fits a laptop screen: nothing wider than the 1280 px viewport (wide tables scroll in their box).
    expect(await page.$eval('html', (e) => e.scrollWidth)).toBeLessThanOrEqual(1280);
    // Tooltips: every mark has a title.
    expect(await page.$$eval('svg .mark', (ms) => ms.every((m) => m.querySelector('title')?.textContent))).toBe(true);
    // Prints: the print stylesheet hides the navigation, keeps every chart, and a PDF comes out.
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('nav')).toBe(false);
    expect(await page.$$eval('figure.chart .plot > svg', (svgs) => svgs.length)).toBe(6);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    await page.emulateMedia({ media: 'screen' });
    const png = join(dir, 'report.png');
    await page.screenshot({ path: png, fullPage: true });
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(png).size).toBeGreaterThan(20_000);
    await page.close();
  });

  it('draws the core charts of a real simulated run', async () => {
    const { results } = runExperiment({
      scenario: builtinScenario('tiny')!,
      strategies: [{ name: 'pto-greedy' }, { name: 'newsvendor' }],
      seeds: [1, 2],
      version: 'test',
    });
    const { page, errors } = await open(renderHtmlReport(results, { d3Source }), 'tiny');
    expect(errors).toEqual([]);
    const marks = await marksPerChart(page);
    // The core charts always; optional ones (e.g. refunds by lag) when the simulator fills their fields.
    expect(Object.keys(marks).slice(0, 3)).toEqual(['chart-per-day', 'chart-outcomes', 'chart-tradeoff']);
    for (const [id, n] of Object.entries(marks)) expect(n, id).toBeGreaterThan(0);
    expect(marks['chart-per-day']).toBe(2 * results.days.length);
    expect(marks['chart-outcomes']).toBe(2 * 3);
    expect(marks['chart-tradeoff']).toBe(2 * 2);
    await page.screenshot({ path: join(dir, 'tiny.png'), fullPage: true });
    await page.close();
  });
});
