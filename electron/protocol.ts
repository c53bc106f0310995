/**
 * The `app://layerlab/` protocol the UI loads from: which file a request maps to, and the headers
 * it is served with. The resolver never leaves the bundle (RELIABILITY.md item 4): it refuses what
 * looks like an escape instead of normalising it. Reads nothing but its arguments.
 */
import path from 'node:path';
import { contentSecurityPolicy } from '../shared/security/csp.js';

/** The scheme of the app's own pages. */
export const appScheme = 'app';
/** The host of the app's own pages. */
export const appHost = 'layerlab';
/** Every URL of the app's own pages starts with this. */
export const appUrlPrefix = `${appScheme}://${appHost}/`;
/** The page a window loads. */
export const appEntryUrl = `${appUrlPrefix}index.html`;

/** True when `url` is one of the app's own pages. */
export function isAppUrl(url: string): boolean {
  return url.startsWith(appUrlPrefix);
}

/** The subset of `node:path` the resolver uses, so tests can run it with Windows rules too. */
export type PathApi = Pick<typeof path.posix, 'resolve' | 'join' | 'relative' | 'isAbsolute' | 'sep'>;

/** True when `text` holds a control character, NUL included. */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** A segment that means something other than a plain name on some system. */
function isUnsafeSegment(segment: string): boolean {
  return (
    segment === '' ||
    segment === '.' ||
    segment === '..' ||
    // Backslashes separate paths on Windows, colons start drive letters and alternate streams,
    // `%` left after decoding means the URL was encoded twice: none appear in a built bundle.
    /[\\:%]/.test(segment) ||
    hasControlCharacter(segment) ||
    // Windows device names open a device wherever they appear, extension or not.
    /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(segment)
  );
}

/**
 * Maps `requestUrl` (`app://layerlab/assets/x.js`) to the file it names under `bundleRoot`, with
 * `/` meaning `index.html`. Answers `null` for another scheme or host, malformed percent encoding,
 * `..` or `.` segments (raw or encoded), backslashes, NUL, drive letters, double encoding, and
 * anything else that does not land strictly inside the bundle.
 */
export function resolveBundlePath(bundleRoot: string, requestUrl: string): string | null {
  return resolveBundlePathWith(path, bundleRoot, requestUrl);
}

/** {@link resolveBundlePath} with the path rules of `pathApi` (`path.posix` or `path.win32`). */
export function resolveBundlePathWith(pathApi: PathApi, bundleRoot: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  // The query and the fragment never name a file.
  const encoded = requestUrl.slice(appUrlPrefix.length).split(/[?#]/, 1)[0] ?? '';
  if (encoded.includes('\\') || hasControlCharacter(encoded)) return null;
  if (/%(?![0-9a-f]{2})/i.test(encoded)) return null;

  let decoded: string;
  try {
    // Exactly once: a `%25` that decodes to `%` is refused below rather than decoded again.
    decoded = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  const relative = decoded === '' ? 'index.html' : decoded;
  const segments = relative.split('/');
  if (segments.some(isUnsafeSegment)) return null;

  const root = pathApi.resolve(bundleRoot);
  const filePath = pathApi.join(root, ...segments);
  // The final word: whatever the checks above missed, the result must lie inside the root.
  const fromRoot = pathApi.relative(root, filePath);
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(fromRoot)) {
    return null;
  }
  return filePath;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** The media type of a bundle file, from its extension; unknown ones are plain bytes. */
export function contentTypeOf(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers for a file of the bundle served over `app://`. */
export function responseHeaders(filePath: string): Record<string, string> {
  return {
    'Content-Type': contentTypeOf(filePath),
    'Content-Security-Policy': contentSecurityPolicy,
    // tf.js's threaded WASM backend needs SharedArrayBuffer, which needs cross-origin isolation.
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    // The bundle changes with each release, and a stale cached script is worse than a reread.
    'Cache-Control': 'no-cache',
  };
}
