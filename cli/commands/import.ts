/**
 * `freshsim import FILE... --out DIR`: stream one or more transaction logs
 * (one order line per CSV line) into an imported directory: one day file per
 * day with orders, catalogue.json, profile.json, cleaning-report.json,
 * returns.tsv and manifest.json (written last). Sales are spooled to disk by
 * date while reading, so memory stays bounded by the largest day, not the log.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, appendFileSync, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, dirname, join, resolve } from 'node:path';
import {
  CsvError, createImporter, dateFormats, formatDayFile, formatProfile, formatReport, historyDirScenario, isHistoryDir, parseSpoolLine, ScenarioError, spoolLine,
  type DateFormat, type ImportResult,
} from '../../scenarios/index.js';
import { UsageError } from '../errors.js';
import { writeFileDurable } from '../files.js';

/** Parsed flags of `import`. */
export interface ImportArgs {
  readonly files: readonly string[];
  readonly out: string;
  readonly map?: readonly string[];
  readonly dateFormat?: string;
  readonly nonProduct?: readonly string[];
  readonly defaultNonProduct?: boolean;
  readonly cancelPattern?: string;
  readonly overwrite?: boolean;
  /** Text encoding of the files: utf8 (default) or latin1. */
  readonly encoding?: string;
  /** Sales held in memory before spooling to disk (default {@link SPOOL_FLUSH_LINES}; tests lower it). */
  readonly spoolLines?: number;
}

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

/**
 * Sales kept in memory before they are appended to the spool files on disk
 * (a log with fewer sales is never spooled; a larger one is spooled in
 * chunks of this many lines, so memory stays bounded).
 */
export const SPOOL_FLUSH_LINES = 40_000;

function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (const c of pattern) {
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files named on the command line; a name with `*` or `?` in its last part is a glob (sorted matches). */
export function expandFiles(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (!/[*?]/.test(basename(name))) {
      if (!existsSync(name) || !statSync(name).isFile()) throw new UsageError(`import: no such file '${name}'; expected a CSV file or a glob such as 'logs/day-*.csv'`);
      out.push(name);
      continue;
    }
    const dir = dirname(name);
    if (/[*?]/.test(dir)) throw new UsageError(`import: '${name}': wildcards are allowed in the file name only, not in folders`);
    const re = globToRegExp(basename(name));
    const matches = existsSync(dir)
      ? readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => join(dir, f)).filter((f) => statSync(f).isFile())
      : [];
    if (matches.length === 0) throw new UsageError(`import: the glob '${name}' matches no file`);
    out.push(...matches);
  }
  const dup = out.find((f, i) => out.indexOf(f) !== i);
  if (dup) throw new UsageError(`import: '${dup}' is named twice; expected each file once`);
  return out;
}

/** A line of `file` that is not valid UTF-8: exit 2, naming the file and line, with `--encoding` suggested. */
function invalidUtf8(file: string, lineNo: number, bytes: Uint8Array): UsageError {
  // Step over whole characters (1 to 4 bytes each) to the first byte that starts none.
  let at = 0;
  for (;;) {
    const k = [1, 2, 3, 4].find((n) => at + n <= bytes.length && isUtf8(bytes.subarray(at, at + n)));
    if (k === undefined) break;
    at += k;
  }
  return new UsageError(
    `${file}:${lineNo}: not valid UTF-8 (byte 0x${bytes[at].toString(16).padStart(2, '0')} at byte ${at + 1} of the line); ` +
    `if the file is Latin-1 (ISO-8859-1), import it with --encoding latin1`,
  );
}

/**
 * Call `onLine` for every line of `file` (without its \n or \r\n). Reads one
 * chunk at a time (async iteration of the stream waits for each chunk to be
 * processed), so memory stays bounded whatever the file's size. In UTF-8,
 * a line that is not valid UTF-8 is an error naming the file and line, never
 * a replacement character that would merge distinct names.
 */
export async function forEachLine(file: string, onLine: (line: string) => void, encoding: 'utf8' | 'latin1' = 'utf8'): Promise<void> {
  let rest: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  const emit = (bytes: Buffer) => {
    lineNo++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
    const line = bytes.subarray(0, end);
    if (encoding === 'utf8' && !isUtf8(line)) throw invalidUtf8(file, lineNo, line);
    onLine(line.toString(encoding));
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buf = rest.length > 0 ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    // 0x0A never occurs inside a multi-byte UTF-8 sequence, so splitting bytes on it is safe.
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
      emit(buf.subarray(start, nl));
      start = nl + 1;
    }
    rest = Buffer.from(buf.subarray(start));
  }
  if (rest.length > 0) emit(rest);
}

