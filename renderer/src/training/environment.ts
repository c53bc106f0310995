/**
 * What the worker's machine offers: a real or a software GPU through WebGPU and WebGL, and
 * WebAssembly. Software renderers (SwiftShader, llvmpipe) count as no GPU.
 */
import type { BackendEnvironment } from '../../../shared/training/backends';

const softwareRenderer = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
}

interface GpuLike {
  requestAdapter(): Promise<{ info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null>;
}

async function probeWebGpu(): Promise<BackendEnvironment['webgpu']> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) return { available: false, software: false, adapter: '' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false, software: false, adapter: '' };
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown adapter';
    return {
      available: true,
      software: adapter.isFallbackAdapter === true || softwareRenderer.test(name),
      adapter: name,
    };
  } catch {
    return { available: false, software: false, adapter: '' };
  }
}

function probeWebGl(): BackendEnvironment['webgl'] {
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = canvas.getContext('webgl2');
    if (!gl) return { available: false, software: false, renderer: '' };
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, software: softwareRenderer.test(renderer), renderer };
  } catch {
    return { available: false, software: false, renderer: '' };
  }
}

export async function probeEnvironment(): Promise<BackendEnvironment> {
  return { webgpu: await probeWebGpu(), webgl: probeWebGl(), wasm: typeof WebAssembly === 'object' };
}
