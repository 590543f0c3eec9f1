/*
 * The result store: records appended one per line and read back; a record without its newline
 * (half-written) is cut off on open; damage before the last line is refused; one record per
 * cell id; one writer at a time, and a lock left by a dead process is taken over.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, parseStore, type CellRecord } from '../../cli/result-store.js';

const record = (id: string): CellRecord => ({
  id, key: `k/${id}`, figures: { oracle: false, run: {} as CellRecord['figures']['run'], perDay: [] },
  timing: { decisions: 1, totalMs: 1, maxMs: 1 }, attempts: 1, ranOn: 'test', finishedAt: '',
});

describe('result store', () => {
  it('appends durable records, keeps one per cell, and reads them back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'freshsim-store-'));
    const s = openStore(dir);
    expect(s.append(record('a'))).toBe(true);
    expect(s.append(record('b'))).toBe(true);
    expect(s.append(record('a'))).toBe(false); // at-least-once delivery: the duplicate is ignored
    s.close();
    const again = openStore(dir);
    expect([...again.records.keys()]).toEqual(['a', 'b']);
    expect(again.repairedBytes).toBe(0);
    again.close();
    expect(readFileSync(join(dir, 'cells.jsonl'), 'utf8').split('\n')).toHaveLength(3);
  });

  it('cuts off a half-written last record, even one that parses', () => {
    const full = `${JSON.stringify(record('a'))}\n`;
    expect(parseStore(`${full}{"id":"b","ke`, 'f').complete).toBe(full.length);
    expect(parseStore(`${full}${JSON.stringify(record('b'))}`, 'f').complete).toBe(full.length); // no newline: unfinished
    const dir = mkdtempSync(join(tmpdir(), 'freshsim-store-'));
    writeFileSync(join(dir, 'cells.jsonl'), `${full}{"id":"b","ke`);
    const s = openStore(dir);
    expect(s.repairedBytes).toBe(13);
    s.append(record('c'));
    s.close();
    expect(readFileSync(join(dir, 'cells.jsonl'), 'utf8')).toBe(`${full}${JSON.stringify(record('c'))}\n`);
  });

  it('refuses damage before the last line', () => {
    expect(() => parseStore(`garbage\n${JSON.stringify(record('a'))}\n`, 'f.jsonl')).toThrow('f.jsonl: line 1 is not a valid cell record');
  });

  it('lets one writer at a time, and takes over the lock of a process that is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'freshsim-store-'));
    const s = openStore(dir);
    expect(() => openStore(dir)).toThrow(/is in use by process \d+/);
    s.close();
    writeFileSync(join(dir, 'cells.jsonl.lock'), `${hostname()} 2147483646\n`); // no such process
    openStore(dir).close();
  });
});
