import { describe, expect, it } from 'vitest';
import { wasmThreadCount, wasmThreading, withFactoryScript } from './wasm-threads';

describe('threads for tf.js’ WASM backend', () => {
  it('asks for the helper threads Emscripten starts plus the worker’s own, never more than the cores', () => {
    // Emscripten starts min(4, max(1, cores / 2)) helpers with the module.
    expect([1, 2, 3, 4, 6, 8, 16, 64].map(wasmThreadCount)).toEqual([1, 2, 2, 3, 4, 5, 5, 5]);
  });

  it('says why it runs on one thread: no cross-origin isolation, or one core', () => {
    const notIsolated = wasmThreading({ crossOriginIsolated: false, navigator: { hardwareConcurrency: 8 } });
    expect(notIsolated.threads).toBe(1);
    expect(notIsolated.reason.en).toContain('not cross-origin isolated');
    expect(notIsolated.reason.es).toContain('no está aislada');
    const oneCore = wasmThreading({ crossOriginIsolated: true, navigator: { hardwareConcurrency: 1 } });
    expect(oneCore).toMatchObject({ threads: 1, reason: { en: 'One thread: this machine has one core.' } });
    const twoCores = wasmThreading({ crossOriginIsolated: true, navigator: { hardwareConcurrency: 2 } });
    expect(twoCores).toEqual({ threads: 2, reason: { en: '2 threads on 2 cores.', es: '2 hilos en 2 núcleos.' } });
  });

  it('tells a helper thread to load the factory’s file instead of tf.js’ Blob, and leaves other messages be', () => {
    const blob = new Blob(['var WasmBackendModuleThreadedSimd = () => {}']);
    const load = { cmd: 'load', handlers: ['onAbort'], urlOrBlob: blob, wasmMemory: 'memory' };
    expect(withFactoryScript(load, 'http://127.0.0.1/assets/factory.js')).toEqual({
      ...load,
      urlOrBlob: 'http://127.0.0.1/assets/factory.js',
    });
    const named = { cmd: 'load', urlOrBlob: 'http://elsewhere/factory.js' };
    expect(withFactoryScript(named, 'http://127.0.0.1/assets/factory.js')).toBe(named);
    const run = { cmd: 'run', pthread_ptr: 5 };
    expect(withFactoryScript(run, 'x')).toBe(run);
    expect(withFactoryScript(null, 'x')).toBeNull();
  });
});
