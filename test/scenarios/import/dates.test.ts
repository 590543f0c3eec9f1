/* Dates of a log: ISO as written; day-first or month-first decided by evidence from the whole log; ambiguity is an error asking for --date-format. */
import { describe, expect, it } from 'vitest';
import { CsvError, dateReader, parseDateAs, parseTimeOfDay, splitTimestamp } from '../../../scenarios/index.js';

const at = (line: number) => ({ file: 'log.csv', line, column: 'InvoiceDate' });

describe('dates', () => {
  it('reads ISO dates directly and rejects impossible dates', () => {
    const r = dateReader();
    expect(r.key('2011-02-28', at(2))).toBe('2011-02-28');
    expect(r.key('2011-2-3', at(3))).toBe('2011-02-03');
    expect(r.key('2011-02-30', at(4))).toBeUndefined();
    expect(r.key('yesterday', at(5))).toBeUndefined();
  });

  it('decides MM/DD/YYYY from a second part above 12 and DD-MM-YYYY from a first part above 12', () => {
    const r = dateReader();
    const k1 = r.key('12/1/2010', at(2))!;
    const k2 = r.key('12/13/2010', at(3))!;
    const k3 = r.key('25-03-2011', at(4))!;
    const k4 = r.key('05-04-2011', at(5))!;
    expect([k1, k2, k3, k4].map((k) => r.resolve(k))).toEqual(['2010-12-01', '2010-12-13', '2011-03-25', '2011-04-05']);
    expect(r.chosen()).toEqual({ '/': 'MM/DD/YYYY', '-': 'DD-MM-YYYY' });
  });

  it('asks for --date-format when no date tells the two readings apart, naming where', () => {
    const r = dateReader();
    const k = r.key('01/02/2011', at(7))!;
    r.key('03/04/2011', at(8));
    expect(() => r.resolve(k)).toThrow(CsvError);
    expect(() => r.resolve(k)).toThrow(/^log\.csv:7: column 'InvoiceDate': dates such as '01\/02\/2011' fit both DD\/MM\/YYYY and MM\/DD\/YYYY.*--date-format/);
  });

  it('fails when dates with the same separator need both readings', () => {
    const r = dateReader();
    r.key('13/01/2011', at(2));
    expect(() => r.key('01/13/2011', at(9))).toThrow(/^log\.csv:9: .*'13\/01\/2011' \(log\.csv:2\) can only be DD\/MM\/YYYY but '01\/13\/2011' \(log\.csv:9\) can only be MM\/DD\/YYYY/);
  });

  it('follows an explicit --date-format', () => {
    const r = dateReader('DD/MM/YYYY');
    expect(r.key('01/02/2011', at(2))).toBe('2011-02-01');
    expect(r.key('02/13/2011', at(3))).toBeUndefined();
    expect(parseDateAs('2011.03.04', 'DD.MM.YYYY')).toBeUndefined();
    expect(parseDateAs('04.03.2011', 'DD.MM.YYYY')).toBe('2011-03-04');
  });

  it('parses times and splits timestamps', () => {
    expect(splitTimestamp('12/1/2010 8:26')).toEqual({ date: '12/1/2010', time: '8:26' });
    expect(splitTimestamp('2010-12-01T08:26:00Z')).toEqual({ date: '2010-12-01', time: '08:26:00Z' });
    expect(parseTimeOfDay('8:26')).toBe(8 * 3600 + 26 * 60);
    expect(parseTimeOfDay('09:58:11')).toBe(9 * 3600 + 58 * 60 + 11);
    expect(parseTimeOfDay('12:05 AM')).toBe(5 * 60);
    expect(parseTimeOfDay('1:00 pm')).toBe(13 * 3600);
    expect(parseTimeOfDay('25:00')).toBeUndefined();
    expect(parseTimeOfDay('noon')).toBeUndefined();
  });
});
