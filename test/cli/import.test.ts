/*
 * `freshsim import` as a user runs it (the compiled bin), on hand-written logs in exactly two
 * published formats — the UCI Online Retail log and the "transactions from a bakery" log — then
 * `freshsim run` on the imported directory; errors name the file, line and column and exit 2.
 * The fixtures are written here; no third-party data is used.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuiltCli, runCli } from '../helpers/cli-process.js';


function freshsim(cwd: string, ...args: string[]) {
  return runCli(args, { cwd });
}

let dir: string;
beforeAll(() => {
  requireBuiltCli();
  dir = mkdtempSync(join(tmpdir(), 'freshsim-import-'));
});

const uciHeader = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
const uciCodes = ['21730', '22423', '84029G', '85099B', '47566', '20725', '22720', '84879', '22197', '21212', '23203', '22382'];

/**
 * A UCI-format log, one list of lines per day (December 2010, 14 trading days, no Saturdays):
 * each day 8 invoices of 1–4 lines; day 1 also carries the quirks — a cancellation (C-prefixed
 * invoice, negative quantity), postage, a discount, a blank CustomerID, a quoted description with
 * a comma, and a SKU repeated within an invoice.
 */
function uciDays(): { date: string; lines: string[] }[] {
  const days: { date: string; lines: string[] }[] = [];
  let invoice = 537000;
  for (let d = 1; days.length < 14; d++) {
    const weekday = new Date(Date.UTC(2010, 11, d)).getUTCDay();
    if (weekday === 6) continue;
    const lines: string[] = [];
    for (let k = 0; k < 8; k++) {
      invoice++;
      const hh = 8 + k;
      const n = 1 + ((d + k) % 4);
      for (let j = 0; j < n; j++) {
        const code = uciCodes[(d * 3 + k * 5 + j * 7) % uciCodes.length];
        lines.push(`${invoice},${code},ITEM ${code},${1 + ((k + j) % 6)},12/${d}/2010 ${hh}:${String(5 * j).padStart(2, '0')},${(1 + (Number.parseInt(code, 10) % 7) * 0.45).toFixed(2)},${13000 + k},United Kingdom`);
      }
    }
    if (days.length === 0) {
      lines.push(
        `C${invoice},21730,ITEM 21730,-2,12/${d}/2010 17:10,1.45,13001,United Kingdom`,
        `${invoice + 1},POST,POSTAGE,1,12/${d}/2010 17:20,18.00,12583,France`,
        `${invoice + 1},D,Discount,-1,12/${d}/2010 17:20,5.00,12583,France`,
        `${invoice + 2},90001X,"CAKE STAND, THREE TIERS",1,12/${d}/2010 17:30,12.75,,United Kingdom`,
        `${invoice + 2},90001X,"CAKE STAND, THREE TIERS",2,12/${d}/2010 17:30,12.75,,United Kingdom`,
      );
      invoice += 2;
    }
    days.push({ date: `2010-12-${String(d).padStart(2, '0')}`, lines });
  }
  return days;
}

/** A bakery-format log (Date,Time,Transaction,Item; no quantity, no price), 12 days, with NONE placeholders. */
function bakeryLines(): string[] {
  const items = ['Bread', 'Coffee', 'Tea', 'Cake', 'Pastry', 'Medialuna', 'Cookies', 'Scone', 'Hot chocolate', 'Sandwich'];
  const lines = ['Date,Time,Transaction,Item'];
  let t = 0;
  for (let d = 0; d < 12; d++) {
    const date = `2016-11-${String(1 + d).padStart(2, '0')}`;
    for (let k = 0; k < 10; k++) {
      t++;
      const n = 1 + ((d + k) % 3);
      const time = `${String(8 + k).padStart(2, '0')}:${String((7 * k) % 60).padStart(2, '0')}:${String((13 * k) % 60).padStart(2, '0')}`;
      for (let j = 0; j < n; j++) lines.push(`${date},${time},${t},${items[(k + 3 * j + d) % items.length]}`);
      if (k === 4) lines.push(`${date},${time},${t},NONE`);
      if (k === 5) lines.push(`${date},${time},${t},Bread`, `${date},${time},${t},Bread`);
    }
  }
  return lines;
}

