/**
 * Starting tf.js in Node on a chosen backend: WASM (the fastest here) unless the network has a
 * layer whose gradient WASM lacks, then the plain-JavaScript CPU backend. The choice is always
 * said and a backend that fails to start is an error, never a silent fall-back (as in the app).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { LayerKind } from '../shared/layers/registry.js';
import type { TfModule } from '../shared/layers/types.js';
import { wasmBlockers } from '../shared/training/backends.js';
import { CliError, exitCodes } from './errors.js';

export const cliBackends = ['wasm', 'cpu'] as const;
export type CliBackend = (typeof cliBackends)[number];

/** A backend that has not started after this long is reported as failed (the app waits as long). */
export const backendStartLimitMs = 20_000;

export interface BackendChoice {
  name: CliBackend;
  /** Why not the default, for stderr. */
  note?: string;
}

/** The backend that trains a network of these kinds: the one asked for, else WASM if it can. */
export function chooseTrainingBackend(kinds: Iterable<LayerKind>, asked: CliBackend | undefined): BackendChoice {
  const blockers = wasmBlockers(kinds);
  const blocked = blockers.map((blocker) => `${blocker.kind} (${blocker.kernel})`).join(', ');
  if (asked === 'wasm' && blockers.length > 0) {
    throw new CliError(
      `--backend wasm cannot train this network: tf.js has no WASM gradient kernel for ${blocked}. Use --backend cpu.`,
      exitCodes.usage,
    );
  }
  if (asked) return { name: asked };
  if (blockers.length > 0) {
    return {
      name: 'cpu',
      note: `WASM cannot train ${blocked}: tf.js has no gradient kernel for it there. Training on cpu.`,
    };
  }
  return { name: 'wasm' };
}

/** The installed WASM binaries, as the file path (with its trailing separator) tf.js prefixes. */
function wasmDirectory(): string {
  const require = createRequire(import.meta.url);
  const packageDirectory = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  return `${path.join(packageDirectory, 'dist')}${path.sep}`;
}

async function startBackend(tf: TfModule, name: CliBackend): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`it did not start within ${backendStartLimitMs / 1000} s`), backendStartLimitMs);
  });
  try {
    const started = tf.setBackend(name).then((ok) => (ok ? null : 'tf.setBackend returned false'));
    const failure = await Promise.race([started, limit]);
    if (failure !== null) return failure;
    await tf.ready();
    return tf.getBackend() === name ? null : `tf.js is on ${tf.getBackend()} instead`;
  } catch (thrown) {
    return thrown instanceof Error ? thrown.message : String(thrown);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The CPU backend's first tensor prints advice to install tfjs-node. The command line runs
 * tf.js itself on purpose (the app's engine), so let that first tensor pass in production mode.
 */
function quietNodeAdvice(tf: TfModule): void {
  const production = tf.env().getBool('PROD');
  tf.env().set('PROD', true);
  tf.dispose(tf.scalar(0));
  tf.env().set('PROD', production);
}

/** Loads tf.js (only commands that compute pay for it) and starts `name`, or says why it cannot. */
export async function startTf(name: CliBackend): Promise<TfModule> {
  const tf: TfModule = await import('@tensorflow/tfjs');
  if (name === 'wasm') {
    const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
    // The threaded build starts Web Workers, which Node does not have: setBackend would hang.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(wasmDirectory());
  }
  const failure = await startBackend(tf, name);
  if (failure !== null) {
    const hint = name === 'wasm' ? ' Try --backend cpu.' : '';
    throw new CliError(`could not start the ${name} backend: ${failure}.${hint}`, exitCodes.problems);
  }
  if (name === 'cpu') quietNodeAdvice(tf);
  return tf;
}
