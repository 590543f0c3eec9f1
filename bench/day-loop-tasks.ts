/**
 * Day-loop benchmarks: whole simulations through the engine, with the
 * planner's cost kept apart (a fixed plan) and included (PTO with PM0).
 */
import { buildWorld, builtinScenario } from '../scenarios/index.js';
import { createStreams, indexDemand, simulate, type Planner, type World } from '../sim/index.js';
import { createPlanner } from '../strategies/index.js';
import type { EngineBenchTask } from './engine-tasks.js';

/** The plan PTO makes on the first decision, reused every day (isolates the day loop). */
function frozenPlanner(world: World): Planner {
  let plan: Float64Array | undefined;
  const pto = createPlanner('pto-greedy');
  return { name: 'frozen-pto', oracle: false, decide: (ctx) => (plan ??= pto.decide(ctx)) };
}

function task(name: string, world: World, make: () => Planner, seed: number): EngineBenchTask {
  const demand = indexDemand(world);
  const probe = simulate(world, make(), { streams: createStreams(seed, 1), demand });
  return {
    name,
    events: probe.eventsHandled,
    run: () => simulate(world, make(), { streams: createStreams(seed, 1), demand }).eventsHandled,
  };
}

/** Day-loop tasks on the built-in scenarios (worlds are built once, outside the timing). */
export function dayLoopTasks(): EngineBenchTask[] {
  const paper = builtinScenario('paper-7fresh')!;
  const paperWorld = buildWorld(paper, 1);
  const tiny = builtinScenario('tiny')!;
  const tinyWorld = buildWorld(tiny, 1);
  return [
    task('day loop: tiny, 10 days, pto-greedy', tinyWorld, () => createPlanner('pto-greedy'), tiny.seed),
    task('day loop: paper-7fresh, 14 days, frozen plan', paperWorld, () => frozenPlanner(paperWorld), paper.seed),
    task('day loop: paper-7fresh, 14 days, pto-greedy', paperWorld, () => createPlanner('pto-greedy'), paper.seed),
  ];
}
