/**
 * Strategy modules: `--strategies ./my-strategy.mjs` (or `module:` in an
 * experiment file) loads a file whose default export is a
 * `defineStrategy(...)` result. `.ts` files load through tsx. A module is
 * named in its cells by its absolute path and the SHA-256 of its content,
 * so a changed file never reuses old cells; every process that runs a cell
 * (main thread, pool thread, Redis worker) loads it from the path and checks
 * the hash, and refuses a cell whose file is missing or differs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StrategyModuleRef } from '../experiment/index.js';
import { isDefinedStrategy, strategies, StrategyError, type StrategyDefinition } from '../strategies/index.js';

/** Is a `--strategies` entry a module path (starts with ./ ../ or /, or ends in .js/.mjs/.ts)? */
export function isModulePath(arg: string): boolean {
  return /^(\.{1,2}\/|\/)/.test(arg) || /\.(m?js|ts)$/.test(arg);
}

/** A module's file is missing or is not the version a cell was planned with: the job goes back for another worker. */
export class StrategyModuleMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrategyModuleMismatch';
  }
}

const loaded = new Map<string, Promise<StrategyDefinition<any>>>();

let tsHooks: Promise<void> | undefined;

/**
 * Let this process import TypeScript: tsx's ESM and CommonJS hooks, once, on
 * the first .ts module. Registered globally (not tsx's namespaced
 * `tsImport`), so a module importing 'freshsim' gets the copy already loaded
 * rather than a second one.
 */
function registerTypeScript(): Promise<void> {
  tsHooks ??= (async () => {
    const [esm, cjs] = await Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]);
    esm.register();
    cjs.register();
  })();
  return tsHooks;
}

function contentOf(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new StrategyError(`strategy module '${what}': cannot read it (${(e as Error).message.split('\n')[0]}); expected a .js, .mjs or .ts file`);
  }
}

/** Hex SHA-256 of a module's content (its own file: a change in what it imports is not seen). */
export function moduleHash(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 32);
}

async function importDefinition(path: string, hash: string, what: string): Promise<StrategyDefinition<any>> {
  // The hash in the URL makes a changed file a new module for the ESM loader.
  const url = `${pathToFileURL(path).href}?freshsim=${hash}`;
  let mod: { default?: unknown };
  try {
    if (path.endsWith('.ts')) await registerTypeScript();
    mod = (await import(url)) as { default?: unknown };
  } catch (e) {
    throw new StrategyError(`strategy module '${what}': importing it failed: ${(e as Error).message.split('\n')[0]}`);
  }
  // A TypeScript file compiled as CommonJS (a package without "type": "module") wraps the default export once more.
  const def = isDefinedStrategy(mod.default) ? mod.default : (mod.default as { default?: unknown } | undefined)?.default;
  if (!isDefinedStrategy(def)) {
    throw new StrategyError(`strategy module '${what}': its default export is not a strategy; expected \`export default defineStrategy({ name, params, create })\` with defineStrategy from 'freshsim'`);
  }
  if (Object.hasOwn(strategies, def.name)) {
    throw new StrategyError(`strategy module '${what}' is named '${def.name}', the name of a built-in strategy; expected another name`);
  }
  return def;
}

/** Load the module `arg` (relative to `base`): its reference for cells and its definition. */
export async function loadStrategyModule(arg: string, base = process.cwd()): Promise<{ ref: StrategyModuleRef; definition: StrategyDefinition<any> }> {
  const path = isAbsolute(arg) ? arg : resolve(base, arg);
  const hash = moduleHash(contentOf(path, arg));
  let p = loaded.get(hash);
  if (!p) loaded.set(hash, (p = importDefinition(path, hash, arg)));
  p.catch(() => loaded.delete(hash));
  return { ref: { path, hash }, definition: await p };
}

/**
 * The definition of a cell's module in this process: loaded from its path
 * if its content still has the cell's hash, else a {@link StrategyModuleMismatch}.
 */
export async function moduleDefinition(ref: StrategyModuleRef): Promise<StrategyDefinition<any>> {
  const cached = loaded.get(ref.hash);
  if (cached) return cached;
  let content: Buffer;
  try {
    content = readFileSync(ref.path);
  } catch {
    throw new StrategyModuleMismatch(`strategy module ${ref.path} is not on this machine; expected the same file (hash ${ref.hash}) wherever cells run`);
  }
  const hash = moduleHash(content);
  if (hash !== ref.hash) {
    throw new StrategyModuleMismatch(`strategy module ${ref.path} here has hash ${hash}, the cell was planned with ${ref.hash}; expected the same version wherever cells run`);
  }
  const { definition } = await loadStrategyModule(ref.path);
  return definition;
}
