/**
 * TypeScript literals for the TypeScript export. A user's text only ever
 * reaches a program through `typescriptString`. Reads nothing but its arguments.
 */
/**
 * A string literal of `text`: JSON's escaping (quotes, backslashes, control characters, lone
 * surrogates), then every other character that is not printable (line and paragraph separators,
 * C1 controls, bidirectional overrides and other invisible format characters, odd spaces) as a
 * `\u` escape, so the literal is one line and what the reader sees is what the compiler reads.
 * The only way a user's text reaches a TypeScript program.
 */
export function typescriptString(text: string): string {
  return JSON.stringify(text).replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu, (character) => {
    const code = character.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A user's text inside a `//` comment: as its string literal, quoted and escaped, so nothing in
 * it can end the comment's line or hide what follows.
 */
export function typescriptComment(text: string): string {
  return typescriptString(text);
}

/** `[3, 8]`. */
export function typescriptNumbers(values: readonly number[]): string {
  return `[${values.map((value) => String(value)).join(', ')}]`;
}

/** `{ units: 50, name: "dense" }`, skipping entries whose value is null (left at tf.js' default). */
export function typescriptConfig(entries: readonly (readonly [string, string | null])[]): string {
  const kept = entries.filter((entry): entry is readonly [string, string] => entry[1] !== null);
  return `{ ${kept.map(([key, value]) => `${key}: ${value}`).join(', ')} }`;
}

/** A quoted tf.js name (`'relu'`), or null where it is tf.js' default. */
export function quotedUnless(value: string, tfDefault: string | null): string | null {
  return value === tfDefault ? null : typescriptString(value);
}
