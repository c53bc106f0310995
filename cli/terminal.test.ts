/** The terminal's escaper: arbitrary text in, nothing a terminal would act on out. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalText } from './terminal';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const actedOn = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('terminalText', () => {
  it('leaves no character a terminal acts on, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(terminalText(text)).not.toMatch(actedOn);
      }),
      { numRuns: 5000, seed: 14 },
    );
  });

  it('shows what it escapes, and keeps readable text, newlines and tabs as they are', () => {
    expect(terminalText('\u001b[2J\u0007\r\u009b31m\u202eabc')).toBe('\\x1b[2J\\x07\\x0d\\x9b31m\\u202eabc');
    expect(terminalText('capa ñandú 😀\n\tloss 0.1')).toBe('capa ñandú 😀\n\tloss 0.1');
  });
});
