/**
 * The self-contained HTML comparison report: one file with the data, d3 and
 * the chart script inlined, so it opens offline from disk. Sections for the
 * optional parts of results.json (see extensions.ts) appear only when the
 * results carry them.
 */
import type { Provenance, Results, SolverFigures } from '../analysis/index.js';
import { CHART_SCRIPT } from './chart-script.js';
import { escapeHtml as h, jsonForScript, scriptSafe } from './escape.js';
import {
  ablationTable, headlineTable, nowcastTable, outcomesTable, perDayTable, pickupTable, planShapeTable, stagesTable, stressTable, suppliersTable,
} from './html-tables.js';
import { sitesSection, weakestRegion } from './html-sites.js';
import { htmlPage } from './page.js';
import { buildModel, chartData, type ReportModel } from './report-model.js';

/** What the HTML report needs besides the results. */
export interface HtmlReportOptions {
  /** The d3 bundle (UMD, defines `d3`), inlined so the page works offline. */
  readonly d3Source: string;
  /** Strategy the paired differences are against (default: the run's baseline). */
  readonly baseline?: string;
  /** When the report was generated (ISO), shown in the footer. */
  readonly generatedAt?: string;
  /** Wall-clock seconds the run took (from timing.json). */
  readonly wallSeconds?: number;
  /** Mean decision time per strategy in ms (from timing.json). */
  readonly decisionMs?: Readonly<Record<string, number>>;
  /** Where the results came from (a path), shown for reproducibility. */
  readonly source?: string;
  /** What produced the run (commit, Node, OS, the exact command), merged over the results' own provenance. */
  readonly provenance?: Provenance;
}

function figure(id: string, title: string, note: string): string {
  return `<figure class="chart" id="${id}" data-title="${h(title)}"><figcaption>${h(title)}</figcaption><div class="plot"></div>` +
    `<p class="note">${note}</p></figure>`;
}

function section(id: string, title: string, body: string): { id: string; title: string; html: string } {
  return { id, title, html: `<section id="${id}"><h2>${h(title)}</h2>\n${body}\n</section>` };
}

