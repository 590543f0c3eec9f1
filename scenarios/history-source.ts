/**
 * Reading an imported directory (written by `freshsim import --out DIR`):
 * manifest.json, catalogue.json, profile.json and one day file per day with
 * orders. Read synchronously and cached per directory while its manifest is
 * unchanged, so every replication and worker sees the same data.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** Is `path` a directory written by `freshsim import`? */
export function isHistoryDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && existsSync(join(path, 'manifest.json'));
  } catch {
    return false;
  }
}

const cache = new Map<string, { manifestText: string; history: LoadedHistory }>();

function readJson(dir: string, name: string, where: string): unknown {
  const file = join(dir, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(where, [`history.dir: cannot read ${file}: ${(e as Error).message}; expected a directory written by 'freshsim import --out DIR'`]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(where, [`history.dir: ${file} is not valid JSON (${(e as Error).message})`]);
  }
}

function readDay(file: string, where: string): ImportedOrder[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(where, [`history.dir: cannot read day file ${file}: ${(e as Error).message}`]);
  }
  try {
    return parseDayFile(text, file);
  } catch (e) {
    throw new ScenarioError(where, [`history.dir: ${(e as Error).message}`]);
  }
}

/** Load the imported directory `dir` (`where` names the scenario for errors). */
export function loadHistory(dir: string, where = dir): LoadedHistory {
  const abs = resolve(dir);
  const manifestText = JSON.stringify(readJson(abs, 'manifest.json', where));
  const hit = cache.get(abs);
  if (hit && hit.manifestText === manifestText) return hit.history;
  const manifest = JSON.parse(manifestText) as Manifest;
  if (manifest.format !== 'freshsim-history' || manifest.version !== 1 || !Array.isArray(manifest.days)) {
    throw new ScenarioError(where, [`history.dir: ${join(abs, 'manifest.json')} is not a freshsim-history version 1 manifest; re-run 'freshsim import'`]);
  }
  const catalogue = readJson(abs, 'catalogue.json', where) as ImportedSku[];
  const profile = readJson(abs, 'profile.json', where) as Profile;
  // Day files are read when first asked for, so that a long log costs memory only for the days used.
  const days = manifest.days.map((d) => {
    let orders: ImportedOrder[] | undefined;
    return {
      date: d.date,
      get orders(): ImportedOrder[] {
        orders ??= readDay(join(abs, d.file), where);
        return orders;
      },
    };
  });
  const history: LoadedHistory = { dir: abs, manifest, catalogue, profile, days };
  cache.set(abs, { manifestText, history });
  return history;
}
