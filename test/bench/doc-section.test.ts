import { describe, expect, it } from 'vitest';
import { replaceSection } from '../../bench/doc-section.js';

const doc = '# Benchmarks\n\n## A\n\nold a\n\n## B\n\nb text\n';

describe('replaceSection', () => {
  it('replaces only its own section, keeping the others in order', () => {
    expect(replaceSection(doc, '## A', '## A\n\nnew a\n')).toBe('# Benchmarks\n\n## A\n\nnew a\n\n## B\n\nb text\n');
    expect(replaceSection(doc, '## B', '## B\n\nnew b')).toBe('# Benchmarks\n\n## A\n\nold a\n\n## B\n\nnew b\n');
  });

  it('appends a section that is not there yet', () => {
    expect(replaceSection(doc, '## C', '## C\n\nc\n')).toBe(`${doc}\n## C\n\nc\n`);
  });

  it('does not mistake a longer heading for its own', () => {
    const text = '## A and more\n\nx\n';
    expect(replaceSection(text, '## A', '## A\n\ny\n')).toBe('## A and more\n\nx\n\n## A\n\ny\n');
  });

  it('refuses a section that does not start with its heading', () => {
    expect(() => replaceSection(doc, '## A', 'no heading')).toThrow(/must start with its heading/);
  });
});
