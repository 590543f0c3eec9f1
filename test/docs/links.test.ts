/*
 * The README and docs/ link only to what is in the repository: every relative Markdown link
 * resolves to an existing file, and none leaves the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('documentation links', () => {
  it.each(files)('%s links only to files inside the repository', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^(https?:|mailto:|#)/.test(t));
    for (const t of targets) {
      const path = resolve(dirname(join(root, file)), t.split('#')[0]);
      expect(relative(root, path).startsWith('..'), `${file} → ${t} leaves the repository`).toBe(false);
      expect(existsSync(path), `${file} → ${t} does not exist`).toBe(true);
    }
    expect(text).not.toContain('../shared/');
  });
});
