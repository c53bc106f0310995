/**
 * Facts about the project file that need no schema, so the Electron main process and the preload
 * can use them without bundling the layer registry (and tf.js behind it). Reads nothing.
 */
import { defaultMaxDepth } from './safe-json.js';

/** The format this LayerLab writes. A file with a higher one opens read-only. */
export const currentFormatVersion = 3;

/**
 * Most weights a network may have anywhere in LayerLab, one policy for all: what `import` accepts,
 * what a project file holds, and what `check`, training and the exports accept. 32 million float32
 * values (128 MB): a 25M-parameter text model, or MobileNet several times over.
 */
export const maxProjectWeights = 32_000_000;

/**
 * The largest project file read: room for the most weights a project holds, written in base64 (4
 * characters for 3 bytes, 171 MB), and the graph, the data and the settings beside them.
 */
export const maxProjectBytes = 192 * 1024 * 1024;

/** Objects and arrays nested deeper than this are refused before the reader goes further. */
export const maxProjectDepth = defaultMaxDepth;

/** The extension of project files, without its dot. */
export const projectFileExtension = 'layerlab';

/** What `createdWith` says when the LayerLab that created a project is not known. */
export const unknownCreator = 'unknown';
