/**
 * The regression-gate baseline: the full-order rate of every (scenario,
 * strategy) of one or more runs, with the per-seed values it came from, so a
 * later run on the same seeds can be compared pair by pair. Parsing names the
 * field that is wrong and what was expected.
 */
import { z } from 'zod';
import { formatFieldPath } from './results-document.js';
import type { Results } from './summarize.js';

/** The `format` tag of a baseline file (bumped if the layout ever changes). */
export const BASELINE_FORMAT = 'freshsim-baseline/1';

const rate = z.number().min(0).max(1);
const estimateSchema = z.strictObject({
  mean: rate,
  ci95: z.tuple([z.number().nullable(), z.number().nullable()]),
  n: z.int().min(1),
  perSeed: z.array(rate).min(1),
}).refine((e) => e.perSeed.length === e.n, { message: 'expected perSeed to hold n values', path: ['perSeed'] });

const entrySchema = z.strictObject({
  scenario: z.string().min(1),
  strategy: z.string().min(1),
  oracle: z.boolean(),
  seeds: z.array(z.int()).min(1),
  days: z.int().min(1),
  fullOrderRate: estimateSchema,
}).refine((e) => e.seeds.length === e.fullOrderRate.n, { message: 'expected one fullOrderRate.perSeed value per seed', path: ['seeds'] });

const baselineSchema = z.strictObject({
  format: z.literal(BASELINE_FORMAT),
  freshsim: z.string(),
  entries: z.array(entrySchema).min(1),
});

/** One (scenario, strategy) of the baseline. */
export type BaselineEntry = z.infer<typeof entrySchema>;
/** A baseline document (what `freshsim baseline` writes). */
export type Baseline = z.infer<typeof baselineSchema>;

/** A baseline that does not parse: the message names the field and what was expected. */
export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

/** Validate a parsed baseline document; `source` names it in errors. */
export function parseBaseline(doc: unknown, source: string): Baseline {
  const r = baselineSchema.safeParse(doc);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${formatFieldPath(i.path)}: ${i.message}`);
    throw new BaselineError(`baseline '${source}' is malformed: ${issues.join('; ')}`);
  }
  const seen = new Set<string>();
  r.data.entries.forEach((e, k) => {
    const key = `${e.scenario}\u0000${e.strategy}`;
    if (seen.has(key)) {
      throw new BaselineError(`baseline '${source}' is malformed: entries[${k}]: scenario '${e.scenario}', strategy '${e.strategy}' appears twice; expected each pair once`);
    }
    seen.add(key);
  });
  return r.data;
}

/** A baseline of every strategy of every run (runs of distinct scenarios). */
export function makeBaseline(runs: readonly Results[], freshsim: string): Baseline {
  const scenarios = new Set<string>();
  const entries: BaselineEntry[] = [];
  for (const r of runs) {
    if (scenarios.has(r.scenario)) throw new BaselineError(`two runs of scenario '${r.scenario}'; expected one run per scenario in a baseline`);
    scenarios.add(r.scenario);
    for (const [strategy, s] of Object.entries(r.strategies)) {
      const e = s.fullOrderRate;
      entries.push({
        scenario: r.scenario,
        strategy,
        oracle: s.oracle,
        seeds: [...r.seeds],
        days: r.days.length,
        fullOrderRate: { mean: e.mean, ci95: [e.ci95[0], e.ci95[1]], n: e.n, perSeed: [...e.perSeed] },
      });
    }
  }
  if (entries.length === 0) throw new BaselineError('the runs hold no strategies; expected at least one');
  return { format: BASELINE_FORMAT, freshsim, entries };
}
