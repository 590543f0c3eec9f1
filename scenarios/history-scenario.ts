/**
 * Completing a scenario that replays an imported history: whatever the file
 * leaves out is filled from the data (dates, training and evaluation days,
 * K/C/L scaled to the log, categories with default prices and shelf lives,
 * sites) or from the built-in `tiny` scenario (suppliers, upstream, refunds),
 * and every default taken is stated.
 */
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { builtinScenarios } from './builtin/index.js';
import { historyReaderFor, type HistoryReader, type LoadedHistory } from './history-source.js';
import { selectDays, uncategorised } from './history-world.js';
import { ScenarioError, validateScenario } from './parse.js';
import type { Scenario, ScenarioInput } from './schema.js';

/**
 * K default: this share of the mean number of distinct SKUs sold a day over
 * the last 28 training days, so that K binds as in the paper's regime
 * (paper-7fresh: K 350 for ≈ 410 distinct SKUs a day; a share of the SKUs
 * sold in 28 days never binds on a real log: 1,781 against ≈ 1,342 distinct
 * SKUs a day on a wholesale log).
 */
export const kShareOfDailyActive = 0.85;
/** C default: this multiple of the mean daily units of the last 28 training days (paper-7fresh: C 9,000 for ≈ 8,800). */
export const cShareOfDailyUnits = 1.0;
/** L default: this share of C / K (paper-7fresh: L 10 for C / K ≈ 26). */
export const lShareOfUnitsPerType = 0.4;
/** Nightly trip capacity of an imported front by default: this multiple of C (a trip below C can never restock a full plan). */
export const tripShareOfC = 1.5;
/**
 * Upstream policy of an imported scenario by default: ample cover, so that a
 * replay measures the front's plan rather than a grid that cannot fill it.
 */
export const ampleUpstream = {
  grid: { coverDays: 3, safetyZ: 2.5, windowDays: 28 },
  central: { coverDays: 2, safetyZ: 2, windowDays: 28 },
};
/** Price range, cost ratio and shelf life of a category the scenario does not describe. */
export const genericCategory = { share: 1, kgShare: 0, price: [1, 10] as [number, number], costRatio: 0.6, shelfLifeDays: [3, 7] as [number, number], related: [] as string[] };

type Raw = Record<string, unknown>;
const isObj = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Statistics of the last (up to) 28 training days: distinct SKUs sold a day (mean) and mean daily units. */
function trainingStats(h: LoadedHistory, first: number, history: number): { dailyActive: number; unitsPerDay: number; window: number } {
  const from = Math.max(first, first + history - 28);
  const to = first + history;
  let distinct = 0;
  let units = 0;
  for (let d = from; d < to; d++) {
    const today = new Set<string>();
    for (const o of h.days[d].orders) for (const l of o.lines) { today.add(l.sku); units += l.qty; }
    distinct += today.size;
  }
  return { dailyActive: distinct / (to - from), unitsPerDay: units / (to - from), window: to - from };
}

/** Keys a history scenario cannot use yet: their effects are drawn by the order generator. */
export const generatorOnlyKeys = ['shocks', 'presale'] as const;

const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
const range = (r: unknown) => (r as number[]).join('–');

/** K, C and L: the file's, else scaled to the last training days (stated). */
function constraintsFor(raw: Raw, loaded: LoadedHistory, sel: { first: number; history: number }, stated: string[]) {
  const stats = trainingStats(loaded, sel.first, sel.history);
  const given = isObj(raw.constraints) ? raw.constraints : {};
  const K = num(given.K) ?? Math.max(1, Math.min(loaded.catalogue.length, Math.round(kShareOfDailyActive * stats.dailyActive)));
  const C = num(given.C) ?? Math.max(1, Math.round(cShareOfDailyUnits * stats.unitsPerDay));
  const L = num(given.L) ?? Math.max(1, Math.round((lShareOfUnitsPerType * C) / K));
  if (given.K === undefined) stated.push(`K = ${K}: ${kShareOfDailyActive} × the mean ${stats.dailyActive.toFixed(1)} distinct SKUs sold a day in the last ${stats.window} training days`);
  if (given.C === undefined) stated.push(`C = ${C}: ${cShareOfDailyUnits} × the mean ${stats.unitsPerDay.toFixed(1)} units a day of the last ${stats.window} training days`);
  if (given.L === undefined) stated.push(`L = ${L}: ${lShareOfUnitsPerType} × C / K, at least 1`);
  return { K, C, L };
}

