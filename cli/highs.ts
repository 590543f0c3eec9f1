/**
 * Loading HiGHS (WebAssembly) once per process. The loader is async and reads
 * the .wasm file, so it lives in cli/; strategies/ receives the loaded solver
 * (synchronous solves) through its services.
 */
import * as highsModule from 'highs';
import type { Highs, InitOptions } from 'highs';

type Loader = (options?: InitOptions) => Promise<Highs>;

// Under NodeNext the CommonJS/ESM default export may arrive wrapped: unwrap it.
const loader: Loader = ((highsModule as unknown as { default?: Loader }).default ?? (highsModule as unknown as Loader));

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
