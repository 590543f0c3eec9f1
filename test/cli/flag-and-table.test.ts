import { describe, expect, it } from 'vitest';
import { checkNumericFlags } from '../../cli/flag-checks.js';
import { formatTable } from '../../cli/tables.js';

describe('numeric flags', () => {
  it('names the flag, what it expects and what it got', () => {
    expect(() => checkNumericFlags(['run', '--seeds', 'abc'])).toThrow("--seeds: expected a positive integer, got 'abc'");
    expect(() => checkNumericFlags(['run', '--gap=1e-4x'])).toThrow("--gap: expected a non-negative number, got '1e-4x'");
    expect(() => checkNumericFlags(['run', '--seeds'])).not.toThrow(); // a missing value is flags.ts' to tell
    expect(() => checkNumericFlags(['run', '--seeds', '3', '--workers', '0', '--gap', '1e-4', '--seed', '-2'])).not.toThrow();
  });
});

describe('tables', () => {
  const header = ['strategy', ...Array.from({ length: 12 }, (_, i) => `column number ${i}`)];
  const rows = [['a|b', ...Array.from({ length: 12 }, (_, i) => String(i * 1000))]];

  it('splits a text table wider than 120 columns into blocks that fit, each led by the first column', () => {
    const text = formatTable(header, rows, 'text');
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
    const blocks = text.split('\n\n');
    expect(blocks.length).toBe(2);
    for (const b of blocks) expect(b.startsWith('strategy')).toBe(true);
    expect(text).toContain('column number 11');
  });

  it('writes CSV, Markdown and JSON', () => {
    expect(formatTable(['s', 'x,y'], [['a', '1']], 'csv')).toBe('s,"x,y"\na,1');
    expect(formatTable(['s', 'x'], [['a|b', '1']], 'md')).toBe('| s | x |\n| --- | ---: |\n| a\\|b | 1 |');
    expect(JSON.parse(formatTable(['s', 'x'], [['a', '1']], 'json'))).toEqual([{ s: 'a', x: '1' }]);
  });
});
