/**
 * The architecture checker: given source files (path → text) and the layer
 * list of docs/ARCHITECTURE.md, the broken rules. Pure, so the test can run
 * it on the repository and on small fixtures that break each rule.
 *
 * Rules: (1) the pure folders import no I/O module (fs, child_process,
 * worker_threads, process) and read no process or wall clock; (2) an import
 * into another top-level folder goes through that folder's index.ts; (3) a
 * folder imports only the folders its row of the layer list allows.
 */

/** Folder → the folders it may import (`'*'`: any), as the layer table says. */
export type Layers = ReadonlyMap<string, ReadonlySet<string> | '*'>;

/** The folders that must stay free of I/O. */
export const PURE = ['sim', 'scenarios', 'strategies', 'analysis', 'experiment', 'reports'] as const;

const IO_MODULES = /^(node:)?(fs|fs\/promises|child_process|worker_threads|process|cluster|net)$/;
const IO_GLOBALS = /(?<![\w.])(process\.\w+|Date\.now\(|performance\.now\(|Math\.random\()/;

/** The layer list from the markdown table of docs/ARCHITECTURE.md (`| \`folder/\` | what | may import |`). */
export function parseLayers(markdown: string): Layers {
  const layers = new Map<string, ReadonlySet<string> | '*'>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const folder = /^`([a-z-]+)\/`$/.exec(cells[1] ?? '')?.[1];
    if (!folder || cells.length < 5) continue;
    const may = cells[cells.length - 2];
    layers.set(folder, /everything/.test(may) ? '*' : new Set([...may.matchAll(/`([a-z-]+)\/`/g)].map((m) => m[1])));
  }
  return layers;
}

/** Import specifiers of a source text (static, re-export, side-effect and dynamic), comments removed. */
export function importsOf(text: string): string[] {
  const code = withoutComments(text);
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)'([^']+)'/g)].map((m) => m[1]);
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Normalise `a/b/../c` path segments. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** Every broken rule in `files` (repository-relative paths → text), one line each. */
export function checkArchitecture(files: ReadonlyMap<string, string>, layers: Layers): string[] {
  const problems: string[] = [];
  for (const [path, text] of files) {
    const folder = path.includes('/') ? path.split('/')[0] : '';
    const pure = (PURE as readonly string[]).includes(folder);
    if (pure) {
      const g = IO_GLOBALS.exec(withoutComments(text));
      if (g) problems.push(`${path}: uses ${g[1]} in pure folder ${folder}/ (no process, no wall clock, no Math.random)`);
    }
    for (const spec of importsOf(text)) {
      if (!spec.startsWith('.')) {
        if (pure && IO_MODULES.test(spec)) problems.push(`${path}: imports '${spec}' in pure folder ${folder}/ (no I/O there)`);
        continue;
      }
      const target = normalise(`${path.split('/').slice(0, -1).join('/')}/${spec}`);
      const to = target.includes('/') ? target.split('/')[0] : '';
      if (to === folder || to === '' || !layers.has(to)) continue;
      if (target !== `${to}/index.js`) problems.push(`${path}: imports '${spec}', skipping ${to}/index.ts (import across folders only through the index)`);
      const allowed = layers.get(folder);
      if (folder !== '' && allowed !== '*' && !allowed?.has(to)) {
        problems.push(`${path}: imports ${to}/, which ${folder}/ may not (docs/ARCHITECTURE.md allows: ${allowed ? [...allowed].join(', ') || 'nothing' : 'no row for it'})`);
      }
    }
  }
  return problems;
}
