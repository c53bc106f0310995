/**
 * A data file's bytes as text: refused with a clear reason when there are too many, none, binary
 * ones, or bytes that are not UTF-8. The app (a file opened or dropped) and the command line read
 * a learner's data files through this. Reads nothing but its arguments.
 */
import type { Localized } from '../vocabulary/localized.js';

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

/** Why a file is too large to open as data. */
export function tooLarge(name: string, size: number, maxBytes: number): { ok: false; problem: Localized } {
  const shown = JSON.stringify(name);
  return {
    ok: false,
    problem: {
      en: `${shown} is ${megabytes(size)} MB: LayerLab opens at most ${megabytes(maxBytes)} MB of such a file. Use a part of it.`,
      es: `${shown} ocupa ${megabytes(size)} MB: LayerLab abre como mucho ${megabytes(maxBytes)} MB de un archivo así. Usa una parte.`,
    },
  };
}

/** The text of `bytes`, or why they are not a text file LayerLab can read. */
export function textOf(
  name: string,
  bytes: Uint8Array,
  maxBytes: number,
): { ok: true; text: string } | { ok: false; problem: Localized } {
  const shown = JSON.stringify(name);
  if (bytes.length > maxBytes) return tooLarge(name, bytes.length, maxBytes);
  if (bytes.length === 0) return { ok: false, problem: { en: `${shown} is empty.`, es: `${shown} está vacío.` } };
  if (bytes.subarray(0, 65_536).includes(0))
    return {
      ok: false,
      problem: {
        en: `${shown} is not a text file (it holds binary data). Open a CSV or TSV table.`,
        es: `${shown} no es un archivo de texto (tiene datos binarios). Abre una tabla CSV o TSV.`,
      },
    };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    return { ok: true, text };
  } catch {
    return {
      ok: false,
      problem: {
        en: `${shown} is not UTF-8 text. Save it again as "CSV UTF-8" and open it again.`,
        es: `${shown} no es texto UTF-8. Guárdalo de nuevo como "CSV UTF-8" y vuelve a abrirlo.`,
      },
    };
  }
}
