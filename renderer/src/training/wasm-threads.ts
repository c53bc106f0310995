/**
 * tf.js' threaded WASM build, on the cores this worker may use, where the page is cross-origin
 * isolated (COOP and COEP headers: the web server's in renderer/vite.config.ts, the app:// protocol's
 * in electron/protocol.ts), else its single-threaded SIMD build with the reason.
 *
 * The threaded build's helper threads (Emscripten pthreads) each load the WASM factory's script
 * before they can run. tf.js (tfjs-backend-wasm 4.22, backend_wasm.ts) hands them that script as
 * a Blob made from the factory's own source, `wasmFactoryThreadedSimd.toString()`, which each
 * helper loads with `importScripts(URL.createObjectURL(blob))`. In Chromium that load fails in
 * the helpers of a worker (NetworkError, measured here: headless Chromium, cross-origin isolated
 * page), and in a minified bundle the source would not stand alone anyway; the helpers never
 * start and `setBackend('wasm')` waits for them for ever: the hang seen before (upstream, the same
 * wait for threads that never start: https://github.com/tensorflow/tfjs/issues/4932). Worked
 * around here: the message that tells a helper what to load names the factory's file as npm ships
 * it, served with the app, instead of the Blob.
 */
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import threadedFactoryUrl from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?url';
import type { Localized } from '../../../shared/vocabulary/localized';

export interface WasmThreading {
  /** Threads tf.js' WASM backend computes on: this worker's and its helpers. */
  threads: number;
  /** Why, in the learner's words, as the status bar's backend reason ends. */
  reason: Localized;
}

/**
 * How many threads to ask for. Emscripten starts min(4, max(1, cores / 2)) helper threads with
 * the module (tfjs-backend-wasm's PTHREAD_POOL_SIZE); asking XNNPACK for more than those plus this
 * thread would start more while this thread waits for them, which never finishes in a worker
 * busy computing. So: the helpers started, plus this one.
 */
export function wasmThreadCount(cores: number): number {
  const helpers = Math.min(4, Math.max(1, Math.floor(cores / 2)));
  return cores < 2 ? 1 : Math.min(cores, helpers + 1);
}

/** What this worker can run on, from what the browser says about it. */
export function wasmThreading(scope: {
  crossOriginIsolated?: boolean;
  navigator: { hardwareConcurrency?: number };
}): WasmThreading {
  const cores = scope.navigator.hardwareConcurrency ?? 1;
  if (scope.crossOriginIsolated !== true) {
    return {
      threads: 1,
      reason: {
        en: 'One thread: the page is not cross-origin isolated, so WASM cannot share memory between threads.',
        es: 'Un hilo: la página no está aislada de otros orígenes, así que WASM no puede compartir memoria entre hilos.',
      },
    };
  }
  const threads = wasmThreadCount(cores);
  if (threads < 2) {
    return {
      threads,
      reason: { en: 'One thread: this machine has one core.', es: 'Un hilo: esta máquina tiene un núcleo.' },
    };
  }
  return {
    threads,
    reason: { en: `${threads} threads on ${cores} cores.`, es: `${threads} hilos en ${cores} núcleos.` },
  };
}

/** A helper thread's first message, as Emscripten sends it: what script to load, among others. */
interface LoadMessage {
  cmd?: unknown;
  urlOrBlob?: unknown;
}

/** The message with the factory's file named in place of tf.js' Blob; any other message as it is. */
export function withFactoryScript(message: unknown, scriptUrl: string): unknown {
  const load = message as LoadMessage | null;
  if (typeof load !== 'object' || load === null || load.cmd !== 'load' || typeof load.urlOrBlob === 'string')
    return message;
  return { ...load, urlOrBlob: scriptUrl };
}

/**
 * Readies tf.js' WASM backend for `threads` threads (the threaded build, its helpers told to load
 * the factory's file), or for one (the SIMD build). Before the WASM backend first starts.
 */
export function prepareWasmThreads(
  tf: { env(): { set(flag: string, value: boolean): void } },
  scope: { Worker: typeof Worker; location: { href: string } },
  threads: number,
): void {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
  if (threads < 2) return;
  const scriptUrl = new URL(threadedFactoryUrl, scope.location.href).href;
  const Base = scope.Worker;
  scope.Worker = class extends Base {
    override postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions): void {
      super.postMessage(withFactoryScript(message, scriptUrl), options as Transferable[]);
    }
  };
  setThreadsCount(threads);
}
