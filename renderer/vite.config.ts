import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../shared/security/csp.ts';
import packageJson from '../package.json' with { type: 'json' };

/**
 * tf.js' multi-threaded WASM backend needs SharedArrayBuffer, which needs cross-origin isolation;
 * the Electron protocol handler sends the same headers.
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'X-Content-Type-Options': 'nosniff',
};

/** The built page carries the same CSP as the desktop app; the dev server needs inline HMR scripts. */
function cspMetaTag(): Plugin {
  return {
    name: 'layerlab-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), cspMetaTag()],
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
    // Rolldown reports which plugins took the build's time; for a newcomer's `npm start` that
    // reads like an error and asks nothing of them.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { headers: isolationHeaders },
  // The built app is served with the same policy as a header, so it also covers the training
  // worker's script (a <meta> tag only covers the page).
  preview: { headers: { ...isolationHeaders, 'Content-Security-Policy': contentSecurityPolicy } },
});
