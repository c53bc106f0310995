/**
 * Data kept outside the project: a learner's table of more than `embeddedDataChars` characters
 * is not copied into the project file, which keeps instead where the file was, its size and the
 * SHA-256 of its text. On open the file is looked for where it was, then beside the project, and
 * taken only when its size and hash are the ones saved; a moved or changed file is said so, and
 * the learner points to it again (RELIABILITY.md item 32). Reads nothing but its arguments: the
 * hosts (node/data-files.ts, the app's data panel) do the reading.
 */
import { z } from 'zod';
import type { Localized } from '../vocabulary/localized.js';
import { textFingerprint } from '../vocabulary/fingerprint.js';

/** A file's text of more characters than this stays outside the project (a million: about 1 MB). */
export const embeddedDataChars = 1_000_000;

/**
 * The largest data file LayerLab reads as text (a table), kept outside the project past
 * `embeddedDataChars`: bench/open-table.ts measures opening 201 MB (no task over 100 ms).
 */
export const maxKeptOutsideBytes = 256_000_000;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in 64 lower-case hex digits');

/** The file a project's data was read from. */
export const dataFileSchema = z
  .object({
    /** Its name, as the learner opened it. */
    name: z.string().min(1).max(260),
    /** Where it was, absolute; null where the platform gives no path (a browser). */
    path: z
      .string()
      .min(1)
      .max(4096)
      .refine((value) => !value.includes('\0'), 'a path cannot hold a NUL character')
      .nullable(),
    /** Its size in bytes. */
    bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    /** The SHA-256 of its text as UTF-8 (shared/vocabulary/fingerprint.ts), in hex. */
    sha256: sha256Hex,
  })
  .strict();
export type DataFile = z.infer<typeof dataFileSchema>;

/** What a project keeps of a file it read `text` from: `bytes` on disk, `path` where the platform tells. */
export function describedFile(name: string, text: string, bytes: number, path: string | null = null): DataFile {
  return { name, path, bytes, sha256: textFingerprint(text) };
}

/** What looking for a project's data file found. */
export const foundDataSchema = z.discriminatedUnion('status', [
  /** The same file (size and hash), at `path`: its text. */
  z.object({ status: z.literal('found'), path: z.string().max(4096).nullable(), text: z.string() }).strict(),
  /** A file of that name at `path`, but not the one saved: another size or another hash. */
  z
    .object({
      status: z.literal('changed'),
      path: z.string().max(4096),
      bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    })
    .strict(),
  /** Nowhere it was looked for (`looked`); `why` when the platform cannot look at all. */
  z
    .object({
      status: z.literal('missing'),
      looked: z.array(z.string().max(4096)).max(4),
      why: z.enum(['not-found', 'no-paths']),
    })
    .strict(),
]);
export type FoundData = z.infer<typeof foundDataSchema>;

/** Where a project's data file is looked for: where it was, then beside the project. */
export function placesToLook(
  file: DataFile,
  projectFolder: string | null,
  join: (folder: string, name: string) => string,
): string[] {
  const beside = projectFolder === null ? null : join(projectFolder, file.name);
  return [...new Set([file.path, beside].filter((place): place is string => place !== null))];
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * What the data panel and the command line say of a data file not found as it was saved, without
 * what to do, which each says its own way.
 */
export function notFoundProblem(file: DataFile, found: Exclude<FoundData, { status: 'found' }>): Localized {
  const name = JSON.stringify(file.name);
  if (found.status === 'changed') {
    const sizes =
      found.bytes === file.bytes
        ? { en: 'the same size, other contents', es: 'mismo tamaño, otro contenido' }
        : {
            en: `${megabytes(file.bytes)} then, ${megabytes(found.bytes)} now`,
            es: `${megabytes(file.bytes)} entonces, ${megabytes(found.bytes)} ahora`,
          };
    return {
      en: `${name} at ${JSON.stringify(found.path)} has changed since the project was saved (${sizes.en})`,
      es: `${name} en ${JSON.stringify(found.path)} ha cambiado desde que se guardó el proyecto (${sizes.es})`,
    };
  }
  if (found.why === 'no-paths')
    return {
      en: `The project keeps ${name} (${megabytes(file.bytes)}) outside itself, and a browser cannot open a file by its path`,
      es: `El proyecto guarda ${name} (${megabytes(file.bytes)}) fuera de sí, y un navegador no puede abrir un archivo por su ruta`,
    };
  const looked = found.looked.map((place) => JSON.stringify(place)).join(', ');
  return {
    en: `The project keeps ${name} (${megabytes(file.bytes)}) outside itself, and it was not found (looked at ${looked})`,
    es: `El proyecto guarda ${name} (${megabytes(file.bytes)}) fuera de sí, y no se encontró (se buscó en ${looked})`,
  };
}
