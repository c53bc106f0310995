/**
 * LayerLab's Content-Security-Policy, in one place for the desktop app (sent as a response
 * header by the `app://` protocol) and the web build (injected as a `<meta>` tag). Pure data.
 */

/** One directive and its sources, in the order they are written. */
type Directive = readonly [name: string, sources: readonly string[]];

const directives: readonly Directive[] = [
  ['default-src', ["'self'"]],
  // tf.js's WASM backend compiles WebAssembly; `wasm-unsafe-eval` allows exactly that and no
  // JavaScript `eval`.
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  // React Flow positions nodes with inline `style` attributes.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'", 'data:']],
  // tf.js reads model weights and datasets the learner picked through blob: and data: URLs.
  ['connect-src', ["'self'", 'blob:', 'data:']],
  // The training worker, and tf.js's threaded WASM backend, start workers from blob: URLs.
  ['worker-src', ["'self'", 'blob:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

/** Directives a browser ignores when the policy comes from a `<meta>` tag instead of a header. */
const headerOnlyDirectives: ReadonlySet<string> = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function serialize(selected: readonly Directive[]): string {
  return selected.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The policy as a `Content-Security-Policy` response header. */
export const contentSecurityPolicy: string = serialize(directives);

/**
 * The same policy for a `<meta http-equiv="Content-Security-Policy">` tag: without the
 * directives that only work as a header, which a browser would otherwise warn about.
 */
export const metaContentSecurityPolicy: string = serialize(
  directives.filter(([name]) => !headerOnlyDirectives.has(name)),
);
