/**
 * The report's breakdown by region, grid and front site: full-order rate,
 * waste and refunded lines per strategy, a table per level and small
 * multiples (one labelled bar chart per region), drawn here as static SVG so
 * the numbers are on the page without script. Every name is escaped.
 */
import type { SiteRow } from '../analysis/index.js';
import { escapeHtml as h } from './escape.js';
import { num, pct, rateCiText } from './format.js';
import type { ReportModel } from './report-model.js';
import { strategyCell, table } from './html-tables.js';

/** Figures of a group of sites (a region or a grid) for one strategy, per seed. */
interface Group {
  readonly key: string;
  readonly region: string;
  readonly orders: number;
  /** Pooled full-order rate per seed: Σ full / Σ orders over the group's sites. */
  readonly ratePerSeed: number[];
  readonly waste: number;
  readonly refunds: number;
}

function group(rows: readonly SiteRow[], keyOf: (r: SiteRow) => string): Group[] {
  const keys = [...new Set(rows.map(keyOf))];
  return keys.map((key) => {
    const xs = rows.filter((r) => keyOf(r) === key);
    const seeds = xs[0].orders.perSeed.length;
    const ratePerSeed = Array.from({ length: seeds }, (_, k) => {
      const orders = xs.reduce((a, r) => a + r.orders.perSeed[k], 0);
      return orders > 0 ? xs.reduce((a, r) => a + r.orders.perSeed[k] * r.fullOrderRate.perSeed[k], 0) / orders : 0;
    });
    return {
      key, region: xs[0].region, orders: xs.reduce((a, r) => a + r.orders.mean, 0), ratePerSeed,
      waste: xs.reduce((a, r) => a + r.wasteUnits.mean, 0), refunds: xs.reduce((a, r) => a + r.refundLines.mean, 0),
    };
  });
}

const meanOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function levelTable(m: ReportModel, keyOf: ((r: SiteRow) => string) | undefined, label: string): string {
  const rows: string[][] = [];
  for (const s of m.strategies) {
    const sites = m.extensions.bySite[s.name];
    if (!sites) continue;
    const groups = keyOf ? group(sites, keyOf) : sites.map((r) => ({
      key: r.site, region: r.region, orders: r.orders.mean, ratePerSeed: [...r.fullOrderRate.perSeed], waste: r.wasteUnits.mean, refunds: r.refundLines.mean,
    }));
    for (const g of groups) {
      rows.push([strategyCell(s), h(g.key), ...(label === 'Region' ? [] : [h(g.region)]), num(g.orders, 1), pct(meanOf(g.ratePerSeed)), rateCiText(g.ratePerSeed),
        num(g.waste, 1), num(g.refunds, 2)]);
    }
  }
  return table(['Strategy', label, ...(label === 'Region' ? [] : ['Region']), 'Orders/day', 'Full-order rate', '95% CI (%)', 'Waste (units/day)', 'Refunded lines/day'],
    rows, undefined, label === 'Region' ? [1] : [1, 2]);
}

/** One small bar chart per region: a labelled bar per strategy with its full-order rate. */
function smallMultiples(m: ReportModel): string {
  const names = m.strategies.filter((s) => m.extensions.bySite[s.name]);
  const regions = [...new Set(m.extensions.bySite[names[0].name].map((r) => r.region))];
  const barH = 18, labelW = 130, plotW = 200, top = 22;
  const height = top + names.length * (barH + 6) + 26;
  const charts = regions.map((region) => {
    const bars = names.map((s, k) => {
      const g = group(m.extensions.bySite[s.name].filter((r) => r.region === region), () => region)[0];
      const rate = meanOf(g.ratePerSeed);
      const y = top + k * (barH + 6);
      return `<text x="${labelW - 6}" y="${y + barH - 5}" text-anchor="end">${h(s.name)}</text>` +
        `<rect class="mark" x="${labelW}" y="${y}" width="${(plotW * rate).toFixed(1)}" height="${barH}" fill="${s.colour}"><title>${h(s.name)} in ${h(region)}: ${pct(rate)}</title></rect>` +
        `<text x="${(labelW + plotW * rate + 4).toFixed(1)}" y="${y + barH - 5}">${pct(rate, 1)}</text>`;
    }).join('');
    const axisY = top + names.length * (barH + 6);
    const ticks = [0, 0.5, 1].map((t) => `<text x="${labelW + plotW * t}" y="${axisY + 14}" text-anchor="middle">${100 * t}%</text>`).join('');
    return `<svg class="small-multiple" role="img" aria-label="Full-order rate in region ${h(region)}" viewBox="0 0 ${labelW + plotW + 60} ${height}" width="${labelW + plotW + 60}" height="${height}">` +
      `<text class="panel-title" x="${labelW}" y="14">${h(region)}</text>${bars}` +
      `<line x1="${labelW}" x2="${labelW + plotW}" y1="${axisY}" y2="${axisY}" stroke="#999"/>${ticks}` +
      `<text class="axis-label" x="${labelW + plotW / 2}" y="${axisY + 26}" text-anchor="middle">full-order rate (%)</text></svg>`;
  });
  return `<figure class="chart" id="chart-regions" data-marks="${regions.length * names.length}"><figcaption>Full-order fulfillment rate by region</figcaption>` +
    `<div class="multiples">${charts.join('')}</div></figure>`;
}

/** The "By region, grid and site" section body, or '' when the results carry no per-site figures. */
export function sitesSection(m: ReportModel): string {
  if (!m.strategies.some((s) => m.extensions.bySite[s.name])) return '';
  return `${smallMultiples(m)}\n<h3>By region</h3>${levelTable(m, (r) => r.region, 'Region')}` +
    '<p class="note">Rates pool the region\'s orders over its front sites, per seed; the CI is over seeds on the logit scale (bounded to 0–100%; † where a seed\'s rate is exactly 0 or 1 and the interval was clipped instead). Waste counts units spoiled at the front sites.</p>' +
    `<details><summary>By grid</summary>${levelTable(m, (r) => r.grid, 'Grid')}</details>` +
    `<details><summary>By front site</summary>${levelTable(m, undefined, 'Front site')}</details>`;
}

/** The headline's drill-down: each strategy's weakest region (lowest full-order rate), linking to the breakdown. */
export function weakestRegion(m: ReportModel): { header: string; cell: (name: string) => string } | undefined {
  if (!m.strategies.some((s) => m.extensions.bySite[s.name])) return undefined;
  return {
    header: 'Weakest region',
    cell: (name) => {
      const sites = m.extensions.bySite[name];
      if (!sites) return '—';
      const g = group(sites, (r) => r.region).map((x) => ({ region: x.key, rate: meanOf(x.ratePerSeed) })).sort((a, b) => a.rate - b.rate)[0];
      return `<a href="#sites">${h(g.region)}: ${pct(g.rate)}</a>`;
    },
  };
}
