/**
 * A look at a file's format version without checking the rest, for deciding whether a file on
 * disk may be saved over, and whether text about to be saved is a project at all. Needs no schema.
 * Reads nothing but its arguments.
 */
import { maxProjectBytes, maxProjectDepth } from '../vocabulary/project-format.js';
import { readJson } from '../vocabulary/safe-json.js';
import { decodeUtf8 } from '../vocabulary/utf8.js';

/** How `saveProject` starts every file, so most files are answered from their first bytes. */
const leadingVersion = /^\s*\{\s*"formatVersion"\s*:\s*(\d{1,9})\s*[,}]/;

/** The first bytes of `input` as text; only ASCII matters to `leadingVersion`. */
function head(input: Uint8Array | string): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '').slice(0, 256);
  const start = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  return String.fromCharCode.apply(null, input.subarray(start, start + 256) as unknown as number[]);
}

/**
 * The format version a file says it has, or null when it says none. A file that starts as
 * LayerLab writes (`{ "formatVersion": N,`) is answered from its first bytes, broken or not;
 * any other is read in full, safely (size, UTF-8, depth and keys checked).
 */
export function formatVersionOf(input: Uint8Array | string): number | null {
  const leading = leadingVersion.exec(head(input));
  if (leading?.[1] !== undefined) return Number(leading[1]);
  if ((typeof input === 'string' ? input.length : input.byteLength) > maxProjectBytes) return null;
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok) return null;
    text = decoded.text;
  }
  const json = readJson(text, maxProjectDepth);
  if (!json.ok || typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) return null;
  const version = (json.value as Record<string, unknown>)['formatVersion'];
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
}
