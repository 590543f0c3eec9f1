import { describe, expect, it } from 'vitest';
import { createTimeFifo } from '../../bench/time-fifo.js';

describe('createTimeFifo', () => {
  it('keeps first-in first-out order across wrap-around and growth', () => {
    const q = createTimeFifo(16);
    const expected: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < round; i++) { q.push(next); expected.push(next++); }
      for (let i = 0; i < round / 2; i++) expect(q.shift()).toBe(expected.shift());
      expect(q.length).toBe(expected.length);
    }
    while (expected.length > 0) expect(q.shift()).toBe(expected.shift());
    expect(q.length).toBe(0);
  });

  it('throws when shifting an empty queue', () => {
    expect(() => createTimeFifo().shift()).toThrow(/empty/);
  });
});
