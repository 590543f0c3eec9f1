/**
 * Loading HiGHS (WebAssembly) once per process. The loader is async and reads
 * the .wasm file, so it lives in cli/; strategies/ receives the loaded solver
 * (synchronous solves) through its services.
 */
import type { Highs, InitOptions } from 'highs';

type Loader = (options?: InitOptions) => Promise<Highs>;

/** The `highs` package, imported on first use (commands that never solve do not load it). */
async function loader(options: InitOptions): Promise<Highs> {
  const highsModule = await import('highs');
  // Under NodeNext the CommonJS/ESM default export may arrive wrapped: unwrap it.
  const load: Loader = (highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader);
  return load(options);
}

let loaded: Promise<Highs> | undefined;

/** The process's HiGHS instance (loaded on first call). */
export function loadHighs(): Promise<Highs> {
  loaded ??= loader({});
  return loaded;
}

/** Version string used in cache keys: a different HiGHS may find different plans. */
export function highsVersion(h: Highs): string {
  return `highs ${h.version.string} (${h.version.gitHash})`;
}
