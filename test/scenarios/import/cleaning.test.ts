/*
 * Cleaning with every quirk of a real log, each in a small CSV written here: cancellations and
 * negative quantities become returns, non-product codes are dropped, a log without a quantity
 * column counts one unit a line, two date formats, one file per day, blank customer ids,
 * fractional quantities, repeated order × SKU lines summed; the report counts every record.
 */
import { describe, expect, it } from 'vitest';
import { formatDayFile, importTexts, parseDayFile, type ImportResult } from '../../../scenarios/index.js';

/** Every record is a sale, a return or a drop: the report adds up. */
function expectBalanced(r: ImportResult) {
  const rep = r.report;
  expect(rep.sales + rep.returns.lines + rep.dropped.total).toBe(rep.records);
  expect(Object.values(rep.dropped.byReason).reduce((a, b) => a + b, 0)).toBe(rep.dropped.total);
  expect(Object.values(rep.returns.byReason).reduce((a, b) => a + b, 0)).toBe(rep.returns.lines);
}

describe('cleaning', () => {
  it('turns cancellations and negative quantities into returns, drops non-product codes, and counts them', () => {
    const csv = [
      'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID',
      '1001,A,2,2011-03-01 09:00,1.50,7',
      '1001,POST,1,2011-03-01 09:00,18.00,7',
      'C1002,A,-1,2011-03-01 10:00,1.50,7',
      '1003,B2,-4,2011-03-01 11:00,2.00,8',
      '1004,BANK CHARGES,1,2011-03-01 12:00,15.00,9',
      '1004,gift_0001_10,1,2011-03-01 12:00,10.00,9',
      '1004,B2,3,2011-03-01 12:00,2.00,9',
    ].join('\n');
    const r = importTexts([{ name: 'a.csv', text: csv }]);
    expectBalanced(r);
    expect(r.report).toMatchObject({
      records: 7, sales: 2,
      returns: { lines: 2, units: 5, byReason: { 'cancelled order id': 1, 'negative quantity': 1 } },
      dropped: { total: 3, byReason: { 'non-product code': 3 } },
      nonProductCodes: { POST: 1, 'BANK CHARGES': 1, gift_0001_10: 1 },
    });
    expect(r.returns).toEqual([{ date: '2011-03-01', sku: 'A', qty: 1, value: 1.5 }, { date: '2011-03-01', sku: 'B2', qty: 4, value: 8 }]);
    const orders = r.orders.get('2011-03-01')!;
    expect(orders.map((o) => [o.id, o.lines.map((l) => [l.sku, l.qty])])).toEqual([['1001', [['A', 2]]], ['1004', [['B2', 3]]]]);
  });

  it('takes extra non-product patterns and a custom cancellation mark', () => {
    const csv = ['order,sku,qty,date', 'X-1,A,1,2011-03-01', 'R9,FEEXYZ,1,2011-03-01', 'R9,A,1,2011-03-01'].join('\n');
    const r = importTexts([{ name: 'a.csv', text: csv }], { nonProduct: ['^FEE'], cancelPattern: '^X-' });
    expectBalanced(r);
    expect(r.report.returns.byReason).toEqual({ 'cancelled order id': 1 });
    expect(r.report.nonProductCodes).toEqual({ FEEXYZ: 1 });
    expect(r.report.sales).toBe(1);
  });

  it('drops the built-in non-product codes (single letters such as B or M are adjustments in the UCI log) unless told not to', () => {
    const csv = ['order,sku,date', '1,B,2011-03-01', '2,M,2011-03-01', '3,BREAD,2011-03-01'].join('\n');
    expect(importTexts([{ name: 'a.csv', text: csv }]).report.nonProductCodes).toEqual({ B: 1, M: 1 });
    expect(importTexts([{ name: 'a.csv', text: csv }], { noDefaultNonProduct: true }).report.sales).toBe(3);
  });

  it('counts each line as one unit without a quantity column and sums repeated order × SKU lines', () => {
    const csv = ['Date,Time,Transaction,Item', '2016-10-30,09:58:11,1,Bread', '2016-10-30,10:05:34,2,Scandinavian',
      '2016-10-30,10:05:34,2,Scandinavian', '2016-10-30,10:07:57,3,Hot chocolate', '2016-10-30,10:07:57,3,Jam', '2016-10-30,10:07:57,3,Cookies'].join('\n');
    const r = importTexts([{ name: 'bakery.csv', text: csv }]);
    expectBalanced(r);
    expect(r.report.notes['no quantity column: line counted as one unit']).toBe(6);
    expect(r.report.notes['repeated order × SKU lines summed into one line']).toBe(1);
    const orders = r.orders.get('2016-10-30')!;
    expect(orders.map((o) => o.lines.map((l) => `${l.sku}×${l.qty}`))).toEqual([['Bread×1'], ['Scandinavian×2'], ['Hot chocolate×1', 'Jam×1', 'Cookies×1']]);
    expect(r.catalogue.every((s) => s.price === null)).toBe(true);
    expect(r.profile.linesPerOrder).toEqual({ mean: 1.6667, median: 1, max: 3 });
  });

  it('reads two date formats and one file per day as one log, in date order', () => {
    const day2 = ['order_id,sku,quantity,date,time', '20,A,1,02-03-2011,08:00', '21,B2,2,02-03-2011,09:30', '22,C,1,25-03-2011,09:00'].join('\n');
    const day1 = ['order_id,timestamp,sku,quantity', '10,3/1/2011 18:00,A,1', '11,3/1/2011 7:15,B2,1', '12,3/13/2011 7:00,C,1'].join('\n');
    const r = importTexts([{ name: 'day2.csv', text: day2 }, { name: 'day1.csv', text: day1 }]);
    expectBalanced(r);
    expect(r.manifest.days.map((d) => [d.date, d.orders])).toEqual([['2011-03-01', 2], ['2011-03-02', 2], ['2011-03-13', 1], ['2011-03-25', 1]]);
    expect(r.manifest.dateFormats).toEqual({ '-': 'DD-MM-YYYY', '/': 'MM/DD/YYYY' });
    expect(r.orders.get('2011-03-01')!.map((o) => o.id)).toEqual(['11', '10']);
    expect(r.profile.gaps).toEqual({ days: 21, ranges: [{ from: '2011-03-03', to: '2011-03-12', days: 10 }, { from: '2011-03-14', to: '2011-03-24', days: 11 }] });
    expect(r.manifest.sources).toEqual(['day2.csv', 'day1.csv']);
  });

  it('keeps blank customer ids and fractional quantities, with notes; a fractional SKU is sold by weight', () => {
    const csv = ['order,sku,quantity,price,timestamp,customer', '1,APPLES,0.35,4.2,2011-03-01 10:00,', '2,APPLES,1.25,4.2,2011-03-01 11:00,c9', '3,MILK,2,1.1,2011-03-01 12:00,'].join('\n');
    const r = importTexts([{ name: 'w.csv', text: csv }]);
    expectBalanced(r);
    expect(r.report.sales).toBe(3);
    expect(r.report.notes).toMatchObject({ 'blank customer id (kept)': 2, 'fractional quantity (kept; SKU sold by weight)': 2 });
    expect(r.report.examples['blank customer id (kept)'].map((e) => e.line)).toEqual([2, 4]);
    expect(r.catalogue).toEqual([
      { code: 'APPLES', description: '', category: '', unit: 'kg', price: 4.2, lines: 2, units: 1.6 },
      { code: 'MILK', description: '', category: '', unit: 'piece', price: 1.1, lines: 1, units: 2 },
    ]);
  });

  it('counts lines with missing or unparsable fields per reason, with the first places', () => {
    const csv = [
      'order,sku,quantity,price,timestamp',
      '1,A,1,2.0,2011-03-01 10:00',
      ',A,1,2.0,2011-03-01 10:00',
      '2,,1,2.0,2011-03-01 10:00',
      '3,A,,2.0,2011-03-01 10:00',
      '4,A,two,2.0,2011-03-01 10:00',
      '5,A,0,2.0,2011-03-01 10:00',
      '6,A,1,abc,2011-03-01 10:00',
      '7,A,1,-2,2011-03-01 10:00',
      '8,A,1,2.0,',
      '9,A,1,2.0,31/31/2011 10:00',
      '10,A,1,2.0,2011-03-01 27:00',
      '11,A,1',
      '',
      '12,A,1,,2011-03-01 11:00',
      '13,A,1,1e308,2011-03-01 10:00',
      '14,A,1e15,2.0,2011-03-01 10:00',
    ].join('\n');
    const r = importTexts([{ name: 'bad.csv', text: csv }]);
    expectBalanced(r);
    expect(r.report.dropped.byReason).toEqual({
      'missing order id': 1, 'missing sku': 1, 'missing quantity': 1, 'unparsable quantity': 1, 'zero quantity': 1,
      'unparsable price': 1, 'negative price': 1, 'missing date': 1, 'unparsable date': 1, 'unparsable time': 1,
      'wrong number of fields': 1, 'blank line': 1, 'absurd price': 1, 'absurd quantity': 1,
    });
    expect(r.report.sales).toBe(2);
    expect(r.report.examples['unparsable quantity']).toEqual([{ file: 'bad.csv', line: 6, column: 'quantity', value: 'two' }]);
    expect(r.report.examples['unparsable date']).toEqual([{ file: 'bad.csv', line: 11, column: 'timestamp', value: '31/31/2011' }]);
  });

  it('maps columns with --map and reports a missing column by file, line and name', () => {
    const csv = ['Basket,Article,Pieces,When', 'b1,X,2,2011-03-01 08:00'].join('\n');
    expect(() => importTexts([{ name: 'm.csv', text: csv }])).toThrow(/^m\.csv:1: column 'order': no order column; expected one of order_id, .*--map order=COLUMN/);
    const r = importTexts([{ name: 'm.csv', text: csv }], { map: ['order=Basket', 'sku=article', 'quantity=Pieces', 'timestamp=When'] });
    expect(r.manifest.columns['m.csv']).toMatchObject({ order: 'Basket', sku: 'Article', quantity: 'Pieces', timestamp: 'When' });
    expect(r.orders.get('2011-03-01')![0].lines).toEqual([{ sku: 'X', qty: 2, price: Number.NaN }]);
    expect(() => importTexts([{ name: 'm.csv', text: csv }], { map: ['order=Nope'] })).toThrow(/^m\.csv:1: column 'Nope': no such column for --map order=Nope/);
    expect(() => importTexts([{ name: 'm.csv', text: csv }], { map: ['colour=Basket'] })).toThrow(/unknown field 'colour'/);
  });

  it('profiles popularity concentration over order lines', () => {
    const lines = ['order,sku,date'];
    // SKU A in 8 orders, B2 in 1, C in 1: the top 10% (one SKU) holds 80% of lines.
    for (let k = 0; k < 10; k++) lines.push(`${k},${k < 8 ? 'A' : k === 8 ? 'B2' : 'C'},2011-03-0${1 + (k % 2)}`);
    const r = importTexts([{ name: 'p.csv', text: lines.join('\n') }]);
    expect(r.profile.popularity.top10PercentShare).toBe(0.8);
    expect(r.profile.popularity.top[0]).toEqual({ code: 'A', lines: 8 });
    expect(r.profile.popularity.gini).toBeCloseTo((2 * (1 * 1 + 2 * 1 + 3 * 8) - 4 * 10) / (3 * 10), 4);
    expect(r.profile.ordersPerDay).toEqual({ mean: 5, min: 5, median: 5, max: 5 });
  });
});

