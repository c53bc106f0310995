/**
 * A text's fingerprint: the SHA-256 of its UTF-8 bytes, in hex (@noble/hashes), the same
 * fingerprint Node's `createHash('sha256')` and Python's `hashlib.sha256` give for that text. An
 * exported program checks the table it reads against the one LayerLab opened, since it deals the
 * rows by their numbers in that table. Reads nothing but its argument.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

export function textFingerprint(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
