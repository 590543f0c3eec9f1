/* freshsim strategy list: every registered strategy with its oracle flag and parameter defaults. */
import { describe, expect, it } from 'vitest';
import { strategyListCommand } from '../../cli/commands/strategy.js';
import { strategies } from '../../strategies/index.js';

describe('strategy list', () => {
  it('--json lists every strategy with name, oracle and params (types and defaults from the schema)', () => {
    let out = '';
    expect(strategyListCommand({ json: true }, { stdout: (s) => { out += s; } })).toBe(0);
    const list = JSON.parse(out) as { name: string; oracle: boolean; params: { name: string; type: string; default?: unknown; optional: boolean }[] }[];
    expect(list.map((s) => s.name).sort()).toEqual(Object.keys(strategies).sort());
    expect(list.find((s) => s.name === 'opt')!.oracle).toBe(true);
    expect(list.find((s) => s.name === 'saa')!.oracle).toBe(false);
    const otpto = list.find((s) => s.name === 'otpto')!.params;
    expect(otpto.find((p) => p.name === 'variant')).toEqual({ name: 'variant', type: 'improved|paper', optional: false, default: 'improved' });
    expect(otpto.find((p) => p.name === 'fillCapacity')).toEqual({ name: 'fillCapacity', type: 'boolean', optional: true });
    expect(list.find((s) => s.name === 'mci')!.params.find((p) => p.name === 'windowDays')).toMatchObject({ type: 'integer', default: 28 });
  });

  it('prints one block per strategy in text form', () => {
    let out = '';
    strategyListCommand({ json: false }, { stdout: (s) => { out += s; } });
    expect(out).toContain('opt (oracle)');
    expect(out).toMatch(/saa\n {2}Sample average/);
  });
});
