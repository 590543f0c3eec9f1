/**
 * The report's tables as HTML: the headline, the paper's Table 2 (per-day
 * full-order rates), outcomes, Table 5 (plan shape), Table 3 (ablation) and
 * a stress summary. Every name is escaped.
 */
import type { Estimate } from '../analysis/index.js';
import { escapeHtml as h } from './escape.js';
import { ciText, num, pct, pp, rateCiText } from './format.js';
import type { ReportModel, StrategyView } from './report-model.js';

/** A strategy's name with its colour swatch (and an oracle tag). */
export function strategyCell(s: StrategyView): string {
  return `<span class="swatch" style="background:${s.colour}"></span>${h(s.name)}${s.oracle ? '<span class="tag">oracle</span>' : ''}`;
}

/** An HTML table (header cells and row cells are HTML); `textColumns` are left-aligned. */
export function table(header: readonly string[], rows: readonly string[][], extraClass: (k: number) => string = () => '', textColumns: readonly number[] = []): string {
  const cls = (c: number): string => (textColumns.includes(c) ? ' class="text"' : '');
  const head = `<thead><tr>${header.map((x, c) => `<th scope="col"${cls(c)}>${x}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r, k) => `<tr${extraClass(k) ? ` class="${extraClass(k)}"` : ''}>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table>${head}<tbody>\n${body}\n</tbody></table></div>`;
}

const signedCi = (e: Estimate): string => {
  const [lo, hi] = e.ci95;
  return lo === null || hi === null ? '—' : `[${pp(lo).replace(' pp', '')}, ${pp(hi).replace(' pp', '')}]`;
};

/** Headline: rate with bounded CI, gap to OPT, share of PTO's gap closed, paired difference to the baseline, and an optional drill-down cell. */
export function headlineTable(m: ReportModel, drill?: { readonly header: string; readonly cell: (name: string) => string }): string {
  const base = m.baseline === undefined ? 'baseline' : h(m.baseline);
  const header = ['Strategy', 'Full-order rate', '95% CI (%)', m.opt ? `Gap to ${h(m.opt)}` : 'Gap to OPT', "Share of PTO's gap closed",
    `Δ vs ${base} (paired)`, '95% CI (pp)', ...(drill ? [drill.header] : [])];
  const rows = m.headline.map((r) => [
    strategyCell(r),
    pct(r.rate.mean),
    rateCiText(r.rate.perSeed),
    r.gapToOpt === undefined ? '—' : pct(r.gapToOpt),
    r.ptoGapClosed === undefined ? '—' : pct(r.ptoGapClosed, 1),
    r.vsBaseline === undefined ? (r.name === m.baseline ? 'baseline' : '—') : pp(r.vsBaseline.mean),
    r.vsBaseline === undefined ? '—' : signedCi(r.vsBaseline),
    ...(drill ? [drill.cell(r.name)] : []),
  ]);
  return table(header, rows);
}

/** The paper's Table 2: per-day full-order rate of every strategy and differences to the baseline. */
export function perDayTable(m: ReportModel): string {
  const r = m.results;
  const base = m.baseline;
  const others = m.strategies.filter((s) => s.name !== base);
  const header = ['Date', 'Orders', ...m.strategies.map((s) => `${strategyCell(s)} (%)`), ...others.map((s) => `${h(s.name)} − ${h(base ?? '')} (pp)`)];
  const rate = (n: string, k: number): number => r.strategies[n].perDay[k].fullOrderRate;
  const first = m.strategies[0]?.name;
  const rows = r.days.map((day, k) => [
    h(day),
    first === undefined ? '' : num(r.strategies[first].perDay[k].orders),
    ...m.strategies.map((s) => (100 * rate(s.name, k)).toFixed(2)),
    ...(base === undefined ? [] : others.map((s) => pp(rate(s.name, k) - rate(base, k)).replace(' pp', ''))),
  ]);
  const avg = (n: string): number => r.strategies[n].fullOrderRate.mean;
  rows.push(['Average', '', ...m.strategies.map((s) => (100 * avg(s.name)).toFixed(2)),
    ...(base === undefined ? [] : others.map((s) => pp(avg(s.name) - avg(base)).replace(' pp', '')))]);
  return table(base === undefined ? header.slice(0, 2 + m.strategies.length) : header, rows, (k) => (k === rows.length - 1 ? 'average' : ''));
}

/** Split, short, line fill, waste, GMV and refunds per strategy. */
export function outcomesTable(m: ReportModel, decisionMs?: Readonly<Record<string, number>>): string {
  const late = m.extensions.extraDeliveryLatenessHours;
  const withLate = Object.keys(late).length > 0;
  const header = ['Strategy', 'Split orders', 'Short orders', 'Line fill from site', 'Waste (units/day)', 'Waste value/day', 'GMV of whole orders/day', 'Refund rate',
    ...(withLate ? ['Second-delivery lateness (h)'] : []), 'ms/decision'];
  const rows = m.strategies.map((s) => {
    const v = m.results.strategies[s.name];
    const ms = decisionMs?.[s.name];
    return [strategyCell(s), pct(v.splitOrderRate.mean), pct(v.shortOrderRate.mean), pct(v.lineFillRate.mean), num(v.wasteUnits.mean, 1),
      num(v.wasteValue?.mean ?? NaN, 1), num(v.gmvFull.mean), pct(v.refundRate.mean, 3),
      ...(withLate ? [late[s.name] === undefined ? '—' : num(late[s.name], 1)] : []), ms === undefined ? '—' : ms.toFixed(1)];
  });
  return table(header, rows);
}