describe('freshsim import: the UCI Online Retail format', () => {
  it('imports one file, reports the cleaning and replays with pto-greedy', () => {
    const days = uciDays();
    writeFileSync(join(dir, 'online-retail.csv'), `${[uciHeader, ...days.flatMap((d) => d.lines)].join('\r\n')}\r\n`);
    const imp = freshsim(dir, 'import', 'online-retail.csv', '--out', 'uci');
    expect(imp.stderr).toBe('');
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain('return: cancelled order id: 1 lines');
    expect(imp.stdout).toMatch(/dropped: non-product code: 2 \(first at online-retail\.csv:\d+, column 'StockCode': 'POST'\)/);
    expect(imp.stdout).toContain('days: 14 with orders, 2010-12-01 … 2010-12-16 (16 calendar days; 2 without orders, skipped in replay)');
    const report = JSON.parse(readFileSync(join(dir, 'uci', 'cleaning-report.json'), 'utf8'));
    expect(report.returns.byReason).toEqual({ 'cancelled order id': 1 });
    expect(report.nonProductCodes).toEqual({ POST: 1, D: 1 });
    expect(report.notes['blank customer id (kept)']).toBe(2);
    expect(report.notes['repeated order × SKU lines summed into one line']).toBeGreaterThanOrEqual(1);
    expect(report.sales + report.returns.lines + report.dropped.total).toBe(report.records);
    const manifest = JSON.parse(readFileSync(join(dir, 'uci', 'manifest.json'), 'utf8'));
    expect(manifest.columns['online-retail.csv']).toMatchObject({ order: 'InvoiceNo', sku: 'StockCode', quantity: 'Quantity', timestamp: 'InvoiceDate', price: 'UnitPrice', customer: 'CustomerID', description: 'Description' });
    expect(manifest.dateFormats).toEqual({ '/': 'MM/DD/YYYY' });
    const day1 = readFileSync(join(dir, 'uci', 'days', '2010-12-01.tsv'), 'utf8');
    expect(day1).toMatch(/\t90001X\t3\t12\.75\n/);
    const catalogue = JSON.parse(readFileSync(join(dir, 'uci', 'catalogue.json'), 'utf8'));
    expect(catalogue.find((s: { code: string }) => s.code === '90001X').description).toBe('CAKE STAND, THREE TIERS');

    const run = freshsim(dir, 'run', '--scenario', 'uci', '--strategies', 'pto-greedy', '--out', 'uci-run');
    expect(run.code).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'uci-run', 'results.json'), 'utf8'));
    const rate = results.strategies['pto-greedy'].fullOrderRate.mean;
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThanOrEqual(1);
    expect(results.strategies['pto-greedy'].perDay).toHaveLength(2);
    expect(results.days).toEqual(['2010-12-15', '2010-12-16']);

    // Evaluation days chosen by date: Saturday the 11th has no orders and is skipped, not faked.
    writeFileSync(join(dir, 'uci-dec.yaml'), 'name: uci-dec\nhistory:\n  dir: uci\n  evaluationFrom: 2010-12-10\n  evaluationTo: 2010-12-13\n');
    const byDate = freshsim(dir, 'run', '--scenario', 'uci-dec.yaml', '--strategies', 'pto-greedy', '--out', 'uci-dec-run');
    expect(byDate.code, byDate.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'uci-dec-run', 'results.json'), 'utf8')).days).toEqual(['2010-12-10', '2010-12-12', '2010-12-13']);
  });

  it('reads one file per day through a glob as the same log', () => {
    mkdirSync(join(dir, 'per-day'));
    for (const d of uciDays()) writeFileSync(join(dir, 'per-day', `retail-${d.date}.csv`), `${[uciHeader, ...d.lines].join('\n')}\n`);
    const r = freshsim(dir, 'import', 'per-day/retail-*.csv', '--out', 'uci-days');
    expect(r.code).toBe(0);
    const files = readdirSync(join(dir, 'uci-days', 'days')).sort();
    expect(files).toEqual(readdirSync(join(dir, 'uci', 'days')).sort());
    for (const f of files) expect(readFileSync(join(dir, 'uci-days', 'days', f), 'utf8')).toBe(readFileSync(join(dir, 'uci', 'days', f), 'utf8'));
    expect(JSON.parse(readFileSync(join(dir, 'uci-days', 'manifest.json'), 'utf8')).sources).toHaveLength(14);
  });
});

