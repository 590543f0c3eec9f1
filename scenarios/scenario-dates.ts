/**
 * The calendar date of a scenario's day: startDate + day for a generated
 * scenario; for a history scenario, the date of its day-th replayed day
 * (days without orders are skipped, so days are not consecutive dates).
 */
import { dateOf, worldDateOf } from '../sim/index.js';
import { historyReaderFor, type HistoryReader } from './history-source.js';
import { selectDays } from './history-world.js';
import type { Scenario } from './schema.js';

/** ISO date of `day` (0 = the first simulated history day) of `scenario`; a history scenario needs `readHistory`. */
export function scenarioDateOf(scenario: Scenario, day: number, readHistory?: HistoryReader): string {
  if (!scenario.history) return dateOf(scenario.startDate, day);
  const dates = historyReaderFor(readHistory, scenario.name)(scenario.history.dir, scenario.name).days.map((d) => d.date);
  const sel = selectDays(dates, scenario.history, scenario.days, scenario.name);
  return worldDateOf({ startDate: dates[sel.first], dates: dates.slice(sel.first, sel.first + sel.history + sel.evaluation) }, day);
}
