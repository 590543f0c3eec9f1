/**
 * Flags that take a value must be given one: `run --seeds --out X` is an
 * error (exit 2), not one seed by default. The parser alone would take the
 * flag as given without a value and fall back to its default.
 */
import { UsageError } from './exit-codes.js';

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Refuse a value-taking flag of `argv` followed by nothing, by another
 * `--flag`, or by an empty string. `parsed` is the parser's result, which
 * tells boolean flags (they take no value) from the others.
 */
export function checkFlagValues(argv: readonly string[], parsed: Record<string, unknown>): void {
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i];
    if (tok === '--') return;
    if (!tok.startsWith('--') || tok.includes('=')) {
      if (/^--[^=]+=$/.test(tok)) throw new UsageError(`${tok.slice(0, -1)} needs a value; expected ${tok}VALUE`);
      continue;
    }
    const name = tok.slice(2);
    const next = argv[i + 1];
    if (next !== undefined && next !== '' && !next.startsWith('--')) continue;
    const value = parsed[name] ?? parsed[camel(name)];
    if (typeof value === 'boolean') continue;
    if (value === undefined && name.startsWith('no-')) continue; // --no-report: a negated boolean
    if (value === undefined && !(name in parsed) && !(camel(name) in parsed)) continue; // unknown flag: the parser tells
    throw new UsageError(next === '' ? `--${name} is given an empty value; expected a value` : `--${name} needs a value; expected --${name} VALUE`);
  }
}