function reproduceCommand(r: Results): string {
  const names = Object.keys(r.strategies).join(',');
  const contiguous = r.seeds.every((s, k) => s === k + 1);
  const seeds = contiguous ? `--seeds ${r.seeds.length}` : `# seeds ${r.seeds.join(', ')}`;
  const quote = (s: string): string => (/^[A-Za-z0-9._,\/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `freshsim run --scenario ${quote(r.scenario)} --strategies ${quote(names)} ${seeds}`;
}

function metaSection(m: ReportModel, o: HtmlReportOptions): string {
  const r = m.results;
  const shocks = m.extensions.shocks ?? [];
  const rows: [string, string][] = [
    ['Scenario', h(r.scenario)],
    ['Scenario seed', String(r.scenarioSeed)],
    ['Constraints', `K = ${r.constraints.K} SKU types, C = ${r.constraints.C} units, L = ${r.constraints.L} units per stocked SKU`],
    ['Seeds (replications)', h(r.seeds.join(', '))],
    ['Evaluation days', `${r.days.length} (${h(r.days[0])} to ${h(r.days[r.days.length - 1])})`],
    ['freshsim version', h(r.freshsim)],
  ];
  const p: Provenance = { ...r.provenance, ...o.provenance };
  if (p.freshsimCommit) rows.push(['freshsim commit', `<code>${h(p.freshsimCommit)}</code>`]);
  if (p.node) rows.push(['Node', h(p.node)]);
  if (p.os) rows.push(['OS', h(p.os)]);
  if (p.scenarioFile) rows.push(['Scenario file', `<code>${h(p.scenarioFile)}</code>`]);
  if (p.scenarioHash) rows.push(['Scenario fingerprint', `<code>${h(p.scenarioHash)}</code> (content hash of the resolved scenario; the gate compares it)`]);
  if (o.wallSeconds !== undefined) rows.push(['Run time', `${o.wallSeconds.toFixed(1)} s`]);
  if (o.source !== undefined) rows.push(['Results file', `<code>${h(o.source)}</code>`]);
  if (o.generatedAt !== undefined) rows.push(['Report generated', h(o.generatedAt)]);
  if (shocks.length) rows.push(['Shocks', shocks.map((s) => `${h(s.label ?? s.kind)} (${h(s.kind)}, ${h(s.from)} to ${h(s.to)})`).join('<br>')]);
  const meta = `<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
  const params = m.strategies.map((s) => `<h3>${h(s.name)}${s.oracle ? ' <span class="tag">oracle: an upper bound, not a competitor</span>' : ''}</h3>` +
    `<pre>${h(JSON.stringify(r.strategies[s.name].params, null, 2))}</pre>`).join('\n');
  const download = '<p><button type="button" class="download" id="download-results">Download results.json</button></p>';
  return `${meta}\n<p>Reproduce with:</p><pre>${h(p.command ?? reproduceCommand(r))}</pre>\n${download}\n<h3>Strategies and parameters</h3>\n${params}`;
}

/** Whether the oracle's plans were proven optimal, or are the best known with a gap (absent figures: nothing said). */
function solverNote(name: string, solver: SolverFigures | undefined): string {
  if (!solver || solver.decisions === 0) return '';
  if (solver.proven === solver.decisions) return `All ${solver.decisions} of ${h(name)}'s evaluation-day plans were proven optimal. `;
  return `${h(name)} is the best known, not proven optimal: ${solver.proven} of ${solver.decisions} evaluation-day plans were proven optimal, the rest within a gap of ${(100 * solver.worstGap).toFixed(2)}% of OM1's bound. `;
}

/** Render the report of `results` as one self-contained HTML document. */
export function renderHtmlReport(results: Results, opts: HtmlReportOptions): string {
  const m = buildModel(results, { baseline: opts.baseline });
  const x = m.extensions;
  const r = results;
  const seedsNote = `${r.seeds.length} seed${r.seeds.length === 1 ? '' : 's'}`;
  const optNote = m.opt === undefined
    ? 'No oracle ran, so there is no gap to OPT. '
    : `Gap to OPT = 1 − rate / rate(${h(m.opt)}); share of PTO's gap closed = (rate − rate(PTO)) / (rate(OPT) − rate(PTO)). ${solverNote(m.opt, r.strategies[m.opt].solver)}`;
  const sections = [
    section('headline', 'Headline', `${headlineTable(m, weakestRegion(m))}<p class="note">Full-order fulfillment rate pooled over evaluation days and front sites, mean over ${seedsNote} with a 95% CI over seeds on the logit scale (bounded to 0–100%; † marks an interval clipped instead, when a seed's rate is exactly 0 or 1). ${optNote}Paired differences use the same seeds (common random numbers) on both sides.</p>`),
    ...(sitesSection(m) ? [section('sites', 'By region, grid and site', sitesSection(m))] : []),
    section('per-day', 'Full-order rate per day (Table 2)', `${figure('chart-per-day', 'Full-order fulfillment rate per evaluation day', `Mean over ${seedsNote}; band: lowest to highest seed.${m.strategies.some((s) => s.oracle) ? ' Dashed lines: oracles (upper bounds).' : ''}${x.shocks?.length ? ' Shaded: shock windows.' : ''}`)}\n${perDayTable(m)}`),
    section('outcomes', 'Split, short and waste', `${figure('chart-outcomes', 'Split orders, short orders and waste per strategy', 'Bars labelled by strategy; whiskers: 95% CI over seeds (open-ended where cut at the axis). Split: some lines delivered later from the parent. Short: a line lost. Waste: spoiled units per day at all levels.')}\n${outcomesTable(m, opts.decisionMs)}`),
    section('tradeoff', 'Fulfillment against waste', figure('chart-tradeoff', 'Trade-off: full-order rate against waste (one point per strategy and seed)', 'Up and to the left is better: more whole orders for less spoilage.')),
    section('plan-shape', 'Plan shape (Table 5)', `${planShapeTable(m)}<p class="note">Means per plan over days and seeds. Low sellers: SKUs whose mean daily demand over the previous 28 days was below L.</p>` +
      (x.stockedByRank && Object.keys(x.stockedByRank).length ? figure('chart-stocked-by-rank', 'Stocked SKUs by popularity rank', 'Which SKUs each strategy carries, best sellers on the left; the tail shows the low sellers it stocks.') : '')),
  ];
  if (Object.keys(x.refundByLag).length) {
    sections.push(section('refunds', 'Refunds by reporting lag', figure('chart-refunds', 'Refund rate observed vs true by reporting lag, with the nowcast', 'Refunds are filed days after the order; the observed rate of a day rises until the refund window closes.') + nowcastTable(m)));
  }
  const stages = stagesTable(m);
  const suppliers = suppliersTable(m);
  const pickup = pickupTable(m);
  if (stages || suppliers || pickup) {
    sections.push(section('flows', 'Stages, suppliers and pick-up',
      (stages ? `<h3>Loss accounting per stage (units per day)</h3>${stages}<p class="note">Units in (received, returned in) and out (sold, shipped down, returned up, spoiled) of each level, means over evaluation days and seeds.</p>` : '') +
      (suppliers ? `<h3>Suppliers</h3>${suppliers}` : '') +
      (pickup ? `<h3>Pre-sale pick-up</h3>${pickup}` : '')));
  }
  if (x.stress) {
    sections.push(section('stress', 'Stress test', `${figure('chart-stress', `Stress distributions${x.stress.label ? `: ${x.stress.label}` : ''}`, 'One value per stress draw.')}\n${stressTable(m)}`));
  }
  if (x.ablation) sections.push(section('ablation', 'Ablation (Table 3)', ablationTable(m)));
  sections.push(section('reproduce', 'Scenario and reproducibility', metaSection(m, opts)));
  const nav = sections.map((s) => `<a href="#${s.id}">${h(s.title)}</a>`).join('');
  const title = `freshsim report — ${r.scenario}`;
  const main = `<header><h1>${h(title)}</h1>
<p>${m.strategies.length} strategies · ${seedsNote} · ${r.days.length} evaluation days · K ${r.constraints.K}, C ${r.constraints.C}, L ${r.constraints.L} · freshsim ${h(r.freshsim)}</p></header>
<nav>${nav}</nav>
${sections.map((s) => s.html).join('\n')}`;
  return htmlPage(title, main, [
    `<script type="application/json" id="freshsim-data">${jsonForScript(chartData(m))}</script>`,
    `<script>${scriptSafe(opts.d3Source)}</script>`,
    `<script>${scriptSafe(CHART_SCRIPT)}</script>`,
    `<script type="application/json" id="freshsim-results">${jsonForScript(results)}</script>`,
  ]);
}
