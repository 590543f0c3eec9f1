/**
 * The result store of a run directory: `cells.jsonl`, one JSON record per
 * finished cell per line. A record is appended with one write and an fsync
 * before its cell counts as done, so after a crash the file holds every
 * finished cell plus at most one half-written last line, which opening the
 * store detects, cuts off, and leaves to be redone. Records are keyed by cell
 * id; summaries read them in plan order, so completion order never matters.
 */
import {
  closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { CellFigures } from '../analysis/index.js';
import type { CellTiming } from '../experiment/index.js';
import { UsageError } from './errors.js';

/** File name of the store inside a run directory. */
export const STORE_FILE = 'cells.jsonl';

/** One finished cell. */
export interface CellRecord {
  readonly id: string;
  readonly key: string;
  readonly figures: CellFigures;
  readonly timing: CellTiming;
  /** Attempts it took (1 = first try). */
  readonly attempts: number;
  /** Where it ran (`pool`, `inline`, or `queue:<worker>`), for diagnostics. */
  readonly ranOn: string;
  readonly finishedAt: string;
}

/** An open store. */
export interface ResultStore {
  readonly file: string;
  /** Finished cells by id (first record wins if a file somehow holds two). */
  readonly records: ReadonlyMap<string, CellRecord>;
  /** Bytes of a half-written last record that opening cut off (0 if none). */
  readonly repairedBytes: number;
  /** Append a record durably (write + fsync); a record for an id already held is ignored. Returns whether it was new. */
  append(record: CellRecord): boolean;
  close(): void;
}

function isRecord(x: unknown): x is CellRecord {
  const r = x as CellRecord;
  return (
    typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.key === 'string' &&
    typeof r.figures === 'object' && r.figures !== null && typeof r.figures.run === 'object' &&
    Array.isArray(r.figures.perDay) && typeof r.timing === 'object' && r.timing !== null
  );
}

/** Parse store text; `complete` is the length of the valid prefix (a bad last line is excluded). */
export function parseStore(text: string, file: string): { records: CellRecord[]; complete: number } {
  const records: CellRecord[] = [];
  let pos = 0;
  let lineNo = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    lineNo++;
    const line = nl < 0 ? text.slice(pos) : text.slice(pos, nl);
    const last = nl < 0 || nl === text.length - 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    // A record without its newline was never finished, even if it happens to parse.
    if (nl < 0 || !isRecord(parsed)) {
      if (last) return { records, complete: pos };
      throw new UsageError(
        `${file}: line ${lineNo} is not a valid cell record, and it is not the last line (so not a half-written record); ` +
          'the store is damaged: move it away to start over, or repair that line',
      );
    }
    records.push(parsed);
    pos = nl + 1;
  }
  return { records, complete: pos };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the directory's writer lock (`cells.jsonl.lock`: host and pid), so two
 * commands never append to one store at once. A lock left by a process of
 * this host that no longer runs (a killed run) is taken over.
 */
function lock(file: string): () => void {
  const lockFile = `${file}.lock`;
  const mine = `${hostname()} ${process.pid}\n`;
  for (let tries = 0; tries < 2; tries++) {
    try {
      writeFileSync(lockFile, mine, { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const [host, pidText] = readFileSync(lockFile, 'utf8').trim().split(' ');
    const pid = Number(pidText);
    if (host !== hostname() || !Number.isInteger(pid) || alive(pid)) {
      throw new UsageError(
        `${file} is in use by process ${pidText} on ${host} (lock file ${lockFile}); wait for it to finish, ` +
          'or delete the lock file if that process is gone',
      );
    }
    rmSync(lockFile, { force: true });
  }
  throw new UsageError(`${file}: could not take the lock ${lockFile}`);
}

/** Open (creating if needed) the store of run directory `dir`, repairing a half-written last record. */
export function openStore(dir: string): ResultStore {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, STORE_FILE);
  const unlock = lock(file);
  try {
    return openLocked(file, unlock);
  } catch (e) {
    unlock();
    throw e;
  }
}

function openLocked(file: string, unlock: () => void): ResultStore {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const { records, complete } = parseStore(text, file);
  const byId = new Map<string, CellRecord>();
  for (const r of records) if (!byId.has(r.id)) byId.set(r.id, r);
  const fd = openSync(file, existsSync(file) ? 'r+' : 'w');
  const size = Buffer.byteLength(text, 'utf8');
  const keep = Buffer.byteLength(text.slice(0, complete), 'utf8');
  if (keep < size) {
    ftruncateSync(fd, keep);
    fsyncSync(fd);
  }
  let offset = keep;
  let open = true;
  return {
    file,
    records: byId,
    repairedBytes: size - keep,
    append(record) {
      if (!open) throw new Error(`${file}: store is closed`);
      if (byId.has(record.id)) return false;
      const bytes = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, offset + written);
      fsyncSync(fd);
      offset += bytes.length;
      byId.set(record.id, record);
      return true;
    },
    close() {
      if (open) {
        closeSync(fd);
        unlock();
      }
      open = false;
    },
  };
}
