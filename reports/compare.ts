/**
 * The multi-run comparison page (`freshsim report RUN_A RUN_B ...`): the
 * strategies common to every run side by side, each later run's difference
 * from the first (paired by seed where the seeds match, else Welch), a
 * labelled grouped bar chart drawn as static SVG, and the runs' provenance.
 * One offline file; every name is escaped.
 */
import { seedDifference, type Results } from '../analysis/index.js';
import { escapeHtml as h } from './escape.js';
import { pct, pp, rateCiText } from './format.js';
import { table } from './html-tables.js';
import { htmlPage } from './page.js';

/** One run to compare: a label (its directory) and its results. */
export interface ComparedRun {
  readonly label: string;
  readonly results: Results;
}

const PALETTE = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949'];

const signed = (lo: number | null, hi: number | null): string =>
  (lo === null || hi === null ? '—' : `[${pp(lo).replace(' pp', '')}, ${pp(hi).replace(' pp', '')}]`);

function chart(runs: readonly ComparedRun[], names: readonly string[]): string {
  const barH = 14, gap = 10, labelW = 150, plotW = 420;
  const groupH = runs.length * barH + gap;
  const height = 10 + names.length * groupH + 40;
  const bars = names.map((name, i) => {
    const y0 = 10 + i * groupH;
    const label = `<text x="${labelW - 8}" y="${y0 + (runs.length * barH) / 2 + 4}" text-anchor="end">${h(name)}</text>`;
    return label + runs.map((r, k) => {
      const rate = r.results.strategies[name].fullOrderRate.mean;
      const y = y0 + k * barH;
      return `<rect class="mark" x="${labelW}" y="${y}" width="${(plotW * rate).toFixed(1)}" height="${barH - 2}" fill="${PALETTE[k % PALETTE.length]}">` +
        `<title>${h(name)}, run ${k + 1} (${h(r.label)}): ${pct(rate)}</title></rect>` +
        `<text x="${(labelW + plotW * rate + 4).toFixed(1)}" y="${y + barH - 4}">${pct(rate, 1)}</text>`;
    }).join('');
  }).join('');
  const axisY = 10 + names.length * groupH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => `<text x="${labelW + plotW * t}" y="${axisY + 14}" text-anchor="middle">${100 * t}</text>`).join('');
  const legend = runs.map((r, k) => `<span class="legend-item"><span class="swatch" style="background:${PALETTE[k % PALETTE.length]}"></span>run ${k + 1}: ${h(r.label)}</span>`).join('');
  return `<figure class="chart" id="chart-compare" data-marks="${names.length * runs.length}"><figcaption>Full-order fulfillment rate per strategy and run</figcaption>` +
    `<div class="plot"><svg role="img" aria-label="Full-order rate per strategy and run" viewBox="0 0 ${labelW + plotW + 70} ${height}" width="${labelW + plotW + 70}" height="${height}">` +
    `${bars}<line x1="${labelW}" x2="${labelW + plotW}" y1="${axisY}" y2="${axisY}" stroke="#999"/>${ticks}` +
    `<text class="axis-label" x="${labelW + plotW / 2}" y="${axisY + 32}" text-anchor="middle">Full-order fulfillment rate (%, mean over seeds)</text></svg></div>` +
    `<div class="legend">${legend}</div></figure>`;
}

/** Render the comparison of two or more runs as one self-contained HTML document. */
export function renderComparisonReport(runs: readonly ComparedRun[]): string {
  if (runs.length < 2) throw new RangeError(`a comparison needs at least two runs, got ${runs.length}`);
  const names = Object.keys(runs[0].results.strategies).filter((n) => runs.every((r) => r.results.strategies[n] !== undefined));
  const partial = [...new Set(runs.flatMap((r) => Object.keys(r.results.strategies)))].filter((n) => !names.includes(n));
  const first = runs[0].results;
  const header = ['Strategy', ...runs.flatMap((_, k) => [`Run ${k + 1}`, '95% CI (%)']), ...runs.slice(1).flatMap((_, k) => [`Run ${k + 2} − run 1`, '95% CI (pp)'])];
  const rows = names.map((n) => {
    const rates = runs.map((r) => r.results.strategies[n].fullOrderRate);
    const diffs = runs.slice(1).map((r) => {
      const d = seedDifference(r.results.strategies[n].fullOrderRate.perSeed, r.results.seeds, first.strategies[n].fullOrderRate.perSeed, first.seeds);
      return [`${pp(d.mean)}${d.paired ? '' : ' (unpaired)'}`, signed(d.ci95[0], d.ci95[1])];
    });
    return [h(n), ...rates.flatMap((e) => [pct(e.mean), rateCiText(e.perSeed)]), ...diffs.flat()];
  });
  const runRows = runs.map((r, k) => [
    `run ${k + 1}`, `<code>${h(r.label)}</code>`, h(r.results.scenario), `<code>${h(r.results.provenance?.scenarioHash ?? '—')}</code>`,
    h(r.results.seeds.join(', ')), `${r.results.days.length} (${h(r.results.days[0])} to ${h(r.results.days.at(-1)!)})`, h(r.results.freshsim),
  ]);
  const title = `freshsim comparison — ${runs.map((r) => r.results.scenario).join(' vs ')}`;
  const body = [
    `<section id="compare"><h2>Full-order rate across runs</h2>${chart(runs, names)}${table(header, rows)}` +
      '<p class="note">Rates pooled over evaluation days and front sites, means over seeds with a 95% CI over seeds on the logit scale (bounded; † where clipped). ' +
      'Differences are against run 1: paired seed by seed where both runs used the same seeds (common random numbers when the scenario is the same), ' +
      'else Welch\'s unpaired interval, marked.' + (partial.length ? ` Not in every run (not compared): ${partial.map(h).join(', ')}.` : '') + '</p></section>',
    `<section id="runs"><h2>Runs</h2>${table(['Run', 'Directory', 'Scenario', 'Scenario fingerprint', 'Seeds', 'Evaluation days', 'freshsim'], runRows, undefined, [1, 2, 3])}</section>`,
  ].join('\n');
  return htmlPage(title, `<header><h1>${h(title)}</h1><p>${runs.length} runs · ${names.length} strategies in common</p></header>
${body}`);
}
