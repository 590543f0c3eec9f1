/*
 * Progress output: a redrawn bar with done/total, rate and ETA on a terminal, plain periodic
 * lines elsewhere; the rate counts only cells finished in this session (not resumed ones).
 */
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, statusText } from '../../cli/progress.js';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, sink: { isTTY, columns: 120, write: (s: string) => { out.push(s); } } };
}

describe('progress', () => {
  it('formats durations', () => {
    expect([5, 65, 3725, Infinity].map(formatDuration)).toEqual(['5s', '1m05s', '1h02m', '?']);
  });

  it('gives counts, the rate of this session and the ETA', () => {
    expect(statusText({ done: 60, failed: 2, total: 100, startDone: 40, elapsedS: 10 })).toBe('60/100 cells (60%, 2 failed), 2.00 cells/s, ETA 19s');
    expect(statusText({ done: 0, failed: 0, total: 10, startDone: 0, elapsedS: 0 })).toBe('0/10 cells (0%), 0.00 cells/s, ETA ?');
  });

  it('redraws one bar on a terminal at most ten times a second', () => {
    let t = 0;
    const { out, sink: s } = sink(true);
    const p = createProgress({ total: 4, startDone: 0, sink: s, clock: () => t });
    p.update(0, 0);
    t = 0.05;
    p.update(1, 0); // too soon: skipped
    t = 2;
    p.update(2, 0);
    p.finish(4, 0);
    expect(out).toHaveLength(3);
    expect(out[1]).toMatch(/^\r\[#+\.+\] 2\/4 cells \(50%\), 1\.00 cells\/s, ETA 2s\x1b\[K$/);
    expect(out[2].endsWith('\n')).toBe(true);
  });

  it('prints plain lines every lineEveryS seconds off a terminal', () => {
    let t = 0;
    const { out, sink: s } = sink(false);
    const p = createProgress({ total: 10, startDone: 0, sink: s, clock: () => t, lineEveryS: 5 });
    for (let k = 0; k < 10; k++) {
      t = k;
      p.update(k, 0);
    }
    p.finish(10, 0);
    expect(out).toEqual([
      'progress: 0/10 cells (0%), 0.00 cells/s, ETA ?\n',
      'progress: 5/10 cells (50%), 1.00 cells/s, ETA 5s\n',
      'progress: 10/10 cells (100%), 1.11 cells/s, ETA 0s\n',
    ]);
  });
});
