/**
 * The discrete-event engine: one binary heap of events ordered by
 * (time, priority, insertion sequence), so events at the same time and
 * priority run in the order they were scheduled.
 *
 * The heap is a structure of typed arrays (no object per event): the hot loop
 * of a simulation allocates nothing. An event is a `kind` (an index into the
 * dispatch table given to {@link createEngine}) and one numeric argument.
 */

/** Handles one event kind; `arg` is the number given to `schedule`. */
export type EventHandler = (engine: Engine, arg: number) => void;

/** The public surface of the engine, after SimPy's: now, schedule, step, run. */
export interface Engine {
  /** Current simulation time (the time of the event being handled). */
  readonly now: number;
  /** Number of events handled so far. */
  readonly handled: number;
  /** Number of events waiting in the queue. */
  readonly pending: number;
  /**
   * Schedule an event of `kind` at absolute `time` (≥ now). Lower `priority`
   * (a 32-bit signed integer) runs first among events at the same time; ties
   * keep insertion order.
   */
  schedule(time: number, kind: number, arg?: number, priority?: number): void;
  /** Handle the next event; false when the queue is empty. */
  step(): boolean;
  /** Handle events until the queue is empty or the next event is after `until`. */
  run(until?: number): void;
}

/** Raised when an event is scheduled in the past or with an unknown kind. */
export class ScheduleError extends Error {}

/**
 * Create an engine with a dispatch table: `handlers[kind]` handles events of
 * that kind.
 */
export function createEngine(handlers: readonly EventHandler[], initialCapacity = 1024): Engine {
  let cap = Math.max(16, initialCapacity);
  let times = new Float64Array(cap);
  let prios = new Int32Array(cap);
  let seqs = new Float64Array(cap);
  let kinds = new Int32Array(cap);
  let args = new Float64Array(cap);
  let size = 0;
  let seq = 0;
  let now = 0;
  let handled = 0;
  const kindCount = handlers.length;

  function grow(): void {
    cap *= 2;
    const t = new Float64Array(cap); t.set(times); times = t;
    const p = new Int32Array(cap); p.set(prios); prios = p;
    const s = new Float64Array(cap); s.set(seqs); seqs = s;
    const k = new Int32Array(cap); k.set(kinds); kinds = k;
    const a = new Float64Array(cap); a.set(args); args = a;
  }

  /** Does slot i come strictly before slot j? */
  function before(i: number, j: number): boolean {
    const ti = times[i], tj = times[j];
    if (ti !== tj) return ti < tj;
    const pi = prios[i], pj = prios[j];
    if (pi !== pj) return pi < pj;
    return seqs[i] < seqs[j];
  }

  function swap(i: number, j: number): void {
    let f = times[i]; times[i] = times[j]; times[j] = f;
    f = seqs[i]; seqs[i] = seqs[j]; seqs[j] = f;
    f = args[i]; args[i] = args[j]; args[j] = f;
    let n = prios[i]; prios[i] = prios[j]; prios[j] = n;
    n = kinds[i]; kinds[i] = kinds[j]; kinds[j] = n;
  }

  function siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(i, parent)) return;
      swap(i, parent);
      i = parent;
    }
  }

  function siftDown(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      const c = r < size && before(r, l) ? r : l;
      if (!before(c, i)) return;
      swap(i, c);
      i = c;
    }
  }

  const engine: Engine = {
    get now() { return now; },
    get handled() { return handled; },
    get pending() { return size; },
    schedule(time: number, kind: number, arg = 0, priority = 0): void {
      if (!(time >= now)) {
        throw new ScheduleError(`event of kind ${kind} scheduled at time ${time}, before now (${now})`);
      }
      if (!Number.isInteger(priority) || priority < -0x80000000 || priority > 0x7fffffff) {
        throw new ScheduleError(`priority ${priority}: expected a whole number in the 32-bit signed range`);
      }
      if (kind < 0 || kind >= kindCount || !Number.isInteger(kind)) {
        throw new ScheduleError(`unknown event kind ${kind}: expected an integer in [0, ${kindCount})`);
      }
      if (size === cap) grow();
      const i = size++;
      times[i] = time;
      prios[i] = priority;
      seqs[i] = seq++;
      kinds[i] = kind;
      args[i] = arg;
      siftUp(i);
    },
    step(): boolean {
      if (size === 0) return false;
      const kind = kinds[0];
      const arg = args[0];
      now = times[0];
      size--;
      if (size > 0) {
        times[0] = times[size]; prios[0] = prios[size]; seqs[0] = seqs[size];
        kinds[0] = kinds[size]; args[0] = args[size];
        siftDown(0);
      }
      handled++;
      handlers[kind](engine, arg);
      return true;
    },
    run(until = Infinity): void {
      while (size > 0 && times[0] <= until) engine.step();
    },
  };
  return engine;
}
