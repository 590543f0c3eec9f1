import { describe, expect, it } from 'vitest';
import { createEngine, ScheduleError, type Engine, type EventHandler } from '../../sim/event-queue.js';

/** A small deterministic uniform source for the randomized tests (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An engine whose single kind 0 records (now, arg) of every handled event. */
function recorder(initialCapacity?: number): { engine: Engine; log: Array<[number, number]> } {
  const log: Array<[number, number]> = [];
  const engine = createEngine([(en, arg) => log.push([en.now, arg])], initialCapacity);
  return { engine, log };
}

const argsOf = (log: Array<[number, number]>): number[] => log.map(([, a]) => a);

describe('createEngine ordering', () => {
  it('runs same-time, same-priority events in insertion order', () => {
    const { engine, log } = recorder();
    for (let i = 0; i < 50; i++) engine.schedule(3, 0, i);
    engine.run();
    expect(argsOf(log)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('orders same-time events by priority (lower first), then insertion', () => {
    const { engine, log } = recorder();
    engine.schedule(1, 0, 10, 2);
    engine.schedule(1, 0, 11, 0);
    engine.schedule(1, 0, 12, -1);
    engine.schedule(1, 0, 13, 2);
    engine.schedule(1, 0, 14, 0);
    engine.run();
    expect(argsOf(log)).toEqual([12, 11, 14, 10, 13]);
  });

  it('orders events by time before priority', () => {
    const { engine, log } = recorder();
    engine.schedule(5, 0, 1, -100);
    engine.schedule(2.5, 0, 2, 100);
    engine.schedule(0, 0, 3);
    engine.schedule(2.5, 0, 4, 0);
    engine.run();
    expect(log).toEqual([[0, 3], [2.5, 4], [2.5, 2], [5, 1]]);
    expect(engine.now).toBe(5);
  });

  it('dispatches on kind and passes arg', () => {
    const seen: string[] = [];
    const handlers: EventHandler[] = [
      (_, a) => seen.push(`a${a}`),
      (_, a) => seen.push(`b${a}`),
      (_, a) => seen.push(`c${a}`),
    ];
    const engine = createEngine(handlers);
    engine.schedule(1, 2, 7);
    engine.schedule(1, 0, 8);
    engine.schedule(0, 1, 9.5);
    engine.run();
    expect(seen).toEqual(['b9.5', 'c7', 'a8']);
  });

  // Priorities are stored as 32-bit integers: anything else must be rejected, never truncated.
  it('honours fractional and large priorities, or rejects them', () => {
    const { engine, log } = recorder();
    let rejected = false;
    try {
      engine.schedule(1, 0, 1, 0.5);
      engine.schedule(1, 0, 2, 0.25);
      engine.schedule(1, 0, 3, 2 ** 31);
      engine.schedule(1, 0, 4, 1);
    } catch (e) {
      expect(e).toBeInstanceOf(ScheduleError);
      rejected = true;
    }
    if (!rejected) {
      engine.run();
      expect(argsOf(log)).toEqual([2, 1, 4, 3]);
    }
  });
});

describe('createEngine scheduling errors', () => {
  it('throws ScheduleError when scheduling before now', () => {
    const engine = createEngine([
      (en) => {
        expect(() => en.schedule(en.now - 0.001, 0)).toThrow(ScheduleError);
        expect(() => en.schedule(en.now - 1, 0)).toThrow(/before now \(4\)/);
      },
    ]);
    engine.schedule(4, 0);
    engine.run();
    expect(engine.handled).toBe(1);
    expect(engine.pending).toBe(0);
  });

  it('throws ScheduleError for a negative or NaN time at start', () => {
    const engine = createEngine([() => {}]);
    expect(() => engine.schedule(-1, 0)).toThrow(ScheduleError);
    expect(() => engine.schedule(Number.NaN, 0)).toThrow(ScheduleError);
    expect(engine.pending).toBe(0);
  });

  it('throws ScheduleError for an unknown kind', () => {
    const engine = createEngine([() => {}, () => {}]);
    expect(() => engine.schedule(0, 2)).toThrow(ScheduleError);
    expect(() => engine.schedule(0, 2)).toThrow(/unknown event kind 2/);
    expect(() => engine.schedule(0, -1)).toThrow(ScheduleError);
    expect(() => engine.schedule(0, 0.5)).toThrow(ScheduleError);
    expect(engine.pending).toBe(0);
    engine.schedule(0, 1);
    expect(engine.pending).toBe(1);
  });
});

describe('createEngine run/step', () => {
  it('run(until) handles events at or before until and leaves the rest', () => {
    const { engine, log } = recorder();
    for (const t of [1, 2, 3, 3, 4, 5]) engine.schedule(t, 0, t);
    engine.run(3);
    expect(log.map(([t]) => t)).toEqual([1, 2, 3, 3]);
    expect(engine.now).toBe(3);
    expect(engine.handled).toBe(4);
    expect(engine.pending).toBe(2);
    engine.run(3.5);
    expect(engine.handled).toBe(4);
    engine.run();
    expect(log.map(([t]) => t)).toEqual([1, 2, 3, 3, 4, 5]);
    expect(engine.pending).toBe(0);
  });

  it('step returns false on an empty queue and true after handling one event', () => {
    const { engine, log } = recorder();
    expect(engine.step()).toBe(false);
    engine.schedule(2, 0, 9);
    expect(engine.step()).toBe(true);
    expect(log).toEqual([[2, 9]]);
    expect(engine.step()).toBe(false);
    expect(engine.handled).toBe(1);
  });

  it('lets handlers schedule more events, including at the current time', () => {
    const order: string[] = [];
    const engine = createEngine([
      // kind 0: a chain that reschedules itself one time unit later, three times
      (en, arg) => {
        order.push(`tick${arg}@${en.now}`);
        if (arg < 3) en.schedule(en.now + 1, 0, arg + 1);
        en.schedule(en.now, 1, arg, 1);
      },
      // kind 1: a follow-up at the same time
      (en, arg) => order.push(`after${arg}@${en.now}`),
    ]);
    engine.schedule(0, 0, 0);
    engine.schedule(1, 1, 99, 5);
    engine.run();
    expect(order).toEqual([
      'tick0@0', 'after0@0',
      'tick1@1', 'after1@1', 'after99@1',
      'tick2@2', 'after2@2',
      'tick3@3', 'after3@3',
    ]);
    expect(engine.handled).toBe(9);
    expect(engine.pending).toBe(0);
  });

  it('counts handled and pending events', () => {
    const { engine } = recorder(16);
    expect(engine.handled).toBe(0);
    expect(engine.pending).toBe(0);
    for (let i = 0; i < 40; i++) engine.schedule(i % 7, 0, i); // forces growth beyond 16
    expect(engine.pending).toBe(40);
    for (let i = 1; i <= 25; i++) {
      engine.step();
      expect(engine.handled).toBe(i);
      expect(engine.pending).toBe(40 - i);
    }
    engine.run();
    expect(engine.handled).toBe(40);
    expect(engine.pending).toBe(0);
  });
});

describe('createEngine randomized against a sort by (time, priority, seq)', () => {
  interface Ev { time: number; prio: number; seq: number }
  const byKey = (a: Ev, b: Ev): number => a.time - b.time || a.prio - b.prio || a.seq - b.seq;

  it('pops 5000 events with many ties in sorted order', () => {
    const rand = mulberry32(12345);
    const events: Ev[] = [];
    const { engine, log } = recorder(16);
    for (let seq = 0; seq < 5000; seq++) {
      const ev = { time: Math.floor(rand() * 40) / 2, prio: Math.floor(rand() * 5) - 2, seq };
      events.push(ev);
      engine.schedule(ev.time, 0, seq, ev.prio);
    }
    engine.run();
    const expected = [...events].sort(byKey);
    expect(argsOf(log)).toEqual(expected.map((e) => e.seq));
    expect(log.map(([t]) => t)).toEqual(expected.map((e) => e.time));
  });

  it('matches a reference queue when handlers interleave scheduling and popping', () => {
    const rand = mulberry32(777);
    const pending: Ev[] = [];
    let seq = 0;
    let mismatches = 0;
    const scheduleBoth = (en: Engine, time: number, prio: number): void => {
      pending.push({ time, prio, seq });
      en.schedule(time, 0, seq, prio);
      seq++;
    };
    const engine = createEngine([
      (en, arg) => {
        // the handled event must be the minimum of the reference's pending events
        let min = 0;
        for (let i = 1; i < pending.length; i++) if (byKey(pending[i], pending[min]) < 0) min = i;
        if (pending[min].seq !== arg || pending[min].time !== en.now) mismatches++;
        pending.splice(min, 1);
        const extra = seq < 5000 ? Math.floor(rand() * 3) : 0;
        for (let i = 0; i < extra; i++) scheduleBoth(en, en.now + Math.floor(rand() * 4), Math.floor(rand() * 3));
      },
    ], 16);
    for (let i = 0; i < 200; i++) scheduleBoth(engine, Math.floor(rand() * 5), Math.floor(rand() * 3));
    engine.run();
    expect(seq).toBeGreaterThanOrEqual(5000);
    expect(mismatches).toBe(0);
    expect(pending).toHaveLength(0);
    expect(engine.handled).toBe(seq);
    expect(engine.pending).toBe(0);
  });
});
