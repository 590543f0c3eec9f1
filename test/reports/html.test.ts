/*
 * The HTML report rendered from fixed results: which sections appear (optional ones only with
 * their data), how numbers are formatted, that every user-provided name is escaped, and that a
 * malformed optional section is an error naming the field.
 */
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../reports/index.js';
import { ablation, pickup, refundByLag, shocks, stages, stockedByRank, stress, suppliers } from './extras.js';
import { fixtureResults } from './fixture.js';

const D3 = '/* d3 stand-in */ window.d3 = {};';
const evil = '<img src=x onerror=alert(1)>';

const plain = fixtureResults({
  'pto-greedy': { fullOrderRate: [0.61, 0.62, 0.6171] },
  newsvendor: { fullOrderRate: [0.65, 0.66, 0.6673] },
  opt: { fullOrderRate: [0.82, 0.83, 0.8241], oracle: true },
});

const full = fixtureResults({
  'pto-greedy': { fullOrderRate: [0.61, 0.62, 0.6171], extra: { refundByLag: { ...refundByLag, nowcastMae3: 0.0021, naiveMae3: 0.0134 }, stockedByRank, stages, suppliers, pickup, extraDeliveryLatenessHours: 1.088 } },
  newsvendor: { fullOrderRate: [0.65, 0.66, 0.6673], extra: { refundByLag, stockedByRank } },
}, { extra: { shocks, stress, ablation } });

