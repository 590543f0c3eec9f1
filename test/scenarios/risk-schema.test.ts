/* Scenario validation of the risk fields: errors name the field and what was expected. */
import { describe, expect, it } from 'vitest';
import { builtinScenarios, ScenarioError, validateScenario } from '../../scenarios/index.js';

const city = builtinScenarios.city;

function problems(over: Record<string, unknown>): string[] {
  try {
    validateScenario({ ...city, ...over }, 'risk.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return [...(e as ScenarioError).problems];
  }
  throw new Error('expected a ScenarioError');
}

describe('risk fields of a scenario', () => {
  it('names an unknown region, a front outside the region and an unknown supplier', () => {
    const p = problems({
      shocks: {
        timeline: [
          { kind: 'lockdown', region: 'east', start: 0, days: 3 },
          { kind: 'lockdown', region: 'north', start: 0, days: 3, close: ['south-g1-f1', 'nowhere'] },
          { kind: 'supplier-disruption', supplier: 'acme', start: 0, days: 2, fillRate: 0.5 },
        ],
      },
    });
    expect(p).toContain("shocks.timeline[0].region: unknown region 'east'; expected a central's name: north, south");
    expect(p).toContain("shocks.timeline[1].close[0]: front site 'south-g1-f1' is not in region 'north'");
    expect(p).toContain("shocks.timeline[1].close[1]: unknown front site 'nowhere'");
    expect(p.some((x) => x.startsWith("shocks.timeline[2].supplier: unknown supplier 'acme'"))).toBe(true);
  });

  it('rejects a quality incident on a category its supplier does not deliver, and a bad kind', () => {
    const p = problems({ shocks: { timeline: [{ kind: 'quality-incident', supplier: 'prime-meats', category: 'fruit', start: 0, days: 2, defectFactor: 3 }] } });
    expect(p).toContain("shocks.timeline[0].category: supplier 'prime-meats' does not deliver category 'fruit'; expected one of meat");
    const q = problems({ shocks: { timeline: [{ kind: 'earthquake', start: 0, days: 1 }] } });
    expect(q[0]).toMatch(/^shocks\.timeline\[0\]\.kind: /);
  });

  it('rejects a pre-sale decision after the cut-off and a grid under an unknown central', () => {
    expect(problems({ presale: { cutoffTime: 0.6, decisionTime: 0.8, pickupTime: 0.4 } }))
      .toContain('presale.decisionTime: expected decisionTime ≤ cutoffTime (the decision is made before the cut-off)');
    const net = { ...city.network, grids: city.network.grids.map((g, i) => (i === 0 ? { ...g, central: 'moon' } : g)) };
    expect(problems({ network: net })).toContain("network.grids[0].central: unknown central 'moon'; expected one of north, south");
  });
});