/** The paper's Table 5: plan shape per strategy (means over days and seeds). */
export function planShapeTable(m: ReportModel): string {
  const header = ['Strategy', 'SKUs stocked', 'Total units', 'Min/SKU', 'Max/SKU', 'Mean/SKU', 'Median/SKU', 'Low sellers stocked'];
  const rows = m.strategies.map((s) => {
    const p = m.results.strategies[s.name].planShape;
    return [strategyCell(s), num(p.skus.mean, 1), num(p.units.mean), num(p.min.mean, 1), num(p.max.mean, 1), num(p.mean.mean, 1), num(p.median.mean, 1), num(p.lowSellersStocked.mean, 1)];
  });
  return table(header, rows);
}

/** The paper's Table 3: ablation variants against the reference. */
export function ablationTable(m: ReportModel): string {
  const a = m.extensions.ablation;
  if (!a) return '';
  const ref = a.referenceRate.mean;
  const rows = [[`<strong>${h(a.reference)}</strong>`, 'full method', pct(ref), ciText(a.referenceRate), '—'],
    ...a.rows.map((r) => [h(r.variant), h(r.description ?? ''), pct(r.fullOrderRate.mean), ciText(r.fullOrderRate), pp(r.fullOrderRate.mean - ref)])];
  return table(['Variant', 'Removed / changed', 'Full-order rate', '95% CI (%)', `Δ vs ${h(a.reference)}`], rows, undefined, [1]);
}

/** Mean, quantiles and range of the stress draws per strategy. */
export function stressTable(m: ReportModel): string {
  const st = m.extensions.stress;
  if (!st) return '';
  const isRate = /rate/i.test(st.metric ?? 'fullOrderRate');
  const f = (x: number): string => (isRate ? pct(x) : num(x, 2));
  const q = (v: number[], p: number): number => {
    const i = (v.length - 1) * p;
    const lo = Math.floor(i);
    return v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (i - lo);
  };
  const rows = m.strategies.filter((s) => st.samples[s.name]).map((s) => {
    const v = [...st.samples[s.name]].sort((a, b) => a - b);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    return [strategyCell(s), String(v.length), f(mean), f(q(v, 0.05)), f(q(v, 0.5)), f(q(v, 0.95)), f(v[0]), f(v[v.length - 1])];
  });
  return table(['Strategy', 'Draws', 'Mean', '5th pct', 'Median', '95th pct', 'Min', 'Max'], rows);
}

/** Loss accounting per stage: mean units per day in and out of each level. */
export function stagesTable(m: ReportModel): string {
  const st = m.extensions.stages;
  const rows = m.strategies.filter((s) => st[s.name]).flatMap((s) => st[s.name].map((r) => [
    strategyCell(s), h(r.level), num(r.opening), num(r.received), num(r.returnedIn), num(r.sold), num(r.shippedDown), num(r.returnedUp),
    num(r.spoiled, 1), num(r.onHand), num(r.inTransit),
  ]));
  if (!rows.length) return '';
  return table(['Strategy', 'Level', 'Opening', 'Received', 'Returned in', 'Sold', 'Shipped down', 'Returned up', 'Spoiled', 'On hand', 'In transit'], rows, undefined, [1]);
}

/** Supplier performance per strategy. */
export function suppliersTable(m: ReportModel): string {
  const sp = m.extensions.suppliers;
  const rows = m.strategies.filter((s) => sp[s.name]).flatMap((s) => sp[s.name].map((r) => [
    strategyCell(s), h(r.name), num(r.volumePerDay), pct(r.fillRate), pct(r.punctuality), pct(r.quality),
  ]));
  if (!rows.length) return '';
  return table(['Strategy', 'Supplier', 'Units/day delivered', 'Fill rate', 'On time', 'Quality'], rows, undefined, [1]);
}

/** Pre-sale pick-up figures per strategy. */
export function pickupTable(m: ReportModel): string {
  const pk = m.extensions.pickup;
  const rows = m.strategies.filter((s) => pk[s.name]).map((s) => {
    const r = pk[s.name];
    return [strategyCell(s), pct(r.pickupFulfilmentRate), num(r.shortfallRefundLines, 1), num(r.shortfallRefundAmount, 1)];
  });
  if (!rows.length) return '';
  return table(['Strategy', 'Units picked up / ordered', 'Shortfall lines refunded/day', 'Shortfall refunds/day'], rows);
}

/** Nowcast error of the refund rate against the naive observed-so-far rate, per strategy. */
export function nowcastTable(m: ReportModel): string {
  const rb = m.extensions.refundByLag;
  const rows = m.strategies.filter((s) => rb[s.name]?.nowcastMae3 !== undefined && rb[s.name]?.naiveMae3 !== undefined).map((s) => {
    const r = rb[s.name];
    const abs = (x: number): string => `${(100 * x).toFixed(3)} pp`;
    return [strategyCell(s), pct(r.trueRate, 3), abs(r.nowcastMae3!), abs(r.naiveMae3!)];
  });
  if (!rows.length) return '';
  return table(['Strategy', 'True refund rate', 'Nowcast error (MAE, last 3 days)', 'Observed-so-far error (MAE)'], rows);
}
