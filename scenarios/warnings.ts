/**
 * Warnings for a valid scenario that probably does not do what its author
 * meant: timeline shocks and random-lockdown windows that fall (partly)
 * outside the simulated days, so they never (or only partly) happen.
 * Day offsets count from the first evaluation day (see field-docs.ts).
 */
import type { Scenario } from './schema.js';

/** One line per suspicious field: its path, the days it covers and the simulated range. */
export function scenarioWarnings(s: Scenario): string[] {
  const { history, evaluation } = s.days;
  const first = -history;
  const last = evaluation - 1;
  const range = `the simulated days are start ${first} … ${last} (0 = first evaluation day)`;
  const out: string[] = [];
  (s.shocks?.timeline ?? []).forEach((sh, i) => {
    const from = sh.start;
    const to = sh.start + sh.days - 1;
    const what = `shocks.timeline[${i}] (${sh.label ?? sh.kind}) covers start ${from} … ${to}`;
    if (to < first || from > last) out.push(`${what}, outside the simulated days, so it never happens; ${range}`);
    else if (from < first || to > last) out.push(`${what}, partly outside the simulated days; ${range}`);
  });
  const w = s.shocks?.random?.lockdowns?.window;
  if (w && (w[1] < first || w[0] > last)) out.push(`shocks.random.lockdowns.window [${w[0]}, ${w[1]}] lies outside the simulated days, so no lockdown arrives; ${range}`);
  else if (w && (w[0] < first || w[1] > last)) out.push(`shocks.random.lockdowns.window [${w[0]}, ${w[1]}] is partly outside the simulated days; ${range}`);
  return out;
}
