import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8ByteLength } from './utf8';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function nodeDecodes(bytes: Uint8Array): string | null {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

describe('decodeUtf8', () => {
  it('reads text in any script, and skips one byte order mark', () => {
    const text = 'Red «hola» — 日本語, 🧠 and ∑';
    expect(decodeUtf8(new TextEncoder().encode(text))).toEqual({ ok: true, text });
    expect(decodeUtf8(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41))).toEqual({ ok: true, text: 'A' });
    expect(decodeUtf8(Uint8Array.of(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf))).toEqual({ ok: true, text: '\uFEFF' });
    expect(decodeUtf8(new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80], 1, 'byte 0x80 at offset 1'],
    ['an overlong slash', [0x41, 0x42, 0xc0, 0xaf], 2, 'byte 0xC0 at offset 2'],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0, 'byte 0xE0 at offset 0'],
    ['a UTF-16 surrogate', [0x20, 0xed, 0xa0, 0x80], 1, 'byte 0xED at offset 1'],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0, 'byte 0xF4 at offset 0'],
    ['a byte that never appears in UTF-8', [0x61, 0x62, 0x63, 0xff], 3, 'byte 0xFF at offset 3'],
    ['a lead byte followed by ASCII', [0xc3, 0x28], 0, 'byte 0xC3 at offset 0'],
    ['a character cut by the end', [0x61, 0xe6, 0x97], 1, 'end inside a character that starts at offset 1'],
    ['Latin-1 text', [...'caf'].map((c) => c.charCodeAt(0)).concat(0xe9, 0x20), 3, 'byte 0xE9 at offset 3'],
  ])('refuses %s, naming the offset of the first bad byte', (_case, bytes, offset, message) => {
    const decoded = decodeUtf8(Uint8Array.from(bytes));
    expect(decoded).toEqual({ ok: false, offset, message: expect.stringContaining(message) });
    expect(nodeDecodes(Uint8Array.from(bytes))).toBeNull();
  });

  it('agrees with a strict TextDecoder on any bytes, and points where the valid prefix ends', () => {
    const utf8ish = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc
        .tuple(fc.string({ unit: 'binary', maxLength: 32 }), fc.nat(40), fc.integer({ min: 0, max: 255 }))
        .map(([text, at, byte]) => {
          const bytes = new TextEncoder().encode(text);
          if (bytes.length > 0) bytes[at % bytes.length] = byte;
          return bytes;
        }),
    );
    fc.assert(
      fc.property(utf8ish, (bytes) => {
        const decoded = decodeUtf8(bytes);
        const expected = nodeDecodes(bytes);
        if (expected === null) {
          expect(decoded.ok).toBe(false);
          if (!decoded.ok) expect(nodeDecodes(bytes.subarray(0, decoded.offset))).not.toBeNull();
        } else {
          expect(decoded).toEqual({ ok: true, text: expected });
        }
      }),
      { numRuns: 5000, seed: 24 },
    );
  });

  it('decodes long text in pieces, mixing ASCII runs and wide characters', () => {
    const text = `${'weights'.repeat(5000)}ñ${'🧠'.repeat(9000)}${'x'.repeat(20_000)}`;
    expect(decodeUtf8(new TextEncoder().encode(text))).toEqual({ ok: true, text });
  });
});

describe('utf8ByteLength', () => {
  it('counts what TextEncoder writes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
      }),
      { numRuns: 2000, seed: 25 },
    );
    // A lone surrogate is written as U+FFFD, three bytes.
    expect(utf8ByteLength('\uD800')).toBe(3);
  });
});
