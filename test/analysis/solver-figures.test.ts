import { describe, expect, it } from 'vitest';
import { solverFigures, solverSummary } from '../../analysis/index.js';
import { renderHtmlReport } from '../../reports/index.js';
import { fixtureResults } from '../reports/fixture.js';

describe('solver figures of the opt oracle', () => {
  const decisions = [
    { day: 4, status: 'work-limit', gap: 0.2 }, // warm-up day: not counted
    { day: 5, status: 'optimal', gap: 0 },
    { day: 6, status: 'work-limit', gap: 0.004 },
    { day: 7, status: 'optimal', gap: 0 },
  ];

  it('count evaluation-day decisions only, proven ones, and the worst gap of the rest', () => {
    expect(solverFigures(decisions, 5)).toEqual({ decisions: 3, proven: 2, worstGap: 0.004 });
    expect(solverFigures(decisions.slice(1, 2), 5)).toEqual({ decisions: 1, proven: 1, worstGap: 0 });
  });

  it('pool replications', () => {
    expect(solverSummary([{ decisions: 3, proven: 2, worstGap: 0.004 }, { decisions: 3, proven: 3, worstGap: 0 }]))
      .toEqual({ decisions: 6, proven: 5, worstGap: 0.004 });
  });

  it('make the report call opt "best known" with its gap unless every plan is proven', () => {
    const base = fixtureResults({
      'pto-greedy': { fullOrderRate: [0.61, 0.62, 0.6171] },
      opt: { fullOrderRate: [0.82, 0.83, 0.8241], oracle: true },
    });
    const withSolver = (solver: object) => ({ ...base, strategies: { ...base.strategies, opt: { ...base.strategies.opt, solver } } }) as typeof base;
    const open = renderHtmlReport(withSolver({ decisions: 21, proven: 17, worstGap: 0.0162 }), { d3Source: '' });
    expect(open).toContain('opt is the best known, not proven optimal: 17 of 21 evaluation-day plans were proven optimal, the rest within a gap of 1.62%');
    const closed = renderHtmlReport(withSolver({ decisions: 21, proven: 21, worstGap: 0 }), { d3Source: '' });
    expect(closed).toContain("All 21 of opt's evaluation-day plans were proven optimal.");
    expect(renderHtmlReport(base, { d3Source: '' })).not.toContain('proven optimal');
  });
});
