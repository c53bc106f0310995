/**
 * docs/reliability.md points each reliability promise at the tests that keep it: every file it
 * names must exist and hold the test title it quotes, so the page cannot drift from the tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const page = readFileSync(path.join(process.cwd(), 'docs', 'reliability.md'), 'utf8');
const references = [...page.matchAll(/^- `([^`]+)` › "([^"]+)"/gm)].map((match) => ({
  file: match[1] ?? '',
  title: match[2] ?? '',
}));

describe('docs/reliability.md', () => {
  it('names tests for the promises the trust work must show: items 1, 2, 11, 12, 22, 24, 25, 26', () => {
    for (const item of [1, 2, 11, 12, 22, 24, 25, 26]) {
      const section = page.split(/^\*\*/m).find((part) => part.startsWith(`${item}. `));
      expect(section, `item ${item}`).toMatch(/^- `/m);
    }
    expect(references.length).toBeGreaterThan(30);
  });

  it.each(references.map((reference) => [reference.file, reference.title]))('%s holds “%s”', (file, title) => {
    expect(existsSync(path.join(process.cwd(), file)), file).toBe(true);
    expect(readFileSync(path.join(process.cwd(), file), 'utf8')).toContain(title);
  });
});
