/**
 * Maximum flow (Dinic) on a fixed topology whose capacities can be reset,
 * in typed arrays: OM1's Lagrangian relaxation solves one max-flow per pair of
 * multipliers on the same graph.
 */

/** A flow network with arcs added in pairs (arc, reverse). */
export interface FlowNetwork {
  readonly nodeCount: number;
  /** Add an arc u → v with capacity `cap`; returns its index (the reverse is index + 1). */
  addArc(u: number, v: number, cap: number): number;
  /** Set the capacity of arc `a` (and zero its reverse): resets its flow. */
  setCapacity(a: number, cap: number): void;
  /** Reset all flows to zero (capacities kept). */
  reset(): void;
  /** Raise arc `a`'s capacity to `cap` (≥ its current one) keeping the flow: a warm start. */
  raiseCapacity(a: number, cap: number): void;
  /** The residual state (flows and capacities), to return to with `restore`. */
  snapshot(): Float64Array;
  restore(state: Float64Array): void;
  /** Max flow from s to t (from the current residual state). */
  maxFlow(s: number, t: number): number;
  /** Nodes reachable from s in the residual graph (the source side of a min cut). */
  sourceSide(s: number): Uint8Array;
}

const EPS = 1e-9;

/** A network with `nodeCount` nodes and room for about `arcHint` arcs. */
export function createFlowNetwork(nodeCount: number, arcHint = 16): FlowNetwork {
  let cap = new Float64Array(arcHint * 2);
  let orig = new Float64Array(arcHint * 2);
  let to = new Int32Array(arcHint * 2);
  let next = new Int32Array(arcHint * 2);
  const head = new Int32Array(nodeCount).fill(-1);
  let arcs = 0;
  const level = new Int32Array(nodeCount);
  const iter = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);

  function grow(): void {
    const n = cap.length * 2;
    const g = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => { const b = make(n); b.set(a); return b; };
    cap = g(cap, (k) => new Float64Array(k)); orig = g(orig, (k) => new Float64Array(k));
    to = g(to, (k) => new Int32Array(k)); next = g(next, (k) => new Int32Array(k));
  }
  function one(u: number, v: number, c: number): void {
    if (arcs >= cap.length) grow();
    to[arcs] = v; cap[arcs] = c; orig[arcs] = c; next[arcs] = head[u]; head[u] = arcs; arcs++;
  }
  function bfs(s: number, t: number): boolean {
    level.fill(-1);
    let qh = 0, qt = 0;
    queue[qt++] = s; level[s] = 0;
    while (qh < qt) {
      const u = queue[qh++];
      for (let a = head[u]; a >= 0; a = next[a]) {
        if (cap[a] > EPS && level[to[a]] < 0) { level[to[a]] = level[u] + 1; queue[qt++] = to[a]; }
      }
    }
    return level[t] >= 0;
  }
  function dfs(u: number, t: number, f: number): number {
    if (u === t) return f;
    for (; iter[u] >= 0; iter[u] = next[iter[u]]) {
      const a = iter[u], v = to[a];
      if (cap[a] > EPS && level[v] === level[u] + 1) {
        const d = dfs(v, t, Math.min(f, cap[a]));
        if (d > EPS) { cap[a] -= d; cap[a ^ 1] += d; return d; }
      }
    }
    return 0;
  }
  return {
    nodeCount,
    addArc(u, v, c) { const a = arcs; one(u, v, c); one(v, u, 0); return a; },
    setCapacity(a, c) { orig[a] = c; cap[a] = c; cap[a ^ 1] = orig[a ^ 1]; },
    reset() { for (let a = 0; a < arcs; a++) cap[a] = orig[a]; },
    raiseCapacity(a, c) {
      if (c < orig[a] - EPS) throw new RangeError(`raiseCapacity: ${c} is below the arc's capacity ${orig[a]}`);
      cap[a] += c - orig[a]; orig[a] = c;
    },
    snapshot() {
      const st = new Float64Array(2 * arcs);
      st.set(cap.subarray(0, arcs)); st.set(orig.subarray(0, arcs), arcs);
      return st;
    },
    restore(st) {
      cap.set(st.subarray(0, arcs)); orig.set(st.subarray(arcs, 2 * arcs));
    },
    maxFlow(s, t) {
      let flow = 0;
      while (bfs(s, t)) {
        iter.set(head);
        for (;;) { const f = dfs(s, t, Infinity); if (f <= EPS) break; flow += f; }
      }
      return flow;
    },
    sourceSide(s) {
      const seen = new Uint8Array(nodeCount);
      let qh = 0, qt = 0;
      queue[qt++] = s; seen[s] = 1;
      while (qh < qt) {
        const u = queue[qh++];
        for (let a = head[u]; a >= 0; a = next[a]) if (cap[a] > EPS && !seen[to[a]]) { seen[to[a]] = 1; queue[qt++] = to[a]; }
      }
      return seen;
    },
  };
}
