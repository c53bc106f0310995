import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJson } from './safe-json';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function jsonParses(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

describe('readJson', () => {
  it('reads what JSON.parse reads', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.boolean(), (value, indent) => {
        const text = JSON.stringify(value, null, indent ? 2 : undefined);
        const read = readJson(text);
        // fast-check may draw one of the refused keys; JSON.stringify never writes a key twice.
        if (/"(__proto__|constructor|prototype)":/.test(text)) expect(read.ok).toBe(false);
        else expect(read).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 3000, seed: 31 },
    );
  });

  it('refuses what JSON.parse refuses, and reads the same value when both accept', () => {
    const fragments = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '"',
      '1',
      '-',
      '.',
      'e',
      '0',
      'true',
      'nul',
      ' ',
      '\\',
      '\n',
    ];
    const almostJson = fc.array(fc.constantFrom(...fragments), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(almostJson, fc.string({ unit: 'binary', maxLength: 30 })), (text) => {
        const read = readJson(text);
        const parsed = jsonParses(text);
        if (!parsed.ok) expect(read.ok).toBe(false);
        else if (read.ok) expect(read.value).toEqual(parsed.value);
        else expect(read.message).toMatch(/appears twice|is not allowed/);
      }),
      { numRuns: 5000, seed: 32 },
    );
  });

  it('reads strings with every escape, and surrogate pairs written either way', () => {
    const text = String.raw`["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u0041", "\ud83e\udde0", "🧠", "\udc00"]`;
    expect(readJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it.each([
    [
      '__proto__',
      '{"a": {"__proto__": {"polluted": true}}}',
      'a: the key "__proto__" is not allowed (line 1, column 8)',
    ],
    ['an escaped __proto__', '{"\\u005f_proto__": 1}', 'the file: the key "__proto__" is not allowed'],
    ['constructor', '{"graph": [{"constructor": {"prototype": {}}}]}', 'graph.0: the key "constructor" is not allowed'],
    ['prototype', '{"x": 1,\n "prototype": 2}', 'the file: the key "prototype" is not allowed (line 2, column 2)'],
    ['a key given twice', '{"name": "a", "name": "b"}', 'the file: the key "name" appears twice'],
    ['a number too large for a double', '{"x": [1, 1e400]}', 'x.1: the number 1e400 is too large'],
    ['a negative one', '{"x": -2e308}', 'x: the number -2e308 is too large'],
    ['NaN', '{"x": NaN}', 'x: NaN, Infinity and undefined are not JSON'],
    ['Infinity', '[Infinity]', '0: NaN, Infinity and undefined are not JSON'],
    ['-Infinity', '[-Infinity]', '0: -Infinity is not JSON'],
    ['a leading zero', '[01]', '0: "01" is not a JSON number'],
    ['a bare dot', '[1.]', '0: "1." is not a JSON number'],
    ['a trailing comma', '{"a": 1,}', 'the file: expected a key in quotes, found "}"'],
    ['single quotes', "{'a': 1}", `the file: expected a key in quotes, found "'"`],
    ['a comment', '{"a": 1 // no\n}', "the file: expected ',' or '}' after a value, found \"/\""],
    ['a raw line break in a string', '["a\nb"]', '0: a control character inside a string must be escaped'],
    ['a bad escape', '["\\x41"]', '0: \\x is not a JSON escape'],
    ['a short \\u escape', '["\\u12"]', '0: \\u must be followed by four hexadecimal digits'],
    ['an unclosed string', '{"name": "abc', 'name: a string is not closed'],
    ['an unclosed object', '{"a": [1, 2]', "the file: expected ',' or '}' after a value, found the end of the file"],
    ['text after the value', '{} {}', 'the file: unexpected "{" after the end of the JSON value'],
    ['nothing at all', '  \n ', 'the file is empty'],
  ])('refuses %s, naming the place', (_case, text, message) => {
    const read = readJson(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(message);
  });

  it('caps nesting before going deeper, so no stack can overflow', () => {
    expect(readJson(nested(64)).ok).toBe(true);
    expect(readJson(nested(65))).toEqual({
      ok: false,
      message: expect.stringContaining('nested more than 64 levels deep'),
    });
    // Far past any stack: refused at level 65 without reading further.
    expect(readJson('['.repeat(10_000_000)).ok).toBe(false);
    expect(readJson(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`, 200).ok).toBe(true);
  });

  it('never gives values a prototype other than Object’s or Array’s', () => {
    const read = readJson('{"a": {"b": [{"c": 1}]}}');
    if (!read.ok) throw new Error(read.message);
    const value = read.value as { a: { b: { c: number }[] } };
    expect(Object.getPrototypeOf(value.a)).toBe(Object.prototype);
    expect(Array.isArray(value.a.b)).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
