/**
 * Spanish and English say the same things: every key in one locale file is in the other, with
 * the same {{placeholders}}, and no text is left empty. With the lint rule that keeps literal text
 * out of the components (tests/architecture.test.ts), every word on screen is in both.
 */
import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('the locale files', () => {
  const english = flatten(en as Tree);
  const spanish = flatten(es as Tree);

  it('have the same keys', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('fill the same placeholders, and leave no text empty', () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(spanish.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });
});
