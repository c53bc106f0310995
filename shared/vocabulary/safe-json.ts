/**
 * A JSON reader for text nobody vouches for. It accepts exactly RFC 8259 JSON, as `JSON.parse`
 * does, and also refuses, naming the place: nesting deeper than a cap (checked before it goes
 * deeper, so a hostile file cannot exhaust the stack), the keys `__proto__`, `constructor` and
 * `prototype` (the usual way to poison prototypes through merged data), a key given twice (which
 * parsers resolve differently), and numbers too large for a double. Reads nothing but its
 * arguments; throws nothing.
 */

export type JsonRead = { ok: true; value: unknown } | { ok: false; message: string };

/** Keys refused anywhere in a file. */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `key` may name a value in a file: false for the three keys above. */
export const isAllowedKey = (key: string): boolean => !forbiddenKeys.has(key);

/** What a schema says of a refused key. */
export const refusedKeyMessage = 'the keys __proto__, constructor and prototype are not allowed';

/**
 * The path to the first refused key in a value built in code, or null. A schema cannot be relied
 * on for this: zod's records skip a `__proto__` key without a word.
 */
export function findRefusedKey(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const key of Object.keys(value)) {
    if (!isAllowedKey(key)) return [...path, key];
    const found = findRefusedKey((value as Record<string, unknown>)[key], [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Objects and arrays inside one another past this are refused: a project needs about 6. */
export const defaultMaxDepth = 64;

/**
 * Where the problem is: the JSON path (`graph.nodes.0.params`) or `the file` at the top. A hostile
 * path is shortened (long keys cut, the middle of a deep path left out) so a message stays short.
 */
export function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  const segments = path.map((segment) => {
    const text = String(segment);
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  });
  const shown = segments.length > 12 ? [...segments.slice(0, 4), '…', ...segments.slice(-6)] : segments;
  return shown.join('.');
}

/** Thrown inside the reader only, caught by `readJson`. */
class JsonProblem {
  constructor(
    readonly position: number,
    readonly message: string,
  ) {}
}

const escapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
// eslint-disable-next-line no-control-regex -- raw control characters are what JSON strings may not hold
const needsSlowPath = /[\u0000-\u001f\\]/;
const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const isWhitespace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

class Reader {
  position = 0;
  /** The keys and indices leading to the value being read. */
  readonly path: PropertyKey[] = [];

  constructor(
    readonly text: string,
    readonly maxDepth: number,
  ) {}

  fail(message: string, position = this.position): never {
    throw new JsonProblem(position, message);
  }

  skipWhitespace(): void {
    while (isWhitespace(this.text.charCodeAt(this.position))) this.position += 1;
  }

  /** What is at the current position, for messages: a character, or "the end of the file". */
  found(): string {
    if (this.position >= this.text.length) return 'the end of the file';
    return JSON.stringify(String.fromCodePoint(this.text.codePointAt(this.position) ?? 0));
  }

  value(depth: number): unknown {
    this.skipWhitespace();
    const code = this.text.charCodeAt(this.position);
    if (code === 0x7b) return this.object(depth + 1);
    if (code === 0x5b) return this.array(depth + 1);
    if (code === 0x22) return this.string();
    if (code === 0x2d || (code >= 0x30 && code <= 0x39)) return this.number();
    const word = code === 0x74 ? 'true' : code === 0x66 ? 'false' : code === 0x6e ? 'null' : null;
    if (word !== null && this.text.startsWith(word, this.position)) {
      this.position += word.length;
      return word === 'true' ? true : word === 'false' ? false : null;
    }
    if (/^(?:NaN|Infinity|undefined)/.test(this.text.slice(this.position, this.position + 9))) {
      this.fail('NaN, Infinity and undefined are not JSON; write a finite number or null');
    }
    return this.fail(`expected a value, found ${this.found()}`);
  }

  enter(depth: number): void {
    if (depth > this.maxDepth) this.fail(`nested more than ${this.maxDepth} levels deep`);
    this.position += 1;
    this.skipWhitespace();
  }

  object(depth: number): Record<string, unknown> {
    this.enter(depth);
    const result: Record<string, unknown> = {};
    if (this.text.charCodeAt(this.position) === 0x7d) {
      this.position += 1;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) !== 0x22) this.fail(`expected a key in quotes, found ${this.found()}`);
      const keyPosition = this.position;
      const key = this.string();
      if (forbiddenKeys.has(key)) this.fail(`the key ${JSON.stringify(key)} is not allowed`, keyPosition);
      if (Object.hasOwn(result, key)) this.fail(`the key ${JSON.stringify(key)} appears twice`, keyPosition);
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) !== 0x3a) this.fail(`expected ':' after a key, found ${this.found()}`);
      this.position += 1;
      this.path.push(key);
      // Safe to assign: the three keys that could reach a prototype were refused above.
      result[key] = this.value(depth);
      this.path.pop();
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.position);
      this.position += 1;
      if (next === 0x7d) return result;
      if (next !== 0x2c) this.fail(`expected ',' or '}' after a value, found ${this.found()}`, this.position - 1);
    }
  }

  array(depth: number): unknown[] {
    this.enter(depth);
    const result: unknown[] = [];
    if (this.text.charCodeAt(this.position) === 0x5d) {
      this.position += 1;
      return result;
    }
    for (;;) {
      this.path.push(result.length);
      result.push(this.value(depth));
      this.path.pop();
      this.skipWhitespace();
      const next = this.text.charCodeAt(this.position);
      this.position += 1;
      if (next === 0x5d) return result;
      if (next !== 0x2c) this.fail(`expected ',' or ']' after a value, found ${this.found()}`, this.position - 1);
    }
  }

  string(): string {
    const start = this.position + 1;
    const close = this.text.indexOf('"', start);
    if (close < 0) this.fail('a string is not closed');
    // Most strings (names, base64 weights) hold no escape and no control character.
    const slow = this.text.slice(start, close).search(needsSlowPath);
    if (slow < 0) {
      this.position = close + 1;
      return this.text.slice(start, close);
    }
    let result = this.text.slice(start, start + slow);
    this.position = start + slow;
    for (;;) {
      const code = this.text.charCodeAt(this.position);
      if (Number.isNaN(code)) this.fail('a string is not closed');
      if (code === 0x22) {
        this.position += 1;
        return result;
      }
      if (code < 0x20) this.fail('a control character inside a string must be escaped');
      if (code !== 0x5c) {
        result += this.text.charAt(this.position);
        this.position += 1;
        continue;
      }
      const escape = this.text.charAt(this.position + 1);
      if (escape === 'u') {
        const digits = this.text.slice(this.position + 2, this.position + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(digits)) this.fail('\\u must be followed by four hexadecimal digits');
        result += String.fromCharCode(Number.parseInt(digits, 16));
        this.position += 6;
      } else {
        const character = escapes[escape];
        if (character === undefined) this.fail(`\\${escape} is not a JSON escape`);
        result += character;
        this.position += 2;
      }
    }
  }

  number(): number {
    numberPattern.lastIndex = this.position;
    const match = numberPattern.exec(this.text);
    if (!match) {
      if (this.text.startsWith('-Infinity', this.position))
        this.fail('-Infinity is not JSON; write a finite number or null');
      return this.fail(`expected a number, found ${this.found()}`);
    }
    const literal = match[0];
    const next = this.text.charCodeAt(this.position + literal.length);
    // `01`, `1.`, `1e`, `.5` and the like: the pattern stopped early on a digit, dot or exponent.
    if ((next >= 0x30 && next <= 0x39) || next === 0x2e || next === 0x65 || next === 0x45) {
      this.fail(
        `${JSON.stringify(this.text.slice(this.position, this.position + literal.length + 1))} is not a JSON number`,
      );
    }
    const value = Number(literal);
    if (!Number.isFinite(value)) this.fail(`the number ${literal.slice(0, 40)} is too large`);
    this.position += literal.length;
    // `-0` reads as 0: JSON.stringify writes both as 0, so a file reads back the same once saved.
    return value === 0 ? 0 : value;
  }
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < position; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

/**
 * Reads one JSON value from `text`, or says what is wrong and where: the JSON path of the value
 * being read, then the line and column, e.g. `graph.nodes.0: the key "__proto__" is not allowed
 * (line 12, column 9)`.
 */
export function readJson(text: string, maxDepth = defaultMaxDepth): JsonRead {
  const reader = new Reader(text, maxDepth);
  try {
    reader.skipWhitespace();
    if (reader.position >= text.length) return { ok: false, message: 'the file is empty' };
    const value = reader.value(0);
    reader.skipWhitespace();
    if (reader.position < text.length) reader.fail(`unexpected ${reader.found()} after the end of the JSON value`);
    return { ok: true, value };
  } catch (thrown) {
    if (!(thrown instanceof JsonProblem)) throw thrown;
    return {
      ok: false,
      message: `${describePath(reader.path)}: ${thrown.message} (${lineAndColumn(text, thrown.position)})`,
    };
  }
}