describe('freshsim import: the bakery transactions format', () => {
  it('imports Date,Time,Transaction,Item (one unit a line, default prices) and replays with pto-greedy', () => {
    writeFileSync(join(dir, 'bakery.csv'), `${bakeryLines().join('\n')}\n`);
    const imp = freshsim(dir, 'import', 'bakery.csv', '--out', 'bakery');
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/dropped: non-product code: 12 \(first at bakery\.csv:\d+, column 'Item': 'NONE'\)/);
    expect(imp.stdout).toContain('note: no quantity column: line counted as one unit');
    const report = JSON.parse(readFileSync(join(dir, 'bakery', 'cleaning-report.json'), 'utf8'));
    expect(report.notes['repeated order × SKU lines summed into one line']).toBeGreaterThanOrEqual(12);
    const show = freshsim(dir, 'scenario', 'show', 'bakery');
    expect(show.code).toBe(0);
    // The scenario shown is a complete file: saved and shown again, it is the same.
    writeFileSync(join(dir, 'bakery-shown.yaml'), show.stdout);
    expect(freshsim(dir, 'scenario', 'show', 'bakery-shown.yaml').stdout).toBe(show.stdout);
    expect(show.stdout.replace(/\s+/g, ' ')).toMatch(/10 of 10 SKUs have no price in the log/);
    // Only the blocks a replay uses: no generator demand or popularity.
    expect(show.stdout).not.toMatch(/^demand:/m);
    expect(show.stdout).not.toMatch(/^  popularity:/m);
    const run = freshsim(dir, 'run', '--scenario', 'bakery', '--strategies', 'pto-greedy,safety-stock,opt', '--out', 'bakery-run');
    expect(run.code, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'bakery-run', 'results.json'), 'utf8'));
    expect(Object.keys(results.strategies)).toEqual(['pto-greedy', 'safety-stock', 'opt']);
    // A replay: the same orders in every seed, so the intervals come from the days, and the tables say so.
    expect(results.replay).toEqual({ ordersFixedAcrossSeeds: true, intervals: 'day-block-bootstrap' });
    expect(results.strategies['pto-greedy'].fullOrderRateByDays.method).toBe('day-block-bootstrap');
    expect(run.stdout).toContain('Replayed log: every seed replays the same orders');
    // The oracle plans with the day's realised orders: never below the baselines on the same orders.
    const rate = (s: string) => results.strategies[s].fullOrderRate.mean;
    expect(results.strategies.opt.oracle).toBe(true);
    expect(rate('opt')).toBeGreaterThanOrEqual(rate('pto-greedy'));
    expect(rate('opt')).toBeGreaterThanOrEqual(rate('safety-stock'));
    expect(results.constraints.K).toBeGreaterThanOrEqual(1);
  });

  it('replays through a scenario file with a history block', () => {
    writeFileSync(join(dir, 'bakery.yaml'), 'name: bakery-file\nhistory:\n  dir: bakery\n  evaluationFrom: 2016-11-10\nconstraints: { K: 4, C: 30, L: 2 }\n');
    const v = freshsim(dir, 'scenario', 'validate', 'bakery.yaml');
    expect(v.stderr).toBe('');
    expect(v.stdout).toMatch(/valid scenario 'bakery-file'.*9 history \+ 3 evaluation days, K 4, C 30, L 2/);
    const run = freshsim(dir, 'run', '--scenario', 'bakery.yaml', '--strategies', 'pto-greedy', '--out', 'bakery-file-run');
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'bakery-file-run', 'results.json'), 'utf8')).strategies['pto-greedy'].perDay).toHaveLength(3);
  });
});

describe('imported directories in sweep and om1', () => {
  it('sweeps strategies over an imported directory and solves OM1 on one of its days', () => {
    // Depends on the bakery import above (same file, run in order).
    writeFileSync(join(dir, 'bakery-sweep.yaml'), 'name: bakery-sweep\nscenarios: [./bakery]\nstrategies:\n  - pto-greedy\n  - name: safety-stock\n    grid: { serviceLevel: [0.7, 0.9] }\nseeds: 2\n');
    const sweep = freshsim(dir, 'sweep', 'bakery-sweep.yaml', '--out', 'bakery-sweep-run');
    expect(sweep.code, sweep.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'bakery-sweep-run', 'results.json'), 'utf8'));
    expect(Object.keys(results.strategies)).toEqual(['pto-greedy', 'safety-stock[serviceLevel=0.7]', 'safety-stock[serviceLevel=0.9]']);
    expect(results.days).toEqual(['2016-11-11', '2016-11-12']);
    const om1 = freshsim(dir, 'om1', '--scenario', 'bakery', '--day', '2016-11-12', '--json', '--no-cache');
    expect(om1.code, om1.stderr).toBe(0);
    expect(om1.stdout).toMatch(/"status": "optimal"/);
  });
});

