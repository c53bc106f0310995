/**
 * Standard base64 (RFC 4648, with padding) for bytes, written out because shared/ runs where
 * neither Node's Buffer nor the DOM's atob exists. Reads nothing but its arguments.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const digitOf = new Int8Array(128).fill(-1);
for (let index = 0; index < alphabet.length; index += 1) digitOf[alphabet.charCodeAt(index)] = index;

const alphabetCodes = Uint8Array.from(alphabet, (letter) => letter.charCodeAt(0));
const padCode = '='.charCodeAt(0);
const asciiText = new TextDecoder('latin1');

/**
 * `bytes` as base64: its characters written as codes into one array, then read as text at once (a
 * 24 MB folder of images encodes in a fraction of a second; a character at a time, it took seconds).
 */
export function encodeBase64(bytes: Uint8Array): string {
  const codes = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let to = 0;
  for (let index = 0; index < whole; index += 3) {
    const triple = ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    codes[to] = alphabetCodes[(triple >> 18) & 63] ?? 0;
    codes[to + 1] = alphabetCodes[(triple >> 12) & 63] ?? 0;
    codes[to + 2] = alphabetCodes[(triple >> 6) & 63] ?? 0;
    codes[to + 3] = alphabetCodes[triple & 63] ?? 0;
    to += 4;
  }
  const left = bytes.length - whole;
  if (left > 0) {
    const pair = ((bytes[whole] ?? 0) << 8) | (left === 2 ? (bytes[whole + 1] ?? 0) : 0);
    codes[to] = alphabetCodes[(pair >> 10) & 63] ?? 0;
    codes[to + 1] = alphabetCodes[(pair >> 4) & 63] ?? 0;
    codes[to + 2] = left === 2 ? (alphabetCodes[(pair << 2) & 63] ?? 0) : padCode;
    codes[to + 3] = padCode;
  }
  // Every code is ASCII, which Latin-1 reads as itself.
  return asciiText.decode(codes);
}

/** The number of bytes `text` encodes, from its length and padding alone (no check of its characters). */
export function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor(text.length / 4) * 3 - padding);
}

/** Bytes that `text` encodes, or null when it is not padded standard base64. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  const digit = (position: number) => {
    const code = text.charCodeAt(position);
    return code < 128 ? (digitOf[code] ?? -1) : -1;
  };
  let written = 0;
  for (let index = 0; index < text.length; index += 4) {
    const final = index + 4 === text.length;
    const a = digit(index);
    const b = digit(index + 1);
    // '=' stands for a missing digit only at the very end.
    const c = final && padding === 2 ? 0 : digit(index + 2);
    const d = final && padding >= 1 ? 0 : digit(index + 3);
    if ((a | b | c | d) < 0) return null;
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[written++] = (triple >> 16) & 255;
    if (written < bytes.length) bytes[written++] = (triple >> 8) & 255;
    if (written < bytes.length) bytes[written++] = triple & 255;
  }
  return bytes;
}

/** Whether `text` is padded standard base64: checked by a loop, as a regex would overflow its stack on megabytes. */
export function isBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const end = text.length - padding;
  for (let index = 0; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 128 || (digitOf[code] ?? -1) < 0) return false;
  }
  return true;
}