/** The file's categories plus one per category of the log it lacks ('tiny''s of that name, else generic; stated). */
function categoriesFor(raw: Raw, loaded: LoadedHistory, template: Raw, stated: string[]): Raw[] {
  const rawCat = isObj(raw.catalogue) ? raw.catalogue : undefined;
  const categories: Raw[] = Array.isArray(rawCat?.categories) ? [...(rawCat!.categories as Raw[])] : [];
  const known = new Set(categories.map((c) => c.name));
  const dataCats = [...new Set(loaded.catalogue.map((s) => (s.category === '' ? uncategorised : s.category)))].sort();
  const templateCats = new Map(((template.catalogue as Raw).categories as Raw[]).map((c) => [String(c.name).toLowerCase(), c]));
  for (const name of dataCats) {
    if (known.has(name)) continue;
    const t = templateCats.get(name.toLowerCase());
    const c: Raw = t ? { ...t, name, related: [] } : { name, ...genericCategory };
    categories.push(c);
    stated.push(`category '${name}': ${t ? "defaults of the built-in 'tiny' category of that name" : 'no defaults given'}: prices ${range(c.price)} (geometric mean used when the log has none), cost ratio ${c.costRatio}, shelf life ${range(c.shelfLifeDays)} days (midpoint used)`);
  }
  const unpriced = loaded.catalogue.filter((s) => s.price === null).length;
  if (unpriced > 0) stated.push(`${unpriced} of ${loaded.catalogue.length} SKUs have no price in the log: their category's default price is used`);
  stated.push('shelf lives are not in the log: each SKU gets its category\'s midpoint shelf life');
  return categories;
}

/** The file's suppliers, else 'tiny''s for shared categories; a generic one for any category left (stated). */
function suppliersFor(raw: Raw, categories: readonly Raw[], template: Raw, stated: string[]): Raw[] {
  const suppliers = Array.isArray(raw.suppliers) ? [...(raw.suppliers as Raw[])] : [];
  const describe = (sup: Raw) => `lead time ${sup.leadTimeDays} d, on time ${sup.onTimeProbability}, fill rate ${sup.fillRate}, defect rate ${sup.defectRate} (from the built-in 'tiny')`;
  if (raw.suppliers === undefined) {
    const names = new Set(categories.map((c) => c.name as string));
    for (const sup of template.suppliers as Raw[]) {
      const cats = (sup.categories as string[]).filter((c) => names.has(c));
      if (cats.length === 0) continue;
      suppliers.push({ ...sup, categories: cats });
      stated.push(`supplier '${sup.name}' for ${cats.join(', ')}: ${describe(sup)}`);
    }
  }
  const supplied = new Set(suppliers.flatMap((s) => (Array.isArray(s.categories) ? (s.categories as string[]) : [])));
  const unsupplied = categories.map((c) => c.name as string).filter((c) => !supplied.has(c));
  if (unsupplied.length > 0) {
    const base = (template.suppliers as Raw[])[0];
    const name = suppliers.some((s) => s.name === 'history-supplier') ? 'history-supplier-2' : 'history-supplier';
    suppliers.push({ ...base, name, categories: unsupplied });
    stated.push(`supplier '${name}' for ${unsupplied.join(', ')}: ${describe(base)}`);
  }
  return suppliers;
}

/** The file's network, else central → grid → one front per site of the log, trips scaled to C (stated). */
function networkFor(raw: Raw, loaded: LoadedHistory, template: Raw, C: number, stated: string[]): unknown {
  if (raw.network !== undefined) return raw.network;
  const sites = Object.keys(loaded.profile.sites).filter((s) => s !== '');
  const t = template.network as { central: Raw; grids: Raw[]; fronts: Raw[] };
  const trip = Math.ceil(tripShareOfC * C);
  const names = sites.length > 0 ? sites : [t.fronts[0].name as string];
  const fronts = names.map((name) => ({ ...t.fronts[0], name, grid: t.grids[0].name, tripCapacityUnits: trip }));
  const grids = [{ ...t.grids[0], tripCapacityUnits: trip * fronts.length }];
  stated.push(`network: ${t.central.name} → ${t.grids[0].name} → ${fronts.map((f) => f.name).join(', ')}; front trips ${trip} units (${tripShareOfC} × C), grid trip ${trip * fronts.length} units (the fronts' sum)`);
  return { central: t.central, grids, fronts };
}

