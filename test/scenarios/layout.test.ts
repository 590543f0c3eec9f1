/* A network written as a layout (counts, distances, capacities, lead times) in a scenario file. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { builtinScenarios, parseScenario, ScenarioError } from '../../scenarios/index.js';

const base = builtinScenarios.tiny;

function withNetwork(network: unknown): string {
  return stringify({ ...base, network });
}

describe('network layout', () => {
  it('expands counts into regions, grids and fronts at the given distances', () => {
    const s = parseScenario(withNetwork({
      layout: [
        { central: 'east', grids: 3, frontsPerGrid: 2, gridKm: 10, frontKm: 3, gridTripCapacityUnits: 5000, frontTripCapacityUnits: 800, gridTripLeadTimeDays: 1 },
        { central: 'west', x: -40, grids: 1, frontsPerGrid: 4, gridKm: 5, frontKm: 2, gridTripCapacityUnits: 4000, frontTripCapacityUnits: 700 },
      ],
      fulfilment: { splitSourcing: 'parent-then-central' },
    }), 'layout.yaml');
    expect(s.network.central.name).toBe('east');
    expect(s.network.centrals!.map((c) => c.name)).toEqual(['west']);
    expect(s.network.grids.map((g) => [g.name, g.central, g.tripLeadTimeDays])).toEqual([
      ['east-g1', 'east', 1], ['east-g2', 'east', 1], ['east-g3', 'east', 1], ['west-g1', 'west', undefined],
    ]);
    expect(s.network.fronts).toHaveLength(3 * 2 + 4);
    const g = s.network.grids[0];
    expect(Math.hypot(g.x!, g.y!)).toBeCloseTo(10, 1);
    const f = s.network.fronts.find((x) => x.name === 'west-g1-f3')!;
    const wg = s.network.grids[3];
    expect(Math.hypot(f.x! - wg.x!, f.y! - wg.y!)).toBeCloseTo(2, 1);
    expect(s.network.fulfilment?.splitSourcing).toBe('parent-then-central');
  });

  it('rejects a layout mixed with explicit sites, or with bad counts, naming the field', () => {
    const mixed = () => parseScenario(withNetwork({ ...base.network, layout: [] }), 'mixed.yaml');
    expect(mixed).toThrow(ScenarioError);
    expect(mixed).toThrow(/network\.layout: expected either a layout or explicit sites, but central, grids, fronts given too/);
    const bad = () => parseScenario(withNetwork({ layout: [{ central: 'c', grids: 0, frontsPerGrid: 1, gridKm: 1, frontKm: 1, gridTripCapacityUnits: 1, frontTripCapacityUnits: 1 }] }), 'bad.yaml');
    expect(bad).toThrow(/network\.layout\[0\]\.grids: .*1/);
  });
});
