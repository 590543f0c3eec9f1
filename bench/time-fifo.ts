/**
 * A first-in first-out queue of times, kept in a growable Float64Array ring
 * buffer so that pushing and shifting allocate nothing (the buffer only
 * doubles, rarely, when it is full).
 */

/** A FIFO of numbers (here: arrival times) over a typed-array ring buffer. */
export interface TimeFifo {
  /** Number of times in the queue. */
  readonly length: number;
  /** Append `time` at the back. */
  push(time: number): void;
  /** Remove and return the front time; throws when the queue is empty. */
  shift(): number;
}

/** Create an empty {@link TimeFifo}; `initialCapacity` is rounded up to a power of two. */
export function createTimeFifo(initialCapacity = 1024): TimeFifo {
  let cap = 16;
  while (cap < initialCapacity) cap *= 2;
  let buf = new Float64Array(cap);
  let mask = cap - 1;
  let head = 0;
  let size = 0;

  /** Double the buffer, unrolling the ring so the front is at index 0. */
  function grow(): void {
    const next = new Float64Array(cap * 2);
    for (let i = 0; i < size; i++) next[i] = buf[(head + i) & mask];
    buf = next;
    cap *= 2;
    mask = cap - 1;
    head = 0;
  }

  return {
    get length() { return size; },
    push(time: number): void {
      if (size === cap) grow();
      buf[(head + size) & mask] = time;
      size++;
    },
    shift(): number {
      if (size === 0) throw new RangeError('shift() on an empty TimeFifo');
      const time = buf[head];
      head = (head + 1) & mask;
      size--;
      return time;
    },
  };
}
