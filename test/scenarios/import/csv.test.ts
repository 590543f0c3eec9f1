/* CSV records one physical line at a time: quotes, doubled quotes, quoted line breaks, and errors naming file, line and column. */
import { describe, expect, it } from 'vitest';
import { CsvError, csvSplitter, detectDelimiter } from '../../../scenarios/index.js';

function records(lines: string[], delimiter = ',') {
  const s = csvSplitter('f.csv', delimiter);
  const out = [];
  for (const l of lines) { const r = s.push(l); if (r) out.push(r); }
  s.end();
  return out;
}

describe('csvSplitter', () => {
  it('splits plain, quoted and empty fields and trims unquoted ones', () => {
    expect(records(['a, b ,,"c, d"', '"x ""y""",2,', '']).map((r) => r.fields)).toEqual([
      ['a', 'b', '', 'c, d'], ['x "y"', '2', ''], [''],
    ]);
  });

  it('joins a quoted line break into one record that starts on its first line', () => {
    const r = records(['h1,h2', '1,"two', 'lines"', '3,4']);
    expect(r.map((x) => [x.line, x.fields])).toEqual([[1, ['h1', 'h2']], [2, ['1', 'two\nlines']], [4, ['3', '4']]]);
  });

  it('names file, line and column of a stray quote, text after a closing quote and an unclosed quote', () => {
    expect(() => records(['a,b"c'])).toThrow(/^f\.csv:1: column 2: a quote inside an unquoted field/);
    expect(() => records(['ok', '"a"x,b'])).toThrow(/^f\.csv:2: column 1: unexpected 'x' after a closing quote/);
    const err = (() => { try { records(['a,b', '1,"never closed', 'more']); } catch (e) { return e as CsvError; } })();
    expect(err).toBeInstanceOf(CsvError);
    expect([err!.file, err!.line, err!.column]).toEqual(['f.csv', 2, 2]);
  });

  it('detects ; and tab delimiters from the header and strips a byte-order mark', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb')).toBe('\t');
    expect(detectDelimiter('a,b;c')).toBe(',');
    expect(records(['\ufeffa;b', '1;2'], ';').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });
});
