/**
 * The package's version, with no imports beyond node: (the CLI prints it
 * before loading any command module).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's version, read from its package.json. */
export function freshsimVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['..', '../..']) {
    const p = join(here, up, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'freshsim' && pkg.version) return pkg.version;
    }
  }
  return 'unknown';
}
