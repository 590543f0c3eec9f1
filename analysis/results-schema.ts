/**
 * Validation of a results document read back from disk (results.json), for
 * the commands that consume one (`report`, `check`, `baseline`). It checks the
 * fields they read and lets any others through, so that sections added later
 * (shocks, refunds by lag, stress, ablation) do not break older readers.
 */
import { z } from 'zod';
import type { Results } from './summarize.js';

const num = z.number().refine(Number.isFinite, { message: 'expected a finite number' });
const estimate = z.looseObject({
  mean: num,
  ci95: z.tuple([num.nullable(), num.nullable()]),
  n: z.int().min(1),
  perSeed: z.array(num),
}).refine((e) => e.perSeed.length === e.n, { message: 'expected perSeed to hold n values', path: ['perSeed'] });

const dayRow = z.looseObject({
  day: z.string(),
  orders: num,
  fullOrderRate: num,
  splitOrderRate: num,
  shortOrderRate: num,
  lineFillRate: num,
  wasteUnits: num,
  gmv: num,
  skusStocked: num,
  unitsPlanned: num,
});

const strategy = z.looseObject({
  oracle: z.boolean(),
  params: z.record(z.string(), z.unknown()),
  fullOrderRate: estimate,
  splitOrderRate: estimate,
  shortOrderRate: estimate,
  lineFillRate: estimate,
  wasteUnits: estimate,
  gmv: estimate,
  refundRate: estimate,
  planShape: z.looseObject({
    skus: estimate, units: estimate, min: estimate, max: estimate, mean: estimate, median: estimate, lowSellersStocked: estimate,
  }),
  perDay: z.array(dayRow),
});

const resultsSchema = z.looseObject({
  freshsim: z.string(),
  scenario: z.string(),
  scenarioSeed: num,
  seeds: z.array(z.int()).min(1),
  days: z.array(z.string()).min(1),
  constraints: z.looseObject({ K: num, C: num, L: num }),
  strategies: z.record(z.string(), strategy),
  comparisons: z.array(z.looseObject({ strategy: z.string(), baseline: z.string(), metric: z.string(), difference: estimate })),
}).superRefine((r, ctx) => {
  for (const [name, s] of Object.entries(r.strategies)) {
    if (s.perDay.length !== r.days.length) {
      ctx.addIssue({ code: 'custom', path: ['strategies', name, 'perDay'], message: `expected one row per day (${r.days.length}), got ${s.perDay.length}` });
    }
    if (s.fullOrderRate.n !== r.seeds.length) {
      ctx.addIssue({ code: 'custom', path: ['strategies', name, 'fullOrderRate', 'n'], message: `expected one value per seed (${r.seeds.length})` });
    }
  }
});

/** A results document that does not validate: names the file and the field. */
export class ResultsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResultsError';
  }
}

/** `strategies.pto-greedy.perDay[3].day` from a zod path. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Validate a parsed results document; `source` names it in errors. */
export function parseResults(doc: unknown, source: string): Results {
  const r = resultsSchema.safeParse(doc);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((i) => `${formatFieldPath(i.path)}: ${i.message}`);
    const more = r.error.issues.length > 5 ? ` (and ${r.error.issues.length - 5} more)` : '';
    throw new ResultsError(`results '${source}' is not a freshsim results document: ${issues.join('; ')}${more}`);
  }
  return doc as Results;
}
