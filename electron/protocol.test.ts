import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../shared/security/csp.js';
import {
  appEntryUrl,
  contentTypeOf,
  isAppUrl,
  resolveBundlePath,
  resolveBundlePathWith,
  responseHeaders,
} from './protocol.js';

const systems = [
  { name: 'POSIX', pathApi: path.posix, root: '/opt/layerlab/dist' },
  { name: 'Windows', pathApi: path.win32, root: 'C:\\Program Files\\LayerLab\\dist' },
] as const;

/** Checked without the resolver's own logic: a normalised path below the root, not the root. */
function isStrictlyInside(pathApi: typeof path.posix, root: string, candidate: string): boolean {
  return (
    candidate.startsWith(root + pathApi.sep) &&
    candidate.length > root.length + 1 &&
    pathApi.normalize(candidate) === candidate &&
    !candidate.split(pathApi.sep).includes('..')
  );
}

const prefixes = [
  'app://layerlab/',
  'app://layerlab',
  'app://layerlab//',
  'app://layerlab.evil/',
  'app://layerlab@evil/',
  'app://layerlab:80/',
  'app://evil/',
  'app:///',
  'APP://layerlab/',
  'file:///',
  'https://layerlab/',
];

const pieces = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E',
  '%2E%2e',
  '%2e.',
  '.%2e',
  '%252e%252e',
  '%25',
  '\\',
  '%5c',
  '%5C',
  '%255c',
  '/',
  '%2f',
  '%2F',
  '\0',
  '%00',
  '%0a',
  'C:',
  'c%3a',
  '%3A',
  '/etc/passwd',
  '//',
  '\\\\server\\share',
  'C:\\Windows',
  'index.html',
  'assets',
  'x.js',
  'CON',
  'nul.txt',
  '%',
  '%zz',
  '%e0%a4%a',
  '%c0%ae',
  '?',
  '#',
  '~',
];

const hostileUrl = fc
  .tuple(
    fc.constantFrom(...prefixes),
    fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...pieces) }, { weight: 1, arbitrary: fc.string() }), {
      maxLength: 12,
    }),
  )
  .map(([prefix, parts]) => prefix + parts.join(''));

describe.each(systems)('resolveBundlePath with $name paths', ({ pathApi, root }) => {
  it('answers null or a path strictly inside the bundle, whatever the URL', () => {
    fc.assert(
      fc.property(hostileUrl, (url) => {
        const resolved = resolveBundlePathWith(pathApi, root, url);
        return resolved === null || isStrictlyInside(pathApi, root, resolved);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('maps plain names to the file of the same name', () => {
    const name = fc
      .stringMatching(/^[a-z0-9_-][a-z0-9_.-]{0,15}$/)
      .filter((text) => !/^(\.+|(con|prn|aux|nul)(\..*)?)$/.test(text));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), (names) => {
        expect(resolveBundlePathWith(pathApi, root, `app://layerlab/${names.join('/')}`)).toBe(
          pathApi.join(root, ...names),
        );
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it.each([
    ['app://layerlab/', 'index.html'],
    ['app://layerlab/index.html', 'index.html'],
    ['app://layerlab/index.html?lesson=3#top', 'index.html'],
    ['app://layerlab/assets/x.js', pathApi.join('assets', 'x.js')],
    ['app://layerlab/assets%2Fx.js', pathApi.join('assets', 'x.js')],
    [
      'app://layerlab/assets/tfjs-backend-wasm-threaded-simd.wasm',
      pathApi.join('assets', 'tfjs-backend-wasm-threaded-simd.wasm'),
    ],
    ['app://layerlab/fonts/Inter%20Variable.woff2', pathApi.join('fonts', 'Inter Variable.woff2')],
  ])('serves %s from the bundle', (url, file) => {
    expect(resolveBundlePathWith(pathApi, root, url)).toBe(pathApi.join(root, file));
  });

  it.each([
    'app://layerlab/../etc/passwd',
    'app://layerlab/assets/../../etc/passwd',
    'app://layerlab/%2e%2e/etc/passwd',
    'app://layerlab/%2E%2e/%2e%2E/secret',
    'app://layerlab/.%2e/secret',
    'app://layerlab/%252e%252e/secret',
    'app://layerlab/%2e%2e%2fsecret',
    'app://layerlab/assets/./x.js',
    'app://layerlab/..\\secret',
    'app://layerlab/..%5csecret',
    'app://layerlab/..%5Csecret',
    'app://layerlab/%255c',
    'app://layerlab/index.html\0.png',
    'app://layerlab/index.html%00.png',
    'app://layerlab//etc/passwd',
    'app://layerlab/%2fetc/passwd',
    'app://layerlab/C:/Windows/win.ini',
    'app://layerlab/C:%5cWindows',
    'app://layerlab/c%3a/Windows',
    'app://layerlab/index.html:stream',
    'app://layerlab/%5c%5cserver%5cshare',
    'app://layerlab/CON',
    'app://layerlab/assets/nul.txt',
    'app://layerlab/assets/',
    'app://layerlab/%',
    'app://layerlab/%zz',
    'app://layerlab/%e0%a4%a',
    'app://layerlab/%c0%ae%c0%ae/secret',
    'app://layerlab',
    'app://layerlab.evil/index.html',
    'app://layerlab@evil/index.html',
    'app://layerlab:80/index.html',
    'app://evil/index.html',
    'APP://layerlab/index.html',
    'file:///etc/passwd',
    'https://layerlab/index.html',
    '/etc/passwd',
    '',
  ])('refuses %j', (url) => {
    expect(resolveBundlePathWith(pathApi, root, url)).toBeNull();
  });
});

describe('resolveBundlePath', () => {
  it('uses the platform path rules and resolves a relative root', () => {
    expect(resolveBundlePath('dist', 'app://layerlab/')).toBe(path.resolve('dist', 'index.html'));
  });
});

describe('isAppUrl', () => {
  it('knows the entry page and nothing that merely looks like it', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl('app://layerlab.evil/')).toBe(false);
    expect(isAppUrl('app://layerlab')).toBe(false);
    expect(isAppUrl('file:///app/dist/index.html')).toBe(false);
  });
});

describe('responseHeaders', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['x.js', 'text/javascript; charset=utf-8'],
    ['x.mjs', 'text/javascript; charset=utf-8'],
    ['x.css', 'text/css; charset=utf-8'],
    ['lesson.json', 'application/json; charset=utf-8'],
    ['tfjs-backend-wasm.wasm', 'application/wasm'],
    ['logo.png', 'image/png'],
    ['logo.svg', 'image/svg+xml'],
    ['inter.woff2', 'font/woff2'],
    ['favicon.ico', 'image/x-icon'],
    ['LOGO.PNG', 'image/png'],
    ['weights.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream'],
  ])('types %s as %s', (file, type) => {
    expect(contentTypeOf(path.join('/dist', file))).toBe(type);
    expect(responseHeaders(file)['Content-Type']).toBe(type);
  });

  it('isolates the page cross-origin, so tf.js can use threaded WASM, and forbids sniffing', () => {
    expect(responseHeaders('/dist/index.html')).toMatchObject({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': contentSecurityPolicy,
    });
  });
});
