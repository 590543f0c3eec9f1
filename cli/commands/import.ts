/**
 * `freshsim import FILE... --out DIR`: stream one or more transaction logs
 * (one order line per CSV line) into an imported directory: one day file per
 * day with orders, catalogue.json, profile.json, cleaning-report.json,
 * returns.tsv and manifest.json (written last). Sales are spooled to disk by
 * date while reading, so memory stays bounded by the largest day, not the log.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, appendFileSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  CsvError, createImporter, dateFormats, formatDayFile, formatProfile, formatReport, parseSpoolLine, spoolLine,
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
}

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

/** Bytes of spooled text kept in memory before it is appended to the spool files. */
const SPOOL_FLUSH_CHARS = 4_000_000;

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
    const matches = existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => join(dir, f)) : [];
    if (matches.length === 0) throw new UsageError(`import: the glob '${name}' matches no file`);
    out.push(...matches);
  }
  const dup = out.find((f, i) => out.indexOf(f) !== i);
  if (dup) throw new UsageError(`import: '${dup}' is named twice; expected each file once`);
  return out;
}

/** Run the import; resolves to the exit code. */
export async function importCommand(args: ImportArgs, io: Io): Promise<number> {
  if (args.dateFormat !== undefined && !(dateFormats as readonly string[]).includes(args.dateFormat)) {
    throw new UsageError(`--date-format '${args.dateFormat}': expected one of ${dateFormats.join(', ')}`);
  }
  const files = expandFiles(args.files);
  const out = resolve(args.out);
  if (existsSync(out) && !args.overwrite && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) {
    throw new UsageError(`--out '${args.out}' already exists and is not empty; choose another directory or pass --overwrite`);
  }
  const work = `${out}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'spool'), { recursive: true });
  mkdirSync(join(work, 'days'), { recursive: true });
  try {
    const result = await importInto(files, work, args);
    rmSync(join(work, 'spool'), { recursive: true, force: true });
    if (existsSync(out)) rmSync(out, { recursive: true, force: true });
    renameSync(work, out);
    for (const l of formatReport(result.report)) io.stdout(`${l}\n`);
    for (const l of formatProfile(result.profile)) io.stdout(`${l}\n`);
    io.stdout(`Imported into ${args.out} (replay with: freshsim run --scenario ${args.out})\n`);
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
  const flush = () => {
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
      buffered += text.length;
      if (buffered > SPOOL_FLUSH_CHARS) flush();
    },
  );
  for (const file of files) {
    imp.beginFile(file);
    const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of rl) imp.line(line);
    imp.endFile();
  }
  flush();
  const result = imp.finish(
    (keys) => keys.flatMap((k) => readFileSync(spoolFile.get(k)!, 'utf8').split('\n').filter((l) => l !== '').map(parseSpoolLine)),
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
