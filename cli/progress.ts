/**
 * Progress of a sweep: on a terminal, one redrawn bar with cells done /
 * total, rate and ETA; elsewhere (CI logs, files) a plain line now and then.
 * The clock is injected so the text is testable.
 */

/** Where progress goes. */
export interface ProgressSink {
  readonly isTTY: boolean;
  /** Terminal width (columns), when known. */
  readonly columns?: number;
  write(text: string): void;
}

/** A progress display. */
export interface Progress {
  /** Report the counts now (cheap: redraws only now and then). */
  update(done: number, failed: number): void;
  /** Final line. */
  finish(done: number, failed: number): void;
}

/** `1h02m`, `3m07s`, `12s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * The status text: counts, rate of the cells finished in this session and the
 * ETA at that rate. `startDone` cells were already finished when it started.
 */
export function statusText(o: { done: number; failed: number; total: number; startDone: number; elapsedS: number }): string {
  const fresh = o.done - o.startDone;
  const rate = o.elapsedS > 0 ? fresh / o.elapsedS : 0;
  const left = o.total - o.done - o.failed;
  const eta = rate > 0 ? formatDuration(left / rate) : '?';
  const pct = o.total > 0 ? Math.floor((100 * o.done) / o.total) : 100;
  const failed = o.failed > 0 ? `, ${o.failed} failed` : '';
  return `${o.done}/${o.total} cells (${pct}%${failed}), ${rate.toFixed(rate < 10 ? 2 : 1)} cells/s, ETA ${eta}`;
}

/** Create a progress display for `total` cells of which `startDone` are already done. */
export function createProgress(opts: {
  total: number;
  startDone: number;
  sink: ProgressSink;
  /** Seconds, monotonic. */
  clock: () => number;
  /** Seconds between plain lines when not on a terminal (default 10). */
  lineEveryS?: number;
}): Progress {
  const { sink, clock, total, startDone } = opts;
  const t0 = clock();
  const every = sink.isTTY ? 0.1 : (opts.lineEveryS ?? 10);
  let last = -Infinity;
  let lastLine = '';
  const text = (done: number, failed: number) => statusText({ done, failed, total, startDone, elapsedS: clock() - t0 });
  function bar(done: number, failed: number): string {
    const status = text(done, failed);
    const width = Math.max(10, Math.min(40, (sink.columns ?? 80) - status.length - 4));
    const filled = total > 0 ? Math.round((width * (done + failed)) / total) : width;
    return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${status}\x1b[K`;
  }
  return {
    update(done, failed) {
      const now = clock();
      if (now - last < every) return;
      last = now;
      lastLine = sink.isTTY ? bar(done, failed) : `progress: ${text(done, failed)}\n`;
      sink.write(lastLine);
    },
    finish(done, failed) {
      const line = sink.isTTY ? `${bar(done, failed)}\n` : `progress: ${text(done, failed)}\n`;
      // Off a terminal, do not repeat a line just printed.
      if (sink.isTTY || line !== lastLine) sink.write(line);
    },
  };
}
