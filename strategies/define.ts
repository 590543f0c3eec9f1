/**
 * `defineStrategy`: how a user writes a strategy outside freshsim (a module
 * loaded with `--strategies ./my-strategy.mjs`). Parameters are declared by
 * their defaults — each default's type is the type a given value must have,
 * and unknown keys are errors — or by a zod schema for richer checks. The
 * result is a {@link StrategyDefinition}, branded so the loader can tell it
 * from any other default export.
 */
import type { DecisionContext, Planner, StockPlan } from '../sim/index.js';
import type { StrategyDefinition, StrategyServices } from './contract.js';

/** A parameter value a strategy can take on the command line or in an experiment file. */
export type ParamValue = number | string | boolean;

/** Something with zod's `safeParse` (a zod schema), for parameters richer than defaults. */
export interface ParamSchema<P> {
  safeParse(input: unknown): { success: true; data: P } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** What `defineStrategy` takes. */
export interface StrategySpecOf<P extends Record<string, unknown>> {
  /** Unique name: letters, digits, `.`, `_`, `-`; not a built-in's name. */
  readonly name: string;
  readonly description?: string;
  /** An oracle reads realised orders and is reported as an upper bound (default false). */
  readonly oracle?: boolean;
  /** Parameters by default value, or a zod schema. */
  readonly params?: P | ParamSchema<P>;
  /**
   * A fresh planner for one run (one scenario and replication): return the
   * decision function (it may keep state between days in its closure), or a
   * whole planner.
   */
  create(params: P, services: StrategyServices): ((ctx: DecisionContext) => StockPlan) | Planner;
}

/** Brand of a `defineStrategy` result (a registered symbol, so it survives two copies of the package). */
export const STRATEGY_BRAND: unique symbol = Symbol.for('freshsim.strategy') as never;

/** A strategy made by {@link defineStrategy}. */
export type DefinedStrategy<P extends Record<string, unknown> = Record<string, unknown>> = StrategyDefinition<P> & { readonly [STRATEGY_BRAND]: true };

/** Is `x` a `defineStrategy(...)` result? */
export function isDefinedStrategy(x: unknown): x is DefinedStrategy {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[STRATEGY_BRAND] === true;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

type Issue = { path: PropertyKey[]; message: string };

/** A schema from defaults: a missing key takes its default, a given one must have its type, others are unknown. */
function defaultsSchema<P extends Record<string, unknown>>(defaults: P): ParamSchema<P> {
  for (const [k, v] of Object.entries(defaults)) {
    if (!['number', 'string', 'boolean'].includes(typeof v) || (typeof v === 'number' && !Number.isFinite(v))) {
      throw new TypeError(`defineStrategy: parameter '${k}' has default ${String(v)}; expected a finite number, a string or a boolean`);
    }
  }
  return {
    safeParse(input: unknown) {
      const given = (input ?? {}) as Record<string, unknown>;
      const issues: Issue[] = [];
      if (typeof given !== 'object' || Array.isArray(given)) return { success: false, error: { issues: [{ path: [], message: 'expected an object of parameters' }] } };
      for (const k of Object.keys(given)) {
        if (!Object.hasOwn(defaults, k)) issues.push({ path: [k], message: `unknown parameter; expected one of: ${Object.keys(defaults).join(', ') || '(none)'}` });
        else if (typeof given[k] !== typeof defaults[k] || (typeof given[k] === 'number' && !Number.isFinite(given[k]))) {
          issues.push({ path: [k], message: `expected ${typeof defaults[k]}, got ${JSON.stringify(given[k])}` });
        }
      }
      return issues.length > 0 ? { success: false, error: { issues } } : { success: true, data: { ...defaults, ...given } as P };
    },
  };
}

/** Define a strategy for freshsim (the default export of a strategy module). */
export function defineStrategy<P extends Record<string, unknown> = Record<string, never>>(spec: StrategySpecOf<P>): DefinedStrategy<P> {
  if (typeof spec?.name !== 'string' || !NAME.test(spec.name)) {
    throw new TypeError(`defineStrategy: name ${JSON.stringify(spec?.name)}: expected letters, digits, '.', '_' or '-'`);
  }
  if (typeof spec.create !== 'function') throw new TypeError(`defineStrategy '${spec.name}': expected a create(params, services) function`);
  const p = spec.params ?? ({} as P);
  const schema = typeof (p as ParamSchema<P>).safeParse === 'function' ? (p as ParamSchema<P>) : defaultsSchema(p as P);
  const oracle = spec.oracle ?? false;
  return {
    name: spec.name,
    description: spec.description ?? '',
    oracle,
    params: schema as unknown as StrategyDefinition<P>['params'],
    create(params, services) {
      const made = spec.create(params, services);
      if (typeof made === 'function') return { name: spec.name, oracle, decide: made };
      if (made && typeof made.decide === 'function') return made;
      throw new TypeError(`strategy '${spec.name}': create() returned ${typeof made}; expected a decide function or a planner`);
    },
    [STRATEGY_BRAND]: true,
  };
}
