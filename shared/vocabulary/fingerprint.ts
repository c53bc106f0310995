/**
 * A text's fingerprint: the SHA-256 of its UTF-8 bytes, in hex (@noble/hashes), the same
 * fingerprint Node's `createHash('sha256')` and Python's `hashlib.sha256` give for that text. An
 * exported program checks the table it reads against the one LayerLab opened, since it deals the
 * rows by their numbers in that table. Reads nothing but its argument, and the one fingerprint
 * it was told (`knowFingerprint`).
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** The fingerprint of the text the app last opened, worked out in the worker that read it. */
let known: { text: string; hex: string } | null = null;

/**
 * Says that `hex` is the fingerprint of `text`, worked out elsewhere (the app's open worker):
 * the window then never hashes that text itself, a second or two for a 200 MB table.
 */
export function knowFingerprint(text: string, hex: string): void {
  known = { text, hex };
}

export function textFingerprint(text: string): string {
  if (known?.text === text) return known.hex;
  return bytesToHex(sha256(utf8ToBytes(text)));
}
