/**
 * `extends: NAME-or-FILE` in a scenario file: start from a built-in scenario
 * or another file and override fields. Mappings merge field by field, lists
 * and values replace, `null` removes a field (back to its default). Reading
 * another file is the caller's (a loader is handed in), so this stays pure.
 */
import { builtinScenarios } from './builtin/index.js';

type Data = Record<string, unknown>;

/** Reads the scenario file `ref` named in `from`: its parsed data and its resolved path. */
export type ScenarioLoader = (ref: string, from: string) => { readonly data: Data; readonly file: string };

const isMapping = (x: unknown): x is Data => x !== null && typeof x === 'object' && !Array.isArray(x);

/** `over` laid on `base`: mappings merge, anything else replaces, null deletes. */
export function mergeScenarioData(base: Data, over: Data): Data {
  const out: Data = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else if (isMapping(v) && isMapping(out[k])) out[k] = mergeScenarioData(out[k] as Data, v);
    else out[k] = v;
  }
  return out;
}

/**
 * The data of a scenario file with its `extends` chain resolved (built-in
 * names first, then files through `load`). Problems are thrown as messages
 * naming the file: `problem(file, message)` builds the error.
 */
export function resolveExtends(data: Data, file: string, problem: (file: string, message: string) => Error, load?: ScenarioLoader, chain: readonly string[] = []): Data {
  const { extends: ref, ...own } = data;
  if (ref === undefined) return data;
  if (typeof ref !== 'string' || ref === '') throw problem(file, `extends: expected a built-in scenario name (${Object.keys(builtinScenarios).join(', ')}) or a file path, got ${JSON.stringify(ref)}`);
  const builtin = builtinScenarios[ref];
  let base: Data;
  if (builtin) {
    base = structuredClone(builtin) as Data;
  } else {
    if (!load) throw problem(file, `extends: '${ref}' is not a built-in scenario (${Object.keys(builtinScenarios).join(', ')})`);
    const next = load(ref, file);
    if ([file, ...chain].includes(next.file)) throw problem(file, `extends: '${ref}' extends itself (${[...chain, file, next.file].join(' → ')}); expected a chain that ends`);
    base = resolveExtends(next.data, next.file, problem, load, [...chain, file]);
  }
  return mergeScenarioData(base, own);
}
