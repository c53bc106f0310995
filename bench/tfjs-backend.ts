/**
 * Puts tf.js on one of the CPU backends for the training benchmarks: `cpu` (plain JavaScript) or
 * `wasm` in its single-threaded build, the one a page without cross-origin isolation gets.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';

export type CpuBackend = 'wasm' | 'cpu';

const require = createRequire(import.meta.url);
let wasmConfigured = false;

export async function useBackend(name: CpuBackend): Promise<void> {
  if (name === 'wasm' && !wasmConfigured) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    const wasmFile = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    setWasmPaths(`${path.dirname(wasmFile)}/`);
    wasmConfigured = true;
  }
  if (!(await tf.setBackend(name))) throw new Error(`tf.js could not start its ${name} backend`);
  await tf.ready();
}

/** What the wasm backend runs with, for the report. */
export function backendDetail(name: CpuBackend): string {
  if (name === 'cpu') return 'cpu (plain JavaScript)';
  return `wasm (${tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'SIMD' : 'no SIMD'}, single-threaded)`;
}
