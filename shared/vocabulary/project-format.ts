/**
 * Facts about the project file that need no schema, so the Electron main process and the preload
 * can use them without bundling the layer registry (and tf.js behind it). Reads nothing.
 */
import { defaultMaxDepth } from './safe-json.js';

/** The format this LayerLab writes. A file with a higher one opens read-only. */
export const currentFormatVersion = 3;

/** The largest project file read: 50 MiB, room for the weights of any network LayerLab trains well. */
export const maxProjectBytes = 50 * 1024 * 1024;

/**
 * Most weights a project file can keep: each float32 takes four bytes, written in base64 (4
 * characters for 3 bytes), in 95% of the file's size, the rest left to the graph and the data.
 * Training (training/budget.ts) refuses more, so a trained network can always be saved.
 */
export const maxProjectWeights = Math.floor((0.95 * maxProjectBytes) / ((4 * 4) / 3) / 100_000) * 100_000;

/** Objects and arrays nested deeper than this are refused before the reader goes further. */
export const maxProjectDepth = defaultMaxDepth;

/** The extension of project files, without its dot. */
export const projectFileExtension = 'layerlab';

/** What `createdWith` says when the LayerLab that created a project is not known. */
export const unknownCreator = 'unknown';
