/*
 * Help as a new user meets it (in-process, through main): every command's --help has examples,
 * a bare `freshsim` names every command that --help lists, a typo gets a suggestion, and the OM1
 * cache options show only on commands that can solve OM1.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS, EXAMPLES } from '../../cli/help.js';
import { main } from '../../cli/main.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, out: stdout + stderr };
}

/** yargs prints help through console.log; capture it. */
async function help(...argv: string[]): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  const err = console.error;
  console.log = (...xs: unknown[]) => { lines.push(xs.join(' ')); };
  console.error = console.log;
  try { await main([...argv, '--help']); } finally { console.log = log; console.error = err; }
  return lines.join('\n');
}

describe('help', () => {
  it('a bare freshsim names every command that --help lists', async () => {
    const listed = [...(await help()).matchAll(/^ {2}freshsim ([a-z0-9]+)/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(COMMANDS));
    const bare = await cli();
    expect(bare.code).toBe(2);
    for (const c of COMMANDS) expect(bare.out).toContain(c);
  });

  it.each([...COMMANDS, 'scenario schema', 'scenario validate', 'strategy list'])('freshsim %s --help shows examples', async (command) => {
    const text = await help(...command.split(' '));
    expect(text).toContain('Examples:');
    expect(EXAMPLES[command]?.length).toBeGreaterThan(0);
  });

  it('suggests the nearest command for a typo', async () => {
    const r = await cli('rnu', '--scenario', 'tiny');
    expect(r.code).toBe(2);
    expect(r.out).toContain('Unknown argument: rnu. Did you mean run?');
  });

  it('shows the OM1 cache options only where OM1 can be solved', async () => {
    for (const c of ['run', 'sweep', 'worker', 'om1', 'ablate', 'stress']) expect(await help(c)).toContain('--cache-dir');
    for (const c of ['report', 'check', 'baseline', 'import', 'merge', 'profile']) expect(await help(c)).not.toContain('--cache-dir');
  });
});