describe('cleaning: column and order edge cases', () => {
  it('gives --map columns priority over the defaults, and reads a time inside a date column', () => {
    const csv = ['Transaction,Item,Date', 'T1,7,2011-03-01 14:30:00', 'T1,8,2011-03-01 14:30:00'].join('\n');
    const r = importTexts([{ name: 'x.csv', text: csv }], { map: ['sku=Transaction', 'order=Item'] });
    expect(r.manifest.columns['x.csv']).toMatchObject({ order: 'Item', sku: 'Transaction', date: 'Date' });
    expect(r.orders.get('2011-03-01')!.map((o) => [o.id, o.seconds, o.lines.map((l) => l.sku)])).toEqual([['7', 14.5 * 3600, ['T1']], ['8', 14.5 * 3600, ['T1']]]);
  });

  it('keeps orders with the same id at two sites apart', () => {
    const csv = ['order,sku,site,date', '1,APPLE,north,2011-03-01', '1,PEAR,south,2011-03-01', '1,PLUM,north,2011-03-01'].join('\n');
    const orders = importTexts([{ name: 's.csv', text: csv }]).orders.get('2011-03-01')!;
    expect(orders.map((o) => [o.site, o.lines.map((l) => l.sku)])).toEqual([['north', ['APPLE', 'PLUM']], ['south', ['PEAR']]]);
  });
});

describe('day files', () => {
  it('round-trip orders, including unknown prices and times and one id at two sites', () => {
    const orders = [
      { id: '1', seconds: -1, site: 'north', customer: '', lines: [{ sku: 'A', qty: 2, price: Number.NaN }, { sku: 'B', qty: 0.35, price: 4.2 }] },
      { id: '1', seconds: -1, site: 'south', customer: 'c7', lines: [{ sku: 'A', qty: 1, price: 1.5 }] },
      { id: '2', seconds: 3600, site: 'north', customer: '', lines: [{ sku: 'C', qty: 3, price: 0.99 }] },
    ];
    expect(parseDayFile(formatDayFile(orders), 'd.tsv')).toEqual(orders);
    expect(() => parseDayFile('order\ttime\n', 'd.tsv')).toThrow(/^d\.tsv:1: expected the day-file header/);
    expect(() => parseDayFile(`${formatDayFile(orders)}3\t\t\t\tA\t-1\t\n`, 'd.tsv')).toThrow(/^d\.tsv:6: expected 7 tab-separated fields with a positive qty/);
  });
});
