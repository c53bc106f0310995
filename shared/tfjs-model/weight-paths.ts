/**
 * Which weight file paths a model.json may name: plain relative names inside the model.json's
 * folder (`weights.bin`, `group1-shard1of2.bin`, `shards/part1.bin`), never a way out of it.
 * Checked before any file is opened. Reads nothing but its arguments.
 */

/** Longest path accepted; names on every file system LayerLab runs on fit well within it. */
const maxPathLength = 255;

/**
 * The path without the leading `./` that ml5.js and some hand-written manifests put before a file
 * name (`./model.weights.bin`): tf.js reads it as the file beside the model.json, and so does LayerLab.
 */
export function plainWeightPath(path: string): string {
  let plain = path;
  while (plain.startsWith('./')) plain = plain.slice(2);
  return plain;
}

/**
 * Why `path` may not be read, or null when it is a plain relative name. A path here is only ever
 * joined to the model.json's folder by the caller, which checks the result is still inside it.
 */
export function weightPathProblem(written: string): string | null {
  const path = plainWeightPath(written);
  if (path.length === 0) return 'it is empty';
  if (path.length > maxPathLength) return `it is longer than ${maxPathLength} characters`;
  if (path.includes('\0')) return 'it holds a NUL character';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0001-\u001f\u007f]/.test(path)) return 'it holds a control character';
  if (path.includes('\\')) return 'it holds a backslash';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) || path.startsWith('//')) return 'it is a URL or names a drive';
  if (path.startsWith('/')) return 'it is an absolute path';
  // A colon elsewhere names an NTFS stream or a drive; '%' could be decoded into '..' by a URL loader.
  if (path.includes(':')) return "it holds a ':'";
  if (path.includes('%')) return "it holds a '%'";
  const segments = path.split('/');
  if (segments.some((segment) => segment === '..')) return "it leaves the folder through '..'";
  if (segments.some((segment) => segment === '' || segment === '.')) return "it has an empty or '.' part";
  if (segments.some((segment) => segment.trim() !== segment || segment.endsWith('.'))) {
    return 'a part of it starts or ends with a space, or ends with a dot';
  }
  return null;
}
