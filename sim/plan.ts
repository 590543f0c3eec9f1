/**
 * Stock plans and their validation against K, C and L (MODEL §2.3).
 * A plan that breaks a constraint is rejected, never clipped.
 */
import type { PlanConstraints } from './types.js';

/** Target on-hand quantity at opening per SKU (index = SKU id; 0 = not stocked). */
export type StockPlan = Float64Array;

/** The constraint a plan broke. */
export type PlanViolation = 'shape' | 'value' | 'K' | 'C' | 'L';

/** Raised for an invalid plan; names strategy, day, site and constraint. */
export class PlanError extends Error {
  constructor(
    readonly strategy: string,
    readonly day: string,
    readonly site: string,
    readonly constraint: PlanViolation,
    detail: string,
  ) {
    super(`strategy '${strategy}' returned an invalid plan for day ${day} at site '${site}': ${detail}`);
    this.name = 'PlanError';
  }
}

/** Where a plan was made, for error messages. */
export interface PlanOrigin {
  readonly strategy: string;
  readonly day: string;
  readonly site: string;
}

/** Tolerance for float sums of kg quantities. */
const EPS = 1e-6;

/** Throw a {@link PlanError} unless `plan` meets K, C and L for `skuCount` SKUs. */
export function validatePlan(
  plan: unknown,
  skuCount: number,
  c: PlanConstraints,
  origin: PlanOrigin,
  skuCode: (sku: number) => string = String,
): asserts plan is StockPlan {
  const fail = (constraint: PlanViolation, detail: string): never => {
    throw new PlanError(origin.strategy, origin.day, origin.site, constraint, detail);
  };
  if (!(plan instanceof Float64Array)) {
    fail('shape', `expected a Float64Array of ${skuCount} quantities, got ${describe(plan)}`);
  }
  const p = plan as Float64Array;
  if (p.length !== skuCount) {
    fail('shape', `expected ${skuCount} quantities (one per SKU), got ${p.length}`);
  }
  let types = 0;
  let units = 0;
  for (let i = 0; i < p.length; i++) {
    const q = p[i];
    if (!Number.isFinite(q) || q < 0) {
      fail('value', `SKU ${skuCode(i)} has quantity ${q}; expected a finite number ≥ 0`);
    }
    if (q === 0) continue;
    if (q < c.L - EPS) {
      fail('L', `SKU ${skuCode(i)} is stocked at ${q} units, below the minimum L = ${c.L}`);
    }
    types++;
    units += q;
  }
  if (types > c.K) fail('K', `${types} SKU types stocked, more than K = ${c.K}`);
  if (units > c.C + EPS) fail('C', `${round(units)} units planned in total, more than C = ${c.C}`);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'object') return `an object (${(v as object).constructor?.name ?? 'Object'})`;
  return typeof v;
}
