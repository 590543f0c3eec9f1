/**
 * The regression-gate baseline: the full-order rate of every (scenario,
 * strategy) of one or more runs, with the per-seed values it came from, so a
 * later run on the same seeds can be compared pair by pair. Parsing names the
 * field that is wrong and what was expected.
 */
import { z } from 'zod';
import { formatFieldPath } from './results-document.js';
import type { Results } from './summarize.js';

/** The `format` tag of a baseline file; /2 adds the scenario fingerprint and each strategy's parameters (a /1 file still parses). */
export const BASELINE_FORMAT = 'freshsim-baseline/2';

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
  /** Content hash of the resolved scenario the baseline ran (results' provenance.scenarioHash). */
  scenarioHash: z.string().min(1).optional(),
  constraints: z.strictObject({ K: z.number(), C: z.number(), L: z.number() }).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
}).refine((e) => e.seeds.length === e.fullOrderRate.n, { message: 'expected one fullOrderRate.perSeed value per seed', path: ['seeds'] });

const baselineSchema = z.strictObject({
  format: z.enum(['freshsim-baseline/1', BASELINE_FORMAT]),
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
        ...(r.provenance?.scenarioHash ? { scenarioHash: r.provenance.scenarioHash } : {}),
        constraints: { ...r.constraints },
        params: s.params,
      });
    }
  }
  if (entries.length === 0) throw new BaselineError('the runs hold no strategies; expected at least one');
  return { format: BASELINE_FORMAT, freshsim, entries };
}

/** A run that does not measure what its baseline entry measured: another scenario, other constraints or other parameters. */
export interface BaselineMismatch {
  readonly scenario: string;
  readonly strategy?: string;
  /** What differs, e.g. `K 40 → 60`. */
  readonly message: string;
}

const show = (v: unknown): string => (v === undefined ? '(unset)' : JSON.stringify(v));

/** Keys whose values differ between two parameter records, as `key before → after`. */
function paramDiffs(before: Readonly<Record<string, unknown>>, now: Readonly<Record<string, unknown>>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])].sort();
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(now[k])).map((k) => `${k} ${show(before[k])} → ${show(now[k])}`);
}

/**
 * What makes `runs` not comparable with `baseline`: per scenario, a changed
 * scenario fingerprint (naming the constraints that differ, when they do);
 * per strategy, changed parameters. Entries of a /1 baseline, which record
 * neither, are not checked. Missing scenarios and strategies are the gate's
 * business (verdict `missing`), not a mismatch.
 */
export function baselineMismatches(baseline: Baseline, runs: readonly Results[]): BaselineMismatch[] {
  const out: BaselineMismatch[] = [];
  const byScenario = new Map(runs.map((r) => [r.scenario, r]));
  const seen = new Set<string>();
  for (const e of baseline.entries) {
    const run = byScenario.get(e.scenario);
    if (!run) continue;
    if (!seen.has(e.scenario)) {
      seen.add(e.scenario);
      const now = run.provenance?.scenarioHash;
      const diffs = e.constraints ? (['K', 'C', 'L'] as const).filter((k) => e.constraints![k] !== run.constraints[k]).map((k) => `${k} ${e.constraints![k]} → ${run.constraints[k]}`) : [];
      if (e.scenarioHash !== undefined && now !== e.scenarioHash) {
        const what = diffs.length ? diffs.join(', ') : now === undefined ? 'the run records no scenario fingerprint' : `content hash ${e.scenarioHash.slice(0, 12)} → ${now.slice(0, 12)}`;
        out.push({ scenario: e.scenario, message: `scenario '${e.scenario}' differs from the baseline's: ${what}` });
      } else if (diffs.length) {
        out.push({ scenario: e.scenario, message: `scenario '${e.scenario}' differs from the baseline's: ${diffs.join(', ')}` });
      }
    }
    const s = run.strategies[e.strategy];
    if (!s || e.params === undefined) continue;
    const d = paramDiffs(e.params, s.params);
    if (d.length) out.push({ scenario: e.scenario, strategy: e.strategy, message: `strategy '${e.strategy}' of '${e.scenario}' has other parameters than the baseline's: ${d.join(', ')}` });
  }
  return out;
}
