/**
 * Plain-text tables for the terminal and the per-day CSV: the paper's
 * Table 2 (per-day full-order rates and differences) and an aggregate table
 * with confidence intervals.
 */
import type { Estimate, Results } from '../analysis/index.js';
import type { Timing } from '../experiment/index.js';

const pct = (x: number): string => (100 * x).toFixed(2);
const pp = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)}`;

function ci(e: Estimate, f: (x: number) => string): string {
  const [lo, hi] = e.ci95;
  return lo === null || hi === null ? `${f(e.mean)} (n=1)` : `${f(e.mean)} [${f(lo)}, ${f(hi)}]`;
}

/** How tables print: aligned text (wrapped to `width` columns), CSV, Markdown or JSON. */
export type TableFormat = 'text' | 'csv' | 'md' | 'json';

/** The formats `--format` accepts. */
export const TABLE_FORMATS: readonly TableFormat[] = ['text', 'csv', 'md', 'json'];

/** The CLI's table settings for this process (`--format`; text tables fit `width` columns). */
export const tableOutput: { format: TableFormat; width: number } = { format: 'text', width: 120 };

/**
 * A table in `format` (default: {@link tableOutput}). Text aligns columns
 * (first left, others right); when wider than `width` the columns are split
 * into blocks that fit, each repeating the first column. JSON is an array of
 * objects keyed by the header.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], format: TableFormat = tableOutput.format, width = tableOutput.width): string {
  if (format === 'csv') return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n');
  if (format === 'json') return JSON.stringify(rows.map((r) => Object.fromEntries(header.map((h, c) => [h, r[c]]))));
  if (format === 'md') {
    const cell = (x: string): string => x.replace(/\|/g, '\\|');
    return [header, header.map((_, c) => (c === 0 ? '---' : '---:')), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const blocks: number[][] = [];
  for (let c = 1; c < header.length; c++) {
    const last = blocks.at(-1);
    const used = last ? widths[0] + last.reduce((a, k) => a + 2 + widths[k], 0) : 0;
    if (last && used + 2 + widths[c] <= width) last.push(c);
    else blocks.push([c]);
  }
  const render = (cols: readonly number[]): string => {
    const line = (cells: readonly string[]): string => cols.map((c) => (c === 0 ? cells[c].padEnd(widths[c]) : cells[c].padStart(widths[c]))).join('  ');
    return [line(header), cols.map((c) => '-'.repeat(widths[c])).join('  '), ...rows.map(line)].join('\n');
  };
  return (blocks.length ? blocks : [[]]).map((b) => render([0, ...b])).join('\n\n');
}

function baselineOf(r: Results): string | undefined {
  return r.comparisons[0]?.baseline ?? Object.keys(r.strategies)[0];
}

/** Per-day full-order rates (%) of every strategy, and differences (pp) to the baseline. */
export function perDayTable(r: Results): string {
  const names = Object.keys(r.strategies);
  const base = baselineOf(r);
  const others = names.filter((n) => n !== base);
  const header = ['date', 'orders', ...names.map((n) => `${n} %`), ...others.map((n) => `${n} − ${base} pp`)];
  const rows = r.days.map((day, k) => {
    const b = base ? r.strategies[base].perDay[k].fullOrderRate : 0;
    return [
      day,
      r.strategies[names[0]].perDay[k].orders.toFixed(0),
      ...names.map((n) => pct(r.strategies[n].perDay[k].fullOrderRate)),
      ...others.map((n) => pp(r.strategies[n].perDay[k].fullOrderRate - b)),
    ];
  });
  const avg = (n: string): number => r.strategies[n].fullOrderRate.mean;
  rows.push(['average', '', ...names.map((n) => pct(avg(n))), ...others.map((n) => pp(avg(n) - (base ? avg(base) : 0)))]);
  return formatTable(header, rows);
}

/** Aggregate table: rates with 95% CIs over seeds, waste, GMV of fully fulfilled orders (the demanded GMV is the same for every strategy), plan shape, decision time. */
export function aggregateTable(r: Results, timing?: Timing): string {
  const header = ['strategy', 'full-order % [95% CI]', 'split %', 'short %', 'line fill %', 'waste/day', 'whole-order GMV/day', 'SKUs', 'units', 'mean/median', 'ms/decision'];
  const rows = Object.entries(r.strategies).map(([name, s]) => [
    s.oracle ? `${name} (oracle)` : name,
    ci(s.fullOrderRate, pct),
    pct(s.splitOrderRate.mean),
    pct(s.shortOrderRate.mean),
    pct(s.lineFillRate.mean),
    s.wasteUnits.mean.toFixed(0),
    s.gmvFull.mean.toFixed(0),
    s.planShape.skus.mean.toFixed(1),
    s.planShape.units.mean.toFixed(0),
    `${s.planShape.mean.mean.toFixed(1)}/${s.planShape.median.mean.toFixed(1)}`,
    timing?.strategies[name] ? timing.strategies[name].meanMs.toFixed(1) : '-',
  ]);
  const table = formatTable(header, rows);
  const diffs = r.comparisons.map((c) => `  ${c.strategy} − ${c.baseline}: ${ci(c.difference, pp)} pp full-order rate (paired over ${c.difference.n} seed${c.difference.n === 1 ? '' : 's'})`);
  const out = diffs.length ? `${table}\n\nPaired differences:\n${diffs.join('\n')}` : table;
  return r.replay ? `${out}\n\n${replayNote(r)}` : out;
}

/** A replay's intervals over days: the seeds replay the same orders, so their CIs above reflect supplier noise only. */
function replayNote(r: Results): string {
  const iv = (x: { ci95: readonly [number, number] }, f: (v: number) => string) => `[${f(x.ci95[0])}, ${f(x.ci95[1])}]`;
  const any = Object.values(r.strategies).find((s) => s.fullOrderRateByDays)?.fullOrderRateByDays;
  const lines = [
    `Replayed log: every seed replays the same orders, so the CIs above reflect supplier noise only. 95% intervals over the ${r.days.length} days` +
      (any ? ` (block bootstrap, ${any.blockDays}-day blocks, ${any.resamples} resamples):` : ':'),
    ...Object.entries(r.strategies).filter(([, s]) => s.fullOrderRateByDays).map(([n, s]) => `  ${n}: ${pct(s.fullOrderRate.mean)} ${iv(s.fullOrderRateByDays!, pct)}`),
    ...r.comparisons.filter((c) => c.differenceByDays).map((c) => `  ${c.strategy} − ${c.baseline}: ${pp(c.difference.mean)} ${iv(c.differenceByDays!, pp)} pp (paired by day)`),
  ];
  return lines.join('\n');
}

/** Per-day rows of every strategy as CSV (one row per strategy and day, means over seeds). */
export function perDayCsv(r: Results): string {
  const cols = ['strategy', 'day', 'orders', 'fullOrderRate', 'splitOrderRate', 'shortOrderRate', 'lineFillRate', 'wasteUnits', 'gmv', 'skusStocked', 'unitsPlanned'] as const;
  // A `shocks` column (labels active that day, `; `-separated) only when the scenario has shocks.
  const shocks = Object.values(r.strategies).some((s) => s.perDay.some((d) => d.shocks !== undefined));
  const lines = [[...cols, ...(shocks ? ['shocks'] : [])].join(',')];
  for (const [name, s] of Object.entries(r.strategies)) {
    for (const d of s.perDay) {
      lines.push([
        csvCell(name), d.day, d.orders, d.fullOrderRate, d.splitOrderRate, d.shortOrderRate, d.lineFillRate, d.wasteUnits, d.gmv, d.skusStocked, d.unitsPlanned,
        ...(shocks ? [csvCell((d.shocks ?? []).join('; '))] : []),
      ].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
