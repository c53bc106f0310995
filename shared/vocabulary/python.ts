/**
 * Python literals and calls for the Keras and PyTorch exports. A user's text only ever reaches a
 * program through `pythonString`, which escapes everything that could end the literal or hide
 * code. Reads nothing but its arguments.
 */

/** Characters kept as they are: letters, marks, digits, punctuation, symbols and the plain space. */
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const namedEscapes: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCharacter(character: string): string {
  const named = namedEscapes[character];
  if (named !== undefined) return named;
  if (printable.test(character)) return character;
  // Control characters, line and paragraph separators, bidirectional overrides, lone surrogates:
  // written as code points, so what the reader sees is what Python reads.
  const code = character.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/**
 * A double-quoted Python string literal of `text`, like `repr` but always one line and never
 * triple-quoted, raw or formatted.
 */
export function pythonString(text: string): string {
  let body = '';
  for (const character of text) body += escapeCharacter(character);
  return `"${body}"`;
}

/**
 * A user's text inside a `#` comment: as its string literal, quoted and escaped, so nothing in it
 * can end the comment's line (or, as a NUL would, stop Python from reading the file at all).
 */
export function pythonComment(text: string): string {
  return pythonString(text);
}

/** A finite number as Python writes it: `3`, `0.001`, `1e-7` (read back the same). */
export function pythonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return Object.is(value, -0) ? '0' : String(value);
}

export function pythonBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** `(3, 8)`, and `(3,)` for one element. */
export function pythonTuple(values: readonly number[]): string {
  const items = values.map(pythonNumber);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** A list of numbers, wrapped at `perLine` items so a long sequence stays readable. */
export function pythonNumberList(values: readonly number[], indent = '    ', perLine = 16): string {
  const items = values.map(pythonNumber);
  if (items.length <= perLine) return `[${items.join(', ')}]`;
  const lines: string[] = [];
  for (let start = 0; start < items.length; start += perLine) {
    lines.push(`${indent}${items.slice(start, start + perLine).join(', ')},`);
  }
  return `[\n${lines.join('\n')}\n]`;
}

/** A keyword argument, left out (null) when it holds the callee's default. */
export function keyword(name: string, value: string, isDefault = false): string | null {
  return isDefault ? null : `${name}=${value}`;
}

/** `callee(a, b, key=value)`, skipping left-out arguments. */
export function pythonCall(callee: string, args: readonly (string | null)[]): string {
  return `${callee}(${args.filter((arg): arg is string => arg !== null).join(', ')})`;
}

/** Where each bracket opened outside string literals closes, for the brackets of `text`. */
function matchingBrackets(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  let quote: string | null = null;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    if (quote !== null) {
      if (character === '\\') index += 1;
      else if (character === quote) quote = null;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if ('([{'.includes(character)) {
      open.push(index);
    } else if (')]}'.includes(character)) {
      const start = open.pop();
      if (start !== undefined) pairs.set(start, index);
    }
  }
  return pairs;
}

/** `text` split at its commas that sit outside brackets and string literals. */
function topLevelParts(text: string): string[] {
  const pairs = matchingBrackets(text);
  const parts: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] ?? '';
    if (quote !== null) {
      if (character === '\\') index += 1;
      else if (character === quote) quote = null;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (pairs.has(index)) {
      index = pairs.get(index) ?? index;
    } else if (character === ',') {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '') parts.push(last);
  return parts;
}

/**
 * A line holding a call, wrapped as Black wraps it when longer than `width`: the arguments on one
 * indented line, or one per line when they do not fit either.
 */
export function wrapPython(line: string, width = 99): string[] {
  if (line.length <= width) return [line];
  const indentation = /^\s*/.exec(line)?.[0] ?? '';
  const pairs = matchingBrackets(line);
  const open = [...pairs.keys()].filter((index) => line[index] === '(').sort((a, b) => a - b)[0];
  const close = open === undefined ? undefined : pairs.get(open);
  if (open === undefined || close === undefined || close === open + 1) return [line];
  const head = line.slice(0, open + 1);
  const inner = line.slice(open + 1, close).trim();
  const tail = `${indentation}${line.slice(close)}`;
  const inside = `${indentation}    `;
  if (inside.length + inner.length <= width) return [head, `${inside}${inner}`, tail];
  return [head, ...topLevelParts(inner).flatMap((part) => wrapPython(`${inside}${part},`, width)), tail];
}
