/*
 * Fuzz suite (issue 17): generated bad inputs — scenario files, experiment files (with strategy
 * plans), CSV logs and flags — go through the CLI's main(argv) in this process. Each must exit 2
 * with a message naming what was wrong, print no stack trace, and write nothing outside its run
 * directory. New inputs every run: the seed is printed, FRESHSIM_FUZZ_SEED=N repeats a run.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { builtinScenarios, formatPath } from '../../scenarios/index.js';
import { runSeed } from '../helpers/run-seed.js';

const SEED = runSeed('cli fuzz');
const STACK = /^\s+at .*:\d+:\d+\)?$/m;
let root: string;
let count = 0;
let cwdBefore: string[];
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'freshsim-fuzz-'));
  cwdBefore = readdirSync('.').sort();
});

/** Run the CLI in-process on a bad input; assert exit 2, the field named, no stack, nothing outside `out`. */
async function expectRefused(argv: string[], named: RegExp | string, out?: string): Promise<void> {
  count++;
  const before = readdirSync(root).sort();
  let stderr = '';
  let stdout = '';
  const code = await main(argv, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  const why = `argv ${JSON.stringify(argv)} → exit ${code}: ${stderr}`;
  expect(code, why).toBe(2);
  expect(stderr, why).toMatch(/^freshsim: /);
  if (typeof named === 'string') expect(stderr, why).toContain(named);
  else expect(stderr, why).toMatch(named);
  expect(stderr, why).not.toMatch(STACK);
  expect(stderr, why).not.toContain('internal error');
  expect(stdout, why).toBe('');
  const added = readdirSync(root).sort().filter((f) => !before.includes(f) && f !== out);
  expect(added, why).toEqual([]);
}

type Leaf = { path: (string | number)[]; value: unknown };
function leaves(x: unknown, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(x)) return x.flatMap((v, i) => leaves(v, [...path, i]));
  if (x !== null && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value: x }];
}
function objects(x: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(x)) return x.flatMap((v, i) => objects(v, [...path, i]));
  if (x !== null && typeof x === 'object') return [path, ...Object.entries(x).flatMap(([k, v]) => objects(v, [...path, k]))];
  return [];
}
function setAt(x: any, path: (string | number)[], value: unknown): void {
  let o = x;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path[path.length - 1]] = value;
}
const getAt = (x: any, path: (string | number)[]): any => path.reduce((o, k) => o[k], x);

const tiny = builtinScenarios.tiny;
const scenarioLeaves = leaves(tiny);
const scenarioObjects = objects(tiny);
/** Fields with an upper bound in the schema, present in `tiny`. */
const capped = scenarioLeaves.filter((l) => typeof l.value === 'number' && /^(catalogue\.categories\[\d+\]\.price\[\d\]|demand\.(ordersPerDay|quantity\.pieceMeanExtra|basket\.meanLines)|catalogue\.skus|days\.(history|evaluation))$/.test(formatPath(l.path)));

