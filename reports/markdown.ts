/**
 * The regression gate's summary as a Markdown table: escaped for
 * `$GITHUB_STEP_SUMMARY` (which renders inline HTML), or as plain text for
 * the terminal (no entities; only pipes and line breaks neutralised).
 */
import type { GateReport, Verdict } from '../analysis/index.js';
import { escapeMarkdown } from './escape.js';
import { pct, pp } from './format.js';

const VERDICT: Record<Verdict['reason'], string> = {
  held: '✅ pass',
  noise: '✅ pass (fall within noise)',
  regression: '❌ regression',
  missing: '❌ missing',
};

function ci(lo: number | null, hi: number | null, f: (x: number) => string): string {
  return lo === null || hi === null ? '—' : `[${f(lo)}, ${f(hi)}]`;
}

/** A table cell for the terminal: the text as is, pipes and line breaks folded. */
function plainCell(s: string): string {
  return s.replace(/\|/g, '/').replace(/\r?\n/g, ' ');
}

/** Options of {@link renderGateMarkdown}. */
export interface GateSummaryOptions {
  /** Plain text for a terminal instead of escaped Markdown (default false). */
  readonly plain?: boolean;
  /** Differences from the baseline accepted with --allow-changed, listed in the summary. */
  readonly acceptedChanges?: readonly string[];
}

/** The gate's verdicts as a Markdown section (or plain text with `plain`). */
export function renderGateMarkdown(g: GateReport, baselineSource?: string, opts: GateSummaryOptions = {}): string {
  const md = opts.plain ? plainCell : escapeMarkdown;
  const failed = g.verdicts.filter((v) => !v.passed);
  const head = g.passed
    ? `## freshsim regression gate: passed\n\nAll ${g.verdicts.length} (scenario, strategy) pairs of the baseline held`
    : `## freshsim regression gate: FAILED\n\n${failed.length} of ${g.verdicts.length} (scenario, strategy) pairs failed`;
  const lines = [
    `${head} (tolerance ${g.tolerancePp} pp; a fall fails when it exceeds the tolerance and its 95% CI lies below zero).`,
    baselineSource === undefined ? '' : opts.plain ? `Baseline: ${baselineSource}` : `Baseline: \`${baselineSource.replace(/`/g, "'")}\``,
    '',
    '| Scenario | Strategy | Baseline | Now | Δ | 95% CI of Δ (pp) | Verdict |',
    '|---|---|---:|---:|---:|---:|---|',
    ...g.verdicts.map((v) => {
      const d = v.difference;
      return `| ${md(v.scenario)} | ${md(v.strategy)} | ${pct(v.baseline.mean)} | ${v.current ? pct(v.current.mean) : '—'} | ` +
        `${d ? pp(d.mean) : '—'} | ${d ? ci(d.ci95[0], d.ci95[1], (x) => (100 * x).toFixed(2)) : '—'}${d && !d.paired ? ' (unpaired)' : ''} | ${VERDICT[v.reason]} |`;
    }),
  ];
  if (failed.length) {
    lines.push('', '**Failures**', '', ...failed.map((v) => `- ${md(v.scenario)} / ${md(v.strategy)}: ${md(v.message)}`), '',
      'If the change is meant to lower these rates, update the baseline deliberately (`freshsim baseline RUN_DIR --out BASELINE --overwrite`) and say why in the commit.');
  }
  if (opts.acceptedChanges?.length) {
    lines.push('', 'Compared despite differences from the baseline (--allow-changed):', '', ...opts.acceptedChanges.map((m) => `- ${md(m)}`));
  }
  if (g.uncovered.length) {
    lines.push('', `Not in the baseline (not judged): ${g.uncovered.map((u) => `${md(u.scenario)} / ${md(u.strategy)}`).join(', ')}.`);
  }
  return `${lines.filter((l, k) => !(l === '' && lines[k - 1] === '')).join('\n')}\n`;
}
