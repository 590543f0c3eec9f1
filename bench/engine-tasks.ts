/**
 * The workloads of the engine benchmark (`npm run bench`), as plain data so
 * that other suites can reuse them and extra tasks can be appended.
 * Importing this module runs nothing.
 */
import { createEngine, type EventHandler } from '../sim/event-queue.js';
import { createStreams } from '../sim/rng.js';
import { runMm1 } from './mm1-model.js';

/** One benchmark workload: `run` does the timed work and returns the events it handled. */
export interface EngineBenchTask {
  name: string;
  /** Events one call of `run` handles; checked once before timing. */
  events: number;
  run: () => number;
}

const N = 100_000;
const HOLD_PENDING = 10_000;
const MM1_CUSTOMERS = 50_000;

/** Draw `n` numbers from a named stream once, outside any timed loop. */
function draws(name: string, n: number, draw: (u: () => number) => number): Float64Array {
  const stream = createStreams(1, 0).stream(name);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw(() => stream.uniform());
  return out;
}

/** Schedule `N` events at random times up front, then run them all (heap of up to 100k). */
function randomTimesTask(): EngineBenchTask {
  const times = draws('bench/random-times', N, (u) => u() * 1000);
  const handlers: EventHandler[] = [() => {}];
  return {
    name: `schedule+run ${N / 1000}k random times`,
    events: N,
    run() {
      const engine = createEngine(handlers);
      for (let i = 0; i < N; i++) engine.schedule(times[i], 0, i);
      engine.run();
      return engine.handled;
    },
  };
}

/** Schedule `N` events at the same time and priority; they must run in insertion order. */
function sameTimeFifoTask(): EngineBenchTask {
  let expected = 0;
  const handlers: EventHandler[] = [(_engine, arg) => {
    if (arg !== expected++) throw new Error(`same-time event ${arg} ran in position ${expected - 1}`);
  }];
  return {
    name: `same-time FIFO ${N / 1000}k`,
    events: N,
    run() {
      expected = 0;
      const engine = createEngine(handlers);
      for (let i = 0; i < N; i++) engine.schedule(1, 0, i);
      engine.run();
      return engine.handled;
    },
  };
}

/**
 * The classic "hold" workload: 10k pending events, each handled event
 * schedules one more at now + Exp(1), until 100k have been scheduled.
 */
function holdTask(): EngineBenchTask {
  const delays = draws('bench/hold-delays', N, (u) => -Math.log(1 - u()));
  let scheduled = 0;
  const handlers: EventHandler[] = [(engine) => {
    if (scheduled < N) engine.schedule(engine.now + delays[scheduled++], 0);
  }];
  return {
    name: `hold ${HOLD_PENDING / 1000}k pending, ${N / 1000}k events`,
    events: N,
    run() {
      const engine = createEngine(handlers, HOLD_PENDING);
      for (scheduled = 0; scheduled < HOLD_PENDING; scheduled++) engine.schedule(delays[scheduled], 0);
      engine.run();
      return engine.handled;
    },
  };
}

/** The M/M/1 model of mm1-model.ts (λ = 0.9, μ = 1), two events per customer. */
function mm1Task(): EngineBenchTask {
  let seed = 0;
  return {
    name: `M/M/1 ${MM1_CUSTOMERS / 1000}k customers`,
    events: 2 * MM1_CUSTOMERS,
    run: () => runMm1({ customers: MM1_CUSTOMERS, lambda: 0.9, mu: 1, seed: seed++ }).events,
  };
}

/** The built-in engine workloads, in the order they are run. */
export function engineTasks(): EngineBenchTask[] {
  return [randomTimesTask(), sameTimeFifoTask(), holdTask(), mm1Task()];
}

// ---------------------------------------------------------------------------
// EXTRA TASKS: the day-loop benchmark goes here. Push an EngineBenchTask (or
// several) onto this array; `npm run bench` runs them after the built-ins.
// ---------------------------------------------------------------------------
/** Tasks appended to {@link engineTasks} by `bench/engine.bench.ts` (the day loop will go here). */
export const extraEngineTasks: EngineBenchTask[] = [];
