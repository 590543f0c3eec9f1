/**
 * `freshsim strategy list [--json]`: every built-in strategy with its
 * one-line description, whether it is an oracle, and its parameters with
 * their types and defaults (read off the strategy's parameter schema).
 */
import { resolvedParams, strategies } from '../../strategies/index.js';

type Io = { stdout: (s: string) => void };

/** One parameter of a strategy. */
export interface ParamInfo {
  readonly name: string;
  /** number, integer, boolean, string, or the allowed values joined with '|'. */
  readonly type: string;
  /** The default, or undefined when the parameter is optional without one. */
  readonly default?: unknown;
  readonly optional: boolean;
}

/** One strategy as `strategy list` shows it. */
export interface StrategyInfo {
  readonly name: string;
  readonly description: string;
  readonly oracle: boolean;
  readonly requires: readonly string[];
  readonly params: readonly ParamInfo[];
}

interface ZodLike {
  readonly def?: { readonly type?: string; readonly innerType?: ZodLike; readonly entries?: Record<string, unknown>; readonly checks?: readonly unknown[] };
  readonly isInt?: boolean;
}

/** A schema's type in words (through default/optional wrappers). */
function typeOf(schema: ZodLike): { type: string; optional: boolean } {
  let s: ZodLike | undefined = schema;
  let optional = false;
  while (s?.def && (s.def.type === 'default' || s.def.type === 'optional')) {
    if (s.def.type === 'optional') optional = true;
    s = s.def.innerType;
  }
  const t = s?.def?.type ?? 'unknown';
  if (t === 'enum' && s?.def?.entries) return { type: Object.values(s.def.entries).join('|'), optional };
  if (t === 'number' && s?.isInt) return { type: 'integer', optional };
  return { type: t, optional };
}

/** Every built-in strategy, described. */
export function strategyInfos(): StrategyInfo[] {
  return Object.values(strategies).map((def) => {
    const defaults = resolvedParams(def.name, {});
    const shape = (def.params as unknown as { shape?: Record<string, ZodLike> }).shape ?? {};
    return {
      name: def.name,
      description: def.description,
      oracle: def.oracle,
      requires: [...(def.requires ?? [])],
      params: Object.entries(shape).map(([name, schema]) => {
        const { type, optional } = typeOf(schema);
        return { name, type, optional, ...(defaults[name] !== undefined ? { default: defaults[name] } : {}) };
      }),
    };
  });
}

/** Run `strategy list`; resolves to the exit code. */
export function strategyListCommand(args: { json: boolean }, io: Io): number {
  const infos = strategyInfos();
  if (args.json) {
    io.stdout(`${JSON.stringify(infos, null, 2)}\n`);
    return 0;
  }
  for (const s of infos) {
    io.stdout(`${s.name}${s.oracle ? ' (oracle)' : ''}${s.requires.length ? ` [needs ${s.requires.join(', ')}]` : ''}\n  ${s.description}\n`);
    for (const p of s.params) {
      const dflt = p.default !== undefined ? ` = ${JSON.stringify(p.default)}` : p.optional ? ' (optional)' : '';
      io.stdout(`    ${p.name}: ${p.type}${dflt}\n`);
    }
  }
  return 0;
}
