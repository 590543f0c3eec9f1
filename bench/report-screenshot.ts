/**
 * Screenshot of a run's HTML report in headless Chromium, for docs/report.png:
 *
 *   node dist/bench/report-screenshot.js RUN_DIR docs/report.png [UNTIL_SECTION]
 *
 * With UNTIL_SECTION (a section id such as `flows`), the picture stops where
 * that section begins, so a long report still fits a README.
 * Writes RUN_DIR/report.html afresh (as `freshsim report RUN_DIR` does),
 * opens it from disk with the network off, waits for the charts, fails on any
 * console error or a chart without marks, and saves a full-page PNG.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { readResults, writeHtmlReport } from '../cli/results-files.js';

async function main(runDir: string, png: string, until?: string): Promise<void> {
  const { results, file } = readResults(runDir);
  const html = writeHtmlReport(results, join(runDir, 'report.html'), { runDir, source: file });
  const profile = mkdtempSync(join(tmpdir(), 'freshsim-shot-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, offline: true, viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${resolve(html)}`);
    await page.waitForSelector('html[data-charts-ready="true"]', { timeout: 20_000 });
    const marks = await page.$$eval('figure.chart', (fs) => fs.map((f) => [f.id, Number(f.getAttribute('data-marks'))] as const));
    const empty = marks.filter(([, n]) => !(n > 0));
    if (errors.length || empty.length) throw new Error(`report did not render cleanly: ${[...errors, ...empty.map(([id]) => `${id} drew no marks`)].join('; ')}`);
    const stopAt = until === undefined ? undefined : await page.$eval(`#${until}`, (e) => e.getBoundingClientRect().top + (e.ownerDocument.defaultView?.scrollY ?? 0)).catch(() => undefined);
    if (until !== undefined && stopAt === undefined) throw new Error(`the report has no section '${until}'`);
    await page.screenshot({ path: png, fullPage: true, ...(stopAt === undefined ? {} : { clip: { x: 0, y: 0, width: 1280, height: Math.ceil(stopAt) } }) });
    process.stdout.write(`${png}: ${marks.map(([id, n]) => `${id} ${n} marks`).join(', ')}\n`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const [runDir, png, until] = process.argv.slice(2);
if (!runDir || !png) {
  process.stderr.write('usage: node dist/bench/report-screenshot.js RUN_DIR OUT.png\n');
  process.exitCode = 2;
} else {
  main(runDir, png, until).catch((e: unknown) => { process.stderr.write(`${(e as Error).message}\n`); process.exitCode = 1; });
}
