/**
 * The escapers every user string goes through: Python's read back by `ast.literal_eval` on
 * Debian's python3, TypeScript's by the TypeScript compiler, each to the very same text.
 */
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { pythonNumber, pythonString, pythonTuple } from './python';
import { samePadding } from '../layers/spellings';
import { typescriptString } from './typescript-literals';

const awkward = [
  'plain',
  '"""\nimport os',
  "'''\r\n\t'",
  'back\\slash\\',
  'ends with a backslash \\',
  'ñandú · “quotes” · 漢字 · 😀',
  'line\u2028separator\u2029and\u0085next',
  'bidi \u202e override \u2066 isolate',
  'nul \u0000 bell \u0007 escape \u001b',
  'lone \ud800 surrogate',
  '{f-string} {{braces}} %s $1',
];

describe('pythonString', () => {
  it('is read back by Python as exactly the same text, on one line, never triple-quoted', () => {
    const literals = awkward.map(pythonString);
    for (const literal of literals) {
      expect(literal).not.toMatch(/[\n\r]/);
      expect(literal).toMatch(/^"(?!"")/);
    }
    const script =
      'import ast, json, sys\nprint(json.dumps([ast.literal_eval(l) for l in json.loads(sys.stdin.read())]))';
    const output = execFileSync('/usr/bin/python3', ['-c', script], {
      input: JSON.stringify(literals),
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual(awkward);
  });

  it('keeps readable text readable', () => {
    expect(pythonString('simple_rnn')).toBe('"simple_rnn"');
    expect(pythonString('ñandú')).toBe('"ñandú"');
    expect(pythonString('say "hi"')).toBe('"say \\"hi\\""');
  });
});

describe('typescriptString', () => {
  it.each(awkward)('%j is read back by the TypeScript compiler as the same text', (text) => {
    const literal = typescriptString(text);
    expect(literal).not.toMatch(/[\n\r\u2028\u2029\u202e\u2066]/);
    const source = ts.createSourceFile('probe.ts', `const text = ${literal};`, ts.ScriptTarget.ES2022);
    const statement = source.statements[0];
    const initializer =
      statement && ts.isVariableStatement(statement)
        ? statement.declarationList.declarations[0]?.initializer
        : undefined;
    expect(initializer && ts.isStringLiteral(initializer) ? initializer.text : null).toBe(text);
    expect(source.statements).toHaveLength(1);
  });
});

describe('numbers and padding', () => {
  it('writes Python numbers and tuples', () => {
    expect(pythonNumber(1e-7)).toBe('1e-7');
    expect(pythonNumber(-0)).toBe('0');
    expect(pythonTuple([3])).toBe('(3,)');
    expect(pythonTuple([3, 8])).toBe('(3, 8)');
  });

  it('pads as TensorFlow does for "same": the odd zero after', () => {
    expect(samePadding(7, 3, 2)).toEqual([1, 1]);
    expect(samePadding(6, 3, 2)).toEqual([0, 1]);
    expect(samePadding(5, 2, 1)).toEqual([0, 1]);
    expect(samePadding(4, 1, 2)).toEqual([0, 0]);
  });
});