describe('freshsim import: encodings and globs', () => {
  it('reads latin1 files with --encoding latin1, and a glob takes files only', () => {
    mkdirSync(join(dir, 'latin'));
    writeFileSync(join(dir, 'latin', 'a.csv'), Buffer.from('order,sku,description,date\n1,CR1,CR\xC8ME BR\xDBL\xC9E,2011-03-01\n2,CR1,x,2011-03-02\n3,CR1,x,2011-03-03\n', 'latin1'));
    mkdirSync(join(dir, 'latin', 'b.csv'));
    const r = freshsim(dir, 'import', 'latin/*.csv', '--out', 'latin-out', '--encoding', 'latin1');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'latin-out', 'catalogue.json'), 'utf8'))[0].description).toBe('CRÈME BRÛLÉE');
    expect(JSON.parse(readFileSync(join(dir, 'latin-out', 'manifest.json'), 'utf8')).sources).toEqual([join('latin', 'a.csv')]);
    expect(freshsim(dir, 'import', 'latin/a.csv', '--out', 'latin-2', '--encoding', 'ebcdic').stderr).toContain("--encoding 'ebcdic': expected utf8 or latin1");
  });
});

describe('freshsim import: errors', () => {
  it('names the file, line and column of a broken CSV and exits 2, writing nothing', () => {
    writeFileSync(join(dir, 'broken.csv'), 'order,sku,date\n1,A,2011-01-01\n2,"unclosed,2011-01-01\n3,B,2011-01-02\n');
    const r = freshsim(dir, 'import', 'broken.csv', '--out', 'broken');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe("freshsim: broken.csv:3: column 2: a quoted field is never closed; expected a closing quote (\")\n");
    expect(existsSync(join(dir, 'broken'))).toBe(false);
  });

  it('names a missing column and a bad --map', () => {
    writeFileSync(join(dir, 'nocol.csv'), 'basket,sku,date\n1,A,2011-01-01\n');
    const r = freshsim(dir, 'import', 'nocol.csv', '--out', 'nocol');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^freshsim: nocol\.csv:1: column 'order': no order column; expected one of order_id, .*--map order=COLUMN; the header has basket, sku, date\n$/);
    expect(freshsim(dir, 'import', 'nocol.csv', '--out', 'nocol', '--map', 'order=basket').code).toBe(0);
    const bad = freshsim(dir, 'import', 'nocol.csv', '--out', 'nocol2', '--map', 'basket');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--map 'basket': expected field=column");
  });

  it('asks for --date-format when the dates are ambiguous, and follows it', () => {
    writeFileSync(join(dir, 'ambiguous.csv'), 'order,sku,date\n1,A1,01/02/2011\n2,A1,02/02/2011\n3,A1,03/02/2011\n');
    const r = freshsim(dir, 'import', 'ambiguous.csv', '--out', 'amb');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("ambiguous.csv:2: column 'date': dates such as '01/02/2011' fit both DD/MM/YYYY and MM/DD/YYYY");
    expect(r.stderr).toContain('pass --date-format MM/DD/YYYY or --date-format DD/MM/YYYY');
    const ok = freshsim(dir, 'import', 'ambiguous.csv', '--out', 'amb', '--date-format', 'DD/MM/YYYY');
    expect(ok.code).toBe(0);
    expect(readdirSync(join(dir, 'amb', 'days'))).toEqual(['2011-02-01.tsv', '2011-02-02.tsv', '2011-02-03.tsv']);
    expect(freshsim(dir, 'import', 'ambiguous.csv', '--out', 'amb3', '--date-format', 'YYYYMMDD').stderr).toContain("--date-format 'YYYYMMDD': expected one of");
  });

  it('refuses to overwrite an imported directory without --overwrite, and a glob that matches nothing', () => {
    const r = freshsim(dir, 'import', 'nocol.csv', '--out', 'nocol', '--map', 'order=basket');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("--out 'nocol' already exists and is not empty");
    expect(freshsim(dir, 'import', 'nocol.csv', '--out', 'nocol', '--map', 'order=basket', '--overwrite').code).toBe(0);
    mkdirSync(join(dir, 'precious'));
    writeFileSync(join(dir, 'precious', 'notes.txt'), 'keep me');
    const unrelated = freshsim(dir, 'import', 'nocol.csv', '--out', 'precious', '--map', 'order=basket', '--overwrite');
    expect(unrelated.code).toBe(2);
    expect(unrelated.stderr).toContain("--out 'precious' is not a directory written by 'freshsim import'");
    expect(readFileSync(join(dir, 'precious', 'notes.txt'), 'utf8')).toBe('keep me');
    const g = freshsim(dir, 'import', 'none-*.csv', '--out', 'x');
    expect(g.code).toBe(2);
    expect(g.stderr).toContain("the glob 'none-*.csv' matches no file");
  });
});
