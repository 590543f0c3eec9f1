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
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../experiment/index.js';
import { renderHtmlReport } from '../../reports/index.js';
import { builtinScenario } from '../../scenarios/index.js';
import { loadScenario } from '../../cli/files.js';
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
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

afterAll(async () => {
  await context?.close();
});

/**
 * Open `html` from a file; collect console errors and page errors. A report page is ready once its
 * charts are drawn; a page without the charts script (the comparison, `charts: false`) once loaded.
 */
async function open(html: string, name: string, charts = true): Promise<{ page: Page; errors: string[]; file: string }> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`file://${file}`);
  if (charts) await page.waitForSelector('html[data-charts-ready="true"]', { timeout: 10_000 });
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
    expect(await page.$$eval('#chart-tradeoff .legend-item', (xs) => xs.map((x) => x.textContent)))
      .toEqual([evil, 'pto-greedy', 'newsvendor', 'opt (oracle)', 'mean over seeds (cross)']);
    // Bars are labelled with the strategy names on the axis.
    expect(await page.$$eval('#chart-outcomes .tick text', (xs) => xs.map((x) => x.textContent))).toContain(evil);
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
    expect(Object.keys(marks).slice(0, 4)).toEqual(['chart-regions', 'chart-per-day', 'chart-outcomes', 'chart-tradeoff']);
    for (const [id, n] of Object.entries(marks)) expect(n, id).toBeGreaterThan(0);
    expect(marks['chart-per-day']).toBe(2 * results.days.length);
    expect(marks['chart-outcomes']).toBe(2 * 3);
    expect(marks['chart-tradeoff']).toBe(2 * 2);
    await page.screenshot({ path: join(dir, 'tiny.png'), fullPage: true });
    await page.close();
  });

  it('shows a one-region lockdown in its own row and chart, downloads CSV and results.json, and makes no network request', async () => {
    const { results } = runExperiment({
      scenario: builtinScenario('lockdown-city')!, strategies: [{ name: 'pto-greedy' }, { name: 'newsvendor' }], seeds: [1, 2], version: 'test',
    });
    const requests: string[] = [];
    context.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('blob:')) requests.push(r.url()); });
    const { page, errors } = await open(renderHtmlReport(results, { d3Source }), 'lockdown');
    expect(errors).toEqual([]);
    // The lockdown of north: its region row shows a lower rate than south's, for every strategy.
    const rows = await page.$$eval('#sites .table-wrap', (ws) => Array.from(ws[0].querySelectorAll('tbody tr'), (tr: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    for (const strategy of ['pto-greedy', 'newsvendor']) {
      const rate = (region: string) => parseFloat(rows.find((r) => r[0] === strategy && r[1] === region)![3]);
      expect(rate('north')).toBeLessThan(rate('south') - 5);
    }
    expect(await page.$$eval('#chart-regions svg', (s) => s.map((x) => x.getAttribute('aria-label')))).toEqual(['Full-order rate in region north', 'Full-order rate in region south']);
    expect(await page.$$eval('#headline tbody tr td:last-child a', (as) => as.map((a) => a.textContent?.split(':')[0]))).toEqual(['north', 'north']);
    // Per-day chart: one band per strategy (lowest to highest seed).
    expect(await page.$$eval('#chart-per-day path.band', (p) => p.length)).toBe(2);
    // Downloads: a CSV per table, made in the page.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#sites button.download')]);
    expect(csv.suggestedFilename()).toBe('sites.csv');
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\n')[0]).toBe('Strategy,Region,Orders/day,Full-order rate,95% CI (%),Waste (units/day),Refunded lines/day');
    expect(text).toMatch(/\npto-greedy,north,/);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-results')]);
    expect(JSON.parse(readFileSync((await json.path())!, 'utf8'))).toEqual(JSON.parse(JSON.stringify(results)));
    expect(requests).toEqual([]);
    await page.close();
  });

  it('shows a lockdown of one of three regions in that region\'s own row and chart (examples/scenarios/three-regions.yaml)', async () => {
    const scenario = loadScenario(fileURLToPath(new URL('../../examples/scenarios/three-regions.yaml', import.meta.url)));
    const { results } = runExperiment({ scenario, strategies: [{ name: 'newsvendor' }], seeds: [1, 2], version: 'test' });
    const { page, errors } = await open(renderHtmlReport(results, { d3Source }), 'three-regions');
    expect(errors).toEqual([]);
    const rows = await page.$$eval('#sites .table-wrap', (ws) => Array.from(ws[0].querySelectorAll('tbody tr'), (tr: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    const rate = (region: string) => parseFloat(rows.find((r) => r[0] === 'newsvendor' && r[1] === region)![3]);
    // East is locked down for 21 of the 28 evaluation days; west and south are not.
    expect(rate('east')).toBeLessThan(rate('west') - 5);
    expect(rate('east')).toBeLessThan(rate('south') - 5);
    expect(await page.$$eval('#chart-regions svg', (s) => s.map((x) => x.getAttribute('aria-label')))).toEqual(
      ['Full-order rate in region west', 'Full-order rate in region east', 'Full-order rate in region south'],
    );
    expect(await page.$$eval('#headline tbody tr td:last-child a', (as) => as.map((a) => a.textContent?.split(':')[0]))).toEqual(['east']);
    await page.close();
  });

  it('compares two runs side by side with paired differences where the seeds match, names inert', async () => {
    const tiny = builtinScenario('tiny')!;
    const run = (K: number, seeds: number[], name = 'tiny') => runExperiment({
      scenario: { ...tiny, name, constraints: { ...tiny.constraints, K } }, strategies: [{ name: 'pto-greedy' }, { name: 'newsvendor' }], seeds, version: 'test',
    }).results;
    const a = run(40, [1, 2]);
    const b = run(20, [1, 2], evil);
    const c = run(20, [3, 4]);
    const { renderComparisonReport } = await import('../../reports/index.js');
    const { page, errors } = await open(renderComparisonReport([{ label: 'runs/a', results: a }, { label: `runs/${evil}`, results: b }, { label: 'runs/c', results: c }]), 'compare', false);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.$eval('#chart-compare', (f) => f.querySelectorAll('svg .mark').length)).toBe(2 * 3);
    const cells = await page.$$eval('#compare tbody tr', (trs) => trs.map((tr) => Array.from((tr as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells, (td) => td.textContent ?? '')));
    expect(cells.map((r) => r[0])).toEqual(['pto-greedy', 'newsvendor']);
    // Run 2 (same seeds, K halved): paired and lower; run 3 (other seeds): unpaired.
    const pto = cells[0];
    expect(pto[7]).toMatch(/^-\d+\.\d\d pp$/);
    expect(pto[9]).toMatch(/\(unpaired\)$/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#compare button.download')]);
    expect(readFileSync((await csv.path())!, 'utf8').split('\n')[1]).toMatch(/^pto-greedy,/);
    await page.close();
  });
});