describe(`fuzz (seed ${SEED})`, () => {
  it('bad scenario files: exit 2 naming the field (220 inputs)', async () => {
    mkdirSync(join(root, 'scenarios'));
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('wrongType' as const), leaf: fc.nat(scenarioLeaves.length - 1), pick: fc.nat(4) }),
      fc.record({ kind: fc.constant('unknownKey' as const), leaf: fc.nat(scenarioObjects.length - 1), pick: fc.nat(1000) }),
      fc.record({ kind: fc.constant('absurd' as const), leaf: fc.nat(capped.length - 1), pick: fc.constantFrom(1e308, 1e15, 1e9) }),
    );
    let k = 0;
    await fc.assert(fc.asyncProperty(mutation, fc.boolean(), fc.boolean(), async (m, asJson, viaRun) => {
      const s = structuredClone(tiny) as any;
      let named: string;
      if (m.kind === 'wrongType') {
        const { path, value } = scenarioLeaves[m.leaf];
        const bad = typeof value === 'number' ? ['text', null, true, {}, []][m.pick]
          : typeof value === 'string' ? [42, null, {}, [], false][m.pick] : ['yes', 3, null, {}, []][m.pick];
        setAt(s, path, bad);
        named = formatPath(path);
      } else if (m.kind === 'unknownKey') {
        const path = scenarioObjects[m.leaf];
        getAt(s, path)[`bogus_${m.pick}`] = 1;
        named = `bogus_${m.pick}`;
      } else {
        const { path } = capped[m.leaf];
        setAt(s, path, m.pick);
        named = formatPath(path);
      }
      const file = join(root, 'scenarios', `s${k++}.${asJson ? 'json' : 'yaml'}`);
      writeFileSync(file, asJson ? JSON.stringify(s) : stringify(s));
      const out = `run-s${k}`;
      await expectRefused(viaRun ? ['run', '--scenario', file, '--workers', '0', '--out', join(root, out)] : ['scenario', 'validate', file], named, out);
    }), { seed: SEED, numRuns: 220 });
  });

  it('bad experiment files and strategy plans: exit 2 naming the field (130 inputs)', async () => {
    mkdirSync(join(root, 'experiments'));
    const bads: [string, unknown, RegExp][] = [
      ['seeds', 0, /seeds/], ['seeds', -1, /seeds/], ['seeds', 1.5, /seeds/], ['seeds', 'x', /seeds/], ['seeds', [], /seeds/], ['seeds', [1, 1], /seeds/],
      ['name', '', /name/], ['name', '../up', /name/], ['name', 'a/b', /name/], ['name', 42, /name/],
      ['scenarios', [], /scenarios/], ['scenarios', ['no-such-scenario-xyz'], /no-such-scenario-xyz/], ['scenarios', [42], /scenarios/],
      ['strategies', [], /strategies/], ['strategies', [{ name: 'magic' }], /magic/],
      ['strategies', [{ name: 'newsvendor', params: { bogusParam: 1 } }], /bogusParam/],
      ['strategies', [{ name: 'pto-greedy', params: { useKnownOrders: 'maybe' } }], /useKnownOrders/],
      ['strategies', [{ name: 'safety-stock', params: { useKnownOrders: 3 } }], /useKnownOrders/],
      ['strategies', [{ params: {} }], /strategies/],
      ['evaluationDays', 0, /evaluationDays/], ['evaluationDays', 'x', /evaluationDays/], ['evaluationDays', 2.5, /evaluationDays/],
      ['retries', -1, /retries/], ['retries', 'x', /retries/],
      ['baseline', 'nobody', /nobody/],
    ];
    let k = 0;
    await fc.assert(fc.asyncProperty(fc.nat(bads.length - 1), fc.option(fc.stringMatching(/^[a-z]{3,8}$/), { nil: undefined }), fc.boolean(), async (b, extraKey, asJson) => {
      const doc: Record<string, unknown> = { name: 'fz', scenarios: ['tiny'], strategies: [{ name: 'pto-greedy' }, { name: 'newsvendor' }], seeds: 1 };
      let [field, value, named] = bads[b];
      if (extraKey !== undefined && !(extraKey in doc) && !['description', 'out', 'baseline', 'retries', 'evaluationdays'].includes(extraKey)) {
        doc[`x${extraKey}`] = 1;
        named = new RegExp(`x${extraKey}`);
      } else doc[field] = value;
      const file = join(root, 'experiments', `e${k++}.${asJson ? 'json' : 'yaml'}`);
      writeFileSync(file, asJson ? JSON.stringify(doc) : stringify(doc));
      const out = `run-e${k}`;
      await expectRefused(['sweep', file, '--out', join(root, out), '--workers', '0'], named, out);
    }), { seed: SEED + 1, numRuns: 130 });
  });

  it('CSV logs with invalid UTF-8: exit 2 naming the file and line (100 inputs)', async () => {
    mkdirSync(join(root, 'csv'));
    const invalid = [[0x80], [0xc3, 0x28], [0xe4], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]];
    const row = fc.tuple(fc.stringMatching(/^[A-Za-z0-9äöüéß]{1,8}$/), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 28 }));
    let k = 0;
    await fc.assert(fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(invalid.length - 1), fc.nat(), async (rows, at, which, col) => {
      const lines = ['order,timestamp,sku,quantity,price', ...rows.map(([sku, q, d], i) => `${i + 1},2020-07-${String(d).padStart(2, '0')} 10:00,${sku},${q},2.5`)];
      const line = at % lines.length;
      const bytes = lines.map((l) => Buffer.from(l, 'utf8'));
      const cut = col % (bytes[line].length + 1);
      bytes[line] = Buffer.concat([bytes[line].subarray(0, cut), Buffer.from(invalid[which]), bytes[line].subarray(cut)]);
      const file = join(root, 'csv', `c${k++}.csv`);
      writeFileSync(file, Buffer.concat(bytes.flatMap((b) => [b, Buffer.from('\n')])));
      const out = `imp-${k}`;
      await expectRefused(['import', file, '--out', join(root, out)], `c${k - 1}.csv:${line + 1}: not valid UTF-8`, out);
    }), { seed: SEED + 2, numRuns: 100 });
  });

  it('bad flags: exit 2 naming the flag (160 inputs)', async () => {
    const exp = join(root, 'ok-experiment.yaml');
    writeFileSync(exp, stringify({ name: 'ok', scenarios: ['tiny'], strategies: [{ name: 'pto-greedy' }], seeds: 1 }));
    const bases: ((out: string) => string[])[] = [
      (out) => ['run', '--scenario', 'tiny', '--strategies', 'pto-greedy', '--seeds', '1', '--workers', '0', '--out', out],
      (out) => ['stress', '--scenario', 'tiny', '--strategies', 'pto-greedy', '--seeds', '1', '--workers', '0', '--out', out],
      (out) => ['ablate', '--scenario', 'tiny', '--seeds', '1', '--workers', '0', '--out', out],
      (out) => ['sweep', exp, '--out', out, '--workers', '0', '--retries', '0'],
    ];
    const poison = fc.oneof(
      fc.record({ kind: fc.constant('dropValue' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('unknown' as const), name: fc.stringMatching(/^[a-z]{2,10}$/) }),
      fc.record({ kind: fc.constant('badNumber' as const), flag: fc.constant('workers'), value: fc.constantFrom('-1', '1.5', 'abc', '999999', 'NaN', 'Infinity') }),
      fc.record({ kind: fc.constant('badNumber' as const), flag: fc.constant('retries'), value: fc.constantFrom('-1', '1.5', 'abc', 'NaN', 'Infinity') }),
      fc.record({ kind: fc.constant('badSeeds' as const), value: fc.constantFrom('0', '-2', 'x', '2.5', '1e400') }),
      fc.record({ kind: fc.constant('badStrategies' as const), value: fc.constantFrom('a,,b', 'pto-greedy,pto-greedy', 'magic', ',', 'pto-greedy,') }),
      fc.record({ kind: fc.constant('emptyValue' as const), at: fc.nat() }),
    );
    let k = 0;
    await fc.assert(fc.asyncProperty(fc.nat(bases.length - 1), poison, async (b, p) => {
      const out = `flags-${k++}`;
      const argv = bases[b](join(root, out));
      const valued = argv.map((a, i) => (a.startsWith('--') && i + 1 < argv.length && !argv[i + 1].startsWith('--') ? i : -1)).filter((i) => i >= 0);
      let named: RegExp;
      if (p.kind === 'dropValue' || p.kind === 'emptyValue') {
        const i = valued[p.at % valued.length];
        named = new RegExp(`${argv[i]} (needs a value|is given an empty value)`);
        if (p.kind === 'dropValue') argv.splice(i + 1, 1);
        else argv[i + 1] = '';
      } else if (p.kind === 'unknown') {
        argv.push(`--zz-${p.name}`, '1');
        named = new RegExp(`Unknown argument.*zz-${p.name}`, 'i');
      } else if (p.kind === 'badNumber') {
        argv.push(`--${p.flag}`, p.value);
        named = new RegExp(`--${p.flag}`);
      } else if (p.kind === 'badSeeds') {
        if (argv[0] === 'sweep') argv.push('--seeds', p.value);
        else argv[argv.indexOf('--seeds') + 1] = p.value;
        named = argv[0] === 'sweep' ? /Unknown argument: seeds/i : /--seeds/;
      } else {
        if (argv[0] === 'run' || argv[0] === 'stress') argv[argv.indexOf('--strategies') + 1] = p.value;
        else argv.push('--strategies', p.value);
        named = argv[0] === 'run' || argv[0] === 'stress' ? /--strategies|strategy '(a|b|magic)'|lists 'pto-greedy' twice/ : /Unknown argument: strategies/i;
      }
      await expectRefused(argv, named, out);
    }), { seed: SEED + 3, numRuns: 160 });
  });

  it('ran at least 500 generated bad inputs, and wrote nothing in the working directory', () => {
    expect(count).toBeGreaterThanOrEqual(500);
    expect(readdirSync('.').sort()).toEqual(cwdBefore);
  });
});
