/**
 * The one way text reaches the terminal (RELIABILITY.md: control characters from user data never
 * do). Reads nothing but its arguments.
 */

/**
 * Characters a terminal acts on instead of showing: C0 controls but tab and newline (ESC starts
 * sequences that move the cursor, clear the screen or retitle the window; CR rewrites the line),
 * DEL and the C1 controls (U+009B is ESC [ in one character), line and paragraph separators, and
 * the bidirectional marks, overrides and isolates that make a line read otherwise than it is.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const actedOn = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every character a terminal would act on written as a visible escape (`\x1b`,
 * `\u202e`); newlines and tabs are kept, everything else is left as it is.
 */
export function terminalText(text: string): string {
  return text.replace(actedOn, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
