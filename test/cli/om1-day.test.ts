import { describe, expect, it } from 'vitest';
import { dayIndex } from '../../cli/commands/om1.js';

describe('om1 --day', () => {
  const generated = { startDate: '2024-01-01', historyDays: 5, evaluationDays: 2 };
  // An imported log with a gap: 2024-01-03 had no orders, so day 2 is 2024-01-04.
  const imported = { ...generated, dates: ['2024-01-01', '2024-01-02', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-08', '2024-01-09'] };

  it('maps evaluation day numbers after the history', () => {
    expect(dayIndex('1', generated)).toBe(5);
    expect(dayIndex('2', imported)).toBe(6);
  });

  it('maps dates through the calendar, including an imported log with gaps', () => {
    expect(dayIndex('2024-01-04', generated)).toBe(3);
    expect(dayIndex('2024-01-04', imported)).toBe(2);
    expect(dayIndex('2024-01-09', imported)).toBe(6);
  });

  it('rejects a date without orders or outside the scenario, naming the range', () => {
    expect(() => dayIndex('2024-01-03', imported)).toThrow(/that has orders .* from 2024-01-01 to 2024-01-09/);
    expect(() => dayIndex('2023-12-31', generated)).toThrow(/from 2024-01-01 to 2024-01-07/);
    expect(() => dayIndex('9', generated)).toThrow(/evaluation day 1..2/);
  });
});