function sectionIds(html: string): string[] {
  return [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
}

describe('renderHtmlReport', () => {
  it('has the core sections, and none of the optional ones without their data', () => {
    const html = renderHtmlReport(plain, { d3Source: D3 });
    expect(sectionIds(html)).toEqual(['headline', 'per-day', 'outcomes', 'tradeoff', 'plan-shape', 'reproduce']);
    for (const id of ['chart-per-day', 'chart-outcomes', 'chart-tradeoff']) expect(html).toContain(`id="${id}"`);
    for (const id of ['chart-stocked-by-rank', 'chart-refunds', 'chart-stress']) expect(html).not.toContain(`id="${id}"`);
    expect(html).not.toContain('Shaded: shock windows');
  });

  it('adds every optional section when the results carry it', () => {
    const html = renderHtmlReport(full, { d3Source: D3 });
    expect(sectionIds(html)).toEqual(['headline', 'per-day', 'outcomes', 'tradeoff', 'plan-shape', 'refunds', 'flows', 'stress', 'ablation', 'reproduce']);
    for (const id of ['chart-stocked-by-rank', 'chart-refunds', 'chart-stress']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('Shaded: shock windows');
    // Ablation (Table 3): reference, variants and differences in pp.
    expect(html).toContain('<td>otpto w/o A4</td><td class="text">sales-prediction features (A4)</td><td>57.51%</td><td>[57.00, 58.00]</td><td>-8.40 pp</td>');
    expect(html).toContain('<td>otpto w/o A5</td><td class="text">clustering features (A5)</td><td>65.67%</td><td>—</td><td>-0.24 pp</td>');
    // Stages, suppliers (name escaped), pick-up, lateness and the nowcast error, for the strategy that has them.
    expect(html).toContain('<td class="text">front</td><td>1,181</td><td>7,370</td><td>0</td><td>6,668</td><td>0</td><td>69</td><td>635.2</td><td>1,179</td><td>0</td>');
    expect(html).toContain('<td class="text">&lt;b&gt;green&lt;/b&gt;-farms</td><td>3,285</td><td>99.29%</td><td>97.27%</td><td>97.29%</td>');
    expect(html).toContain('<td>95.12%</td><td>12.3</td><td>456.8</td>');
    expect(html).toContain('Second-delivery lateness (h)');
    expect(html).toMatch(/pto-greedy<\/td>(<td>[^<]*<\/td>){7}<td>1\.1<\/td>/);
    expect(html).toContain('<td>3.370%</td><td>0.210 pp</td><td>1.340 pp</td>');
    // Stress summary: mean and median of the draws.
    expect(html).toMatch(/newsvendor<\/td><td>4<\/td><td>60\.00%<\/td><td>[\d.]+%<\/td><td>61\.00%<\/td>/);
  });

  it('formats the headline: rates, CIs, gap to OPT, share of PTO gap closed, paired differences', () => {
    const html = renderHtmlReport(plain, { d3Source: D3 });
    const row = (name: string) => html.split('\n').find((l) => l.includes(`</span>${name}`) && l.includes('<tr>'))!;
    // pto-greedy: mean 61.57%; gap to OPT = 1 − 0.6157/0.8247.
    const opt = (0.82 + 0.83 + 0.8241) / 3;
    const pto = (0.61 + 0.62 + 0.6171) / 3;
    const nv = (0.65 + 0.66 + 0.6673) / 3;
    expect(row('pto-greedy')).toContain(`<td>${(100 * pto).toFixed(2)}%</td>`);
    expect(row('pto-greedy')).toContain(`<td>${(100 * (1 - pto / opt)).toFixed(2)}%</td>`);
    expect(row('pto-greedy')).toContain('<td>baseline</td>');
    expect(row('newsvendor')).toContain(`<td>${(100 * ((nv - pto) / (opt - pto))).toFixed(1)}%</td>`);
    expect(row('newsvendor')).toContain(`<td>+${(100 * (nv - pto)).toFixed(2)} pp</td>`);
    expect(row('newsvendor')).toMatch(/<td>\[\+\d\.\d\d, \+\d\.\d\d\]<\/td>/);
    expect(row('opt')).toContain('oracle');
    // Table 2: the average row and per-day differences.
    expect(html).toContain(`<tr class="average"><td>Average</td><td></td><td>${(100 * pto).toFixed(2)}</td>`);
    expect(html).toContain('<td>2020-07-01</td><td>1,150</td>');
    // Table 5 and outcomes.
    expect(html).toContain('<td>299.0</td><td>8,990</td><td>10.0</td><td>180.0</td><td>30.1</td><td>15.0</td><td>12.0</td>');
    expect(html).toContain('<td>30.00%</td><td>1.20%</td><td>90.00%</td>');
  });

  it('renders one seed without intervals, and oracles-only results without a baseline', () => {
    const one = fixtureResults({ a: { fullOrderRate: [0.6] }, b: { fullOrderRate: [0.65] } }, { seeds: [1] });
    const html = renderHtmlReport(one, { d3Source: D3 });
    expect(html).toContain('</span>a</td><td>60.00%</td><td>—</td><td>—</td><td>—</td><td>baseline</td><td>—</td>');
    expect(html).toContain('</span>b</td><td>65.00%</td><td>—</td><td>—</td><td>—</td><td>+5.00 pp</td><td>—</td>');
    const oracleOnly = renderHtmlReport(fixtureResults({ opt: { fullOrderRate: [0.8, 0.82, 0.81], oracle: true } }), { d3Source: D3 });
    expect(oracleOnly).toContain('<tr class="average"><td>Average</td><td></td><td>81.00</td></tr>');
  });

  it('uses the chosen baseline for paired differences, and rejects an unknown one', () => {
    const html = renderHtmlReport(plain, { d3Source: D3, baseline: 'newsvendor' });
    expect(html).toContain('Δ vs newsvendor (paired)');
    expect(() => renderHtmlReport(plain, { d3Source: D3, baseline: 'nope' })).toThrow("baseline strategy 'nope' is not in the results (pto-greedy, newsvendor, opt)");
  });

  it('escapes every user-provided name: scenario, strategy, shock label, file', () => {
    const r = fixtureResults({ [evil]: { fullOrderRate: [0.6, 0.61, 0.62] }, 'b"&\'': { fullOrderRate: [0.6, 0.6, 0.6] } },
      { scenario: `${evil}</script><script>alert(2)</script>`, extra: { shocks } });
    const html = renderHtmlReport(r, { d3Source: D3, source: `/tmp/${evil}/results.json` });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>north');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('b&quot;&amp;&#39;');
    // Exactly the five script elements we put there: chart data, d3, charts, results.json (download), downloads.
    expect(html.match(/<script/g)).toHaveLength(5);
    expect(html.match(/<\/script>/g)).toHaveLength(5);
    const embedded = html.match(/<script type="application\/json" id="freshsim-results">(.*?)<\/script>/s)![1];
    expect(embedded).not.toMatch(/[<>]/);
    expect(JSON.parse(embedded)).toEqual(JSON.parse(JSON.stringify(r)));
    // The data block carries the names as \u escapes, and parses back to them.
    const data = html.match(/<script type="application\/json" id="freshsim-data">(.*?)<\/script>/s)![1];
    expect(data).not.toMatch(/[<>]/);
    expect(JSON.parse(data).strategies[0].name).toBe(evil);
  });

  it('inlines d3 and the chart script, and needs nothing from the network', () => {
    const html = renderHtmlReport(plain, { d3Source: D3 });
    expect(html).toContain(D3);
    expect(html).toContain("document.getElementById('freshsim-data')");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });

  it('shows the reproducibility facts: scenario, seeds, version, run time, parameters, command', () => {
    const html = renderHtmlReport(plain, { d3Source: D3, wallSeconds: 12.34, generatedAt: '2026-01-01T00:00:00Z' });
    expect(html).toContain('<dt>Seeds (replications)</dt><dd>1, 2, 3</dd>');
    expect(html).toContain('<dt>freshsim version</dt><dd>0.1.0-test</dd>');
    expect(html).toContain('<dt>Run time</dt><dd>12.3 s</dd>');
    expect(html).toContain('freshsim run --scenario fixture --strategies pto-greedy,newsvendor,opt --seeds 3');
    expect(html).toContain('&quot;fitWindowDays&quot;: 90');
  });

  it.each([
    ['shocks', { extra: { shocks: [{ kind: 'lockdown', from: '2020-07-03', to: '2020-07-01' }] } }, /results field shocks\[0\]: expected from ≤ to/],
    ['shocks', { extra: { shocks: [{ kind: 'lockdown', from: 'July 1', to: '2020-07-01' }] } }, /results field shocks\[0\]\.from: expected an ISO date/],
    ['stress', { extra: { stress: { samples: { ghost: [0.5] } } } }, /results field stress\.samples\.ghost: 'ghost' is not a strategy/],
    ['ablation', { extra: { ablation: { reference: 'otpto', rows: [] } } }, /results field ablation\.referenceRate/],
  ])('rejects a malformed %s section, naming the field', (_what, opts, message) => {
    const r = fixtureResults({ a: { fullOrderRate: [0.6, 0.6, 0.6] } }, opts as never);
    expect(() => renderHtmlReport(r, { d3Source: D3 })).toThrow(message);
  });

  it('rejects a malformed per-strategy section, naming the strategy and field', () => {
    const r = fixtureResults({ a: { fullOrderRate: [0.6, 0.6, 0.6], extra: { refundByLag: { ...refundByLag, observedRate: [0.1] } } } });
    expect(() => renderHtmlReport(r, { d3Source: D3 })).toThrow('results field strategies.a.refundByLag.observedRate: expected lagDays and observedRate of the same length');
    const s = fixtureResults({ a: { fullOrderRate: [0.6, 0.6, 0.6], extra: { suppliers: [{ ...suppliers[0], fillRate: 99 }] } } });
    expect(() => renderHtmlReport(s, { d3Source: D3 })).toThrow(/results field strategies\.a\.suppliers\[0\]\.fillRate: /);
  });
});
