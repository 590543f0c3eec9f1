/**
 * An imported directory (written by `freshsim import --out DIR`) in memory:
 * manifest.json, catalogue.json, profile.json and one day file per day with
 * orders. Parsing is handed the files' contents: scenarios/ never reads the
 * disk. cli/ implements the {@link HistoryReader} on the disk (and caches
 * per directory, so every replication and worker sees the same data).
 */
import { join } from 'node:path';
import type { ImportedSku, ImportedOrder, Manifest, Profile } from './import/index.js';
import { parseDayFile } from './import/index.js';
import { ScenarioError } from './parse.js';

/** An imported directory in memory. */
export interface LoadedHistory {
  readonly dir: string;
  readonly manifest: Manifest;
  readonly catalogue: readonly ImportedSku[];
  readonly profile: Profile;
  /** Days with orders, in date order (each day's orders are read from its file on first access). */
  readonly days: readonly { readonly date: string; readonly orders: readonly ImportedOrder[] }[];
}

/** Loads the imported directory `dir` (`where` names the scenario for errors); cli/ implements it on the disk. */
export type HistoryReader = (dir: string, where: string) => LoadedHistory;

/** The text of file `name` of an imported directory; throws if it cannot be read. */
export type HistoryFileText = (name: string) => string;

/** `reader`, or a {@link ScenarioError} saying a history scenario needs one. */
export function historyReaderFor(reader: HistoryReader | undefined, where: string): HistoryReader {
  if (!reader) throw new ScenarioError(where, ['history: this scenario replays an imported directory, but no history reader was handed in (the CLI passes one; a library caller passes readHistory)']);
  return reader;
}

function json(dir: string, name: string, text: HistoryFileText, where: string): unknown {
  const file = join(dir, name);
  let t: string;
  try {
    t = text(name);
  } catch (e) {
    throw new ScenarioError(where, [`history.dir: cannot read ${file}: ${(e as Error).message}; expected a directory written by 'freshsim import --out DIR'`]);
  }
  try {
    return JSON.parse(t);
  } catch (e) {
    throw new ScenarioError(where, [`history.dir: ${file} is not valid JSON (${(e as Error).message})`]);
  }
}

function day(dir: string, name: string, text: HistoryFileText, where: string): ImportedOrder[] {
  const file = join(dir, name);
  let t: string;
  try {
    t = text(name);
  } catch (e) {
    throw new ScenarioError(where, [`history.dir: cannot read day file ${file}: ${(e as Error).message}`]);
  }
  try {
    return parseDayFile(t, file);
  } catch (e) {
    throw new ScenarioError(where, [`history.dir: ${(e as Error).message}`]);
  }
}

/** The manifest of the imported directory `dir`, checked (its text is the cache key cli/ uses). */
export function parseManifest(dir: string, text: HistoryFileText, where: string): Manifest {
  const manifest = json(dir, 'manifest.json', text, where) as Manifest;
  if (manifest?.format !== 'freshsim-history' || manifest.version !== 1 || !Array.isArray(manifest.days)) {
    throw new ScenarioError(where, [`history.dir: ${join(dir, 'manifest.json')} is not a freshsim-history version 1 manifest; re-run 'freshsim import'`]);
  }
  return manifest;
}

/** The imported directory `dir` from its files' text (day files are read when first asked for). */
export function parseHistory(dir: string, manifest: Manifest, text: HistoryFileText, where: string): LoadedHistory {
  const catalogue = json(dir, 'catalogue.json', text, where) as ImportedSku[];
  const profile = json(dir, 'profile.json', text, where) as Profile;
  // Day files are read when first asked for, so that a long log costs memory only for the days used.
  const days = manifest.days.map((d) => {
    let orders: ImportedOrder[] | undefined;
    return {
      date: d.date,
      get orders(): ImportedOrder[] {
        orders ??= day(dir, d.file, text, where);
        return orders;
      },
    };
  });
  return { dir, manifest, catalogue, profile, days };
}
