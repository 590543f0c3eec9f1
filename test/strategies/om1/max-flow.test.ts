/*
 * The two max-flow codes agree on minimum-cut capacity on random networks,
 * cold and warm-started after raising capacities.
 */
import { describe, expect, it } from 'vitest';
import { createStreams } from '../../../sim/index.js';
import { createFlowNetwork, type FlowNetwork } from '../../../strategies/om1/max-flow.js';
import { createPushRelabelNetwork } from '../../../strategies/om1/push-relabel.js';

function randomArcs(k: number) {
  const rng = createStreams(99, k).stream('max-flow');
  const n = 3 + rng.int(30);
  const arcs: [number, number, number][] = [];
  const m = n + rng.int(4 * n);
  for (let e = 0; e < m; e++) {
    const u = rng.int(n), v = rng.int(n);
    if (u !== v && v !== 0 && u !== 1) arcs.push([u, v, rng.bernoulli(0.1) ? 1e15 : Math.round(rng.uniform() * 100) / 10]);
  }
  return { n, arcs, rng };
}

/** Equal within 1e-6 relative (cuts through "infinite" 1e15 arcs carry float error). */
function same(a: number, b: number, what: string): void {
  expect(Math.abs(a - b), what).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));
}

/** Capacity of the cut given by `side` (1 = source side). */
function cutCapacity(arcs: [number, number, number][], caps: number[], side: Uint8Array): number {
  let c = 0;
  arcs.forEach(([u, v], e) => { if (side[u] && !side[v]) c += caps[e]; });
  return c;
}

function build(make: (n: number) => FlowNetwork, n: number, arcs: [number, number, number][]) {
  const net = make(n);
  const ids = arcs.map(([u, v, c]) => net.addArc(u, v, c));
  return { net, ids };
}

describe('max-flow', () => {
  it('Dinic and push-relabel find cuts of equal capacity (= max flow), also warm-started', () => {
    for (let k = 0; k < 200; k++) {
      const { n, arcs, rng } = randomArcs(k);
      const d = build((x) => createFlowNetwork(x), n, arcs);
      const p = build((x) => createPushRelabelNetwork(x), n, arcs);
      const flow = d.net.maxFlow(0, 1);
      p.net.maxFlow(0, 1);
      const caps = arcs.map((a) => a[2]);
      const cd = cutCapacity(arcs, caps, d.net.sourceSide(0));
      const cp = cutCapacity(arcs, caps, p.net.sourceSide(0));
      same(cd, flow, `network ${k}`);
      same(cp, flow, `network ${k}`);
      // Raise some capacities and continue from the saved state.
      const state = p.net.snapshot();
      const raised = caps.map((c) => (rng.bernoulli(0.3) && c < 1e15 ? c + Math.round(rng.uniform() * 50) / 10 : c));
      p.net.restore(state);
      p.ids.forEach((a, e) => p.net.raiseCapacity(a, raised[e]));
      p.net.maxFlow(0, 1);
      const cold = build((x) => createFlowNetwork(x), n, arcs.map(([u, v], e) => [u, v, raised[e]] as [number, number, number]));
      const flow2 = cold.net.maxFlow(0, 1);
      same(cutCapacity(arcs, raised, p.net.sourceSide(0)), flow2, `network ${k} warm`);
    }
  });
});
