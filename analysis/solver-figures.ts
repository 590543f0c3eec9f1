/**
 * How well an optimising strategy (the `opt` oracle) solved its evaluation-day
 * decisions: proven optimal, or best known with a gap. Reports call `opt`
 * "best known" with its gap wherever optimality is not proven.
 */

/** Solver outcome of one cell's evaluation-day decisions. */
export interface SolverFigures {
  readonly decisions: number;
  /** Decisions whose plan was proven optimal. */
  readonly proven: number;
  /** Largest relative gap between plan and bound (0 when every plan is proven). */
  readonly worstGap: number;
}

/** Figures of the decisions made on or after `evaluationStart` (warm-up days excluded). */
export function solverFigures(
  decisions: readonly { readonly day: number; readonly status: string; readonly gap: number }[],
  evaluationStart: number,
): SolverFigures {
  const ds = decisions.filter((d) => d.day >= evaluationStart);
  return {
    decisions: ds.length,
    proven: ds.filter((d) => d.status === 'optimal').length,
    worstGap: ds.reduce((w, d) => Math.max(w, d.status === 'optimal' ? 0 : d.gap), 0),
  };
}

/** Pool the figures of several replications. */
export function solverSummary(perReplication: readonly SolverFigures[]): SolverFigures {
  return {
    decisions: perReplication.reduce((a, f) => a + f.decisions, 0),
    proven: perReplication.reduce((a, f) => a + f.proven, 0),
    worstGap: perReplication.reduce((w, f) => Math.max(w, f.worstGap), 0),
  };
}
