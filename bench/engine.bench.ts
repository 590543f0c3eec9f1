/**
 * `npm run bench`: tinybench suite for the discrete-event engine. Each task
 * is run once untimed to check the number of events it handles, then timed;
 * the table adds events per second (from the median latency).
 *
 * The task list lives in engine-tasks.ts; append to `extraEngineTasks` there
 * (the day-loop benchmark will go there).
 */
import { Bench, type Task } from 'tinybench';
import { dayLoopTasks } from './day-loop-tasks.js';
import { engineTasks, extraEngineTasks, type EngineBenchTask } from './engine-tasks.js';

/** Run each task once and fail loudly if it handled the wrong number of events. */
function checkEventCounts(tasks: readonly EngineBenchTask[]): void {
  for (const t of tasks) {
    const handled = t.run();
    if (handled !== t.events) throw new Error(`bench task "${t.name}": handled ${handled} events, expected ${t.events}`);
  }
}

/** One table row: latency and events per second of a finished task. */
function row(task: Task, eventsByName: ReadonlyMap<string, number>): Record<string, string | number> {
  const r = task.result;
  if (r.state !== 'completed') return { task: task.name, state: r.state };
  const events = eventsByName.get(task.name) ?? 0;
  return {
    task: task.name,
    'median ms': r.latency.p50.toFixed(3),
    'mean ms': `${r.latency.mean.toFixed(3)} ± ${r.latency.rme.toFixed(1)}%`,
    'M events/s': ((events / r.latency.p50) / 1000).toFixed(2),
    samples: r.latency.samples?.length ?? r.latency.df + 1,
  };
}

/** Build, check and run the suite, then print its table. */
async function main(): Promise<void> {
  const tasks = [...engineTasks(), ...extraEngineTasks, ...dayLoopTasks()];
  checkEventCounts(tasks);
  const bench = new Bench({ name: 'freshsim engine', time: 1000, warmupTime: 250, throws: true });
  for (const t of tasks) bench.add(t.name, t.run);
  await bench.run();
  const eventsByName = new Map(tasks.map((t) => [t.name, t.events]));
  console.log(`${bench.name} (node ${process.version})`);
  console.table(bench.tasks.map((t) => row(t, eventsByName)));
}

await main();
