/**
 * Writing one benchmark's section of a Markdown document (docs/BENCHMARKS.md)
 * without touching the others: the section runs from its `## ` heading to the
 * next `## ` heading (or the end) and is replaced in place, or appended.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** `text` with the section whose heading line is `heading` replaced by `section` (which starts with that heading). */
export function replaceSection(text: string, heading: string, section: string): string {
  if (!section.startsWith(`${heading}\n`)) throw new Error(`section must start with its heading line '${heading}'`);
  const body = section.replace(/\n*$/, '\n');
  let at = 0;
  if (!text.startsWith(`${heading}\n`)) {
    const found = text.indexOf(`\n${heading}\n`);
    if (found < 0) return `${text.replace(/\n*$/, text.trim() ? '\n\n' : '')}${body}`;
    at = found + 1;
  }
  const next = text.indexOf('\n## ', at + heading.length);
  return `${text.slice(0, at)}${body}${next < 0 ? '' : `\n${text.slice(next + 1)}`}`;
}

/** Replace (or append) one section of the Markdown file `file`, keeping every other section. */
export function writeDocSection(file: string, heading: string, section: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  writeFileSync(file, replaceSection(text, heading, section));
}
