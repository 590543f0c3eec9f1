import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExperimentFailedError, runExperiment } from '../../cli/api.js';
import type { Results } from '../../analysis/index.js';
import { builtinScenario } from '../../scenarios/index.js';

const dir = mkdtempSync(join(tmpdir(), 'freshsim-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tiny = builtinScenario('tiny')!;
const small = { ...tiny, days: { ...tiny.days, evaluation: 3 } };
const helper = resolve('examples/strategies');
const py = `exec:python3 ${join(helper, 'top_k.py')}`;
const mjs = resolve('examples/strategies/top-k.mjs');

/** A strategy's figures without its name and parameters (the two examples differ only there). */
function figures(r: Results, name: string): string {
  const { params: _p, ...rest } = r.strategies[name] as unknown as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** A Python strategy that misbehaves on the decision of `day` (0-based count of decisions) as `how`. */
function badStrategy(name: string, how: string): string {
  const file = join(dir, `${name}.py`);
  writeFileSync(file, `import sys, time
sys.path.insert(0, ${JSON.stringify(helper)})
from freshsim_protocol import run
class Bad:
    def __init__(self, hello): self.n = 0
    def decide(self, history, request):
        self.n += 1
        if self.n == 2:
${how.split('\n').map((l) => `            ${l}`).join('\n')}
        return {}
run(Bad)
`);
  return `exec:python3 ${file}`;
}

describe('exec: strategies (a real child process)', () => {
  it('top_k.py and top-k.mjs give identical figures, in this thread and in the pool', async () => {
    const inline = await runExperiment({ scenario: small, strategies: [py, mjs], seeds: 1, workers: 0 });
    expect(Object.keys(inline.results.strategies)).toEqual(['top_k', 'top-k']);
    expect(figures(inline.results, 'top_k')).toBe(figures(inline.results, 'top-k'));
    const pooled = await runExperiment({ scenario: small, strategies: [py, mjs], seeds: 1, workers: 2 });
    expect(JSON.stringify(pooled.results)).toBe(JSON.stringify(inline.results));
  }, 120_000);

  it.each([
    ['crash', 'sys.exit(3)', /strategy 'crash' \(exec: .*\), day \d+ \(\d{4}-\d\d-\d\d\), site '[^']+': the process exited with code 3; expected \{"type":"plan"/],
    ['malformed', 'sys.stdout.write("plan please\\n"); sys.stdout.flush(); time.sleep(5)', /strategy 'malformed' .*day \d+ .*site .*: answered "plan please", not JSON/],
    ['invalid', 'return {99999: 1}', /strategy 'invalid' .*day \d+ .*site .*: plan entry 0 is \[99999,1\]; expected \[sku, qty\] with sku a whole number 0\.\.\d+/],
    ['raises', 'raise ValueError("boom")', /strategy 'raises' .*the process exited with code 1; its stderr ends: .*ValueError: boom/],
    ['hang', 'time.sleep(30)', /strategy 'hang' .*day \d+ .*site .*: no answer within 3 s \(FRESHSIM_EXEC_TIMEOUT\)/],
  ])('%s: a clear error naming strategy, day and site; the other cells are kept', async (name, how, message) => {
    process.env.FRESHSIM_EXEC_TIMEOUT = '3';
    const run = join(dir, `run-${name}`);
    try {
      const e = await runExperiment({ scenario: small, strategies: ['pto-greedy', badStrategy(name, how)], seeds: 1, workers: 0, dir: run }).catch((x) => x);
      expect(e).toBeInstanceOf(ExperimentFailedError);
      expect(e.failed).toHaveLength(1);
      expect(e.failed[0].inputError).toBe(true);
      expect(e.failed[0].error).toMatch(message);
      // pto-greedy's cell finished and is stored.
      expect(readFileSync(join(run, 'cells.jsonl'), 'utf8')).toContain('pto-greedy');
    } finally {
      delete process.env.FRESHSIM_EXEC_TIMEOUT;
    }
  }, 60_000);
});
