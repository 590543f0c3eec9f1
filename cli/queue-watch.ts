/**
 * Watching a coordinator's Redis connection and workers, so faults are told
 * as messages: a lost Redis is reported once, with a countdown every
 * {@link COUNTDOWN_MS} until `--queue-timeout` runs out (then the run stops,
 * keeping every stored cell); its return is reported too; and a queue on
 * which no worker has taken anything for {@link NO_WORKER_MS} says so,
 * naming the command that starts one. Wall-clock time here only decides
 * when to speak or stop, never what a result is.
 */
import { FaultError } from './errors.js';

/** Default seconds to wait for a lost Redis before stopping. */
export const DEFAULT_QUEUE_TIMEOUT_S = 300;
/** How often the countdown is repeated while Redis is away. */
export const COUNTDOWN_MS = 15_000;
/** How long a queue may make no progress before the coordinator checks for workers. */
export const NO_WORKER_MS = 20_000;

/** What the coordinator's loop tells the watch, and what it asks of it. */
export interface QueueWatch {
  /** A Redis client reported an error (the first starts the outage). */
  onError(e: Error): void;
  /** A Redis client is connected again. */
  onReady(): void;
  /** A cell was collected. */
  onProgress(): void;
  /** Rejects with a {@link FaultError} when Redis has been away longer than the timeout. */
  readonly expired: Promise<never>;
  /** Whether it is time to look for workers (no progress for a while, not yet told). */
  shouldCheckWorkers(): boolean;
  /** Tell (once) that no worker is attached. */
  noWorkers(): void;
  close(): void;
}

/** A watch for the queue at `url`; `log` prints a line, `now` is the clock in ms, `afterStop` ends the timeout's message (what is kept, what to do). */
export function watchQueue(url: string, timeoutS: number, log: (line: string) => void, now: () => number = Date.now,
  afterStop = 'every finished cell is stored, rerun the same command to resume'): QueueWatch {
  if (!(Number.isFinite(timeoutS) && timeoutS > 0)) throw new RangeError(`queue timeout ${timeoutS}: expected a positive number of seconds`);
  let lostAt: number | undefined;
  let countdown: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  let lastProgress = now();
  let toldNoWorkers = false;
  let fail: (e: Error) => void = () => {};
  const expired = new Promise<never>((_, reject) => { fail = reject; });
  expired.catch(() => {}); // observed by the coordinator's race; never an unhandled rejection
  const left = () => Math.max(0, Math.round(timeoutS - (now() - lostAt!) / 1000));
  const stopTimers = () => {
    clearInterval(countdown);
    clearTimeout(deadline);
    countdown = deadline = undefined;
  };
  return {
    onError(e) {
      if (lostAt !== undefined) return; // told once per outage
      lostAt = now();
      const why = (e as NodeJS.ErrnoException).code ?? e.message;
      log(`queue: lost Redis at ${url} (${why}); retrying for up to ${timeoutS} s (--queue-timeout), finished cells are kept`);
      countdown = setInterval(() => log(`queue: still no Redis at ${url}; stopping in ${left()} s unless it comes back`), COUNTDOWN_MS);
      countdown.unref();
      deadline = setTimeout(() => {
        stopTimers();
        fail(new FaultError(`queue: Redis at ${url} was unreachable for ${timeoutS} s (--queue-timeout); stopped — ${afterStop}`));
      }, timeoutS * 1000);
      deadline.unref();
    },
    onReady() {
      if (lostAt === undefined) return;
      log(`queue: Redis at ${url} is back after ${Math.round((now() - lostAt) / 1000)} s`);
      lostAt = undefined;
      lastProgress = now();
      stopTimers();
    },
    onProgress() {
      lastProgress = now();
      toldNoWorkers = false;
    },
    expired,
    shouldCheckWorkers: () => !toldNoWorkers && lostAt === undefined && now() - lastProgress >= NO_WORKER_MS,
    noWorkers() {
      toldNoWorkers = true;
      log(`queue: no worker is attached to ${url} and nothing finished for ${Math.round((now() - lastProgress) / 1000)} s; start one with \`freshsim worker --queue ${url}\``);
    },
    close: stopTimers,
  };
}