/**
 * The scenario input of `raw` (a parsed scenario file with a `history`
 * block) completed from its imported directory. `file` is the scenario's
 * file (relative `history.dir` is resolved against its folder); `readHistory`
 * loads the directory (cli/ reads it from the disk).
 */
export function completeHistoryScenario(raw: Raw, file: string, readHistory?: HistoryReader): { input: ScenarioInput; stated: string[] } {
  const h = raw.history;
  if (!isObj(h) || typeof h.dir !== 'string' || h.dir === '') {
    throw new ScenarioError(file, ['history.dir: expected the path of a directory written by \'freshsim import --out DIR\'']);
  }
  const unsupported = generatorOnlyKeys.filter((k) => raw[k] !== undefined);
  if (unsupported.length > 0) {
    throw new ScenarioError(file, unsupported.map((k) => `${k}: not available with history (replayed orders cannot be reshaped); remove it or the history block`));
  }
  const dir = isAbsolute(h.dir) ? h.dir : resolve(dirname(file), h.dir);
  const loaded = historyReaderFor(readHistory, file)(dir, file);
  const template = builtinScenarios.tiny as Raw;
  const stated: string[] = [];
  const dates = loaded.days.map((d) => d.date);
  const rawDays = isObj(raw.days) ? raw.days : {};
  const sel = selectDays(
    dates,
    { trainingFrom: str(h.trainingFrom), evaluationFrom: str(h.evaluationFrom), evaluationTo: str(h.evaluationTo) },
    { history: num(rawDays.history), evaluation: num(rawDays.evaluation) },
    file,
  );
  const evalStart = sel.first + sel.history;
  const evalEnd = evalStart + sel.evaluation - 1;
  stated.push(`days: ${sel.history} training days with orders (${dates[sel.first]} … ${dates[evalStart - 1]}) and ${sel.evaluation} evaluation days (${dates[evalStart]} … ${dates[evalEnd]}); days without orders are skipped`);
  if (raw.startDate !== undefined && raw.startDate !== dates[sel.first]) {
    throw new ScenarioError(file, [`startDate: a history scenario starts on its first training day (${dates[sel.first]}); remove startDate or set history.trainingFrom`]);
  }
  const constraints = constraintsFor(raw, loaded, sel, stated);
  const categories = categoriesFor(raw, loaded, template, stated);
  const suppliers = suppliersFor(raw, categories, template, stated);
  const network = networkFor(raw, loaded, template, constraints.C, stated);
  if (raw.upstream === undefined) {
    const { grid, central } = ampleUpstream;
    stated.push(`upstream: ample cover (grid ${grid.coverDays} d at z ${grid.safetyZ}, central ${central.coverDays} d at z ${central.safetyZ}), so the replay measures the front's plan`);
  }
  if (raw.refunds === undefined) stated.push("refunds: from the built-in 'tiny'");
  const rawCat = isObj(raw.catalogue) ? raw.catalogue : {};
  const input: Raw = {
    // The generator's demand block is required by the schema but unused when orders are replayed.
    demand: template.demand,
    upstream: ampleUpstream,
    refunds: template.refunds,
    ...raw,
    name: str(raw.name) ?? `history-${basename(dir)}`,
    description: str(raw.description) ?? `Orders replayed from ${dir}. Defaults: ${stated.join('; ')}.`,
    seed: raw.seed ?? 1,
    startDate: dates[sel.first],
    days: { history: sel.history, evaluation: sel.evaluation, warmup: num(rawDays.warmup) ?? Math.min(7, sel.history - 1) },
    constraints,
    catalogue: { popularity: (template.catalogue as Raw).popularity, ...rawCat, skus: loaded.catalogue.length, categories },
    suppliers,
    network,
    history: { ...h, dir, trainingFrom: dates[sel.first], evaluationFrom: dates[evalStart], evaluationTo: dates[evalEnd] },
  };
  return { input: input as ScenarioInput, stated };
}

/** The validated scenario that replays the imported directory `dir` with every default (and the defaults stated). */
export function historyDirScenario(dir: string, readHistory?: HistoryReader): { scenario: Scenario; stated: string[] } {
  const { input, stated } = completeHistoryScenario({ history: { dir: resolve(dir) } }, dir, readHistory);
  return { scenario: validateScenario(input, dir), stated };
}
