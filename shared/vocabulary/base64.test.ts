import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ByteLength, decodeBase64, encodeBase64, isBase64 } from './base64';

describe('base64', () => {
  it('writes what Node writes, for every length remainder', () => {
    for (const text of ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']) {
      const bytes = new TextEncoder().encode(text);
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('reads back any bytes it wrote', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(isBase64(text)).toBe(true);
        expect(base64ByteLength(text)).toBe(bytes.length);
        expect(decodeBase64(text)).toEqual(bytes);
      }),
    );
  });

  it('builds long texts in pieces without losing any', () => {
    const bytes = Uint8Array.from({ length: 200_003 }, (_, index) => (index * 7) % 256);
    expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it.each(['abc', 'ab=c', '====', 'a===', 'ab*d', 'AAAA=AAA', 'ñAAA'])('refuses %j', (text) => {
    expect(isBase64(text)).toBe(false);
    expect(decodeBase64(text)).toBeNull();
  });
});
