/**
 * Numeric flags checked as written, before yargs turns text into NaN: a bad
 * value is named with its flag and what was expected, e.g. `--seeds: expected
 * a positive integer, got 'abc'`.
 */
import { UsageError } from './exit-codes.js';

/** What a numeric flag accepts. */
export type NumberKind = 'positive integer' | 'non-negative integer' | 'integer' | 'positive number' | 'non-negative number';

/** The numeric flags of every command, by name (without dashes). */
export const NUMERIC_FLAGS: Readonly<Record<string, NumberKind>> = {
  seeds: 'positive integer',
  workers: 'non-negative integer',
  retries: 'non-negative integer',
  concurrency: 'positive integer',
  'lock-seconds': 'positive number',
  'tolerance-pp': 'non-negative number',
  seed: 'integer',
  'time-limit': 'positive number',
  'max-nodes': 'positive integer',
  gap: 'non-negative number',
};

function accepts(kind: NumberKind, text: string): boolean {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return false;
  const x = Number(text);
  if (!Number.isFinite(x)) return false;
  switch (kind) {
    case 'positive integer': return Number.isInteger(x) && x >= 1;
    case 'non-negative integer': return Number.isInteger(x) && x >= 0;
    case 'integer': return Number.isInteger(x);
    case 'positive number': return x > 0;
    case 'non-negative number': return x >= 0;
  }
}

/**
 * Throw a UsageError for the first numeric flag in `argv` whose value does
 * not fit (`--flag v` and `--flag=v`). Only flags the command knows are
 * checked (`known`: the parser's result has them); an unknown flag is the
 * parser's to tell, a missing value checkFlagValues'.
 */
export function checkNumericFlags(argv: readonly string[], known: (name: string) => boolean = () => true, flags: Readonly<Record<string, NumberKind>> = NUMERIC_FLAGS): void {
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !(m[1] in flags) || !known(m[1])) continue;
    const value = m[2] ?? argv[i + 1];
    const kind = flags[m[1]];
    if (value === undefined || value === '' || (m[2] === undefined && value.startsWith('--'))) continue; // a missing value: flags.ts tells
    if (!accepts(kind, value)) throw new UsageError(`--${m[1]}: expected a ${kind}, got '${value}'`);
  }
}
