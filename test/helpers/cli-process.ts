/*
 * The built CLI (dist/cli/main.js) as a real child process, for the tests that run freshsim
 * the way a user does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The compiled CLI entry (`npm test` builds it first). */
export const cliBin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Run `freshsim ...args` to completion in `cwd` with `env` (the default: this process's); its exit code and output. */
export function runCli(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cliBin, ...args], { encoding: 'utf8', cwd: opts.cwd, env: opts.env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Fail the test file's setup with a clear message when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(cliBin)) throw new Error(`${cliBin} is missing: run \`npm run build\` (npm test does) before the CLI tests`);
}