/** Run the import; resolves to the exit code. */
export async function importCommand(args: ImportArgs, io: Io): Promise<number> {
  if (args.dateFormat !== undefined && !(dateFormats as readonly string[]).includes(args.dateFormat)) {
    throw new UsageError(`--date-format '${args.dateFormat}': expected one of ${dateFormats.join(', ')}`);
  }
  if (args.encoding !== undefined && args.encoding !== 'utf8' && args.encoding !== 'latin1') {
    throw new UsageError(`--encoding '${args.encoding}': expected utf8 or latin1`);
  }
  const files = expandFiles(args.files);
  const out = resolve(args.out);
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) {
    if (!args.overwrite) throw new UsageError(`--out '${args.out}' already exists and is not empty; choose another directory or pass --overwrite`);
    // --overwrite replaces an earlier import only, never an unrelated folder.
    if (!isHistoryDir(out)) throw new UsageError(`--out '${args.out}' is not a directory written by 'freshsim import' (no manifest.json); --overwrite only replaces an earlier import`);
  }
  const work = `${out}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'spool'), { recursive: true });
  mkdirSync(join(work, 'days'), { recursive: true });
  try {
    const result = await importInto(files, work, args);
    rmSync(join(work, 'spool'), { recursive: true, force: true });
    // Replace an earlier import only once the new one is complete: move it aside, move in, then delete it.
    const old = `${out}.old-${process.pid}`;
    if (existsSync(out)) renameSync(out, old);
    renameSync(work, out);
    rmSync(old, { recursive: true, force: true });
    for (const l of formatReport(result.report)) io.stdout(`${l}\n`);
    for (const l of formatProfile(result.profile)) io.stdout(`${l}\n`);
    io.stdout(`Imported into ${args.out}\n`);
    try {
      const { stated } = historyDirScenario(out);
      io.stdout(`Replay with: freshsim run --scenario ${args.out} --strategies pto-greedy — defaults taken from the data:\n`);
      for (const l of stated) io.stdout(`  ${l}\n`);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      io.stdout(`Not replayable with the defaults: ${e.problems.join('; ')}\n`);
    }
    return 0;
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    if (e instanceof CsvError || e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
}

async function importInto(files: readonly string[], work: string, args: ImportArgs): Promise<ImportResult> {
  const spoolFile = new Map<string, string>();
  const buffers = new Map<string, string[]>();
  let buffered = 0;
  let spilled = false;
  const flush = () => {
    spilled = true;
    for (const [k, lines] of buffers) if (lines.length) appendFileSync(spoolFile.get(k)!, `${lines.join('\n')}\n`);
    buffers.clear();
    buffered = 0;
  };
  const imp = createImporter(
    {
      map: args.map, dateFormat: args.dateFormat as DateFormat | undefined, nonProduct: args.nonProduct,
      noDefaultNonProduct: args.defaultNonProduct === false, cancelPattern: args.cancelPattern,
    },
    (key, line) => {
      if (!spoolFile.has(key)) spoolFile.set(key, join(work, 'spool', `${spoolFile.size}.tsv`));
      const text = spoolLine(line);
      let list = buffers.get(key);
      if (!list) { list = []; buffers.set(key, list); }
      list.push(text);
      buffered++;
      if (buffered >= (args.spoolLines ?? SPOOL_FLUSH_LINES)) flush();
    },
  );
  for (const file of files) {
    imp.beginFile(file);
    await forEachLine(file, (line) => imp.line(line), (args.encoding ?? 'utf8') as 'utf8' | 'latin1');
    imp.endFile();
  }
  if (spilled) flush();
  const result = imp.finish(
    (keys) => keys.flatMap((k) => (spilled ? readFileSync(spoolFile.get(k)!, 'utf8').split('\n').filter((l) => l !== '') : buffers.get(k) ?? []).map(parseSpoolLine)),
    (date, orders) => writeFileSync(join(work, 'days', `${date}.tsv`), formatDayFile(orders)),
  );
  const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;
  writeFileSync(join(work, 'catalogue.json'), json(result.catalogue));
  writeFileSync(join(work, 'profile.json'), json(result.profile));
  writeFileSync(join(work, 'cleaning-report.json'), json(result.report));
  writeFileSync(join(work, 'returns.tsv'), `date\tsku\tqty\tvalue\n${result.returns.map((r) => `${r.date}\t${r.sku}\t${r.qty}\t${r.value}`).join('\n')}${result.returns.length ? '\n' : ''}`);
  writeFileDurable(join(work, 'manifest.json'), json(result.manifest));
  return result;
}
